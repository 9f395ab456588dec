"""``drafter templates check``: find what breaks a template before a report is rendered.

Staff edit the templates in Word or WPS; Word then splits tags across runs
(spell-check marks, revisions, a change of font in the middle of a tag),
AutoCorrect turns ``{{`` into ``{ {`` or full-width braces, and docxtpl's
paragraph/row tags are easy to misuse.  Every finding names the paragraph by
its text, never by an XML offset.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from drafter import regex
from drafter.errors import ERROR, WARNING, Diagnostic
from drafter.render.context import CONTEXT_FIELDS, IMPLICIT_FIELDS
from drafter.text import excerpt

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = regex.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")
NO_TAGS = ("footnotes", "endnotes", "comments")      # docxtpl does not render these
TAG = regex.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
PREFIXED = regex.compile(r"^\{%-?\s*(p|tr|tc|r)\s")
BLOCK_OPEN = regex.compile(r"^\{%-?\s*(for|if|macro|call|filter|with|block|raw)\b")
BLOCK_CLOSE = regex.compile(r"^\{%-?\s*end(for|if|macro|call|filter|with|block|raw)\b")
# A tag's opening or closing pair with a full-width brace or percent sign in it: ｛｛ {｛ ｛％ ％｝ ｝｝ …
_FULL_WIDTH_TAG = regex.compile(r"(?=[{｛%％}｝]{2})(?:[｛][{｛%％]|[{][｛％]|[%％}｝][｝]|[％｝][}]|[%][｝])")
JINJA_NAMES = {"loop", "range", "dict", "cycler", "joiner", "namespace", "true", "false", "none"}
PART_ZH = {"document": "正文", "header": "页眉", "footer": "页脚", "footnotes": "脚注", "endnotes": "尾注",
           "comments": "批注"}


@dataclass
class Para:
    """One paragraph of a template part: its runs' texts and where it is."""

    part: str
    index: int
    runs: list
    in_row: bool

    @property
    def text(self) -> str:
        return "".join(self.runs)

    def where(self) -> str:
        kind = re.sub(r"\d+$", "", self.part)
        place = PART_ZH.get(kind, kind) + ("表格中" if self.in_row else "")
        return f"{place}第{self.index + 1}段“{excerpt(self.text, 40)}”"


def _paragraphs(part: str, xml: bytes) -> list[Para]:
    from lxml import etree

    root = etree.fromstring(xml)
    out = []
    for i, p in enumerate(root.iter(W + "p")):
        runs = []
        for r in p.iter(W + "r"):
            texts = [t.text or "" for t in r.iter(W + "t")]
            if texts:
                runs.append("".join(texts))
        in_row = any(a.tag == W + "tr" for a in p.iterancestors())
        out.append(Para(part, i, runs, in_row))
    return out


def _part_key(name: str) -> str:
    return name.rsplit("/", 1)[-1].removesuffix(".xml")


