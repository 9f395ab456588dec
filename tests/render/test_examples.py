"""Every example rendered and reopened: page setup, fonts, headings, numbering, tables, footers."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from lxml import etree

from drafter.levels import get_level
from drafter.numbering import heading_number
from drafter.render import build
from drafter.render.context import build_context, default_title
from drafter.text import zh_date
from tests.conftest import example_files

NAMES = [p.stem for p in example_files()]


@pytest.fixture(params=NAMES or [None])
def example(request, rendered_examples):
    if request.param is None:
        pytest.skip("没有示例")
    document, path = rendered_examples[request.param]
    return document, path, docx.Document(str(path))


def _paragraphs(d) -> list:
    """Every paragraph of the body in order, those in tables included (the 署名 block is a table)."""
    from docx.text.paragraph import Paragraph
    return [Paragraph(p, d._body) for p in d.element.body.iter(qn("w:p"))]


def _by_style(d, style_id):
    return [p for p in _paragraphs(d) if p.style.style_id == style_id]


def _fonts(style) -> dict:
    fonts = style.element.rPr.rFonts
    return {slot: fonts.get(qn(f"w:{slot}")) for slot in ("eastAsia", "ascii", "hAnsi")}


def test_page_setup_gb9704(example):
    _, _, d = example
    for section in d.sections:
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
        margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
        assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:type")) == "linesAndChars"
        type_height_twips = section.page_height.twips - section.top_margin.twips - section.bottom_margin.twips
        assert type_height_twips // int(grid.get(qn("w:linePitch"))) == 22
        type_width_pt = (section.page_width - section.left_margin - section.right_margin) / 12700
        pitch = 16 + int(grid.get(qn("w:charSpace"))) / 4096
        assert int(type_width_pt / pitch + 0.01) == 28


def test_fonts_set_for_chinese_text(example):
    _, _, d = example
    expected = {"GwBody": (build.FANGSONG, 16), "GwTitle": (build.XIAOBIAOSONG, 22),
                "GwHeading1": (build.HEITI, 16), "GwHeading2": (build.KAITI, 16),
                "GwHeading3": (build.FANGSONG, 16), "GwHeading4": (build.FANGSONG, 16),
                "GwPageNumber": (build.SONG, 14), "GwImprint": (build.FANGSONG, 14)}
    for style_id, (font, size) in expected.items():
        style = d.styles.element.get_by_id(style_id)
        assert style is not None, style_id
        wrapped = d.styles[style.name_val]
        # Latin letters and digits in Times New Roman (common 公文 practice), page numbers in 宋体 (GB/T 9704 7.5)
        latin = build.SONG if style_id == "GwPageNumber" else "Times New Roman"
        assert _fonts(wrapped) == {"eastAsia": font, "ascii": latin, "hAnsi": latin}, style_id
        assert wrapped.font.size.pt == size
    defaults = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == build.FANGSONG
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    body = d.styles["公文正文"]
    ind = body.element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert body.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert d.styles["公文标题"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert d.styles["公文成文日期"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert d.styles["公文署名"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_title_recipients_signature_date(example):
    document, _, d = example
    meta = document["meta"]
    context, _ = build_context(document)
    titles = _by_style(d, "GwTitle")
    assert [p.text for p in titles] == [context["title"]]
    assert titles[0].text.replace("\n", "") == (meta.get("title") or default_title(meta, get_level(meta["level"])))
    assert d.core_properties.title == titles[0].text.replace("\n", "")
    recipients = _by_style(d, "GwRecipients")
    assert recipients and all(p.text == "、".join(meta["recipients"]) + "：" for p in recipients)
    dates = _by_style(d, "GwDate")
    assert dates and all(p.text == zh_date(meta["date"]) for p in dates)
    assert re.fullmatch(r"\d{4}年[1-9]\d?月[1-9]\d?日", dates[-1].text)
    signatures = [p.text for p in _paragraphs(d) if p.style.style_id in build.SIGNATURE_STYLES]
    expected = meta.get("signature") or context["signature"]
    copies = 2 if meta.get("cover_letter") is not None else 1
    assert signatures == list(expected) * copies


def test_headings_in_level_order_and_numbered(example):
    document, _, d = example
    meta = document["meta"]
    level = get_level(meta["level"])
    h1 = [p.text for p in _by_style(d, "GwHeading1")]
    expected = []
    for n, item in enumerate(level.ordered_items(), start=1):
        title = (document.get(item.key) or {}).get("title") or item.heading_for(meta["year"])
        expected.append(heading_number(1, n) + title)
    assert h1 == expected
    # Below each heading, the next level restarts at 1 and counts up without gaps.
    counters = [0, 0, 0, 0]
    for p in d.paragraphs:
        style = p.style.style_id
        if style not in build.HEADING_STYLES:
            continue
        depth = build.HEADING_STYLES.index(style)
        counters[depth] += 1
        counters[depth + 1:] = [0] * (3 - depth)
        assert p.text.startswith(heading_number(depth + 1, counters[depth])), p.text
        assert p.style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(depth)


def test_body_paragraphs_one_per_data_paragraph(example):
    document, _, d = example
    context, _ = build_context(document)
    wanted = [b["text"] for b in context["body"] if b["kind"] == "p"]
    got = [p.text for p in _paragraphs(d) if p.style.style_id == "GwBody"]
    if context["cover_letter"]:
        got = got[len(context["cover_letter"]["text"]):]
    assert got == wanted


def test_statistics_are_tables_with_repeating_header(example):
    document, _, d = example
    context, _ = build_context(document)
    stats = [b for b in context["body"] if b["kind"] == "table"]
    tables = [t for t in d.tables if t.rows[0].cells[0].text in {s["caption"] for s in stats}]
    assert [t.rows[0].cells[0].text for t in tables] == [s["caption"] for s in stats]
    for table, stat in zip(tables, stats):
        for row in table.rows[:2]:
            assert row._tr.trPr.find(qn("w:tblHeader")) is not None
        assert [c.text for c in table.rows[1].cells] == ["项目", "数值"]
        body = [(r.cells[0].text, r.cells[1].text) for r in table.rows[2:]]
        assert body == [(r["name"], r["value"]) for r in stat["rows"]]


def test_pagination_fills_pages_and_keeps_the_end_of_the_report_whole(example):
    """Widow control off (a 22-line page is filled); headings keep with their text; the last paragraph of the
    正文, the 附件说明, 署名, 成文日期 and 附注 sit in one table row that may not break across pages."""
    document, _, d = example
    ppr_default = d.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    assert ppr_default.find(qn("w:widowControl")).get(qn("w:val")) == "0"
    used = [s for s in d.styles if s.style_id in build.STYLES or s.style_id == "Normal"]
    assert len(used) == len(build.STYLES) + 1
    for style in used:
        assert style.paragraph_format.widow_control is None, style.name
        assert not style.paragraph_format.keep_together, style.name
    kept = {s.style_id for s in used if s.paragraph_format.keep_with_next}
    assert kept == {*build.HEADING_STYLES, "GwTitle", "GwAttachment", "GwAttachmentOnly", "GwAttachmentMore",
                    *build.SIGNATURE_STYLES}
    for p in d.element.body.iter(qn("w:p")):
        assert p.find(f"{qn('w:pPr')}/{qn('w:widowControl')}") is None
    # the closing block: the report's date is in a one-cell table whose row cannot split
    date = _by_style(d, "GwDate")[-1]._p
    row = next(date.iterancestors(qn("w:tr")))
    assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    table = next(row.iterancestors(qn("w:tbl")))
    assert len(table.findall(qn("w:tr"))) == 1 and len(row.findall(qn("w:tc"))) == 1
    borders = table.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    styles = [p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) for p in row.iter(qn("w:p"))]
    assert [s for s in styles if s in build.SIGNATURE_STYLES] and styles.count("GwDate") == 1
    meta = document["meta"]
    assert styles[-1] == ("GwImprintReserve" if meta.get("cc") or meta.get("issuer") else
                          ("GwNote" if meta.get("contact") else "GwDate"))
    # the last paragraph of the 正文 is in it when it is short (every example's is)
    context, _ = build_context(document)
    assert context["body"][-1]["closing"] and styles[0] == "GwBody"
    texts = [p.xpath("string(.)") for p in row.iter(qn("w:p"))]
    assert texts[0] == context["body"][-1]["text"]


def test_footer_page_numbers_odd_right_even_left(example):
    _, path, d = example
    assert d.settings.odd_and_even_pages_header_footer
    report = d.sections[-1]
    odd, even = report.footer.paragraphs[0], report.even_page_footer.paragraphs[0]
    assert odd.text == "— 1 —" and even.text == "— 1 —"
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for p in (odd, even):
        assert "PAGE" in "".join(p._p.itertext())
        assert p.style.font.size.pt == 14
    start = report._sectPr.find(qn("w:pgNumType"))
    assert start is not None and start.get(qn("w:start")) == "1"


def test_no_template_tags_left_and_xml_in_schema_order(example):
    _, path, _ = example
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith(".xml"):
                continue
            data = z.read(name)
            root = etree.fromstring(data)
            if name.startswith("word/"):
                text = "".join(root.itertext())
                assert "{{" not in text and "{%" not in text, name
            for el in root.iter():
                order = build._ORDER.get(build._local(el.tag)) if isinstance(el.tag, str) else None
                if order:
                    seen = [order.index(build._local(c.tag)) for c in el
                            if isinstance(c.tag, str) and build._local(c.tag) in order]
                    assert seen == sorted(seen), (name, el.tag)


def test_imprint_between_rules_in_a_frame_at_the_foot_of_the_type_area(example):
    """The 版记 is a Word frame anchored to the bottom margin; its rules are shaded paragraphs 0.35/0.25 mm high."""
    document, _, d = example
    meta = document["meta"]
    paragraphs = _paragraphs(d)
    framed = [p for p in paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:framePr")) is not None]
    assert not any(t.rows[0].cells[0].paragraphs[0].style.style_id.startswith("GwImprint") for t in d.tables)
    if not (meta.get("cc") or meta.get("issuer")):
        assert framed == []
        return
    assert [p._p for p in framed] == [p._p for p in paragraphs[-len(framed) - 1:-1]]   # last, then the anchor
    frames = {tuple(sorted(p._p.pPr.find(qn("w:framePr")).attrib.items())) for p in framed}
    assert len(frames) == 1                                          # one frame
    frame = {k.split("}")[1]: v for k, v in frames.pop()}
    assert frame == {"w": "8844", "wrap": "none", "vAnchor": "margin", "hAnchor": "margin",
                     "xAlign": "center", "yAlign": "bottom"}          # 156 mm wide, foot on the 版心's foot
    kinds = [p.style.style_id for p in framed]
    rules = {"GwImprintRule": 20, "GwImprintRuleThin": 14}           # twips: 1 pt ≈ 0.35 mm, 0.7 pt ≈ 0.25 mm
    expected = ["GwImprintRule"]
    if meta.get("cc"):
        expected += ["GwImprint"] + (["GwImprintRuleThin"] if meta.get("issuer") else [])
    if meta.get("issuer"):
        expected += ["GwImprintDate"]
    assert kinds == expected + ["GwImprintRule"]
    for p in framed:
        if p.style.style_id in rules:
            assert p.text == "" and p._p.pPr.find(qn("w:shd")).get(qn("w:fill")) == "000000"
            spacing = p.style.element.pPr.find(qn("w:spacing"))
            assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == (str(rules[p.style.style_id]),
                                                                                   "exact")
            assert p._p.pPr.find(qn("w:pBdr")) is None
    text = [p.text for p in framed if p.text]
    if meta.get("cc"):
        assert text[0] == "抄送：" + "，".join(meta["cc"]) + "。"
    if meta.get("issuer"):
        assert text[-1].startswith(meta["issuer"] + "\t") and text[-1].endswith("印发")
