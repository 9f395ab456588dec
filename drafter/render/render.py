"""Render a template context into a .docx: the only module that imports docxtpl.

docxtpl prepares each XML part of the template (it merges tags Word split
across runs and turns ``{%p %}``/``{%tr %}`` into plain Jinja); we compile the
result once in a sandboxed Jinja environment with autoescaping on and keep it,
so rendering a batch of reports costs one template compilation.  Each render
fills the compiled parts and writes a new .docx package next to the target
(atomically, via :mod:`drafter.fsutil`), with a fingerprint of what drafter
wrote in the document's custom properties: a later render refuses to
overwrite a file someone changed after drafter produced it.
"""

from __future__ import annotations

import datetime as dt
import io
import marshal
import os
import re
import shutil
import time
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter import regex
from drafter import __version__, fsutil
from drafter.errors import DrafterError, InputError, OutputError
from drafter.render.build import (CELL_MARGIN_TWIPS, CHAR_TWIPS, DATE_RIGHT_CHARS, DATE_STYLE, IMPRINT_STYLES,
                                  MASTHEAD_PT, MASTHEAD_STYLES, SIGNATURE_STYLES, STYLES, imprint_frame,
                                  insert_ordered, template_name, type_width_twips)
from drafter.render.context import text_width
from drafter.text import excerpt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_PART = "docProps/custom.xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
FINGERPRINT = "drafter-fingerprint"
TEMPLATE_PART = regex.compile(r"^word/(document|header\d*|footer\d*)\.xml$")


def etree_error():
    from lxml import etree
    return etree.LxmlError


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# --- the Jinja environment and docxtpl's preparation --------------------------

# Bounds of what one template may make drafter do (docs/limits.md).  A real report's template needs
# a tiny fraction of each; a template that hits one is refused with a Chinese message.
MAX_RANGE = 10_000                 # items of one range()
MAX_STEPS = 2_000_000              # loop steps, calls, attribute and operator uses in one render
MAX_VALUE_LENGTH = 2_000_000       # characters (or items) of one value a template builds
MAX_CALL_INT = 100_000             # an integer argument of a filter or method (a width, a count)
MAX_PART_OUTPUT = 64 * 1024 * 1024  # characters of one rendered XML part
RENDER_SECONDS = 30.0              # wall-clock time of one render
MAX_TEMPLATE_BYTES = 256 * 1024 * 1024   # a template file (pictures included)


class TemplateLimit(Exception):
    """A template exceeded one of the bounds above (the message is Chinese)."""


def _bounded_env_class():
    """A SandboxedEnvironment that also bounds time, loop steps and the size of what it builds."""
    import time

    from jinja2.sandbox import SandboxedEnvironment

    class BoundedSandbox(SandboxedEnvironment):
        # intercepted operators are never constant-folded at compile time ('A'*3000000000)
        intercepted_binops = frozenset(["*", "**", "+", "//", "%"])
        intercepted_unops = frozenset()

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.globals["range"] = self._range
            self.globals.pop("lipsum", None)          # placeholder text, unbounded in size; no template needs it
            self.filters = {name: self._guard_callable(f) for name, f in self.filters.items()}
            self.reset_budget()

        def reset_budget(self) -> None:
            self._steps = 0
            self._deadline = time.monotonic() + RENDER_SECONDS

        def tick(self, n: int = 1) -> None:
            self._steps += n
            if self._steps > MAX_STEPS:
                raise TemplateLimit(f"模板的循环或计算次数过多（超过{MAX_STEPS}次）")
            if not self._steps % 1000 and time.monotonic() > self._deadline:
                raise TemplateLimit(f"模板生成时间过长（超过{RENDER_SECONDS:.0f}秒）")

        def _range(self, *args):
            r = range(*args)
            if len(r) > MAX_RANGE:
                raise TemplateLimit(f"模板中的 range() 范围过大（{len(r)}项，最多{MAX_RANGE}项）")
            for i in r:
                self.tick()
                yield i

        @staticmethod
        def _check_args(args, kwargs) -> None:
            for value in (*args, *kwargs.values()):
                if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_CALL_INT:
                    raise TemplateLimit(f"模板中的数值参数过大（{str(value)[:20]}）")

        @staticmethod
        def _check_replace(text, new) -> None:
            """``replace`` may multiply a text's length: estimate the result before making it."""
            if isinstance(text, str) and isinstance(new, str) and len(text) * max(len(new), 1) > MAX_VALUE_LENGTH:
                raise TemplateLimit(f"模板生成的文字过长（超过{MAX_VALUE_LENGTH}个字符）")

        @staticmethod
        def _check_format(text) -> None:
            if isinstance(text, str) and re.search(r"(%[-+ #0]*|\{[^{}]*:[^{}]*?)(\d{7,}|\*)", text):
                raise TemplateLimit("模板中的格式化宽度过大")

        @staticmethod
        def _check_result(value):
            if isinstance(value, (str, list, tuple, bytes)) and len(value) > MAX_VALUE_LENGTH:
                raise TemplateLimit(f"模板生成的文字过长（超过{MAX_VALUE_LENGTH}个字符）")
            return value

        def _guard_callable(self, func):
            import functools

            @functools.wraps(func)
            def guarded(*args, **kwargs):
                self.tick()
                self._check_args(args[1:], kwargs)
                if func.__name__ == "do_format" and args:
                    self._check_format(args[0])
                if func.__name__ == "do_replace" and len(args) > 3:
                    self._check_replace(str(args[1]), args[3])
                return self._check_result(func(*args, **kwargs))
            return guarded

        def call(__self, __context, __obj, *args, **kwargs):
            __self.tick()
            __self._check_args(args, kwargs)
            if getattr(__obj, "__name__", "") in ("format", "format_map"):
                __self._check_format(getattr(__obj, "__self__", None))
            if getattr(__obj, "__name__", "") == "replace" and len(args) > 1:
                __self._check_replace(getattr(__obj, "__self__", None), args[1])
            return __self._check_result(SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs))

        def ticking(self, value):
            """``value`` with every list in it counting its iterations against the budget (data-driven loops)."""
            if isinstance(value, dict):
                return {k: self.ticking(v) for k, v in value.items()}
            if isinstance(value, list):
                return _TickingList(self, [self.ticking(v) for v in value])
            return value

        def call_binop(self, context, operator, left, right):
            self.tick()
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_VALUE_LENGTH:
                        raise TemplateLimit(f"模板中的重复（*）结果过长（超过{MAX_VALUE_LENGTH}个字符）")
            if operator == "**" and isinstance(right, (int, float)) and (abs(right) > 64 or (
                    isinstance(left, (int, float)) and abs(left) > 2 ** 20 and right > 2)):
                raise TemplateLimit("模板中的乘方（**）数值过大")
            if operator in ("*", "+") and isinstance(left, int) and isinstance(right, int) and \
                    max(abs(left), abs(right)).bit_length() > 4096:
                raise TemplateLimit("模板中的数值过大")
            if operator == "%":                                  # "%s" formatting with a width
                self._check_format(left)
            return self._check_result(super().call_binop(context, operator, left, right))

    return BoundedSandbox


