"""Build .docx drafts at test time from plain text, the way Word users write them.

Headings get REAL heading styles (``Heading 1``…, or the localised names WPS
writes, ``标题 1``…) and, by default, REAL Word auto-numbering: the number
("一、", "（一）", "1.", "（1）") is removed from the text and produced by a
``numbering.xml`` definition instead, so a reader that ignores numbering.xml
sees headings without numbers.  The title gets the ``Title`` style, centred.

    from .docx_build import build_docx
    build_docx(tmp_path / "draft.docx", seed_path("003").read_text("utf-8"))
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from drafter.document.model import Paragraph
from drafter.document.text_reader import read_text
from drafter.outline import detect_title, recognise

NUM_ID = "77"
ABSTRACT_ID = "77"
# Level 0..3: 一、 （一） 1. （1）, as GB/T 9704 practice numbers headings.
_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）"))


def _abstract_num_xml() -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="nothing"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS))
    return (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ABSTRACT_ID}">'
            f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')


def add_heading_numbering(document) -> str:
    """Add a 一、/（一）/1./（1） multilevel list to numbering.xml; return its numId."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(_abstract_num_xml())
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{NUM_ID}">'
                               f'<w:abstractNumId w:val="{ABSTRACT_ID}"/></w:num>'))
    return NUM_ID


def set_numbering(paragraph, num_id: str, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def set_east_asia_font(target, name: str) -> None:
    """Set the East Asian font (what Chinese text uses) on a style's rPr, as Word does (theme link removed)."""
    rfonts = target.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), name)
    rfonts.attrib.pop(qn("w:eastAsiaTheme"), None)


# GB/T 9704 practice: fonts of the title and heading levels 1–4.
TITLE_FONT = "方正小标宋简体"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312", 4: "仿宋_GB2312"}


def set_gbt9704_page(document) -> None:
    """A4, margins 37/35/28/26 mm (top/bottom/left/right)."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)


def build_docx(path: Path | str, text: str, *, auto_numbering: bool = True, style_names: str = "Heading {n}",
               body_font: str = "仿宋_GB2312", heading_bold: bool = False) -> Path:
    """Write ``text`` (one paragraph per line) as a .docx at ``path`` and return the path.

    The page, fonts and sizes follow GB/T 9704 practice (so a correct text makes
    a correct .docx); ``body_font`` can be changed to build a wrongly formatted one.
    """
    path = Path(path)
    source = read_text(text)
    title = detect_title(source)
    document = docx.Document()
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(16)
    set_east_asia_font(normal, body_font)
    normal.paragraph_format.first_line_indent = Pt(32)
    set_gbt9704_page(document)
    title_style = styles["Title"]
    title_style.font.size = Pt(22)
    set_east_asia_font(title_style, TITLE_FONT)
    heading_styles = {}
    for n in range(1, 5):
        style = styles[f"Heading {n}"]
        style.font.size = Pt(16)
        style.font.bold = heading_bold
        set_east_asia_font(style, HEADING_FONTS[n])
        style.name = style_names.format(n=n)
        heading_styles[n] = style
    num_id = add_heading_numbering(document) if auto_numbering else None
    for item in source.paragraphs:
        heading = recognise(Paragraph(text=item.text, index=item.index))
        if title and item.text == title:
            paragraph = document.add_paragraph(item.text, style="Title")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        if heading is None or heading.marker != "number":
            document.add_paragraph(item.text)
            continue
        body = item.text.strip()
        if auto_numbering:
            body = body[len(heading.number_text):] if body.startswith(heading.number_text) else heading.title
        paragraph = document.add_paragraph(body, style=heading_styles[heading.level])
        if num_id:
            set_numbering(paragraph, num_id, heading.level - 1)
    document.save(path)
    return path


def add_table(document, rows) -> None:
    """Append a table with the given rows of cell texts."""
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value



def add_part(path: Path | str, name: str, content_type: str, rel_type: str, xml: str, owner: str = "word/document.xml") -> None:
    """Add a part (e.g. word/footnotes.xml) to a saved .docx, with its relationship and content type."""
    import re
    import zipfile

    path = Path(path)
    with zipfile.ZipFile(path) as zin:
        members = {info.filename: zin.read(info) for info in zin.infolist()}
    folder, base = owner.rsplit("/", 1) if "/" in owner else ("", owner)
    rels_name = f"{folder}/_rels/{base}.rels" if folder else "_rels/.rels"
    target = name[len(folder) + 1:] if folder and name.startswith(folder + "/") else "/" + name
    rels = members[rels_name].decode("utf-8")
    rid = f"rIdX{len(re.findall('<Relationship ', rels)) + 100}"
    rels = rels.replace("</Relationships>", f'<Relationship Id="{rid}" Type="{rel_type}" Target="{target}"/></Relationships>')
    members[rels_name] = rels.encode("utf-8")
    types = members["[Content_Types].xml"].decode("utf-8")
    types = types.replace("</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>')
    members["[Content_Types].xml"] = types.encode("utf-8")
    members[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for member, data in members.items():
            zout.writestr(member, data)
