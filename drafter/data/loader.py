"""Read a YAML data file into plain data plus a map of where each value stands.

PyYAML's node tree keeps the marks, so we compose nodes and build the data
ourselves: that lets us report duplicate keys (PyYAML silently keeps the last)
and map every validation error to ``file:line:col``.  Input is bounded before
composing: file size, nesting depth and alias expansion (no "billion laughs").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from drafter import regex
from drafter.errors import ERROR, WARNING, Diagnostic, InputError

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000
MAX_INTEGER = 10 ** 15 - 1      # larger numbers are slips (a pasted ID, digits run together), and overflow floats

# libyaml: the same events, nodes and 1-based marks as the pure-Python loader, about 12 times faster.
# Its error texts differ, so after a syntax error the text is parsed again with the pure loader
# (see _pure_error) and the Chinese messages below keep matching.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple  # a data path: keys and 0-based list indices


def format_field(path: Path_) -> str:
    """``('measures', 'areas', 1, 'title')`` → ``measures.areas[2].title`` (1-based)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass
class Loaded:
    """A parsed data file: the data, positions, and problems found on the way."""

    path: str
    data: dict
    values: dict = field(default_factory=dict)   # path → (line, col) of the value
    keys: dict = field(default_factory=dict)     # path → (line, col) of the key
    diagnostics: list = field(default_factory=list)
    text: str = ""                                # the file's text (to find a paragraph inside a text block)

    def paragraph_position(self, path: Path_, paragraph: str, offset: int = 0) -> tuple[int, int] | None:
        """1-based (line, column) where a paragraph of the text field at ``path`` is written, ``offset``
        characters into it when that is still on its first line; None if it cannot be found."""
        start = self.values.get(tuple(path))
        paragraph = paragraph.strip()
        if not self.text or start is None or not paragraph:
            return None
        lines = self.text.split("\n")
        end = min((line for line, _ in self.keys.values() if line > start[0]), default=len(lines) + 1)
        for size in (12, 6, 3):                   # a paragraph's first line may be shorter than its head
            head = paragraph[:size]
            for number in range(start[0], end):     # within the field: up to the next key
                column = lines[number - 1].find(head)
                if column >= 0:
                    rest = len(lines[number - 1].rstrip()) - column
                    return number, column + 1 + (offset if 0 <= offset < rest else 0)
        return None

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int] | None:
        """1-based position of the value (or key) at ``path``, or of its nearest ancestor."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            if path in self.keys:
                return self.keys[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def diagnostic(self, severity: str, path: Path_, message: str, hint: str | None = None,
                   *, key: bool = False) -> Diagnostic:
        line, column = self.position(path, key=key) or (None, None)
        return Diagnostic(severity=severity, message=message, hint=hint, path=self.path,
                          line=line, column=column, field=format_field(path) or None)


# --- reading bytes ---------------------------------------------------------

def decode(raw: bytes, name: str) -> tuple[str, list[Diagnostic]]:
    """Decode a data file: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030."""
    notes: list[Diagnostic] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), notes
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), notes
        except UnicodeDecodeError as exc:
            raise InputError("文件以 UTF-16 标记开头，但内容无法按 UTF-16 读取", path=name,
                             hint="请在编辑器中另存为 UTF-8 编码") from exc
    try:
        return raw.decode("utf-8"), notes
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        line = raw[: utf8_error.start].count(b"\n") + 1
        raise InputError(f"文件编码无法识别（第{line}行附近既不是 UTF-8 也不是 GBK 编码）", path=name,
                         line=line, hint="请在编辑器中把文件另存为 UTF-8 编码") from utf8_error
    notes.append(Diagnostic(WARNING, "文件是 GBK（GB18030）编码，已按 GBK 读取", path=name, line=1, column=1,
                            hint="建议在编辑器中另存为 UTF-8 编码，以免在其他电脑上出现乱码"))
    return text, notes


def read_text(path: Path | str) -> tuple[str, list[Diagnostic]]:
    """Read a data file as text, bounded in size, with encoding detection."""
    from drafter.fsutil import read_input

    name = str(path)
    raw = read_input(path, limit=MAX_BYTES, what="数据文件")
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("这不是文本文件（含有二进制内容）", path=name,
                         hint="数据文件应是用记事本或 VS Code 编辑的 .yaml 文本文件")
    return decode(raw, name)


# --- syntax problems in Chinese --------------------------------------------

_PROBLEMS = [
    ("mapping values are not allowed here",
     "此处不能出现“冒号+空格”",
     "文字中的冒号请用全角“：”，或给整段文字加引号；若是字段，请检查上一行的缩进"),
    ("could not find expected ':'", "缺少冒号“:”", "字段名后要写英文冒号和一个空格，例如 year: 2024"),
    ("found character '\\t' that cannot start any token", "使用了制表符（Tab）", "YAML 只能用空格缩进，请把 Tab 换成空格"),
    ("found undefined alias", "引用了未定义的锚点（*名称）", "请删除 * 开头的引用，直接写出内容"),
    ("found duplicate anchor", "锚点名称（&名称）重复", "请删除重复的 & 锚点"),
    ("expected <block end>, but found '-'", "列表项“-”的缩进不对", "同一列表的各项“-”要上下对齐"),
    ("expected <block end>, but found", "缩进不一致", "同一层级的字段要上下对齐，子项比父项多缩进两个空格"),
    ("did not find expected key", "缩进不一致或缺少字段名", "同一层级的字段要上下对齐"),
    ("did not find expected '-' indicator", "列表项缩进不一致", "同一列表的各项“-”要上下对齐"),
    ("found unexpected end of stream", "引号没有成对（文件结束时仍在引号内）", "请检查引号是否成对，或去掉多余的引号"),
    ("found unknown escape character", "双引号中的反斜杠“\\”用法不对", "请改用单引号，或把 \\ 写成 \\\\"),
    ("did not find expected node content", "此处缺少内容", "请检查此处是否多了符号，或给文字加引号"),
    ("found character '@' that cannot start any token", "文字不能以“@”开头", "请给这段文字加引号"),
    ("found character '`' that cannot start any token", "文字不能以“`”开头", "请给这段文字加引号"),
    ("found character", "此处有不能作为开头的字符", "请给这段文字加引号"),
    ("could not find expected", "缺少配对的括号或引号", "请检查 [ ] { } 和引号是否成对"),
    ("expected ',' or ']'", "方括号列表没有正确结束", "请检查 [ ] 是否成对，项目之间用英文逗号分隔"),
    ("expected ',' or '}'", "花括号没有正确结束", "请检查 { } 是否成对"),
    ("found a tab character", "使用了制表符（Tab）", "YAML 只能用空格缩进，请把 Tab 换成空格"),
    ("expected a single document", "文件中有多个文档（出现了“---”分隔）", "一个数据文件只写一份报告，请删除多余的“---”"),
]


def _syntax_error(name: str, exc: yaml.MarkedYAMLError, text: str | None = None) -> InputError:
    """A YAML syntax error in Chinese, located and (from the raw ``text``) with its field."""
    mark = exc.problem_mark or exc.context_mark
    said = f"{exc.problem or ''} {exc.context or ''}"
    message, hint = "YAML 格式错误", "请对照 docs/ 中的数据文件说明检查此处写法"
    for needle, zh, zh_hint in _PROBLEMS:
        if needle in said:
            message, hint = f"YAML 格式错误：{zh}", zh_hint
            break
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    opened = exc.context_mark
    if opened is not None and mark is not None and opened.line != mark.line:
        # the error shows where YAML gave up; the bracket or quote that was never closed is earlier
        opener = _char_at(text, opened.line, opened.column) if text is not None else ""
        if opener in ("[", "{", '"', "'"):             # not a block mapping's start, which is no opener
            message += f"（第{opened.line + 1}行第{opened.column + 1}列的“{opener}”没有结束）"
    field = None
    if text is not None and line is not None:
        from drafter.data.prescan import field_at
        field = field_at(text, line)
    return InputError(message, hint=hint, path=name, line=line, column=column, field=field)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    return lines[line][column:column + 1] if 0 <= line < len(lines) else ""


def _pure_error(text: str, exc: yaml.MarkedYAMLError) -> yaml.MarkedYAMLError:
    """The pure-Python loader's account of the syntax error libyaml reported (the texts _PROBLEMS knows)."""
    if FAST_LOADER is yaml.SafeLoader:
        return exc
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as pure:
        return pure
    except RecursionError:
        pass
    return exc


