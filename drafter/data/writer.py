"""Write a data tree as readable YAML with Chinese comments.

Used by ``drafter init`` and ``drafter import``: keys in the order given,
multi-line texts as literal blocks (``|``), comments before a key or list item
and at the end of a line.  Scalar quoting is delegated to PyYAML, so whatever
we write loads back to the same values.
"""

from __future__ import annotations

import datetime as dt
import re

from drafter import regex
from dataclasses import dataclass, field

import yaml

INDENT = "  "


@dataclass
class Comment:
    """Comment lines before an entry, and/or one comment at the end of its line."""

    before: list = field(default_factory=list)
    eol: str | None = None


def scalar(value) -> str:
    """One-line YAML for a scalar (quoted only where needed)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if _RAW_UNSAFE.search(str(value)):
        return _double_quoted(str(value))
    text = yaml.safe_dump(str(value), allow_unicode=True, width=1 << 20, default_flow_style=True)
    if text.endswith("\n...\n"):
        text = text[: -len("\n...\n")]
    return text.rstrip("\n")


# What YAML cannot carry raw, or reads as something else: controls but tab and newline, DEL, C1 controls,
# the invisible line breaks NEL, U+2028 and U+2029, BOM, surrogates and U+FFFE/U+FFFF.  Such text is
# written double-quoted with escapes, so it reads back exactly (and the loader has nothing to remove).
_RAW_UNSAFE = regex.compile("[^\x09\x0A\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD"
                         "\U00010000-\U0010FFFF]")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}


def _double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar, escaping everything YAML cannot carry raw."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _RAW_UNSAFE.match(ch):
            code = ord(ch)
            out.append(f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def comment_text(text: str) -> str:
    """A comment's text on one line: line breaks and characters YAML cannot carry become spaces or go."""
    return _RAW_UNSAFE.sub("", re.sub("[\r\n\x85\u2028\u2029]+", " ", str(text)))


def _literal(text: str, indent: str) -> list[str] | None:
    """Lines of a literal block for a multi-line text, or None if it can't be one."""
    if _RAW_UNSAFE.search(text.replace("\t", " ")):
        return None
    lines = text.split("\n")
    if not lines[0].strip() or lines[0][0] in " \t" or any(line.rstrip(" ") != line for line in lines):
        return None
    if any("\t" in line or "\r" in line for line in lines):
        return None
    chomp = "" if text.endswith("\n") and not text.endswith("\n\n") else "-"
    body = lines[:-1] if text.endswith("\n") else lines
    if chomp == "" and not body:
        return None
    return [f"|{chomp}"] + [f"{indent}{line}" if line else "" for line in body]


class _Emitter:
    def __init__(self, comments: dict):
        self.comments = comments
        self.out: list[str] = []

    def comment_before(self, path: tuple, indent: str):
        c = self.comments.get(path)
        if c:
            for line in c.before:
                line = comment_text(line)
                self.out.append(f"{indent}# {line}" if line else f"{indent}#")

    def eol(self, path: tuple) -> str:
        c = self.comments.get(path)
        return f"  # {comment_text(c.eol)}" if c and c.eol else ""

    def value_lines(self, head: str, value, path: tuple, indent: str):
        """Emit ``head`` (``key:`` or ``-``) followed by the value."""
        if isinstance(value, dict) and value:
            self.out.append(f"{head}{self.eol(path)}")
            self.mapping(value, path, indent + INDENT)
        elif isinstance(value, list) and value:
            self.out.append(f"{head}{self.eol(path)}")
            self.sequence(value, path, indent + INDENT)
        elif isinstance(value, (dict, list)):
            self.out.append(f"{head} {'{}' if isinstance(value, dict) else '[]'}{self.eol(path)}")
        elif isinstance(value, str) and "\n" in value and (block := _literal(value, indent + INDENT)):
            self.out.append(f"{head} {block[0]}{self.eol(path)}")
            self.out.extend(block[1:])
        else:
            text = scalar(value)
            self.out.append(f"{head}{' ' + text if text else ''}{self.eol(path)}")

    def mapping(self, data: dict, path: tuple, indent: str):
        for key, value in data.items():
            child = path + (key,)
            self.comment_before(child, indent)
            self.value_lines(f"{indent}{scalar(key)}:", value, child, indent)

    def sequence(self, data: list, path: tuple, indent: str):
        for i, value in enumerate(data):
            child = path + (i,)
            self.comment_before(child, indent)
            if isinstance(value, dict) and value:
                # first key on the dash line, the rest aligned under it
                first = True
                for key, v in value.items():
                    grand = child + (key,)
                    self.comment_before(grand, indent if first else indent + INDENT)
                    prefix = f"{indent}- " if first else f"{indent}{INDENT}"
                    self.value_lines(f"{prefix}{scalar(key)}:", v, grand, indent + INDENT)
                    first = False
            else:
                self.value_lines(f"{indent}-", value, child, indent)


def dump(data: dict, comments: dict | None = None, header: list[str] | None = None) -> str:
    """YAML text for ``data`` (a mapping), with optional comments keyed by data path."""
    emitter = _Emitter(comments or {})
    for line in header or []:
        emitter.out.append(f"# {comment_text(line)}" if line else "")
    emitter.mapping(data, (), "")
    text = "\n".join(emitter.out) + "\n"
    try:
        yaml.safe_load(text)          # whatever drafter writes must read back
    except yaml.YAMLError as exc:
        from drafter.errors import OutputError
        raise OutputError("生成的数据文件无法被重新读取（程序缺陷），未写入",
                          hint=f"请把原文件发给维护人员（{str(exc)[:120]}）") from exc
    return text
