"""Build the report templates (``templates/<level>/report-<variant>.docx``) from one definition.

Every level's templates come out of :func:`build_template`, so they cannot
drift apart; the generated files are committed and a test rebuilds them and
compares.  Run ``python -m drafter.render.build`` after changing this file.

Layout per GB/T 9704-2012 (see ../shared/research/regulatory.md §3): A4,
margins 37/35/28/26 mm, a 22 × 28 grid, body 3号仿宋 with a two-character
first-line indent, title 2号小标宋 centred, headings 一、黑体 / （一）楷体 /
1. and （1）仿宋, 主送 flush left, 署名 and 成文日期 right, page numbers
“— N —” in 4号宋体 (odd pages right, even pages left), 版记 between rules.
Every font is written to ``w:eastAsia`` as well as ``w:ascii``/``w:hAnsi``
(Chinese text only reads eastAsia) and the font table names a fallback for
each official font that is often missing.

The Jinja tags each sit in a single run; structure uses ``{%p %}`` (whole
paragraphs) and ``{%tr %}`` (whole table rows) only.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

# --- the shared definition ---------------------------------------------------

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
FOOTER_DISTANCE_MM = 25          # puts the “— N —” line about 7 mm below the type area
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28

BODY_PT, TITLE_PT, SMALL_PT = 16, 22, 14          # 3号, 2号, 4号
MASTHEAD_PT = 36
CHAR_TWIPS = BODY_PT * 20                        # one character of body text
DATE_RIGHT_CHARS = 4                             # 成文日期右空四字
SIGNATURE_SPACE_LINES = 2                        # room above the 署名 for the seal
RED = "FF0000"
MASTHEAD_TOP_MM = 35                             # 发文机关标志上边缘至版心上边缘 (GB/T 9704-2012 7.2.1)
ATTACHMENT_LABEL_CHARS = 3                       # “附件：”
IMPRINT_LABEL_CHARS = 3                          # “抄送：”
RULE_THICK_PT, RULE_THIN_PT = 1, 0.7             # 版记 rules: 0.35 mm and 0.25 mm
IMPRINT_LINE_PT = 28                             # a 版记 line (4号)
IMPRINT_GAP_PT = 7                               # between the 附注 (or 成文日期) and the 版记 on a full page
IMPRINT_RESERVE_PT = 2 * RULE_THICK_PT + RULE_THIN_PT + 2 * IMPRINT_LINE_PT + IMPRINT_GAP_PT
# Latin letters and digits: Times New Roman, the common practice of 公文 templates (docs/render.md).
LATIN = "Times New Roman"

# Official font → what Word/WPS should use where it is not installed (w:altName).
FANGSONG, KAITI, HEITI, SONG, XIAOBIAOSONG = "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "方正小标宋简体"
FONT_FALLBACKS = {
    FANGSONG: ("仿宋", "FangSong", "modern", "02010609030101010101"),
    KAITI: ("楷体", "KaiTi", "modern", "02010609030101010101"),
    HEITI: ("SimHei", "SimHei", "modern", "02010609060101010101"),
    SONG: ("SimSun", "SimSun", "auto", "02010600030101010101"),
    XIAOBIAOSONG: ("宋体", "SimSun", "auto", "02010600030101010101"),
    LATIN: ("Times", "Times New Roman", "roman", "02020603050405020304"),
}

# style id → (Chinese name, font, size pt, extra settings)
STYLES = {
    "GwBody": ("公文正文", FANGSONG, BODY_PT, {"indent": 2, "align": "both"}),
    "GwTitle": ("公文标题", XIAOBIAOSONG, TITLE_PT, {"align": "center", "line": 35, "after_lines": 1, "keep": True}),
    "GwRecipients": ("公文主送机关", FANGSONG, BODY_PT, {"align": "left"}),
    "GwHeading1": ("公文一级标题", HEITI, BODY_PT, {"indent": 2, "align": "both", "outline": 0, "keep": True}),
    "GwHeading2": ("公文二级标题", KAITI, BODY_PT, {"indent": 2, "align": "both", "outline": 1, "keep": True}),
    "GwHeading3": ("公文三级标题", FANGSONG, BODY_PT, {"indent": 2, "align": "both", "outline": 2, "keep": True}),
    "GwHeading4": ("公文四级标题", FANGSONG, BODY_PT, {"indent": 2, "align": "both", "outline": 3, "keep": True}),
    # 附件说明: “附件：1.名称”; the number ends with a tab to the hanging indent, so a wrapped name lines up with
    # its first character; later items (“2.名称”) start under “1.”.
    "GwAttachment": ("公文附件说明", FANGSONG, BODY_PT,
                     {"hanging": (2 + ATTACHMENT_LABEL_CHARS + 1, 2), "before_lines": 1, "keep": True,
                      "tab": 2 + ATTACHMENT_LABEL_CHARS + 1}),
    "GwAttachmentOnly": ("公文附件说明（单个附件）", FANGSONG, BODY_PT,
                         {"hanging": (2 + ATTACHMENT_LABEL_CHARS, 2), "before_lines": 1, "keep": True}),
    "GwAttachmentMore": ("公文附件说明续行", FANGSONG, BODY_PT,
                         {"hanging": (2 + ATTACHMENT_LABEL_CHARS + 1, 2 + ATTACHMENT_LABEL_CHARS), "keep": True,
                          "tab": 2 + ATTACHMENT_LABEL_CHARS + 1}),
    "GwSignature": ("公文署名", FANGSONG, BODY_PT, {"align": "right", "right": 2, "keep": True}),
    "GwSignatureFirst": ("公文署名首行", FANGSONG, BODY_PT,
                         {"align": "right", "right": 2, "before_lines": SIGNATURE_SPACE_LINES, "keep": True}),
    # Not kept with what follows: LibreOffice would move the date and 附注 with the 版记's anchor when the 版记
    # goes to the next page, away from the 署名.  (A 版记 that does not fit below them goes to the foot of the
    # next page, a 版记页 as GB/T 9704 allows.)
    "GwDate": ("公文成文日期", FANGSONG, BODY_PT, {"align": "right", "right": DATE_RIGHT_CHARS}),
    "GwNote": ("公文附注", FANGSONG, BODY_PT, {"indent": 2}),
    "GwMasthead": ("公文发文机关标志", XIAOBIAOSONG, MASTHEAD_PT,
                   {"align": "center", "color": RED, "line": MASTHEAD_PT}),
    "GwMastheadName": ("公文联合发文机关", XIAOBIAOSONG, MASTHEAD_PT,
                       {"align": "distribute", "color": RED, "line": MASTHEAD_PT}),
    # 发文字号 居左空一字 (a tab to the first stop) and 签发人 右空一字, on one line above the red rule; no indent,
    # so the rule under the paragraph spans the whole 版心 width.
    "GwDocNumber": ("公文发文字号", FANGSONG, BODY_PT, {"rule": True, "before_lines": 2, "after_lines": 2}),
    "GwTableCaption": ("公文表格标题", HEITI, SMALL_PT, {"align": "center", "line": 22}),
    "GwTableHead": ("公文表头", HEITI, SMALL_PT, {"align": "center", "line": 22}),
    "GwTableText": ("公文表格文字", FANGSONG, SMALL_PT, {"align": "left", "line": 22}),
    "GwTableNumber": ("公文表格数字", FANGSONG, SMALL_PT, {"align": "center", "line": 22}),
    "GwTableGap": ("公文表后间隔", FANGSONG, 6, {"line": 8}),
    # 版记: 4号仿宋, 左右各空一字; a wrapped 抄送 line aligns after “抄送：”.  Its paragraphs sit in a frame at the
    # foot of the type area (see _imprint); the rules are paragraphs of their own so they span the 版心.
    "GwImprint": ("公文版记", FANGSONG, SMALL_PT,
                  {"hanging": (1 + IMPRINT_LABEL_CHARS, 1), "right": 1, "line": IMPRINT_LINE_PT, "small_chars": True}),
    "GwImprintDate": ("公文版记印发日期", FANGSONG, SMALL_PT, {"align": "left", "left": 1, "right": 1,
                      "line": IMPRINT_LINE_PT, "small_chars": True, "tab_right": True}),
    "GwImprintRule": ("公文版记粗线", FANGSONG, 1, {"align": "left", "line": RULE_THICK_PT, "shade": True}),
    "GwImprintRuleThin": ("公文版记细线", FANGSONG, 1, {"align": "left", "line": RULE_THIN_PT, "shade": True}),
    "GwImprintAnchor": ("公文版记锚点", FANGSONG, 1, {"align": "left", "line": 1}),
    # Room for the 版记 below the 附注, in the block kept with the 署名 (its height is set when rendering).
    "GwImprintReserve": ("公文版记预留", FANGSONG, 1, {"align": "left", "line": IMPRINT_RESERVE_PT}),
    "GwPageNumber": ("公文页码", SONG, SMALL_PT, {"line": 20, "small_chars": True, "latin": SONG}),
}
HEADING_STYLES = ("GwHeading1", "GwHeading2", "GwHeading3", "GwHeading4")
SIGNATURE_STYLES = ("GwSignatureFirst", "GwSignature")
DATE_STYLE = "GwDate"
MASTHEAD_STYLES = ("GwMasthead", "GwMastheadName")
CELL_MARGIN_TWIPS = 108                          # Word's default left/right cell margin
IMPRINT_STYLES = ("GwImprintRule", "GwImprint", "GwImprintRuleThin", "GwImprintDate")     # in the 版记's frame
# The built-in Word heading each 公文 heading style is based on (Word's navigation pane, pandoc and screen
# readers know these); drafter restyles them to the official fonts.
BUILTIN_HEADINGS = {style: f"Heading {n}" for n, style in enumerate(HEADING_STYLES, start=1)}


def template_name(variant_key: str) -> str:
    """File name of a level's template for a variant (``single``/``joint``)."""
    return f"report-{variant_key}.docx"