_TAB_INDENT = regex.compile(r"^ *\t")

# What YAML cannot carry raw (PyYAML's reader refuses it): C0 controls but tab and line ends, DEL,
# C1 controls, surrogates, U+FFFE/U+FFFF; and the invisible line breaks YAML would break a line at
# (NEL, U+2028, U+2029).  Pasted from PDFs and web pages (a form feed is common).  Written as the
# characters refused rather than the complement of those allowed: the same set (tested), compiled
# in 0.4 ms instead of 4.5 ms at every start.
_UNREADABLE = regex.compile("[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]")
MAX_CONTROL_NOTES = 20


def _remove_controls(text: str, name: str, notes: list) -> str:
    """Remove the characters YAML cannot read, with one warning per line (as docs/render.md promises)."""
    if not _UNREADABLE.search(text):
        return text
    lines = text.split("\n")
    reported = 0
    for number, line in enumerate(lines, start=1):
        found = _UNREADABLE.findall(line)
        if not found:
            continue
        if reported < MAX_CONTROL_NOTES:
            names = "、".join(dict.fromkeys(f"U+{ord(c):04X}" for c in found))
            notes.append(Diagnostic(WARNING, f"已删除不可见的控制字符 {names}（多为从网页或 PDF 复制带入）",
                                    path=name, line=number, column=_UNREADABLE.search(line).start() + 1,
                                    hint="建议在编辑器中删除后重新输入该处文字"))
        reported += 1
        lines[number - 1] = _UNREADABLE.sub("", line)
    if reported > MAX_CONTROL_NOTES:
        notes.append(Diagnostic(WARNING, f"另有{reported - MAX_CONTROL_NOTES}行含有不可见的控制字符，已删除",
                                path=name))
    return "\n".join(lines)


