""".docx drafts → :class:`~drafter.document.model.Document`, read with lxml straight from the zip.

python-docx cannot see what a linter needs (auto-numbering text, outline
levels, content controls, text boxes, footnotes, tracked changes, inherited
formatting), so this module reads the package parts itself:

* the zip is checked before anything is decompressed (sizes and ratios from
  its directory, member count), so a zip bomb is refused in bounded time;
* XML is parsed with ``resolve_entities=False``, ``no_network=True`` and
  ``huge_tree=False`` (no entity expansion, no network, libxml2's size limits);
* body order follows the XML: paragraphs, tables (row by row), content
  controls (``w:sdt``) and text boxes (``w:txbxContent``, after their anchor
  paragraph); then headers, footers and footnotes;
* ``numbering.xml`` is evaluated so an auto-numbered "一、" is part of the text;
* formatting is resolved through direct → style ``basedOn`` chain →
  ``docDefaults`` → theme fonts.

:func:`iter_paragraph_elements` is the one walk of the body; the annotate
reporter uses it on python-docx's tree to find the same paragraphs again.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from drafter import regex
from drafter.document.model import MAX_PARAGRAPHS, Document, Format, PageSetup, Paragraph, too_many_paragraphs
from drafter.errors import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W_NS,
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "op": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}
W = "{%s}" % W_NS
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

# Limits that keep a hostile file bounded in time and memory.
MAX_MEMBERS = 3000
MAX_TOTAL_UNCOMPRESSED = 1024 * 1024 * 1024     # all members (photos included; they are never decompressed)
MAX_PART_UNCOMPRESSED = 512 * 1024 * 1024
MAX_XML_PART = 64 * 1024 * 1024                  # a part that is parsed (a 200-page report's text is ~5 MB)
MAX_READ_TOTAL = 48 * 1024 * 1024                # all parts read and parsed together (headers, footnotes …)
MAX_RATIO = 200                       # uncompressed/compressed for members over RATIO_FLOOR
RATIO_FLOOR = 2 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False,
                          load_dtd=False)

# Paragraph.source is (container, ordinal in iter_paragraph_elements); BODY_KEY names the main body.
BODY_KEY = "body"
_HINT_RESAVE = "请在 Word 或 WPS 中打开并“另存为”.docx 后再检查"


def _bad(message: str, path: str, hint: str = _HINT_RESAVE) -> InputError:
    return InputError(message, path=path, hint=hint)


# --- the package ------------------------------------------------------------------------------

class Package:
    """A checked .docx zip: parts by name, relationships, safe XML parsing."""

    def __init__(self, path: Path):
        from drafter.fsutil import regular_file

        self.name = str(path)
        regular_file(path, "草稿文件")            # not a device, FIFO, folder or symlink loop
        try:
            with open(path, "rb") as fh:
                head = fh.read(8)
        except OSError as exc:
            raise InputError(f"无法读取文件（{exc.strerror or exc}）", path=self.name,
                             hint="请检查文件是否存在、是否有读取权限，或是否正被其他程序占用") from exc
        if not head:
            raise _bad("文件是空的（0 字节）", self.name, "请确认文件已保存完整，或重新从原处复制一份")
        if head.startswith(OLE_MAGIC):
            raise _bad("文件是加密（设置了打开密码）的 Word 文档，或实际是旧版 .doc 文件", self.name,
                       "如有密码，请在 Word/WPS 中取消密码；如是 .doc，请“另存为”.docx 后再检查")
        if not head.startswith(ZIP_MAGIC):
            raise _bad("文件不是有效的 .docx（内容不是 Word 文档格式）", self.name,
                       "文件可能已损坏或扩展名不对；" + _HINT_RESAVE)
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            raise _bad("文件已损坏或不完整（无法解压）", self.name,
                       "文件可能没有下载或复制完整；请重新获取，或" + _HINT_RESAVE) from exc
        self._check_sizes()
        self.members = {info.filename: info for info in self.zip.infolist()}
        self._cache: dict = {}
        self._inflated = 0          # bytes decompressed so far (all parts read), against MAX_READ_TOTAL

    def _check_sizes(self) -> None:
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _bad(f"文件结构异常（包含 {len(infos)} 个部件）", self.name)
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_PART_UNCOMPRESSED or total > MAX_TOTAL_UNCOMPRESSED or (
                    info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
                raise _bad("文件解压后异常巨大（疑似“压缩炸弹”），已停止读取", self.name,
                           "请确认文件来源可靠；正常的报告草稿解压后不超过几十 MB")
            if info.flag_bits & 0x1:
                raise _bad("文件已加密", self.name, "请在 Word/WPS 中取消密码后再检查")

    def blob(self, name: str) -> bytes | None:
        info = self.members.get(name)
        if info is None:
            return None
        if info.file_size > MAX_XML_PART:
            raise _bad(f"文件中的部件 {name} 过大（{info.file_size // (1024 * 1024)} MB），已停止读取", self.name,
                       "正常的报告草稿不会这样大；请确认文件来源，或在 Word 中“另存为”后再检查")
        try:
            with self.zip.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError, zlib.error) as exc:
            raise _bad(f"文件已损坏（部件 {name} 无法解压）", self.name) from exc
        if len(data) > info.file_size:
            raise _bad("文件解压后大小与目录不符（疑似被篡改），已停止读取", self.name)
        self._inflated += len(data)
        if self._inflated > MAX_READ_TOTAL:
            raise _bad(f"文件中要读取的文字部件解压后共超过 {MAX_READ_TOTAL // (1024 * 1024)} MB（疑似“压缩炸弹”），已停止读取",
                       self.name, "正常的报告草稿解压后不超过几十 MB；请确认文件来源，或在 Word 中“另存为”后再检查")
        return data

    def xml(self, name: str | None):
        """The parsed root element of a part, or ``None`` if absent."""
        if name is None:
            return None
        if name in self._cache:
            return self._cache[name]
        data = self.blob(name)
        root = None
        if data is not None:
            try:
                root = etree.fromstring(data, _PARSER)
            except etree.XMLSyntaxError as exc:
                raise _bad(f"文件已损坏（部件 {name} 不是有效的 XML）", self.name) from exc
        self._cache[name] = root
        return root

    def rels(self, part: str) -> dict:
        """Relationships of ``part``: id → (type suffix, target part name)."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out = {}
        if root is None:
            return out
        for rel in root.findall("rel:Relationship", NS):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id")] = (rel.get("Type", "").rsplit("/", 1)[-1], name)
        return out

    def main_part(self) -> str:
        for _, (kind, name) in self.rels("").items():
            if kind == "officeDocument" and name in self.members:
                return name
        if "word/document.xml" in self.members:
            return "word/document.xml"
        raise _bad("文件不是 Word 文档（缺少正文部件）", self.name,
                   "可能是其他格式（如 Excel、压缩包）改了扩展名；请确认文件，或" + _HINT_RESAVE)