class _TickingList(list):
    """A context list whose iteration counts against the render budget (``{% for %}`` over data)."""

    def __init__(self, env, items):
        super().__init__(items)
        self._env = env

    def __iter__(self):
        tick = self._env.tick
        for item in list.__iter__(self):
            tick()
            yield item


_ENV_CLASS = None


def jinja_env():
    """Sandboxed, autoescaping, strict about undefined names; bounded in time, steps and sizes."""
    global _ENV_CLASS
    from jinja2 import StrictUndefined
    if _ENV_CLASS is None:
        _ENV_CLASS = _bounded_env_class()
    return _ENV_CLASS(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def _docxtpl():
    from docxtpl import DocxTemplate
    return DocxTemplate(io.BytesIO())   # used for its XML helpers only; nothing is loaded


_ENTITIES = {"&quot;": '"', "&apos;": "'", "&#34;": '"', "&#39;": "'", "&amp;": "&"}


def _unescape_tag(m: re.Match) -> str:
    text = m.group(0)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text


def prepare_part(xml: str) -> str:
    """docxtpl's preparation of one XML part, one paragraph per line (for error locations).

    Besides what docxtpl cleans inside tags, quotes that an editor wrote as
    entities (LibreOffice writes ``&quot;``) are turned back into quotes.
    """
    patched = _docxtpl().patch_xml(xml)
    patched = re.sub(r"(?<=\{[\{%]).*?(?=[\}%]\})", _unescape_tag, patched)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


def paragraph_text(xml_line: str) -> str:
    """The visible text of one line of a prepared part (a paragraph and its tags)."""
    text = re.sub(r"<[^>]+>", "", xml_line)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def template_error(exc, source: str, part: str, path: str) -> DrafterError:
    """A Chinese message for a Jinja error, naming the paragraph the error is in."""
    from jinja2 import TemplateSyntaxError, UndefinedError

    where = ""
    lineno = getattr(exc, "lineno", None)
    if lineno:
        lines = source.splitlines()
        for i in range(min(lineno, len(lines)) - 1, -1, -1):
            text = paragraph_text(lines[i])
            if text:
                where = f"，在{_part_zh(part)}段落“{excerpt(text, 40)}”"
                break
    if isinstance(exc, UndefinedError):
        name = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(exc))
        what = next((g for g in name.groups() if g), str(exc)) if name else str(exc)
        return DrafterError(f"模板使用了不存在的变量“{what}”{where}", path=path,
                            hint="请运行 drafter templates check 检查模板；可用变量见 docs/templates.md")
    if isinstance(exc, TemplateSyntaxError):
        return DrafterError(f"模板中的标签写法有误（{_syntax_zh(exc.message or '')}）{where}", path=path,
                            hint="请运行 drafter templates check 检查模板，并对照 docs/templates.md 修改")
    if isinstance(exc, TemplateLimit):
        return DrafterError(f"{exc}{where}，已停止生成", path=path,
                            hint="模板中的循环、重复或数值超出了限制（见 docs/limits.md）；请检查模板中的标签")
    if isinstance(exc, RecursionError):
        return DrafterError(f"模板中的宏或循环无限地调用自身{where}，已停止生成", path=path,
                            hint="请检查模板中的 {% macro %}，它不能无条件地调用自己")
    if isinstance(exc, ZeroDivisionError):
        return DrafterError(f"模板中的计算除以了零{where}", path=path, hint="请检查模板标签中的算式")
    if isinstance(exc, MemoryError):
        return DrafterError(f"模板生成的内容过大，内存不足{where}", path=path, hint="请检查模板中的循环和重复")
    return DrafterError(f"模板无法生成文档（{exc.__class__.__name__}: {str(exc)[:200]}）{where}", path=path,
                        hint="请运行 drafter templates check 检查模板")