def _schema_keys() -> frozenset:
    from drafter.data.validate import schema_keys     # validate imports this module
    return schema_keys()


def _input_method_slips(text: str, name: str, keys: frozenset | None) -> None:
    """Raise one :class:`InputError` carrying every slip the raw-text pre-scan found."""
    from drafter.data.prescan import prescan
    slips = prescan(text, name, keys)
    if slips:
        first = slips[0]
        raise InputError(first.message, hint=first.hint, path=name, line=first.line, column=first.column,
                         field=first.field, diagnostics=slips)


def _tab_problems(text: str, name: str) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        if _TAB_INDENT.match(line):
            col = line.index("\t") + 1
            raise InputError("第{}行用制表符（Tab）缩进".format(number), path=name, line=number, column=col,
                             hint="YAML 只能用空格缩进：请把 Tab 换成空格（VS Code 右下角可切换为“空格”）")


# --- bounds on structure ---------------------------------------------------

def _check_bounds(text: str, name: str, loader=None) -> None:
    """Walk parse events (no recursion, no expansion) to bound depth and size."""
    loader = loader or FAST_LOADER
    depth = 0
    count = 0
    sizes: dict[str, int] = {}
    starts: list[tuple[str | None, int]] = []
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                count += 1
                if depth > MAX_DEPTH:
                    m = event.start_mark
                    raise InputError(f"嵌套层次过深（超过{MAX_DEPTH}层）", path=name, line=m.line + 1,
                                     column=m.column + 1, hint="数据文件的层次一般不超过六层，请检查缩进或括号")
                starts.append((event.anchor, count))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
                anchor, start = starts.pop()
                if anchor:
                    sizes[anchor] = count - start + 1
            elif isinstance(event, yaml.ScalarEvent):
                count += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.AliasEvent):
                count += sizes.get(event.anchor, 1)
            if count > MAX_NODES:
                m = event.start_mark
                raise InputError("内容过多：展开后超过 20 万个值（可能是锚点“&”和引用“*”层层嵌套）", path=name,
                                 line=m.line + 1, column=m.column + 1,
                                 hint="请删除锚点和引用，直接写出内容；一份报告的数据不会这么多")
    except yaml.MarkedYAMLError as exc:
        if loader is yaml.SafeLoader:
            raise _syntax_error(name, exc, text) from exc
        _check_bounds(text, name, yaml.SafeLoader)      # libyaml stops deep nesting itself, in English
        raise _syntax_error(name, _pure_error(text, exc), text) from exc