# --- styles, numbering, theme -------------------------------------------------------------------

def _val(el, attr: str = "val"):
    return None if el is None else el.get(W + attr)


def _on(el) -> bool | None:
    """A w:b-like toggle: present and not false."""
    if el is None:
        return None
    return _val(el) not in ("0", "false", "off")


class Styles:
    """Style definitions with the basedOn chain resolved on demand."""

    def __init__(self, root, theme_fonts: dict):
        self.by_id = {}
        self.default_para = None
        self.doc_rpr = self.doc_ppr = None
        self.theme_fonts = theme_fonts
        self._names: dict = {}
        self._chain_cache: dict = {}
        if root is None:
            return
        for style in root.findall("w:style", NS):
            sid = style.get(W + "styleId")
            self.by_id[sid] = style
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true"):
                self.default_para = sid
        defaults = root.find("w:docDefaults", NS)
        if defaults is not None:
            self.doc_rpr = defaults.find("w:rPrDefault/w:rPr", NS)
            self.doc_ppr = defaults.find("w:pPrDefault/w:pPr", NS)

    def name(self, sid: str | None) -> str | None:
        if sid not in self._names:
            style = self.by_id.get(sid)
            self._names[sid] = None if style is None else (_val(style.find("w:name", NS)) or sid)
        return self._names[sid]

    def chain(self, sid: str | None) -> list:
        """The style and its basedOn ancestors (nearest first), cycles cut."""
        if sid in self._chain_cache:
            return self._chain_cache[sid]
        out, seen = [], set()
        current = sid
        while current and current not in seen and current in self.by_id:
            seen.add(current)
            out.append(self.by_id[current])
            current = _val(self.by_id[current].find("w:basedOn", NS))
        self._chain_cache[sid] = out
        return out

    def para_chain(self, sid: str | None) -> list:
        return self.chain(sid if sid in self.by_id else self.default_para)