def _syntax_zh(message: str) -> str:
    """Chinese for the Jinja syntax errors template authors meet most."""
    unknown = re.match(r"Encountered unknown tag '([^']+)'", message)
    if unknown:
        tag = unknown.group(1)
        if tag in ("tr", "tc", "p", "r"):
            return f"“{{%{tag} …%}}”用错了位置：{{%tr%}}/{{%tc%}} 只能在表格单元格中，且标签所在的行或段落会被整个替换"
        if tag.startswith("end"):
            return f"多余的结束标签“{tag}”，前面没有对应的开始标签"
        return f"无法识别的标签“{tag}”"
    if "Unexpected end of template" in message:
        return "模板在结束前缺少结束标签：{% for %} 要有 {% endfor %}，{% if %} 要有 {% endif %}"
    if "expected token" in message or "unexpected" in message:
        return f"标签中的表达式写法不对：{message}"
    return message


def _part_zh(part: str) -> str:
    if "header" in part:
        return "页眉"
    if "footer" in part:
        return "页脚"
    return ""


# --- a compiled template ----------------------------------------------------------

def read_template_parts(path: Path | str) -> list[tuple[str, bytes]]:
    """Every part of a template package, read with the draft reader's caps (size, zip bomb, encryption).

    Each XML part must be well-formed and UTF-8 (Word and WPS only write
    UTF-8), so a template that render could only turn into a broken .docx is
    refused here, by ``render`` and by ``templates check`` alike.
    """
    from lxml import etree

    from drafter.document.docx_reader import Package

    path = str(path)
    if not Path(path).exists():
        raise InputError("找不到模板文件", path=path, hint="请检查路径；可用 drafter templates list 查看模板")
    pkg = Package(Path(path))
    try:
        raw = []
        for info in pkg.zip.infolist():
            if info.is_dir():
                continue
            data = pkg.blob(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                _check_xml_part(info.filename, data, path, etree)
            raw.append((info.filename, data))
        return raw
    finally:
        pkg.zip.close()


@lru_cache(maxsize=1)
def _safe_parser():
    from lxml import etree
    return etree.XMLParser(resolve_entities=False, no_network=True)


def _check_xml_part(name: str, data: bytes, path: str, etree) -> None:
    head = data[:200].lstrip(b"\xef\xbb\xbf")
    declared = re.match(rb"<\?xml[^>]*encoding=[\"']([^\"']+)", head)
    try:
        if declared and declared.group(1).lower().replace(b"-", b"") not in (b"utf8",):
            raise ValueError("not UTF-8")
        etree.fromstring(data, _safe_parser())       # bytes that are not UTF-8 fail here too
    except (ValueError, etree.XMLSyntaxError) as exc:
        what = "不是 UTF-8 编码" if isinstance(exc, (UnicodeDecodeError,)) or "UTF-8" in str(exc) else "不是有效的 XML"
        raise InputError(f"模板文件中的部件 {name} 已损坏（{what}），用它生成的报告 Word 无法打开", path=path,
                         hint="请用 Word/WPS 打开模板后重新另存为 .docx，或用 drafter templates new 重新创建") from exc


@dataclass
class CompiledTemplate:
    """A template package read once: its fixed parts as bytes, its XML parts compiled."""

    path: str
    entries: list = field(default_factory=list)        # (name, bytes or None for rendered parts)
    compiled: dict = field(default_factory=dict)       # part name → jinja Template
    sources: dict = field(default_factory=dict)        # part name → prepared source
    custom_base: bytes | None = None                   # the template's own custom properties
    style_ids: dict = field(default_factory=dict)      # drafter style id → id in this file
    codes: dict = field(default_factory=dict)          # part name → marshalled Python code of its template

    @classmethod
    def load(cls, path: Path | str) -> "CompiledTemplate":
        from jinja2 import TemplateError

        path = str(path)
        raw = read_template_parts(path)
        names = [name for name, _ in raw]
        if "word/document.xml" not in names:
            raise InputError("模板文件中没有正文（word/document.xml）", path=path, hint="请确认这是 Word 文档")
        tpl = cls(path=path)
        env = jinja_env()
        for name, data in raw:
            if name in (CUSTOM_PART,):
                continue
            if TEMPLATE_PART.match(name):
                source = prepare_part(data.decode("utf-8"))      # UTF-8 checked by read_template_parts
                try:
                    tpl.codes[name] = marshal.dumps(env.compile(source))
                    tpl.compiled[name] = _template(env, tpl.codes[name])
                except (TemplateError, RecursionError, TemplateLimit) as exc:
                    raise template_error(exc, source, name, path) from exc
                tpl.sources[name] = source
                tpl.entries.append((name, None))
            elif name == "[Content_Types].xml":
                tpl.entries.append((name, _with_custom_type(data)))
            elif name == "_rels/.rels":
                tpl.entries.append((name, _with_custom_rel(data)))
            else:
                tpl.entries.append((name, data))
        tpl.custom_base = dict(raw).get(CUSTOM_PART)
        tpl.style_ids = _style_ids(dict(raw).get("word/styles.xml"))
        return tpl

    def render(self, context: dict, *, title: str = "", source: str = "") -> bytes:
        """The finished .docx bytes for one context."""
        from jinja2 import TemplateError

        rendered = {}
        env = next(iter(self.compiled.values())).environment if self.compiled else None
        if env is not None and hasattr(env, "reset_budget"):
            env.reset_budget()          # the bounds hold for one whole report, all parts together
            context = env.ticking(context)
        for name, template in self.compiled.items():
            try:
                xml = template.render(context)
                if len(xml) > MAX_PART_OUTPUT:
                    raise TemplateLimit(f"模板生成的内容过大（超过 {MAX_PART_OUTPUT // (1024 * 1024)} MB）")
            except (TemplateError, TemplateLimit, TypeError, ValueError, AttributeError, KeyError, IndexError,
                    ArithmeticError, RecursionError, MemoryError) as exc:
                raise template_error(exc, self.sources[name], name, self.path) from exc
            try:
                rendered[name] = _finish_part(name, xml, self.style_ids)
            except (ValueError, KeyError, AttributeError, TypeError, IndexError, etree_error()) as exc:
                raise DrafterError(f"模板{_part_zh(name) or '正文'}生成的内容不是有效的 Word 格式（{name}）", path=self.path,
                                   hint="请运行 drafter templates check 检查模板；标签可能放在了段落或表格结构之外") from exc
        fingerprint = fingerprint_of(rendered)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:   # fast; a report is small
            for name, data in self.entries:
                if data is None:
                    data = rendered[name]
                elif name == "docProps/core.xml":
                    data = _core_properties(data, title)
                z.writestr(name, data)
            z.writestr(CUSTOM_PART, _custom_properties(self.custom_base, {
                FINGERPRINT: fingerprint, "drafter-version": __version__, "drafter-source": source}))
        return out.getvalue()


def _template(env, code: bytes):
    """A Jinja template from compiled code (what ``env.from_string`` builds after compiling)."""
    return env.template_class.from_code(env, marshal.loads(code), env.make_globals(None), None)


def _style_ids(styles_xml: bytes | None) -> dict:
    """Map drafter's style ids to the ids used in this file, found by style name.

    Word keeps the ids drafter wrote; LibreOffice and WPS may rename them
    (e.g. ``Style14``) but keep the names (公文署名 …).
    """
    from lxml import etree

    ids = {style_id: {style_id} for style_id in STYLES}
    try:
        root = etree.fromstring(styles_xml) if styles_xml else None
    except etree.XMLSyntaxError:
        root = None
    if root is not None:
        by_name = {spec[0]: style_id for style_id, spec in STYLES.items()}
        for style in root.iter(_w("style")):
            name = style.find(_w("name"))
            if name is not None and name.get(_w("val")) in by_name:
                ids[by_name[name.get(_w("val"))]].add(style.get(_w("styleId")))
    return ids


# docxtpl's pattern for paragraphs holding a special character (kept as text: special_paragraphs() finds
# the same matches much faster; tests/render/test_special_paragraphs.py compares the two)
SPECIAL_PARAGRAPH = r"<w:p[ >](?:(?!</w:p>)[^\t\n\a\f])*[\t\n\a\f].*?</w:p>"
_SPECIAL_CHAR = regex.compile(r"[\t\n\a\f]")
_PARAGRAPH_START = regex.compile(r"<w:p[ >]")


def special_paragraphs(xml: str):
    """(start, end) of each match of ``SPECIAL_PARAGRAPH`` (DOTALL) in ``xml``, in order, found from the special
    characters (a handful) instead of trying the pattern at every paragraph (1 ms a report).

    The pattern's leftmost match starts at the first paragraph opening ``p`` after the previous match
    whose text up to its first special character ``s`` holds neither another special character nor
    ``</w:p>``, and ends at the first ``</w:p>`` after ``s``.  ``tests/render`` checks both agree.
    """
    pos = 0
    previous = -1                     # the special character before ``s`` (a paragraph's run may not hold it)
    for m in _SPECIAL_CHAR.finditer(xml):
        s = m.start()
        if s < pos:
            continue
        lo = max(pos, previous - 4, xml.rfind("</w:p>", pos, s) + 1)
        previous = s
        start = _PARAGRAPH_START.search(xml, lo, s)
        if start is None:
            continue
        end = xml.find("</w:p>", s + 1)
        if end < 0:
            return
        yield start.start(), end + 6
        pos = end + 6


def _finish_part(name: str, xml: str, style_ids: dict) -> bytes:
    """docxtpl's post-processing of a rendered part, plus the 署名 placement."""
    from lxml import etree

    helper = _docxtpl()
    xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    # docxtpl turns \n \t \a \f in text into breaks, tabs, paragraphs; only paragraphs holding one need it
    pieces, last = [], 0
    for start, end in special_paragraphs(xml):
        pieces += [xml[last:start], helper.resolve_listing(xml[start:end])]
        last = end
    xml = "".join(pieces) + xml[last:] if pieces else xml
    if name != "word/document.xml":
        data = xml.encode("utf-8")
        etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))   # well-formed or raise
        return data
    xml = re.sub(r"^<\?xml[^>]*\?>", "", xml)
    tree = helper.fix_tables(xml.encode("utf-8"))
    helper.docx_ids_index = 1000
    helper.fix_docpr_ids(tree)
    centre_signatures(tree, style_ids)
    anchor_imprint(tree, style_ids)
    fit_masthead(tree, style_ids)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)


