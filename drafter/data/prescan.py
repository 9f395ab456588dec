"""Pre-scan the raw text of a YAML file for slips a Chinese input method makes.

PyYAML reports these one or two lines late, or with the opposite advice, because
by the time its parser notices something is wrong it is already past the slip.
Reading the text line by line first, we can name the line, the column and the
character, and say the fix:

- a full-width colon “：” after a field name (``body：兴平市人民政府``);
- no space after the colon (``year:2020``);
- indentation with a full-width space (U+3000) or a no-break space (U+00A0);
- two items of one list whose “-” are not aligned (the second one, indented
  deeper, would be joined to the first as “甲 - 乙”).

Text inside block scalars (``text: |``) and comments is left alone: a full-width
space at the start of a paragraph there is content.  Tabs are reported by the
loader's own check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter import regex
from drafter.errors import ERROR, Diagnostic

# A field name as the schema writes them (ASCII), after indentation and an optional "- ".
_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
_LINE = regex.compile(rf"^(?P<indent>[ \u3000\u00a0]*)(?P<dash>-[ \u3000]+)?(?P<key>{_KEY})?")
_COMMENT = regex.compile(r"(?:^|\s)#")
_BLOCK = regex.compile(r"[|>][+-]?\d?[+-]?")
_ODD_SPACES = {"\u3000": "全角空格（U+3000）", "\u00a0": "不换行空格（U+00A0）"}


@dataclass
class _Frame:
    indent: float
    key: str


def _strip_comment(rest: str) -> str:
    """The part of a value before a `` #`` comment (quotes are not tracked: good enough here)."""
    m = _COMMENT.search(rest)
    return rest[: m.start()] if m else rest


def prescan(text: str, name: str, keys: frozenset | set | None = None) -> list[Diagnostic]:
    """The input-method slips in ``text``, in line order (all of them are errors).

    ``keys`` is the set of field names the file may use; a word followed by a
    full-width colon or by a colon without a space is only taken for a field
    name if it is one of them (any ASCII word when ``keys`` is None).
    """
    return _scan(text, name, keys, fields=False)[0]


def field_at(text: str, line: int) -> str | None:
    """The dotted field a 1-based line belongs to (the last field named at or above it), e.g.
    ``meta.recipients``: lets a YAML syntax error name its field like every other message."""
    fields = _scan(text, "", None, fields=True)[1]
    for number in range(line, 0, -1):
        if number in fields:
            return fields[number]
    return None