def _theme_fonts(root) -> dict:
    """Theme font names: {'minorEastAsia': ..., 'majorEastAsia': ..., 'minorHAnsi': ..., ...}."""
    out = {}
    if root is None:
        return out
    for kind in ("major", "minor"):
        font = root.find(f".//a:fontScheme/a:{kind}Font", NS)
        if font is None:
            continue
        latin = font.find("a:latin", NS)
        ea = font.find("a:ea", NS)
        hans = font.find("a:font[@script='Hans']", NS)
        east = (ea.get("typeface") if ea is not None else "") or (hans.get("typeface") if hans is not None else "")
        out[f"{kind}EastAsia"] = east or None
        out[f"{kind}HAnsi"] = out[f"{kind}Ascii"] = latin.get("typeface") if latin is not None else None
    return out


_FORMATS = {}


def _letters(n: int, upper: bool) -> str:
    base = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if upper else "abcdefghijklmnopqrstuvwxyz"
    n = max(n, 1)
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


MAX_LIST_VALUE = 32767          # Word's own limit for a list's start value
MAX_LEVEL_TEXT = 64             # characters of a list level's number format (w:lvlText) and of a number


def list_value(text: str | None, default: int = 1) -> int:
    """A w:start / w:startOverride value, clamped to 0…32767 as Word does (never a 400-digit number)."""
    text = (text or "").strip()
    if not text.lstrip("-").isdigit() or not text.lstrip("-").isascii():
        return default
    if text.startswith("-"):
        return 0
    return MAX_LIST_VALUE if len(text) > 6 else min(int(text), MAX_LIST_VALUE)