def centre_signatures(tree, style_ids: dict) -> None:
    """Centre each 署名 over the 成文日期 below it (GB/T 9704, for a sealed document)."""
    signature = set().union(*(style_ids[s] for s in SIGNATURE_STYLES))
    date = style_ids[DATE_STYLE]
    pending = []
    for mark in tree.iter(_w("pStyle")):
        style, p = mark.get(_w("val")), mark.getparent().getparent()
        if style in signature:
            pending.append(p)
        elif style in date and pending:
            date_width = text_width("".join(p.itertext()))
            for sig in pending:
                right = max(0.0, DATE_RIGHT_CHARS + (date_width - text_width("".join(sig.itertext()))) / 2)
                ppr = sig.find(_w("pPr"))
                ind = ppr.find(_w("ind"))
                if ind is None:
                    ind = insert_ordered(ppr, ppr.makeelement(_w("ind"), {}))
                ind.set(_w("right"), str(round(right * CHAR_TWIPS)))
                ind.set(_w("rightChars"), str(round(right * 100)))
            pending = []


def fit_masthead(tree, style_ids: dict) -> None:
    """Shrink a 发文机关标志 too long for its line (a long organ name), so it never wraps.

    All lines of one masthead (the two organ names and “文件” of a joint one) get the same size; the line
    height follows it, so the top of the masthead stays where the template puts it.
    """
    styles = set().union(*(style_ids[s] for s in MASTHEAD_STYLES))
    groups: dict = {}
    for mark in tree.iter(_w("pStyle")):
        if mark.get(_w("val")) in styles:
            p = mark.getparent().getparent()
            table = next((a for a in p.iterancestors(_w("tbl"))), None)
            groups.setdefault(id(table) if table is not None else id(p), []).append(p)
    for paragraphs in groups.values():
        size = MASTHEAD_PT
        for p in paragraphs:
            width = text_width("".join(t.text or "" for t in p.iter(_w("t"))))
            cell = next((a for a in p.iterancestors(_w("tc"))), None)
            tcw = cell.find(f"{_w('tcPr')}/{_w('tcW')}") if cell is not None else None
            room = (int(tcw.get(_w("w"))) - 2 * CELL_MARGIN_TWIPS if tcw is not None and tcw.get(_w("w"), "").isdigit()
                    else type_width_twips()) / 20
            if width:
                size = min(size, int(room / width * 2) / 2)
        if size >= MASTHEAD_PT:
            continue
        for p in paragraphs:
            ppr = p.find(_w("pPr"))
            spacing = ppr.find(_w("spacing"))
            if spacing is None:
                spacing = insert_ordered(ppr, ppr.makeelement(_w("spacing"), {}))
            spacing.set(_w("line"), str(round(size * 20)))
            spacing.set(_w("lineRule"), "exact")
            if spacing.get(_w("after")):            # “文件”, half a line up from the foot of its cell
                spacing.set(_w("after"), str(round(size * 10)))
            for r in p.iter(_w("r")):
                rpr = r.find(_w("rPr"))
                if rpr is None:
                    rpr = r.makeelement(_w("rPr"), {})
                    r.insert(0, rpr)
                for tag in ("sz", "szCs"):
                    for old in rpr.findall(_w(tag)):
                        rpr.remove(old)
                    insert_ordered(rpr, rpr.makeelement(_w(tag), {_w("val"): str(round(size * 2))}))