def _scan(text: str, name: str, keys, *, fields: bool) -> tuple[list[Diagnostic], dict]:
    """The slips, and (if ``fields``) the dotted field named on each line that names one."""
    found: list[Diagnostic] = []
    line_fields: dict = {}
    stack: list[_Frame] = []
    block_indent: int | None = None       # inside a block scalar: its parent line's indentation
    last_item: tuple[int, int, str] | None = None   # (line, dash column, plain text) of the last "- text"
    lines = text.split("\n")

    counters: dict = {}                   # (list's field, dash column) → items seen

    def join(parts: list) -> str | None:
        out = ""
        for part in parts:
            out += part if part.startswith("[") else ("." if out else "") + part
        return out or None

    def field(indent: float, key: str | None = None) -> str | None:
        return join([f.key for f in stack if f.indent < indent] + ([key] if key else []))

    def list_field(dash_indent: int) -> str | None:
        """The list a “-” at this indentation belongs to (its items' own frames left out)."""
        return join([f.key for f in stack if f.indent <= dash_indent])

    def add(number: int, column: int, fld: str | None, message: str, hint: str) -> None:
        found.append(Diagnostic(ERROR, message, hint=hint, path=name, line=number, column=column, field=fld))

    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r")
        stripped = line.lstrip(" \u3000\u00a0")
        lead = line[: len(line) - len(stripped)]
        if block_indent is not None:
            ascii_indent = len(line) - len(line.lstrip(" "))
            if not stripped or ascii_indent > block_indent:
                continue                              # block content (may start with a full-width space)
            block_indent = None
        if not stripped or stripped.startswith("#") or stripped.startswith(("---", "...")):
            continue
        odd = next((c for c in lead if c in _ODD_SPACES), None)
        # Only where the line is structure (a field or a list item): in a text continuing on this
        # line a full-width space is content.
        if odd is not None and re.match(rf"(?:{_KEY}\s*[:：]|-[ \u3000])", stripped):
            column = lead.index(odd) + 1
            named = _LINE.match(stripped)
            what = _ODD_SPACES[odd]
            add(number, column, field(len(lead), named.group("key") if named.group("key") in (keys or ()) else None),
                f"第{number}行第{column}列用{what}缩进",
                f"缩进只能用半角空格：请删除这个看不见的{what.split('（')[0]}，改为输入半角空格；"
                "输入法可按 Shift+空格 切换全角/半角")
            last_item = None
            continue
        indent = len(lead)
        match = _LINE.match(line)
        dash = match.group("dash")
        key = match.group("key")
        after_key = line[match.end():] if key else ""
        content_indent = indent + (len(dash) if dash else 0)
        # A list item's frame sits half a column right of its “-”: a new “-” replaces it, a key in the
        # item (two columns right) is inside it, the list's own key (same column, compact style) is not.
        while stack and stack[-1].indent >= (indent + 0.5 if dash else indent):
            stack.pop()
        # A list item "- text" followed by a deeper "- text": YAML joins them into one string.
        if dash and last_item is not None and indent > last_item[1] - 1:
            prev_line, prev_col, prev_text = last_item
            add(prev_line, prev_col, list_field(prev_col - 1),
                f"第{prev_line}行和第{number}行的列表项“-”没有上下对齐（分别在第{prev_col}列和第{indent + 1}列），"
                f"程序会把两项连成一项“{prev_text} - {stripped[len(dash):].strip()}”",
                "同一列表的各项“-”要上下对齐：请调整这两行开头的空格，使“-”在同一列")
            last_item = None
            continue
        last_item = None
        if dash:
            owner = (list_field(indent), indent)
            counters[owner] = counters.get(owner, 0) + 1
            stack.append(_Frame(indent + 0.5, f"[{counters[owner]}]"))
        if key and (keys is None or key in keys):
            if after_key.startswith("：") or (after_key[:1] in " \u3000" and after_key.lstrip(" \u3000").startswith("：")):
                column = line.index("：", match.end()) + 1
                add(number, column, field(content_indent, key),
                    f"第{number}行：字段名 {key} 后面是全角冒号“：”",
                    "请改为半角冒号“:”并加一个空格；把输入法切换到英文或半角后再输入")
                continue
            if after_key.startswith(":") and after_key[1:2] not in ("", " ", "\t", "\r"):
                column = match.end() + 1
                add(number, column, field(content_indent, key),
                    f"第{number}行：字段名 {key} 后面的冒号“:”之后缺少空格",
                    f"请在冒号后加一个半角空格，写成“{key}: {after_key[1:].strip()}”")
                continue
        if key and after_key.startswith(":"):
            rest = _strip_comment(after_key[1:]).strip()
            if fields:                                # only wanted to name a syntax error's field
                line_fields[number] = field(content_indent, key)
            stack.append(_Frame(content_indent, key))
            if _BLOCK.fullmatch(rest):
                block_indent = content_indent             # the key's column (“- text: |” too)
            continue
        if dash:
            rest = _strip_comment(stripped[len(dash):]).strip()
            if _BLOCK.fullmatch(rest):
                block_indent = indent
            elif rest and not rest.startswith(("[", "{", "\"", "'", "-")) and not rest.endswith(":"):
                last_item = (number, indent + 1, rest)
    return found, line_fields


__all__ = ["field_at", "prescan"]