def format_number(n: int, fmt: str | None) -> str:
    """One counter value in a w:numFmt (decimal, chineseCounting, upperLetter, …)."""
    from drafter.numbering import cn_numeral
    fmt = fmt or "decimal"
    n = max(-MAX_LIST_VALUE, min(n, 2 * MAX_LIST_VALUE))       # counters grow only by the paragraphs read
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting",
               "chineseLegalSimplified", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return cn_numeral(n) if 1 <= n <= 999 else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x245F + n) if 1 <= n <= 20 else str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class Numbering:
    """Evaluates list numbers (numbering.xml) in document order."""

    def __init__(self, root):
        self.abstract = {}
        self.nums = {}
        self.counters: dict = {}
        self._levels: dict = {}
        self._plans: dict = {}
        if root is None:
            return
        for ab in root.findall("w:abstractNum", NS):
            self.abstract[ab.get(W + "abstractNumId")] = ab
        for num in root.findall("w:num", NS):
            overrides = {}
            for ov in num.findall("w:lvlOverride", NS):
                start = _val(ov.find("w:startOverride", NS))
                lvl = ov.find("w:lvl", NS)
                overrides[ov.get(W + "ilvl")] = (list_value(start) if start and start.isdigit() else None, lvl)
            self.nums[num.get(W + "numId")] = (_val(num.find("w:abstractNumId", NS)), overrides)

    def _level(self, num_id: str, ilvl: int):
        key = (num_id, ilvl)
        if key not in self._levels:
            self._levels[key] = self._find_level(num_id, ilvl)
        return self._levels[key]

    def _find_level(self, num_id: str, ilvl: int):
        abstract_id, overrides = self.nums.get(num_id, (None, {}))
        start_override, lvl_override = overrides.get(str(ilvl), (None, None))
        ab = self.abstract.get(abstract_id)
        lvl = lvl_override
        if lvl is None and ab is not None:
            lvl = ab.find(f"w:lvl[@w:ilvl='{ilvl}']", NS)
        start = start_override
        if start is None and lvl is not None:
            value = _val(lvl.find("w:start", NS))
            start = list_value(value)
        return lvl, start if start is not None else 1

    def _plan(self, num_id: str, ilvl: int):
        """How to write the number of ``num_id`` at ``ilvl``: (start, literal pieces, level refs, suffix), or None."""
        key = (num_id, ilvl)
        if key not in self._plans:
            lvl, start = self._level(num_id, ilvl)
            plan = None
            if lvl is not None and _val(lvl.find("w:numFmt", NS)) != "bullet":
                pieces = re.split(r"%(\d)", (_val(lvl.find("w:lvlText", NS)) or "")[:MAX_LEVEL_TEXT])
                legal = lvl.find("w:isLgl", NS) is not None
                refs = []
                for k in (int(d) - 1 for d in pieces[1::2]):
                    lvl_k, start_k = (lvl, start) if k == ilvl else self._level(num_id, k)
                    fmt = _val(lvl_k.find("w:numFmt", NS)) if lvl_k is not None else None
                    refs.append((k, start_k, "decimal" if legal and k != ilvl else fmt))
                suffix = " " if (_val(lvl.find("w:suff", NS)) or "tab") == "space" else ""
                plan = (start, pieces[0::2], refs, suffix)
            self._plans[key] = plan
        return self._plans[key]

    def next(self, num_id: str | None, ilvl: int) -> str:
        """Advance the list ``num_id`` at level ``ilvl`` and return the number text (with suffix)."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        ilvl = max(0, min(ilvl, 8))
        counters = self.counters.setdefault(num_id, {})
        plan = self._plan(num_id, ilvl)
        if plan is None:
            lvl, start = self._level(num_id, ilvl)
            if lvl is not None:                        # a bullet still counts in its list
                counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
            return ""
        start, literals, refs, suffix = plan
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        out = [literals[0]]
        for (k, start_k, fmt), literal in zip(refs, literals[1:]):
            out.append(format_number(counters.get(k, start_k), fmt))
            out.append(literal)
        number = "".join(out)[:MAX_LEVEL_TEXT]
        return number + (suffix if number else "")


# --- the walk -----------------------------------------------------------------------------------

_TEXT_TAGS = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-",
              W + "softHyphen": ""}
_SKIP_IN_TEXT = {W + "del", W + "moveFrom", W + "txbxContent", "{%s}Fallback" % NS["mc"], W + "instrText",
                 W + "delText", W + "footnoteReference", W + "endnoteReference", W + "pPr", W + "rPr"}


_FALLBACK = "{%s}Fallback" % NS["mc"]
_ALTERNATE = "{%s}AlternateContent" % NS["mc"]
_COMPLEX = (W + "del", W + "moveFrom", W + "txbxContent", _FALLBACK, W + "sym")
_SIMPLE_TEXT = (W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen")


_NOT_PLAIN = _COMPLEX + (W + "tab", W + "br", W + "cr", W + "noBreakHyphen", W + "softHyphen")
_T_TEXTS = etree.XPath(".//w:t/text()", namespaces={"w": W_NS}, smart_strings=False)
_TEXT_RUNS = etree.XPath(".//w:r[w:t]", namespaces={"w": W_NS})


def paragraph_text(p, plain: bool = False) -> str:
    """Visible text of a w:p (pending insertions included, deletions and nested text boxes left out).

    ``plain=True`` promises that the paragraph has nothing but ``w:t`` text (the
    caller checked its whole part at once).
    """
    if plain or next(p.iter(*_NOT_PLAIN), None) is None:   # the common case: only w:t, all done in C
        return "".join(_T_TEXTS(p))
    if next(p.iter(*_COMPLEX), None) is None:
        return "".join(el.text or "" if el.tag == W + "t" else _TEXT_TAGS[el.tag] for el in p.iter(*_SIMPLE_TEXT))
    out = []

    def walk(el):
        for child in el:
            tag = child.tag
            if tag in _SKIP_IN_TEXT:
                continue
            if tag in _TEXT_TAGS:
                out.append(child.text or "" if _TEXT_TAGS[tag] is None else _TEXT_TAGS[tag])
            elif tag == W + "sym":
                out.append("")
            else:
                walk(child)

    walk(p)
    return "".join(out)


_P, _TXBX = W + "p", W + "txbxContent"


def _own_boxes(p):
    """The text boxes anchored in paragraph ``p`` itself, not those nested inside another box.

    Nested boxes are reached through the paragraphs of their own box, so each
    box is walked once: the walk stays linear however deep boxes are nested.
    """
    for box in p.iter(_TXBX):
        for ancestor in box.iterancestors():
            if ancestor is p:
                yield box
                break
            if ancestor.tag in (_TXBX, _FALLBACK):
                break


def _single_cell(tbl):
    """The only cell of a one-row, one-cell table, else None."""
    rows = tbl.findall("w:tr", NS)
    cells = rows[0].findall("w:tc", NS) if len(rows) == 1 else []
    return cells[0] if len(cells) == 1 else None


def iter_paragraph_elements(container, part: str = "body"):
    """Yield ``(w:p element, part, table_cell)`` in document order.

    Tables yield their cells' paragraphs row by row (part ``table``); a table of
    one cell is a layout box, not data (drafter keeps the end of a report in one
    so it is not split across pages), and is transparent like content controls;
    text-box paragraphs follow their anchor paragraph (part ``textbox``).  The
    same walk serves reading and annotating.
    """
    table_counter = [0]
    has_boxes = next(container.iter(_TXBX), None) is not None

    def walk(el, part, cell):
        for child in el:
            tag = child.tag
            if tag == _P:
                yield child, part, cell
                if has_boxes:
                    for box in _own_boxes(child):
                        yield from walk(box, "textbox", None)
            elif tag == W + "tbl" and _single_cell(child) is not None:
                yield from walk(_single_cell(child), part, cell)
            elif tag == W + "tbl":
                table_index = table_counter[0]
                table_counter[0] += 1
                for r, row in enumerate(child.iterfind("w:tr", NS)):
                    for c, tc in enumerate(row.iterfind("w:tc", NS)):
                        yield from walk(tc, "table", (table_index, r, c))
            elif tag in (W + "sdt", W + "customXml", W + "smartTag", W + "ins", W + "moveTo"):
                content = child.find("w:sdtContent", NS) if tag == W + "sdt" else child
                if content is not None:
                    yield from walk(content, part, cell)
            elif tag == W + "sdtContent":
                yield from walk(child, part, cell)
            elif tag == _ALTERNATE:                     # markup compatibility: read the first choice
                choice = child.find("mc:Choice", NS)
                if choice is not None:
                    yield from walk(choice, part, cell)

    yield from walk(container, part, None)


# --- formatting ---------------------------------------------------------------------------------

def _first(elements, path: str):
    for el in elements:
        if el is None:
            continue
        found = el.find(path, NS)
        if found is not None:
            return found
    return None


def _font(rfonts_list, slot: str, theme: dict) -> str | None:
    """Resolve one w:rFonts slot through a list of rFonts (nearest first).

    A theme reference (``w:eastAsiaTheme``) wins over the explicit name on the
    same element, as in Word; a nearer element wins over a farther one.
    """
    for rfonts in rfonts_list:
        if rfonts is None:
            continue
        theme_name = rfonts.get(W + slot + "Theme")
        if theme_name and theme.get(theme_name):
            return font_name(theme[theme_name])
        name = rfonts.get(W + slot)
        if name:
            return font_name(name)
    return None


def font_name(name: str) -> str:
    """A font name as Word shows it: LibreOffice writes alternates after “;” (``黑体;SimHei`` → ``黑体``)."""
    return name.split(";", 1)[0].strip() or name


_PPR, _PSTYLE, _RPR = W + "pPr", W + "pStyle", W + "rPr"


def _first_child(el, tag: str):
    """``el``'s first child if it has ``tag`` (the schema puts pPr, pStyle and rPr first), else ``None``."""
    if el is None or not len(el):
        return None
    first = el[0]
    return first if first.tag == tag else None