def anchor_imprint(tree, style_ids: dict) -> None:
    """Put the 版记's frame back at the foot of the type area, whatever an editor made of it.

    LibreOffice saves a frame at the fixed position and height it had in the template (where tag
    paragraphs made it tall), and an empty border element that stops it importing the frame again.
    """
    imprint = set().union(*(style_ids[s] for s in IMPRINT_STYLES))
    for mark in tree.iter(_w("pStyle")):
        if mark.get(_w("val")) not in imprint:
            continue
        ppr = mark.getparent()
        for old in ppr.findall(_w("framePr")) + [b for b in ppr.findall(_w("pBdr")) if len(b) == 0]:
            ppr.remove(old)
        insert_ordered(ppr, imprint_frame())


# --- package properties -------------------------------------------------------------

def fingerprint_of(parts: dict) -> str:
    from drafter.cache import sha256
    digest = sha256()
    for name in sorted(parts):
        digest.update(name.encode() + b"\0" + parts[name] + b"\0")
    return "sha256:" + digest.hexdigest()


def _with_custom_type(data: bytes) -> bytes:
    if b"/docProps/custom.xml" in data:
        return data
    override = f'<Override PartName="/docProps/custom.xml" ContentType="{CUSTOM_TYPE}"/>'.encode()
    return data.replace(b"</Types>", override + b"</Types>")