class Checker:
    def __init__(self, path: Path):
        self.path = str(path)
        self.found: list[Diagnostic] = []

    def add(self, severity: str, message: str, hint: str | None = None) -> None:
        self.found.append(Diagnostic(severity, message, hint=hint, path=self.path))

    # -- per paragraph ---------------------------------------------------------
    def paragraph(self, para: Para) -> None:
        text = para.text
        if not text:
            return
        kind = re.sub(r"\d+$", "", para.part)
        if kind in NO_TAGS:
            if re.search(r"\{\{|\{%|\}\}|%\}", text):
                self.add(ERROR, f"{para.where()}：{PART_ZH[kind]}中的标签不会被替换",
                         "docxtpl 不处理脚注、尾注和批注；请把标签移到正文中")
            return
        self._mangled(para)
        self._split(para)
        self._prefixes(para)
        self._plain_blocks(para)

    def _mangled(self, para: Para) -> None:
        text = para.text
        for m in _FULL_WIDTH_TAG.finditer(text):
            bad = next(ch for ch in m.group(0) if ch in "｛｝％")
            good = {"｛": "{", "｝": "}", "％": "%"}[bad]
            self.add(ERROR, f"{para.where()}：标签中有全角符号“{bad}”（“{m.group(0)}”）",
                     f"请改为半角的“{good}”（关闭输入法的全角模式后重新输入）")
        for bad in ("{ {", "} }", "{ %", "% }"):
            if bad in text:
                self.add(ERROR, f"{para.where()}：标签的括号之间多了空格“{bad}”",
                         "应写成 {{ 变量 }} 或 {% 语句 %}，括号与符号之间不能有空格（可能是自动更正造成的）")
        stripped = TAG.sub("", text)
        for piece, what in (("{{", "“{{”没有对应的“}}”"), ("}}", "“}}”前面没有“{{”"),
                            ("{%", "“{%”没有对应的“%}”"), ("%}", "“%}”前面没有“{%”")):
            if piece in stripped:
                self.add(ERROR, f"{para.where()}：标签不完整：{what}",
                         "一个标签必须写在同一段内；请检查是否漏了括号，或标签被换行拆开")
        for tag in TAG.findall(text):
            spaced = re.match(r"^\{%-?\s+(p|tr|tc|r)\s+(for|if|elif|else|endfor|endif)\b", tag)
            if spaced:
                self.add(ERROR, f"{para.where()}：“{tag}”中的“{spaced.group(1)}”与“{{%”之间不能有空格",
                         f"应写成 {{%{spaced.group(1)} {spaced.group(2)} …%}}")

    def _split(self, para: Para) -> None:
        bounds, pos = [], 0
        for run in para.runs:
            pos += len(run)
            bounds.append(pos)
        for m in TAG.finditer(para.text):
            inner = [b for b in bounds if m.start() < b < m.end()]
            if inner:
                self.add(WARNING, f"{para.where()}：标签“{excerpt(m.group(0), 30)}”被 Word 拆成了{len(inner) + 1}段不同格式的文字",
                         "通常仍能生成，但格式可能只取第一段；请选中整个标签，清除格式（Ctrl+空格）后统一设置字体，"
                         "并关闭“修订”后重新输入")

    def _prefixes(self, para: Para) -> None:
        for m in TAG.finditer(para.text):
            prefix = PREFIXED.match(m.group(0))
            if not prefix:
                continue
            kind = prefix.group(1)
            rest = (para.text[:m.start()] + para.text[m.end():]).strip()
            if kind in ("tr", "tc") and not para.in_row:
                self.add(ERROR, f"{para.where()}：“{{%{kind} …%}}”只能写在表格的单元格里",
                         "表格行的循环用 {%tr for … %}；段落的循环或条件请用 {%p … %}")
            elif kind == "p" and rest:
                self.add(WARNING, f"{para.where()}：这一段除了“{excerpt(m.group(0), 30)}”还有其他文字“{excerpt(rest, 20)}”，生成时整段会被删除",
                         "{%p … %} 标签应单独占一段；请把其他文字移到别的段落")

    def _plain_blocks(self, para: Para) -> None:
        depth = 0
        for tag in TAG.findall(para.text):
            if PREFIXED.match(tag):
                continue
            if BLOCK_OPEN.match(tag):
                depth += 1
            elif BLOCK_CLOSE.match(tag):
                depth -= 1
        if depth:
            self.add(ERROR, f"{para.where()}：普通的 {{% … %}} 语句没有在同一段内结束",
                     "跨段落的循环和条件要用 {%p for … %} / {%p endfor %}（各自单独占一段）；"
                     "跨表格行的用 {%tr … %}，否则生成的文件 Word 打不开")

    # -- rows ---------------------------------------------------------------------
    def rows(self, part: str, xml: bytes) -> None:
        """A ``{%tr %}`` row is removed whole: other text in the row is lost."""
        from lxml import etree

        root = etree.fromstring(xml)
        for tr in root.iter(W + "tr"):
            text = "".join(t.text or "" for t in tr.iter(W + "t"))
            tags = [t for t in TAG.findall(text) if re.match(r"^\{%-?\s*tr\s", t)]
            if tags:
                rest = TAG.sub("", text).strip()
                if rest:
                    self.add(WARNING, f"{PART_ZH.get(re.sub(r'[0-9]+$', '', part), part)}表格中含“{excerpt(tags[0], 30)}”的一行还有其他文字“{excerpt(rest, 20)}”，生成时整行会被删除",
                             "{%tr … %} 所在的行只用来放这个标签；请把其他文字移到别的行")

    # -- Jinja: syntax, variables -------------------------------------------------
    def jinja(self, sources: dict, paras: list[Para]) -> set:
        from jinja2 import TemplateSyntaxError, meta

        from drafter.render.render import jinja_env, template_error

        env = jinja_env()
        used: set = set()
        parsed = True
        for name, source in sources.items():
            try:
                ast = env.parse(source)
            except TemplateSyntaxError as exc:
                err = template_error(exc, source, name, self.path)
                self.add(ERROR, err.message, err.hint)
                parsed = False
                continue
            used |= meta.find_undeclared_variables(ast)
        if not parsed:      # fall back to reading the names out of the tags
            used = _names_in_tags(p.text for p in paras)
        for name in sorted(used - set(CONTEXT_FIELDS) - JINJA_NAMES):
            where = next((p.where() for p in paras if re.search(r"[{%][^{}%]*\b" + re.escape(name) + r"\b", p.text)), "")
            close = difflib.get_close_matches(name, list(CONTEXT_FIELDS), n=1)
            hint = (f"是不是“{close[0]}”？" if close else "") + "可用的变量见 docs/templates.md"
            self.add(ERROR, (f"{where}：" if where else "") + f"模板使用了未知变量“{name}”，生成时会出错", hint)
        return used

    def unused(self, used: set) -> None:
        if any(d.severity == ERROR and "写法有误" in d.message for d in self.found):
            return      # the template could not be read whole; “unused” would be guesswork
        from drafter.data.validate import field_title

        for var, (_, fields) in CONTEXT_FIELDS.items():
            if var in used:
                continue
            for f in fields:
                if f in IMPLICIT_FIELDS:
                    continue
                title = field_title(tuple(f.split(".")))
                self.add(WARNING, f"模板没有用到变量“{var}”：数据文件中的“{title}”（{f}）不会出现在报告中",
                         f"如需印出，请在模板中加入 {{{{ {var} }}}}（用法见 docs/templates.md）")