_JC = {"both": "both", "center": "center", "left": "left", "start": "left", "right": "right", "end": "right",
       "distribute": "distribute"}


def _bold_of(rprs) -> bool | None:
    for rpr in rprs:
        if rpr is not None:
            b = rpr.find(W + "b")
            if b is not None:
                return _on(b)
    return None


def _ppr_values(pprs) -> dict:
    """Paragraph properties resolved through a list of w:pPr (nearest first)."""
    out = {"jc": None, "ind": None, "spacing": None, "outline": None, "numpr": None}
    for ppr in pprs:
        if ppr is None:
            continue
        if out["jc"] is None:
            out["jc"] = _val(ppr.find(W + "jc"))
        if out["outline"] is None:
            out["outline"] = _val(ppr.find(W + "outlineLvl"))
        if out["numpr"] is None:
            out["numpr"] = ppr.find(W + "numPr")
        ind = ppr.find(W + "ind")
        if out["ind"] is None and ind is not None and any(
                ind.get(W + a) is not None for a in ("firstLineChars", "firstLine", "hanging", "hangingChars")):
            out["ind"] = ind
        spacing = ppr.find(W + "spacing")
        if out["spacing"] is None and spacing is not None and spacing.get(W + "line") is not None:
            out["spacing"] = spacing
    return out


def _rpr_values(rprs, theme: dict) -> dict:
    fonts = [r.find(W + "rFonts") if r is not None else None for r in rprs]
    size = _val(_first(rprs, "w:sz"))
    return {"east_asia": _font(fonts, "eastAsia", theme), "ascii": _font(fonts, "ascii", theme),
            "size": int(size) / 2 if size and size.isdigit() else None, "bold": bool(_bold_of(rprs))}