def _with_custom_rel(data: bytes) -> bytes:
    if CUSTOM_REL.encode() in data:
        return data
    ids = {int(n) for n in re.findall(rb'Id="rId(\d+)"', data)}
    rel = f'<Relationship Id="rId{max(ids, default=0) + 1}" Type="{CUSTOM_REL}" Target="docProps/custom.xml"/>'
    return data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")


def _custom_properties(base: bytes | None, values: dict) -> bytes:
    """docProps/custom.xml: the template's own custom properties plus drafter's."""
    from lxml import etree

    root = etree.fromstring(base) if base else etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for prop in list(root):
        if prop.get("name") in values:
            root.remove(prop)
    pid = max([int(p.get("pid", 1)) for p in root] + [1])
    for name, value in values.items():
        pid += 1
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _core_properties(data: bytes, title: str) -> bytes:
    """Title, author and dates of the rendered report (not the template's)."""
    from lxml import etree

    root = etree.fromstring(data)
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    dc, cp, terms = "http://purl.org/dc/elements/1.1/", CORE_NS, "http://purl.org/dc/terms/"
    values = {f"{{{dc}}}title": title, f"{{{dc}}}creator": "drafter", f"{{{cp}}}lastModifiedBy": "drafter",
              f"{{{terms}}}created": now, f"{{{terms}}}modified": now}
    for tag, value in values.items():
        el = root.find(tag)
        if el is None:
            el = etree.SubElement(root, tag)
            if tag.startswith(f"{{{terms}}}"):
                el.set("{http://www.w3.org/2001/XMLSchema-instance}type", "dcterms:W3CDTF")
        el.text = value
    for tag in (f"{{{dc}}}description", f"{{{cp}}}keywords"):
        el = root.find(tag)
        if el is not None:
            root.remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def read_fingerprint(path: Path) -> tuple[str | None, str | None]:
    """(fingerprint stored in the file, fingerprint of its current content); Nones if unreadable."""
    from lxml import etree

    from drafter.document.docx_reader import Package

    try:
        pkg = Package(Path(path))       # bounded: a file that inflates to gigabytes is not read
    except InputError:
        return None, None
    try:
        names = list(pkg.members)
        stored = None
        custom = pkg.xml(CUSTOM_PART) if CUSTOM_PART in names else None
        for prop in custom if custom is not None else ():
            if prop.get("name") == FINGERPRINT and len(prop):
                stored = prop[0].text
        if stored is None:
            return None, None
        current = fingerprint_of({n: pkg.blob(n) for n in names if TEMPLATE_PART.match(n)})
        return stored, current
    except (InputError, etree.LxmlError, KeyError, ValueError):
        return None, None
    finally:
        pkg.zip.close()