# --- building data with positions -----------------------------------------

_SCALARS = yaml.SafeLoader("")  # only its construct_object is used, for scalar tags


def _pos(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_SURROGATE = regex.compile("[\ud800-\udfff]")


def _fix_surrogates(text: str) -> str:
    """Join surrogate pairs written as two escapes (``"\\ud83d\\ude00"``) into one character."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogateescape") \
        if _pairs_only(text) else re.sub("[\ud800-\udbff][\udc00-\udfff]", _join_pair, text)


def _pairs_only(text: str) -> bool:
    try:
        text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        return True
    except UnicodeDecodeError:
        return False


def _join_pair(m: re.Match) -> str:
    return m.group(0).encode("utf-16-le", "surrogatepass").decode("utf-16-le")


class _Builder:
    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.open: set = set()

    def build(self, node, path: tuple):
        self.loaded.values[path] = _pos(node)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            if id(node) in self.open:          # `x: &a [*a]`: an alias inside its own anchor
                self._error(node, path, "锚点“&”的引用“*”出现在它自己里面（循环引用）",
                            "请删除锚点和引用，直接写出内容")
                return None
            self.open.add(id(node))
            try:
                if isinstance(node, yaml.MappingNode):
                    return self._mapping(node, path)
                return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
            finally:
                self.open.discard(id(node))
        try:
            value = _SCALARS.construct_object(node, deep=True)
        except (ValueError, OverflowError):
            self._error(node, path, f"“{node.value[:40]}”不是有效的日期或数值",
                        "日期请写成 2024-02-20 的形式，并确认该日期存在")
            return node.value
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
            self._error(node, path, f"数字“{node.value[:20]}{'…' if len(node.value) > 20 else ''}”过大（超过15位）",
                        "请检查这个数字；报告中的数字不会这样大")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self._error(node, path, f"“{node.value[:20]}”不是有效的数字（无穷大或非数）", "请写出实际的数字")
            return None
        if isinstance(value, dt.datetime):
            self._error(node, path, f"日期“{node.value[:40]}”带有时间，数据文件中的日期只写年月日",
                        f"请改为 {value.date().isoformat()}")
            return value.date()
        if isinstance(value, str) and _SURROGATE.search(value):
            value = _fix_surrogates(value)
            if _SURROGATE.search(value):
                self._error(node, path, "文字中有无效的字符（单独的代理码位，如“\\ud800”）",
                            "请删除引号中的 \\u 转义写法，直接写出文字")
                value = _SURROGATE.sub("", value)
        return value

    def _error(self, node, path: tuple, message: str, hint: str) -> None:
        line, col = _pos(node)
        self.loaded.diagnostics.append(Diagnostic(ERROR, message, path=self.loaded.path, line=line, column=col,
                                                  field=format_field(path) or None, hint=hint))

    def _mapping(self, node, path: tuple) -> dict:
        result: dict = {}
        first_line: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.loaded.diagnostics.append(Diagnostic(
                    ERROR, "不支持“<<:”合并写法", path=self.loaded.path, line=_pos(key_node)[0],
                    column=_pos(key_node)[1], field=format_field(path) or None,
                    hint="请直接写出各字段"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                line, col = _pos(key_node)
                self.loaded.diagnostics.append(Diagnostic(
                    ERROR, "字段名必须是简单文字", path=self.loaded.path, line=line, column=col,
                    field=format_field(path) or None, hint="请检查此处的冒号和括号"))
                continue
            key = _SCALARS.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key_node.value)
            if key in result:
                line, col = _pos(key_node)
                self.loaded.diagnostics.append(Diagnostic(
                    ERROR, f"字段“{key}”重复出现：第{first_line[key]}行和第{line}行",
                    hint="同一层级中每个字段只能写一次；请删除或合并其中一处（程序不会替你选择）",
                    path=self.loaded.path, line=line, column=col, field=format_field(path + (key,))))
                continue
            first_line[key] = _pos(key_node)[0]
            self.loaded.keys[path + (key,)] = _pos(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result


def _kind(value) -> str:
    if value is None:
        return "空内容"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, str):
        return "一段文字"
    return "单个值"


def load_text(text: str, name: str = "<数据>", notes: list[Diagnostic] | None = None,
              keys: frozenset | None = None) -> Loaded:
    """Parse YAML text into a :class:`Loaded`; raise :class:`InputError` if unreadable.

    ``keys`` are the field names the pre-scan recognises (default: the data file schema's).
    """
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        raise InputError("文件是空的（没有任何数据）", path=name,
                         hint="可以运行 drafter init --level county --year 2024 生成一份带说明的数据文件")
    notes = list(notes or [])
    text = _remove_controls(text, name, notes)
    _tab_problems(text, name)
    _input_method_slips(text, name, _schema_keys() if keys is None else keys)
    try:
        _check_bounds(text, name)
        root = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(name, _pure_error(text, exc), text) from exc
    except RecursionError as exc:
        raise InputError("嵌套层次过深", path=name, hint="请检查缩进或括号") from exc
    except (yaml.YAMLError, ValueError, OverflowError) as exc:   # e.g. "\U00110000": beyond Unicode
        raise InputError("文件中有无法识别的字符或转义写法（如超出 Unicode 范围的“\\U00110000”）", path=name,
                         hint="请删除引号中的 \\U、\\u、\\x 转义写法，直接写出文字") from exc
    if root is None:
        raise InputError("文件是空的（没有任何数据）", path=name)
    loaded = Loaded(path=name, data={}, diagnostics=notes, text=text)
    try:
        data = _Builder(loaded).build(root, ())
    except RecursionError as exc:
        raise InputError("嵌套层次过深", path=name, hint="请检查缩进或括号") from exc
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise InputError("无法识别的值（可能是以“!”开头的标记）", path=name,
                         line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
                         hint="请删除“!”开头的标记，或给这段文字加引号") from exc
    except (ValueError, OverflowError) as exc:
        raise InputError(f"无法识别的值：{exc}", path=name, hint="日期请写成 2024-02-20 的形式") from exc
    finally:
        _SCALARS.constructed_objects.clear()    # else it keeps every node of every file read (memory)
    if not isinstance(data, dict):
        raise InputError(f"文件最外层应是“字段: 值”形式（meta:、intro: 等），现在是{_kind(data)}", path=name,
                         line=1, column=1, hint="请参考 examples/ 中的示例文件，或用 drafter init 生成")
    loaded.data = data
    return loaded


def load_file(path: Path | str) -> Loaded:
    """Read and parse a data file (see :func:`load_text`)."""
    text, notes = read_text(path)
    return load_text(text, str(path), notes)