def _para_result(merged: dict, style_ppr: dict) -> tuple:
    """(alignment, indent chars, indent pt, line rule, line pt, outline level, (numId, ilvl)) from pPr values."""
    chars = indent_pt = rule = spacing_pt = None
    ind = merged["ind"]
    if ind is not None:
        first_chars, twips = ind.get(W + "firstLineChars"), ind.get(W + "firstLine")
        if first_chars is not None and first_chars.lstrip("-").isdigit():
            chars = int(first_chars) / 100
        if twips is not None and twips.lstrip("-").isdigit():
            indent_pt = int(twips) / 20
    spacing = merged["spacing"]
    if spacing is not None:
        rule, line = spacing.get(W + "lineRule") or "auto", spacing.get(W + "line")
        if rule in ("exact", "atLeast") and line.lstrip("-").isdigit():
            spacing_pt = int(line) / 20
    outline = merged["outline"]
    outline = int(outline) if outline and outline.isdigit() and int(outline) < 9 else None
    numbering = None
    numpr = merged["numpr"]
    if numpr is not None:
        ilvl = _val(numpr.find(W + "ilvl"))
        if ilvl is None and style_ppr["numpr"] is not None:
            ilvl = _val(style_ppr["numpr"].find(W + "ilvl"))
        numbering = (_val(numpr.find(W + "numId")), int(ilvl) if ilvl and ilvl.isdigit() else 0)
    return _JC.get(merged["jc"]), chars, indent_pt, rule, spacing_pt, outline, numbering


def _rpr_key(rpr) -> tuple:
    """What the resolved run values depend on: the direct children of a w:rPr with their attributes, in order
    (everything ``_rpr_values`` and ``_bold_of`` read; several times cheaper than serialising it)."""
    return tuple([(child.tag, *child.items()) for child in rpr])


class Resolver:
    """Resolved paragraph formatting and heading signals for one document.

    What a paragraph style gives is resolved once per style (the style chain
    and docDefaults); each paragraph then only looks at its own direct
    properties and those of its first text run.
    """

    def __init__(self, styles: Styles):
        self.styles = styles
        self._para: dict = {}
        self._para_results: dict = {}
        self._run_values: dict = {}
        self._run_bold: dict = {}
        self._char: dict = {}

    def para_style(self, p) -> str | None:
        ppr = _first_child(p, _PPR)
        return _val(_first_child(ppr, _PSTYLE)) if ppr is not None else None

    def _style(self, sid):
        """(pPr list, rPr list, resolved pPr values, resolved rPr values) of a paragraph style."""
        if sid not in self._para:
            chain = self.styles.para_chain(sid)
            pprs = [s.find(W + "pPr") for s in chain] + [self.styles.doc_ppr]
            rprs = [s.find(W + "rPr") for s in chain] + [self.styles.doc_rpr]
            self._para[sid] = (pprs, rprs, _ppr_values(pprs), _rpr_values(rprs, self.styles.theme_fonts))
        return self._para[sid]

    def _char_rprs(self, rstyle):
        if rstyle not in self._char:
            self._char[rstyle] = [s.find(W + "rPr") for s in self.styles.chain(rstyle)]
        return self._char[rstyle]

    def paragraph(self, p, sid):
        """(Format, all text bold, outline level or None, (numId, ilvl) or None) of a w:p."""
        pprs, rprs, style_ppr, style_rpr = self._style(sid)
        ppr = _first_child(p, _PPR)
        if ppr is not None and len(ppr) > (_first_child(ppr, _PSTYLE) is not None):
            values = _ppr_values([ppr])
            para = _para_result({k: v if values[k] is None else values[k] for k, v in style_ppr.items()}, style_ppr)
        else:                                           # only a style: resolved once per style
            if sid not in self._para_results:
                self._para_results[sid] = _para_result(style_ppr, style_ppr)
            para = self._para_results[sid]
        runs = _TEXT_RUNS(p)
        first = style_rpr
        all_bold = bool(runs)
        for i, run in enumerate(runs):
            rpr = _first_child(run, _RPR)
            if rpr is None:
                if i == 0:
                    first = style_rpr
                bold = style_rpr["bold"]
            else:
                key = _rpr_key(rpr)                      # Word repeats the same run properties
                if i == 0:
                    if (key, sid) not in self._run_values:
                        char_rprs = self._char_rprs(_val(rpr.find(W + "rStyle")))
                        self._run_values[(key, sid)] = _rpr_values([rpr] + char_rprs + rprs, self.styles.theme_fonts)
                    first = self._run_values[(key, sid)]
                if key not in self._run_bold:
                    self._run_bold[key] = _bold_of([rpr] + self._char_rprs(_val(rpr.find(W + "rStyle"))))
                direct = self._run_bold[key]
                bold = style_rpr["bold"] if direct is None else direct
            if not bold:                            # the first run's format is already taken
                all_bold = False
                break
        alignment, chars, indent_pt, rule, spacing_pt, outline, numbering = para
        fmt = Format(font_east_asia=first["east_asia"], font_ascii=first["ascii"], size_pt=first["size"],
                     bold=first["bold"], alignment=alignment, first_line_indent_chars=chars,
                     first_line_indent_pt=indent_pt, line_spacing_pt=spacing_pt, line_spacing_rule=rule)
        return fmt, all_bold, outline, numbering