def check_overwrite(target: Path, force: bool) -> None:
    """Refuse to replace a .docx that drafter did not write or that was changed since."""
    if force or not target.exists():
        return
    if target.is_dir():
        raise OutputError("输出位置是一个文件夹", path=str(target), hint="请用 -o 指定文件名，或换一个文件夹")
    stored, current = read_fingerprint(target)
    if stored is None:
        raise OutputError("输出文件已存在，且不是由 drafter 生成的，为避免覆盖他人文件，未写入", path=str(target),
                          hint="请换一个输出文件名（-o），或确认可以覆盖后加 --force")
    if stored != current:
        raise OutputError("输出文件在 drafter 生成后被修改过（可能在 Word/WPS 中编辑并保存过），为保护这些修改，未覆盖",
                          path=str(target),
                          hint="请先把修改过的文件另存为其他名字，或确认放弃这些修改后加 --force")


# --- templates on disk ------------------------------------------------------------------

def _compiler_files() -> tuple:
    """What compiling a template depends on besides its bytes: this module, build.py (style names)
    and docxtpl's preparation (``patch_xml``), found without importing docxtpl."""
    import importlib.util
    spec = importlib.util.find_spec("docxtpl")
    docxtpl_dir = Path(next(iter(spec.submodule_search_locations)))
    return (Path(__file__), Path(__file__).with_name("build.py"), docxtpl_dir / "template.py")


@lru_cache(maxsize=32)
def _load_cached(path: str, mtime_ns: int, size: int) -> CompiledTemplate:
    """Compiled once per process; between runs kept in drafter's cache under the digest of the
    template's bytes, this module's and build.py's source, and the Python, Jinja and docxtpl versions."""
    import jinja2

    from drafter import cache
    try:
        data = fsutil.read_input(path, limit=MAX_TEMPLATE_BYTES, what="模板文件")   # regular, of a sane size
    except InputError:
        raise
    except OSError:
        return CompiledTemplate.load(path)         # its own Chinese message
    name = cache.key("template", data=data, files=_compiler_files(), versions=(jinja2.__version__,))
    state = cache.load(name)
    if isinstance(state, dict):                    # the same bytes elsewhere (a copied template) are a hit too
        env = jinja_env()
        compiled = {part: _template(env, code) for part, code in state["codes"].items()}
        return CompiledTemplate(compiled=compiled, **{**state, "path": path})
    tpl = CompiledTemplate.load(path)
    cache.store(name, {k: v for k, v in tpl.__dict__.items() if k != "compiled"})
    return tpl