# --- low-level helpers ---------------------------------------------------------

def _qn(tag):
    from docx.oxml.ns import qn
    return qn(tag)


def _el(tag: str, **attrs):
    from docx.oxml import OxmlElement
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(_qn("w:" + key), str(value))
    return el


# Child order the OOXML schema prescribes (Word rejects a file whose elements are out of order).
_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
           "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
           "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
             "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
              "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
              "printerSettings sectPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
           "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
           "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
}
_ORDER = {key: value.split() for key, value in _ORDER.items()}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def insert_ordered(parent, el):
    """Insert ``el`` into ``parent`` where the schema wants it (appended if the parent is unknown)."""
    order = _ORDER.get(_local(parent.tag))
    name = _local(el.tag)
    if order and name in order:
        later = set(order[order.index(name) + 1:])
        for i, child in enumerate(parent):
            if _local(child.tag) in later:
                parent.insert(i, el)
                return el
    parent.append(el)
    return el


def _set_child(parent, tag: str, **attrs):
    """Replace ``parent``'s child ``tag`` with a new one carrying ``attrs``; return it."""
    for old in parent.findall(_qn(tag)):
        parent.remove(old)
    return insert_ordered(parent, _el(tag, **attrs))


def set_fonts(rpr, font: str, latin: str = LATIN) -> None:
    """``font`` for Chinese (eastAsia), ``latin`` for letters and digits (ascii, hAnsi, cs); no theme fonts.

    The eastAsia hint makes Word set the punctuation both scripts share (“”、—) in the Chinese font.
    """
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = insert_ordered(rpr, _el("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for slot, name in (("ascii", latin), ("hAnsi", latin), ("eastAsia", font), ("cs", latin)):
        fonts.set(_qn("w:" + slot), name)
    fonts.set(_qn("w:hint"), "eastAsia")


def _line_twips(points: float) -> int:
    return round(points * 20)


def grid_line_pt() -> float:
    """Line pitch that puts exactly 22 lines in the 225 mm type area."""
    type_height_pt = (PAGE_HEIGHT_MM - MARGINS_MM["top"] - MARGINS_MM["bottom"]) / 25.4 * 72
    return int(type_height_pt / LINES_PER_PAGE * 20) / 20


def _style(doc, style_id: str):
    from docx.enum.style import WD_STYLE_TYPE

    name = STYLES[style_id][0]
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = style_id
    style.base_style = doc.styles[BUILTIN_HEADINGS[style_id]] if style_id in BUILTIN_HEADINGS else doc.styles["Normal"]
    style.quick_style = True
    _format_style(style, style_id)
    return style


def _restyle_heading(doc, style_id: str):
    """Word's built-in heading (“标题 1”…) in the look of the 公文 heading based on it, not blue Calibri."""
    style = doc.styles[BUILTIN_HEADINGS[style_id]]
    element = style.element
    for tag in ("w:pPr", "w:rPr", "w:link"):
        for old in element.findall(_qn(tag)):
            element.remove(old)
    style.base_style = doc.styles["Normal"]
    _format_style(style, style_id)
    return style


def _format_style(style, style_id: str) -> None:
    """Fonts, size, alignment, spacing and indents of ``STYLES[style_id]`` written into ``style``."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    _, font, size, opts = STYLES[style_id]
    style.font.size = Pt(size)
    style.font.bold = False
    set_fonts(style.element.get_or_add_rPr(), font, opts.get("latin", LATIN))
    if "color" in opts:
        style.font.color.rgb = RGBColor.from_string(opts["color"])
    pf = style.paragraph_format
    align = opts.get("align", "both")
    pf.alignment = {"both": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
                    "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                    "distribute": WD_ALIGN_PARAGRAPH.DISTRIBUTE}[align]
    line = opts.get("line", grid_line_pt())
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(line)
    pf.space_before = Pt(opts.get("before_lines", 0) * grid_line_pt())
    pf.space_after = Pt(opts.get("after_lines", 0) * grid_line_pt())
    ppr = style.element.get_or_add_pPr()
    if opts.get("keep"):
        pf.keep_with_next = True
    if opts.get("widow"):           # at least two lines of the paragraph move with what it is kept with
        _set_child(ppr, "w:widowControl", val=1)
    char = SMALL_PT * 20 if opts.get("small_chars") else CHAR_TWIPS
    ind = {}
    if opts.get("indent"):
        ind.update(firstLine=opts["indent"] * char, firstLineChars=opts["indent"] * 100)
    elif opts.get("hanging"):
        left, first = opts["hanging"]          # wrapped lines start at ``left``, the first line at ``first``
        ind.update(left=left * char, leftChars=left * 100, hanging=(left - first) * char,
                   hangingChars=(left - first) * 100)
    else:
        ind.update(firstLine=0, firstLineChars=0)
    for side in ("left", "right"):
        if opts.get(side):
            ind.update({side: opts[side] * char, side + "Chars": opts[side] * 100})
    _set_child(ppr, "w:ind", **ind)
    if opts.get("tab"):
        tabs = _set_child(ppr, "w:tabs")
        tabs.append(_el("w:tab", val="left", pos=opts["tab"] * char))
    if opts.get("tab_right"):
        tabs = _set_child(ppr, "w:tabs")
        tabs.append(_el("w:tab", val="right", pos=type_width_twips() - opts.get("right", 0) * char))
    if "line" in opts:          # its own exact spacing: do not round it up to whole grid lines
        _set_child(ppr, "w:snapToGrid", val=0)
    if "outline" in opts:
        _set_child(ppr, "w:outlineLvl", val=opts["outline"])
    if opts.get("shade"):
        _set_child(ppr, "w:shd", val="clear", color="auto", fill="000000")
    if opts.get("rule"):
        borders = _set_child(ppr, "w:pBdr")
        borders.append(_el("w:bottom", val="single", sz=12, space=11, color=RED))


def type_width_twips() -> int:
    """Width of the 版心 (156 mm) in twips."""
    return round((PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]) / 25.4 * 1440)


def _drop_table_styles(doc) -> None:
    """Remove python-docx's hundred sample table styles (300 KB); Word recreates built-in ones on use."""
    styles = doc.styles.element
    for style in list(styles.iterchildren(_qn("w:style"))):
        if style.get(_qn("w:type")) == "table" and style.get(_qn("w:styleId")) not in ("TableNormal", "TableGrid"):
            styles.remove(style)


def _defaults(doc) -> None:
    """Normal style and document defaults: 3号仿宋 everywhere, exact grid lines, no widow control."""
    from docx.shared import Pt

    styles = doc.styles.element
    rpr_default = styles.find(_qn("w:docDefaults")).find(_qn("w:rPrDefault")).find(_qn("w:rPr"))
    set_fonts(rpr_default, FANGSONG)
    _set_child(rpr_default, "w:sz", val=BODY_PT * 2)
    _set_child(rpr_default, "w:szCs", val=BODY_PT * 2)
    _set_child(rpr_default, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr_default = styles.find(_qn("w:docDefaults")).find(_qn("w:pPrDefault")).find(_qn("w:pPr"))
    # Widow/orphan control off, explicitly: it is on when the element is absent (Word, LibreOffice), and on
    # a 22-line page it pushes a 2- or 3-line paragraph whole to the next page, and with it every heading
    # kept with it (keepNext), leaving up to five lines empty.  Official documents fill every page (as
    # Word's Chinese Normal style does); headings still keep with the first line of what follows.
    _set_child(ppr_default, "w:widowControl", val=0)
    _set_child(ppr_default, "w:spacing", after=0, line=_line_twips(grid_line_pt()), lineRule="exact")
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    set_fonts(normal.element.get_or_add_rPr(), FANGSONG)
    # stylesWithEffects.xml is an Office 2010 leftover copy; Word ignores it when styles.xml exists.


def _settings(settings) -> None:
    """Current Word layout (no “compatibility mode”), Chinese as the East Asian theme language, and mirrored
    margins: GB/T 9704 prints on both sides, so the 28 mm 订口 (binding edge) is on the left of odd pages and
    on the right of even pages, opposite the page numbers."""
    if settings.find(_qn("w:mirrorMargins")) is None:
        zoom = settings.find(_qn("w:zoom"))
        settings.insert(0 if zoom is None else settings.index(zoom) + 1, _el("w:mirrorMargins"))
    for compat in settings.iter(_qn("w:compatSetting")):
        if compat.get(_qn("w:name")) == "compatibilityMode":
            compat.set(_qn("w:val"), "15")
    for lang in settings.iter(_qn("w:themeFontLang")):
        lang.set(_qn("w:eastAsia"), "zh-CN")


def _font_table(doc) -> None:
    """Declare every font with a Chinese charset and an alternative name Word/WPS can fall back to."""
    from lxml import etree

    part = next(p for p in doc.part.package.parts if p.partname.endswith("/fontTable.xml"))
    root = etree.fromstring(part.blob)
    for font, (alt, _, family, panose) in FONT_FALLBACKS.items():
        for old in root.findall(_qn("w:font")):
            if old.get(_qn("w:name")) == font:
                root.remove(old)
        el = etree.SubElement(root, _qn("w:font"))
        el.set(_qn("w:name"), font)
        etree.SubElement(el, _qn("w:altName")).set(_qn("w:val"), alt)
        etree.SubElement(el, _qn("w:panose1")).set(_qn("w:val"), panose)
        etree.SubElement(el, _qn("w:charset")).set(_qn("w:val"), "00" if font == LATIN else "86")
        etree.SubElement(el, _qn("w:family")).set(_qn("w:val"), family)
        etree.SubElement(el, _qn("w:pitch")).set(_qn("w:val"), "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_setup(section) -> None:
    from docx.enum.section import WD_SECTION
    from docx.shared import Mm

    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(FOOTER_DISTANCE_MM)
    section.gutter = 0
    sect = section._sectPr
    type_width_pt = (PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]) / 25.4 * 72
    char_space = round((type_width_pt / CHARS_PER_LINE - BODY_PT) * 4096)
    _set_child(sect, "w:docGrid", type="linesAndChars", linePitch=_line_twips(grid_line_pt()),
               charSpace=char_space)


def _para(container, style: str, *runs):
    """A paragraph whose runs are (text, font-or-None); a tab is the text "\\t"."""
    p = container.add_paragraph(style=STYLES[style][0])
    for text, font in runs:
        if text == "\t":
            p.add_run().add_tab()
            continue
        run = p.add_run(text)
        if font:
            set_fonts(run._r.get_or_add_rPr(), font)
    return p


def _tag(container, tag: str):
    """A paragraph holding only a ``{%p … %}`` tag (docxtpl removes the paragraph)."""
    return _para(container, "GwBody", (tag, None))


def _table(doc, rows: int, widths_pct: tuple, borders: dict):
    from docx.shared import Mm

    table = doc.add_table(rows=rows, cols=len(widths_pct))
    table.autofit = False
    type_width_mm = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
    tblpr = table._tbl.tblPr
    _set_child(tblpr, "w:tblW", w=round(type_width_mm / 25.4 * 1440), type="dxa")
    _set_child(tblpr, "w:jc", val="center")
    tbl_borders = _set_child(tblpr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sz, val = borders.get(side, (0, "nil"))
        tbl_borders.append(_el(f"w:{side}", val=val, sz=sz, space=0, color="000000"))
    for i, pct in enumerate(widths_pct):
        width = Mm(type_width_mm * pct / 100)
        table.columns[i].width = width
        for cell in table.columns[i].cells:
            cell.width = width
    return table


def _cell_text(cell, style: str, text: str, font: str | None = None):
    p = cell.paragraphs[0]
    p.style = STYLES[style][0]
    run = p.add_run(text)
    if font:
        set_fonts(run._r.get_or_add_rPr(), font)
    return p


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    _set_child(trpr, "w:tblHeader")
    _set_child(trpr, "w:cantSplit")


# --- the template's parts --------------------------------------------------------

def _masthead(doc, joint: bool) -> None:
    """Red 发文机关标志 35 mm below the top of the 版心, then 发文字号 (left) and 签发人 (right) above the red rule."""
    from docx.shared import Mm, Pt

    if joint:
        table = _table(doc, 1, (76, 24), {})
        left, right = table.rows[0].cells
        first = _cell_text(left, "GwMastheadName", "{{ masthead[0] }}")
        p = left.add_paragraph(style=STYLES["GwMastheadName"][0])
        p.add_run("{{ masthead[1] }}")
        # “文件” centred on the two names: at the foot of the cell, half a line up
        word = _cell_text(right, "GwMasthead", "文件")
        word.paragraph_format.space_after = Pt(MASTHEAD_PT / 2)
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
        right.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    else:
        first = _para(doc, "GwMasthead", ("{{ masthead[0] }}文件", None))
    # The line is exactly one character high, so the characters' upper edge is the top of the line.
    first.paragraph_format.space_before = Mm(MASTHEAD_TOP_MM)
    p = _para(doc, "GwDocNumber", ("\t", None), ("{{ doc_number }}", None), ("\t", None),
              ("{% if signers %}签发人：", None), ("{{ signers }}{% endif %}", KAITI))
    tabs = _set_child(p._p.get_or_add_pPr(), "w:tabs")
    tabs.append(_el("w:tab", val="left", pos=CHAR_TWIPS))
    tabs.append(_el("w:tab", val="right", pos=type_width_twips() - CHAR_TWIPS))


def _each(doc, var: str, items: str, cases: list, default) -> None:
    """``{%p for var in items %}`` whose paragraphs depend on conditions: ``cases`` are (condition, part)
    in order, ``default`` the ``else`` part; a part is (style, text) or a function adding paragraphs."""
    _tag(doc, f"{{%p for {var} in {items} %}}")
    for i, (condition, part) in enumerate(cases + [(None, default)]):
        if cases:
            _tag(doc, f"{{%p {'if' if i == 0 else 'elif'} {condition} %}}" if condition else "{%p else %}")
        if callable(part):
            part(doc)
        else:
            _para(doc, part[0], (part[1], None))
    if cases:
        _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")


def _loop(doc, var: str, items: str, first_style: str, rest_style: str) -> None:
    """One paragraph per item; the first item gets its own style (e.g. space above it)."""
    _each(doc, var, items, [("loop.first", (first_style, f"{{{{ {var} }}}}"))], (rest_style, f"{{{{ {var} }}}}"))


def _signature_block(doc) -> None:
    _loop(doc, "s", "signature", "GwSignatureFirst", "GwSignature")
    _para(doc, "GwDate", ("{{ date }}", None))


def _attachments(doc) -> None:
    """附件说明: one attachment “附件：名称”; several “附件：1.名称”, “2.名称” … under one another."""
    _each(doc, "a", "attachments", [("loop.length == 1", ("GwAttachmentOnly", "{{ a }}")),
                                    ("loop.first", ("GwAttachment", "{{ a }}"))], ("GwAttachmentMore", "{{ a }}"))


def _stat_table(doc) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT

    line = (4, "single")
    table = _table(doc, 5, (70, 30), {s: line for s in ("top", "left", "bottom", "right", "insideH", "insideV")})
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    caption = table.rows[0].cells[0].merge(table.rows[0].cells[1])
    _cell_text(caption, "GwTableCaption", "{{ b.caption }}")
    _cell_text(table.rows[1].cells[0], "GwTableHead", "{{ b.header[0] }}")
    _cell_text(table.rows[1].cells[1], "GwTableHead", "{{ b.header[1] }}")
    for row in table.rows[:2]:
        _repeat_header(row)
    _cell_text(table.rows[2].cells[0], "GwTableText", "{%tr for row in b.rows %}")
    _cell_text(table.rows[3].cells[0], "GwTableText", "{{ row.name }}")
    _cell_text(table.rows[3].cells[1], "GwTableNumber", "{{ row.value }}")
    _cell_text(table.rows[4].cells[0], "GwTableText", "{%tr endfor %}")
    _para(doc, "GwTableGap")


def imprint_frame():
    """The frame holding the 版记: as wide as the 版心, its foot on the foot of the 版心 of the page it is on.

    A Word frame (``w:framePr``) is honoured by Word and WPS and imported by LibreOffice as a text frame
    with the same position; a floating table (``w:tblpPr``) is not placed at the bottom by LibreOffice.
    It pushes no text away (``wrap="none"``): its room is the reserve paragraph at the end of the closing
    block, so the frame lands on the page of the 成文日期 and never moves text (or itself) to another page.
    """
    return _el("w:framePr", w=type_width_twips(), wrap="none", vAnchor="margin", hAnchor="margin",
               xAlign="center", yAlign="bottom")


def _framed(p):
    insert_ordered(p._p.get_or_add_pPr(), imprint_frame())
    return p


def _rule(doc, style: str):
    """A rule of the 版记: an empty paragraph one rule high, shaded black.

    Not a paragraph border: LibreOffice does not turn framed paragraphs with borders into a frame.
    """
    p = _framed(_para(doc, style))
    insert_ordered(p._p.get_or_add_pPr(), _el("w:shd", val="clear", color="auto", fill="000000"))
    return p


def _imprint(doc) -> None:
    """版记 on the last page: 抄送, 印发机关 and 印发日期 between a thick, thin and thick rule.

    Every paragraph, the tag paragraphs included, carries the same frame, so Word and LibreOffice keep
    them in one frame whatever the tags leave.  An empty paragraph after the frame anchors it.
    """
    _rule(doc, "GwImprintRule")
    _framed(_tag(doc, "{%p if cc %}"))
    _framed(_para(doc, "GwImprint", ("{{ cc }}", None)))
    _framed(_tag(doc, "{%p if issuer %}"))
    _rule(doc, "GwImprintRuleThin")
    _framed(_tag(doc, "{%p endif %}"))
    _framed(_tag(doc, "{%p endif %}"))
    _framed(_tag(doc, "{%p if issuer %}"))
    _framed(_para(doc, "GwImprintDate", ("{{ issuer }}", None), ("\t", None), ("{{ issue_date }}", None)))
    _framed(_tag(doc, "{%p endif %}"))
    _rule(doc, "GwImprintRule")
    _para(doc, "GwImprintAnchor")


def _footers(section) -> None:
    """“— N —” in 4号宋体: odd pages right, even pages left, one character in from the edge."""
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        p = footer.paragraphs[0]
        p.style = STYLES["GwPageNumber"][0]
        ppr = p._p.get_or_add_pPr()
        _set_child(ppr, "w:jc", val=align)
        _set_child(ppr, "w:ind", **{align: SMALL_PT * 20, align + "Chars": 100})
        p.add_run("— ")
        for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
            run = p.add_run()
            if kind:
                run._r.append(_el("w:fldChar", fldCharType=kind))
            elif text == " PAGE ":
                instr = _el("w:instrText")
                instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                instr.text = text
                run._r.append(instr)
            else:
                run.text = text
        p.add_run(" —")


def _body_loop(doc) -> None:
    headings = [(f'b.kind == "h{level}"', (style, "{{ b.number }}{{ b.text }}"))
                for level, style in enumerate(HEADING_STYLES, start=1)]
    _each(doc, "b", "body if not b.closing", headings + [('b.kind == "table"', _stat_table)],
          ("GwBody", "{{ b.text }}"))


def _closing(doc) -> None:
    """The end of the report in one block never split across pages (a one-cell table without borders whose
    row may not break): the last paragraph of the 正文 (``closing``), 附件说明, 署名, 成文日期, 附注, and room
    for the 版记.  So the 署名 and 成文日期 are never alone on a page and a joint 署名 never split
    (GB/T 9704 7.3.5); Word and LibreOffice both keep a row whole, where a chain of “keep with next”
    paragraphs is broken by LibreOffice."""
    table = _table(doc, 1, (100,), {})
    _set_child(table._tbl.tblPr, "w:tblCellMar").extend(
        [_el("w:left", w=0, type="dxa"), _el("w:right", w=0, type="dxa")])
    _set_child(table.rows[0]._tr.get_or_add_trPr(), "w:cantSplit")
    cell = table.rows[0].cells[0]
    blank = cell.paragraphs[0]._p
    _each(cell, "b", "body if b.closing", [], ("GwBody", "{{ b.text }}"))
    _attachments(cell)
    _signature_block(cell)
    _tag(cell, "{%p if contact %}")
    _para(cell, "GwNote", ("{{ contact }}", None))
    _tag(cell, "{%p endif %}")
    _tag(cell, "{%p if imprint %}")
    _para(cell, "GwImprintReserve")
    _tag(cell, "{%p endif %}")
    blank.getparent().remove(blank)


def build_template(level, variant) -> bytes:
    """The .docx bytes of one level's template for one variant (deterministic)."""
    import datetime as dt

    import docx
    from docx.enum.section import WD_SECTION
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.shared import Pt

    doc = docx.Document()
    pkg = doc.part.package
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            pkg.rels.pop(rid)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML or rel.reltype.endswith("/stylesWithEffects"):
            doc.part.rels.pop(rid)
    body = doc.element.body
    for p in list(body.iterchildren(_qn("w:p"))):
        body.remove(p)
    _drop_table_styles(doc)
    _defaults(doc)
    for style_id in BUILTIN_HEADINGS:
        _restyle_heading(doc, style_id)
    for style_id in STYLES:
        _style(doc, style_id)
    _font_table(doc)
    doc.settings.odd_and_even_pages_header_footer = True
    _settings(doc.settings.element)
    joint = variant.key == "joint"

    # 报送函 (cover letter): its own section, no page number.
    _tag(doc, "{%p if cover_letter %}")
    _masthead(doc, joint)
    letter_to = _para(doc, "GwRecipients", ("{{ recipients }}", None))
    letter_to.paragraph_format.space_before = Pt(2 * grid_line_pt())    # 红色分隔线下空二行
    _tag(doc, "{%p for p in cover_letter.text %}")
    _para(doc, "GwBody", ("{{ p }}", None))
    _tag(doc, "{%p endfor %}")
    _signature_block(doc)
    _page_setup(doc.sections[0])
    doc.add_section(WD_SECTION.NEW_PAGE)
    _tag(doc, "{%p endif %}")

    # The report.
    _tag(doc, "{%p if red_header %}")
    _masthead(doc, joint)
    _tag(doc, "{%p endif %}")
    _para(doc, "GwTitle", ("{{ title }}", None))
    _para(doc, "GwRecipients", ("{{ recipients }}", None))
    _body_loop(doc)
    _closing(doc)
    _tag(doc, "{%p if imprint %}")
    _imprint(doc)
    _tag(doc, "{%p endif %}")

    report = doc.sections[-1]
    _page_setup(report)
    _set_child(report._sectPr, "w:pgNumType", start=1)
    _footers(report)

    props = doc.core_properties
    props.title = f"法治政府建设年度报告模板（{level.name}·{variant.name}）"
    props.author = props.last_modified_by = "drafter"
    props.comments = "由 drafter 的模板生成程序制作。修改方法见 docs/templates.md；改完后运行 drafter templates check 检查。"
    props.keywords = f"drafter-template {level.id} {variant.key}"
    props.created = props.modified = dt.datetime(2025, 1, 1)
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue())


def normalize_zip(data: bytes) -> bytes:
    """Re-pack a .docx with fixed timestamps so the same content gives the same bytes."""

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build_all(root: Path | None = None) -> list[Path]:
    """(Re)write every level's templates under ``root`` (default: the templates folder)."""
    from drafter import fsutil, levels

    root = Path(root) if root else levels.templates_root()
    written = []
    for level in levels.all_levels().values():
        for variant in level.variants.values():
            target = root / level.directory.name / template_name(variant.key)
            fsutil.write_bytes(target, build_template(level, variant))
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for path in build_all(Path(args[0]) if args else None):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