# --- page setup and properties ------------------------------------------------------------------

def _mm(twips) -> float | None:
    try:
        return round(int(twips) / 1440 * 25.4, 1)
    except (TypeError, ValueError):
        return None


def page_setup(sect) -> PageSetup:
    size = sect.find("w:pgSz", NS)
    margin = sect.find("w:pgMar", NS)
    grid = sect.find("w:docGrid", NS)
    setup = PageSetup(width_mm=_mm(_val(size, "w")), height_mm=_mm(_val(size, "h")),
                      top_mm=_mm(_val(margin, "top")), bottom_mm=_mm(_val(margin, "bottom")),
                      left_mm=_mm(_val(margin, "left")), right_mm=_mm(_val(margin, "right")))
    pitch = _val(grid, "linePitch")
    height, top, bottom = _val(size, "h"), _val(margin, "top"), _val(margin, "bottom")
    if grid is not None and _val(grid, "type") in ("lines", "linesAndChars", "snapToChars") and pitch and height:
        try:
            usable = int(height) - abs(int(top or 0)) - abs(int(bottom or 0))
            setup.lines_per_page = int(usable // int(pitch)) if int(pitch) > 0 else None
        except ValueError:
            pass
    char_space = _val(grid, "charSpace")
    width, left, right = _val(size, "w"), _val(margin, "left"), _val(margin, "right")
    if grid is not None and _val(grid, "type") in ("linesAndChars", "snapToChars") and width:
        try:
            usable = int(width) - int(left or 0) - int(right or 0)
            # Word's character pitch: default font size (assumed 16pt = 320 twips) + charSpace/4096 pt.
            pitch_twips = 320 + int(char_space or 0) / 4096 * 20
            setup.chars_per_line = int(usable // pitch_twips) if pitch_twips > 0 else None
        except ValueError:
            pass
    return setup


def _properties(pkg: Package) -> dict:
    props = {}
    for _, (kind, name) in pkg.rels("").items():
        root = pkg.xml(name) if kind in ("core-properties", "custom-properties", "metadata/core-properties") else None
        if root is None:
            continue
        if root.tag.endswith("coreProperties"):
            for el in root:
                if el.text and el.text.strip():
                    props[etree.QName(el).localname] = el.text.strip()
        else:
            for prop in root.findall("op:property", NS):
                value = next((c.text for c in prop if c.text), None)
                if value is not None:
                    props["custom:" + (prop.get("name") or "")] = value
    return props


# --- reading ------------------------------------------------------------------------------------

def read_docx(path: Path | str) -> Document:
    """Read a .docx draft; :class:`InputError` with a Chinese message for anything unreadable."""
    path = Path(path)
    pkg = Package(path)
    try:
        return _read(pkg, path)
    except InputError:
        raise
    except (etree.LxmlError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise _bad(f"文件已损坏或格式异常，无法读取（{exc.__class__.__name__}）", str(path)) from exc
    except RecursionError as exc:
        raise _bad("文件结构嵌套过深，无法读取", str(path)) from exc
    finally:
        pkg.zip.close()


_FLD_CHAR, _INSTR = W + "fldChar", W + "instrText"
_TOC_INSTR = regex.compile(r"^\s*TOC\b", re.IGNORECASE)


class _TocTracker:
    """Tells which paragraphs belong to a table of contents: a TOC field (begin … end, nested
    PAGEREF fields counted) or a content control whose gallery is “Table of Contents”."""

    def __init__(self, container):
        self.depth = 0
        self.sdt_toc = any((gallery.get(W + "val") or "").lower().startswith("table of contents")
                           for gallery in container.iter(W + "docPartGallery"))
        self.fields = next(container.iter(_INSTR), None) is not None

    def inside(self, p) -> bool:
        inside = self.depth > 0
        if self.fields and (inside or next(p.iter(_INSTR), None) is not None):
            for el in p.iter(_FLD_CHAR, _INSTR):
                if el.tag == _INSTR:
                    if self.depth == 0 and _TOC_INSTR.match(el.text or ""):
                        self.depth = 1
                        inside = True
                elif self.depth:
                    kind = el.get(W + "fldCharType")
                    if kind == "begin":
                        self.depth += 1
                    elif kind == "end":
                        self.depth -= 1
        if not inside and self.sdt_toc:
            for sdt in p.iterancestors(W + "sdt"):
                gallery = sdt.find("w:sdtPr/w:docPartObj/w:docPartGallery", NS)
                if gallery is not None and (gallery.get(W + "val") or "").lower().startswith("table of contents"):
                    return True
        return inside


def _read(pkg: Package, path: Path) -> Document:
    main = pkg.main_part()
    root = pkg.xml(main)
    body = root.find("w:body", NS) if root is not None else None
    if body is None and root is not None and "purl.oclc.org/ooxml" in root.tag:
        raise _bad("文件是“Strict Open XML”格式的 Word 文档，暂不支持", str(path),
                   "请在 Word 中“另存为”，保存类型选择“Word 文档(*.docx)”")
    if body is None:
        raise _bad("文件不是有效的 Word 文档（没有正文）", str(path))
    rels = pkg.rels(main)
    by_kind: dict = {}
    for rid, (kind, name) in rels.items():
        by_kind.setdefault(kind, []).append((rid, name))

    def part(kind):
        found = by_kind.get(kind)
        return found[0][1] if found else None

    theme = _theme_fonts(pkg.xml(part("theme")))
    theme_map = {"minorEastAsia": theme.get("minorEastAsia"), "majorEastAsia": theme.get("majorEastAsia"),
                 "minorHAnsi": theme.get("minorHAnsi"), "majorHAnsi": theme.get("majorHAnsi"),
                 "minorAscii": theme.get("minorAscii"), "majorAscii": theme.get("majorAscii"),
                 "minorBidi": None, "majorBidi": None}
    styles = Styles(pkg.xml(part("styles")), theme_map)
    numbering = Numbering(pkg.xml(part("numbering")))
    resolver = Resolver(styles)
    document = Document(path=str(path), kind="docx")

    def add(container, part_name, key):
        plain = next(container.iter(*_NOT_PLAIN), None) is None      # one scan for the whole part
        toc = _TocTracker(container)
        for ordinal, (p, part_kind, cell) in enumerate(iter_paragraph_elements(container, part_name)):
            in_toc = toc.inside(p)
            sid = resolver.para_style(p)
            fmt, bold, outline, num = resolver.paragraph(p, sid)
            number = numbering.next(*num) if num and num[0] else ""
            text = paragraph_text(p, plain)
            if not text.strip() and not number:
                continue
            if len(document.paragraphs) >= MAX_PARAGRAPHS:
                raise too_many_paragraphs(str(path))
            document.paragraphs.append(Paragraph(
                text=number + text, index=len(document.paragraphs), number=number.strip(),
                style=styles.name(sid) or styles.name(styles.default_para), outline_level=outline,
                bold=bold, part=part_kind, table_cell=cell, format=fmt, source=(key, ordinal), toc=in_toc))

    add(body, "body", BODY_KEY)
    for kind, part_name in (("header", "header"), ("footer", "footer")):
        for name in sorted({name for _, name in by_kind.get(kind, [])}):     # each part once, however often referenced
            hroot = pkg.xml(name)
            if hroot is not None:
                add(hroot, part_name, name)
    for kind, part_name in (("footnotes", "footnote"), ("endnotes", "footnote")):
        froot = pkg.xml(part(kind))
        if froot is None:
            continue
        for note in froot:
            if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            add(note, part_name, part(kind))
    document.pages = [page_setup(s) for s in body.iter(W + "sectPr")]
    changes = 0
    for tag in ("ins", "del", "moveFrom", "moveTo"):
        changes += sum(1 for _ in body.iter(W + tag))
    document.tracked_changes = changes
    comments = pkg.xml(part("comments"))
    document.comments = len(comments.findall("w:comment", NS)) if comments is not None else 0
    document.properties = _properties(pkg)
    document.source = str(path)
    return document