_KEYWORDS = {"for", "in", "if", "elif", "else", "endif", "endfor", "not", "and", "or", "is", "p", "tr", "tc", "r",
             "set", "with", "endwith", "macro", "endmacro", "call", "filter", "endfilter", "block", "endblock",
             "raw", "endraw", "recursive", "defined", "none", "true", "false"}


def _names_in_tags(texts) -> set:
    """Top-level names used in tags, read with a regex (for templates Jinja cannot parse)."""
    names, bound = set(), set()
    for text in texts:
        for tag in TAG.findall(text):
            inner = re.sub(r"(['\"]).*?\1", "", tag[2:-2])
            bound.update(re.findall(r"\bfor\s+([A-Za-z_]\w*)", inner))
            names.update(re.findall(r"(?<![.\w])([A-Za-z_]\w*)", inner))
    return names - bound - _KEYWORDS


def check_template(path: Path | str) -> list[Diagnostic]:
    """Every problem found in one .docx template, errors first."""
    from drafter.errors import InputError
    from drafter.render.render import prepare_part

    from drafter.render.render import read_template_parts

    path = Path(path)
    checker = Checker(path)
    parts = {n: data for n, data in read_template_parts(path) if PARTS.match(n)}   # InputError: exit 2
    if "word/document.xml" not in parts:
        raise InputError("模板文件中没有正文（word/document.xml）", path=str(path), hint="请确认这是 Word 文档")
    all_paras, sources = [], {}
    for name in sorted(parts, key=lambda n: (n != "word/document.xml", n)):
        key = _part_key(name)
        paras = _paragraphs(key, parts[name])
        for para in paras:
            checker.paragraph(para)
        all_paras.extend(paras)
        if re.sub(r"\d+$", "", key) not in NO_TAGS:
            checker.rows(key, parts[name])
            sources[name] = prepare_part(parts[name].decode("utf-8"))
    used = checker.jinja(sources, all_paras)
    checker.unused(used)
    if not any(d.is_error for d in checker.found):
        _trial_render(path, checker)
    return sorted(checker.found, key=lambda d: d.severity != ERROR)


def _trial_render(path: Path, checker: Checker) -> None:
    """Render the template once with the `init` skeleton of its level, as `render` would, and check the result.

    Catches what reading cannot: a tag that fails when evaluated (``{{ 1/0 }}``,
    a macro calling itself, a loop beyond the limits) or output Word cannot open.
    """
    import datetime as dt
    import io

    from drafter import levels
    from drafter.data.loader import load_text
    from drafter.data.skeleton import skeleton
    from drafter.data.validate import validate_loaded
    from drafter.errors import DrafterError
    from drafter.fsutil import check_ooxml
    from drafter.render.context import build_context
    from drafter.render.render import CompiledTemplate

    try:
        level = levels.load_level(path.parent) if (path.parent / levels.LEVEL_FILE).is_file() else levels.get_level("county")
    except DrafterError:
        return                       # the level definition's own error is reported by the command
    joint = "joint" in path.stem and level.variant(True) is not None
    if level.variant(joint) is None:
        return
    year = 2024
    document = validate_loaded(load_text(skeleton(level.id, year, joint), "示例")).document
    document["meta"]["date"] = dt.date(year + 1, 2, 20)
    try:
        context, _ = build_context(document, level=level)
        data = CompiledTemplate.load(path).render(context, title=str(context.get("title", "")))
        check_ooxml(io.BytesIO(data))
    except DrafterError as exc:
        checker.add(ERROR, "用示例数据试生成报告时出错：" + exc.message, exc.hint)


def template_files(path: Path | str | None) -> list[Path]:
    """The .docx templates at ``path`` (a file or a folder, searched recursively); all shipped ones by default."""
    from drafter.levels import templates_root

    root = Path(path) if path else templates_root()
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.docx") if not p.name.startswith(("~$", ".~")))