def load_template(path: Path | str) -> CompiledTemplate:
    """A compiled template, compiled once per file version and reused."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        raise InputError("找不到模板文件", path=str(p), hint="可用 drafter templates list 查看模板") from exc
    return _load_cached(str(p.resolve()), st.st_mtime_ns, st.st_size)


def locate_template(level, joint: bool, template: Path | str | None = None):
    """(template .docx path, level definition) for a report; ``template`` is a folder or a .docx."""
    from drafter import levels

    variant = level.variant(joint)
    key = variant.key if variant else ("joint" if joint else "single")
    if template is None:
        return level.directory / template_name(key), level
    template = Path(template)
    if template.suffix.lower() == ".docx":
        if not template.is_file():
            raise InputError("找不到模板文件", path=str(template), hint="请检查 --template 的路径")
        return template, level
    if not template.is_dir():
        raise InputError("找不到模板文件夹", path=str(template),
                         hint="--template 应是 drafter templates new 创建的文件夹，或一个 .docx 模板")
    local_level = levels.load_level(template) if (template / levels.LEVEL_FILE).is_file() else level
    if local_level.id != level.id:
        raise InputError(f"模板文件夹是“{local_level.name}”层级的，数据文件的层级是“{level.name}”", path=str(template),
                         hint="请换用对应层级的模板文件夹，或修改 meta.level")
    path = template / template_name(key)
    if not path.is_file():
        raise InputError(f"模板文件夹中没有 {template_name(key)}", path=str(template),
                         hint="请用 drafter templates new --from 层级 文件夹 重新创建")
    return path, local_level


def render_to_file(template: CompiledTemplate, context: dict, target: Path, *, force: bool = False,
                   source: str = "") -> Path:
    """Render and write ``target`` atomically; refuses to overwrite an edited file unless ``force``."""
    check_overwrite(target, force)
    data = template.render(context, title=context.get("title", "").replace("\n", ""), source=source)
    # every part is well-formed (checked at load or made by lxml); the fingerprint marks it as drafter's
    fsutil.write_bytes(target, data, record=False)
    return target


def render_report(document: dict, target: Path | str, *, template: Path | str | None = None,
                  force: bool = False, source: str = "") -> list:
    """Render a validated document to ``target``; return warnings (removed characters).

    ``template`` is a local template folder or .docx (default: the level's shipped one).
    """
    from drafter import levels
    from drafter.render.context import build_context

    meta = document["meta"]
    path, level = locate_template(levels.get_level(meta["level"]), bool(meta.get("joint")), template)
    context, warnings = build_context(document, level=level, source=source or None)
    render_to_file(load_template(path), context, Path(target), force=force, source=Path(source).name if source else "")
    return warnings


# --- PDF through LibreOffice ---------------------------------------------------------------

def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for folder in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
        if folder:
            candidate = Path(folder) / "LibreOffice" / "program" / "soffice.exe"
            if candidate.is_file():
                return str(candidate)
    return None


def for_libreoffice(data: bytes, missing_fonts: list | tuple = ()) -> bytes:
    """A copy of a .docx that LibreOffice lays out like Word does.

    LibreOffice puts every character that is wider than a cell of the
    character grid into two cells, so the GB/T 9704 grid (28 cells of 15.8 pt
    for 16 pt text) doubles the spacing.  For the PDF we keep the 22-line grid,
    drop the character grid and condense text by 0.25 pt instead, which also
    gives 28 characters a line.  Fonts that are not installed are replaced by
    their substitutes (:mod:`drafter.render.fonts`), so 仿宋 comes out in a
    serif and 楷体 in a 楷体 where one is installed, not all in one sans font.
    """
    from drafter.render.fonts import for_pdf_fonts, is_font_part

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename == "word/document.xml":
                part = part.replace(b'w:type="linesAndChars"', b'w:type="lines"')
            elif info.filename == "word/styles.xml":
                part = re.sub(rb"(<w:rPrDefault>\s*<w:rPr>)", rb'\1<w:spacing w:val="-5"/>', part, count=1)
            if is_font_part(info.filename):
                part = for_pdf_fonts(part, missing_fonts)
            dst.writestr(info, part)
    return out.getvalue()


def convert_to_pdf(docx_files: list[Path], progress=None, missing_fonts: list | None = None) -> list[Path]:
    """Write ``x.pdf`` beside each ``x.docx`` using LibreOffice (one run for the whole batch).

    ``progress(i, n, pdf)`` is called as each PDF is written (i from 1).  ``missing_fonts`` is what
    :func:`drafter.render.fonts.missing_fonts` says about these files (computed here when not given).
    """
    import subprocess                        # only here: rendering a .docx does not load it
    import tempfile

    from drafter.render.fonts import missing_fonts as find_missing

    soffice = find_soffice()
    if soffice is None:
        raise OutputError("未找到 LibreOffice，无法生成 PDF（.docx 已生成）",
                          hint="请安装 LibreOffice（https://zh-cn.libreoffice.org/），"
                               "或在 Word/WPS 中打开 .docx 后“另存为 PDF”")
    if missing_fonts is None:
        missing_fonts = find_missing(docx_files)
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        outdir, indir = Path(tmp, "out"), Path(tmp, "in")
        indir.mkdir()
        copies = []
        for i, docx in enumerate(docx_files):
            copies.append(indir / f"{i}.docx")
            copies[-1].write_bytes(for_libreoffice(Path(docx).read_bytes(), missing_fonts))
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, copies)]
        written: list[Path] = []

        def collect(finished: bool) -> None:
            """Copy out every PDF LibreOffice has finished: one whose successor exists, or all at the end."""
            while len(written) < len(docx_files):
                i = len(written)
                produced = outdir / f"{i}.pdf"
                if not (finished or (outdir / f"{i + 1}.pdf").exists()):
                    return
                if not produced.is_file():
                    if not finished:
                        return
                    detail = proc_stderr().strip()[-200:]
                    raise OutputError("LibreOffice 没有生成 PDF", path=str(docx_files[i]),
                                      hint=(detail + "；" if detail else "") + "可在 Word/WPS 中打开 .docx 后“另存为 PDF”")
                target = Path(docx_files[i]).with_suffix(".pdf")
                fsutil.write_bytes(target, produced.read_bytes())
                written.append(target)
                if progress:
                    progress(len(written), len(docx_files), target)

        stderr_path = Path(tmp, "stderr")

        def proc_stderr() -> str:
            return stderr_path.read_text("utf-8", "replace") if stderr_path.exists() else ""

        timeout = 120 + 30 * len(docx_files)
        try:
            with open(stderr_path, "wb") as err:
                proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
                try:
                    deadline = time.monotonic() + timeout
                    while proc.poll() is None:
                        if time.monotonic() > deadline:
                            raise subprocess.TimeoutExpired(cmd, timeout)
                        collect(False)
                        time.sleep(0.2)
                finally:
                    if proc.poll() is None:
                        proc.kill()
                        proc.wait()
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OutputError(f"LibreOffice 转换 PDF 失败（{exc.__class__.__name__}）",
                              hint="请确认 LibreOffice 可以正常启动，或在 Word/WPS 中“另存为 PDF”") from exc
        collect(True)
        return written
