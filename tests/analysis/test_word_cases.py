"""Word-made drafts built at test time: the reading survives what real Word/WPS files contain.

Each case reproduces one misreading class of issue #8 (TOC, lettered lists, 附件 lists,
space-aligned dates, custom title styles, two-paragraph titles, font alternates, blanks in
text boxes, long sentences with an outline level, .dotx templates) and checks the reading
and the lint findings on the reopened file.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from drafter.analysis import analyse
from drafter.document.read import read_document
from drafter.lint.runner import lint_document

BODY = ["2023年，青山县坚持以习近平法治思想为指导，全面推进法治政府建设，各项工作取得新成效。",
        "一、2023年推进法治政府建设的主要举措和成效", "（一）加强组织领导", "全年召开专题会议4次。",
        "二、存在的不足和原因", "基层执法力量不足，原因是编制有限。",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况", "县长带头述法。",
        "四、2024年推进法治政府建设的主要安排", "持续深化改革。",
        "五、其他需要报告的情况", "无。"]
TITLE = "青山县人民政府关于2023年法治政府建设情况的报告"


def _new():
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(16)
    return document


def _title(document, text=TITLE, style=None, center=True, bold=False):
    paragraph = document.add_paragraph(text, style=style)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if bold:
        for run in paragraph.runs:
            run.bold = True
    return paragraph


def _body(document, lines=BODY):
    for line in lines:
        document.add_paragraph(line)


def _save(document, tmp_path: Path, name="draft.docx") -> Path:
    path = tmp_path / name
    document.save(path)
    return path


def _rules(path: Path) -> dict:
    result = lint_document(read_document(path))
    found: dict = {}
    for finding in result.findings:
        found.setdefault(finding.rule, []).append(finding)
    return found


def _field_paragraph(document, instr: str, text: str, begin=True, end=True, style=None):
    paragraph = document.add_paragraph(style=style)
    xml = ""
    if begin:
        xml += f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'
        xml += f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>'
        xml += f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'
    xml += f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{text}</w:t></w:r>'
    if end:
        xml += f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'
    for run in parse_xml(f'<w:p {nsdecls("w")}>{xml}</w:p>'):
        paragraph._p.append(run)
    return paragraph


def test_toc_field_entries_are_not_headings(tmp_path):
    document = _new()
    _title(document)
    document.add_paragraph("目  录")
    _field_paragraph(document, ' TOC \\o "1-3" \\h \\z \\u ', "一、主要举措和成效\t2", end=False)
    _field_paragraph(document, " PAGEREF _Toc1 \\h ", "二、存在的不足和原因\t5")
    _field_paragraph(document, " PAGEREF _Toc2 \\h ", "三、第一责任人职责情况\t6", end=False)
    paragraph = document.add_paragraph()
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    _body(document)
    path = _save(document, tmp_path)
    reading = analyse(read_document(path))
    tops = [c.heading.paragraph.text for c in reading.outline.children if c.heading]
    assert tops[0] == "一、2023年推进法治政府建设的主要举措和成效" and len(tops) == 5
    assert reading.items["measures"].heading.startswith("一、2023年")
    assert "heading-numbering" not in _rules(path)


def test_toc_styles_and_page_number_lines_are_not_headings(tmp_path):
    document = _new()
    _title(document)
    for style, text in (("toc 1", "一、主要举措和成效\t2"), ("toc 2", "（一）加强组织领导\t2")):
        try:
            document.add_paragraph(text, style=style)
        except KeyError:
            paragraph = document.add_paragraph(text)
            style_el = document.styles.add_style(style, 1)
            paragraph.style = style_el
    document.add_paragraph("二、存在的不足和原因……………………5")
    _body(document)
    path = _save(document, tmp_path)
    reading = analyse(read_document(path))
    tops = [c.heading.paragraph.text for c in reading.outline.children if c.heading]
    assert tops[0].startswith("一、2023年") and len(tops) == 5
    assert "heading-numbering" not in _rules(path)


def test_toc_content_control_is_skipped(tmp_path):
    document = _new()
    title = _title(document)
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        f'<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>'
        f'<w:p><w:r><w:t>一、主要举措和成效</w:t></w:r></w:p>'
        f'<w:p><w:r><w:t>二、存在的不足和原因</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    title._p.addnext(sdt)
    _body(document)
    path = _save(document, tmp_path)
    document_model = read_document(path)
    assert [p.toc for p in document_model.paragraphs[1:3]] == [True, True]
    tops = [c.heading.paragraph.text for c in analyse(document_model).outline.children if c.heading]
    assert tops[0].startswith("一、2023年") and len(tops) == 5


def test_lettered_lists_restart_their_numbers(tmp_path):
    document = _new()
    _title(document)
    lines = BODY[:4] + ["a) 行政执法方面", "1) 完善执法程序。", "2) 开展案卷评查。",
                        "b) 复议应诉方面", "1) 规范复议流程。", "2) 提高应诉能力。"] + BODY[4:]
    _body(document, lines)
    path = _save(document, tmp_path)
    found = _rules(path)
    assert "heading-numbering" not in found, [f.message for f in found.get("heading-numbering", [])]


def test_attachment_list_is_not_headings(tmp_path):
    document = _new()
    _title(document)
    _body(document, BODY + ["附件：1．青山县2023年行政执法统计表", "2．青山县2023年行政复议案件统计表",
                            "3．青山县法律顾问名单"])
    path = _save(document, tmp_path)
    reading = analyse(read_document(path))
    headed = [n.heading.paragraph.text for n in reading.outline.walk() if n.heading]
    assert not any("统计表" in text or "名单" in text for text in headed)
    assert "heading-numbering" not in _rules(path)


def test_space_aligned_and_right_aligned_dates(tmp_path):
    for name, line, align in (("spaces", "\u3000" * 14 + "2024年2月20日", None),
                              ("tab", "\t\t\t\t2024年2月20日", None),
                              ("right", "2024年2月20日", WD_ALIGN_PARAGRAPH.RIGHT),
                              ("spaced digits", "                      2024年 2 月 20 日", None)):
        document = _new()
        _title(document)
        document.add_paragraph("中共青山县委、青山县人大常委会：")
        _body(document)
        document.add_paragraph("青山县人民政府")
        paragraph = document.add_paragraph(line)
        if align is not None:
            paragraph.alignment = align
        path = _save(document, tmp_path, f"{name}.docx")
        reading = analyse(read_document(path))
        assert reading.date is not None and reading.date.isoformat() == "2024-02-20", name
        messages = [f.message for f in _rules(path).get("missing-metadata", [])]
        assert "报告没有成文日期" not in messages, name


def test_year_from_date_does_not_make_the_date_late(tmp_path):
    document = _new()
    _title(document, "青山县人民政府法治政府建设情况报告")
    _body(document, ["青山县坚持以习近平法治思想为指导，全面推进法治政府建设，各项工作取得新成效。"] + BODY[2:])
    document.add_paragraph("青山县人民政府")
    document.add_paragraph("2024年2月20日")
    path = _save(document, tmp_path)
    reading = analyse(read_document(path))
    assert (reading.year, reading.year_source) == (2023, "date")
    assert "date-late" not in _rules(path)


def test_custom_title_style(tmp_path):
    document = _new()
    style = document.styles.add_style("公文标题", 1)
    style.font.size = Pt(22)
    _title(document, style="公文标题", center=False)
    _body(document)
    path = _save(document, tmp_path)
    reading = analyse(read_document(path))
    assert reading.title == TITLE and reading.level == "county" and reading.issuer == "青山县人民政府"
    assert "title-genre" not in _rules(path)


def test_two_paragraph_title(tmp_path):
    document = _new()
    _title(document, "中共青山县委 青山县人民政府")
    _title(document, "关于2023年法治政府建设情况的报告")
    document.add_paragraph("中共云城市委、云城市人民政府：")
    _body(document)
    path = _save(document, tmp_path)
    reading = analyse(read_document(path))
    assert reading.title == "中共青山县委 青山县人民政府关于2023年法治政府建设情况的报告"
    assert (reading.level, reading.joint, reading.year) == ("county", True, 2023)
    assert reading.party_issuer == "中共青山县委" and reading.issuer == "青山县人民政府"


def test_bold_centred_title_without_fazhi(tmp_path):
    document = _new()
    _title(document, "青山县司法局2023年度工作情况报告", bold=True)
    _body(document)
    path = _save(document, tmp_path)
    reading = analyse(read_document(path))
    assert reading.title == "青山县司法局2023年度工作情况报告"
    assert reading.level == "department" and reading.issuer == "青山县司法局"
    messages = [f.message for f in _rules(path).get("title-genre", [])]
    assert "没有找到报告标题" not in messages
    assert "标题是一份报告，但没有写明“法治政府建设”" in messages


def test_long_sentence_with_outline_level_is_body(tmp_path):
    document = _new()
    _title(document)
    lines = list(BODY)
    _body(document, lines[:4])
    paragraph = document.add_paragraph("全县各部门认真落实行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度，"
                                       "执法行为更加规范，群众满意度持续提升。")
    paragraph.paragraph_format.element.get_or_add_pPr().append(
        parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    _body(document, lines[4:])
    path = _save(document, tmp_path)
    reading = analyse(read_document(path))
    headed = [n.heading.paragraph.text for n in reading.outline.walk() if n.heading]
    assert not any(text.startswith("全县各部门") for text in headed)


def test_font_alternates_from_a_converted_doc(tmp_path):
    document = _new()
    rfonts = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), "仿宋_GB2312;FangSong")
    _title(document)
    _body(document)
    path = _save(document, tmp_path)
    model = read_document(path)
    fonts = {p.format.font_east_asia for p in model.paragraphs if p.format is not None}
    assert "仿宋_GB2312" in fonts and not any(";" in (f or "") for f in fonts)


def test_blank_number_in_a_text_box(tmp_path):
    document = _new()
    _title(document)
    _body(document, BODY[:3])
    paragraph = document.add_paragraph("全年办理情况见下框。")
    box = parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t xml:space="preserve">办理法律援助案件   件。</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    paragraph._p.append(box)
    _body(document, BODY[3:])
    path = _save(document, tmp_path)
    findings = _rules(path).get("blank-placeholder", [])
    assert [f.location.part for f in findings] == ["textbox"]


def test_dotx_template_is_read(tmp_path):
    document = _new()
    _title(document)
    _body(document)
    source = _save(document, tmp_path)
    target = tmp_path / "模板.dotx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
            zout.writestr(info, data)
    reading = analyse(read_document(target))
    assert reading.title == TITLE and reading.year == 2023
    shutil.copy(source, tmp_path / "宏.docm")
    assert analyse(read_document(tmp_path / "宏.docm")).title == TITLE


def test_unformatted_title_and_masthead_lines(tmp_path):
    document = _new()
    _title(document, "青山县人民政府文件")                 # red-header masthead: not the title
    _title(document, "青政〔2024〕5号")
    _title(document, "签发人：张三", center=True)
    document.add_paragraph(TITLE)                          # a plain left-aligned title
    document.add_paragraph("中共云城市委、云城市人民政府：")
    _body(document)
    path = _save(document, tmp_path)
    reading = analyse(read_document(path))
    assert reading.title == TITLE and reading.doc_number == "青政〔2024〕5号"


def test_title_style_names_of_templates():
    from drafter.analysis.headings import is_title_style

    assert all(map(is_title_style, ["Title", "标题", "公文标题", "文件标题", "大标题", "文档标题"]))
    assert not any(map(is_title_style, ["副标题", "小标题", "标题 1", "一级标题", "目录标题", "Heading 1", None]))


def test_report_pasted_from_a_web_page_inside_a_layout_table(tmp_path):
    """A web page pasted into Word keeps its layout table: the whole report sits in one cell."""
    from drafter.importer import import_document

    document = _new()
    table = document.add_table(rows=1, cols=1)
    cell = table.cell(0, 0)
    cell.text = TITLE
    for line in BODY:
        cell.add_paragraph(line)
    cell.add_paragraph("青山县人民政府")
    cell.add_paragraph("2024年2月20日")
    path = _save(document, tmp_path)
    model = read_document(path)
    reading = analyse(model)
    assert reading.title == TITLE and reading.issuer == "青山县人民政府" and reading.date.isoformat() == "2024-02-20"
    assert {key: status.status for key, status in reading.items.items()} == dict.fromkeys(reading.items, "section")
    imported = import_document(model)
    assert imported.data["problems"]["items"][0]["title"] != "" and "原文缺失" not in str(imported.missing)


def test_layout_table_report_has_its_date_and_recipients_for_lint(tmp_path):
    document = _new()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = TITLE
    cell.add_paragraph("中共青山县委、青山县人大常委会：")
    for line in BODY:
        cell.add_paragraph(line)
    cell.add_paragraph("青山县人民政府")
    cell.add_paragraph("2024年2月20日")
    path = _save(document, tmp_path)
    assert "missing-metadata" not in _rules(path)


def test_joint_red_header_masthead_is_not_the_title(tmp_path):
    document = _new()
    for line in ("中共青山县委", "青山县人民政府", "文件"):
        paragraph = _title(document, line, bold=True)
        for run in paragraph.runs:
            run.font.size = Pt(36)
    _title(document, "青委〔2024〕5号")
    _title(document, "中共青山县委 青山县人民政府")
    _title(document, "关于2023年法治政府建设情况的报告")
    document.add_paragraph("中共云城市委、云城市人民政府：")
    _body(document)
    path = _save(document, tmp_path)
    reading = analyse(read_document(path))
    assert reading.title == "中共青山县委 青山县人民政府关于2023年法治政府建设情况的报告"
    assert (reading.level, reading.joint) == ("county", True)


def test_cover_page_with_month_line_and_toc(tmp_path):
    document = _new()
    _title(document, "青山县2023年度法治政府建设")
    _title(document, "二〇二四年三月")
    _title(document, "青山县人民政府")
    document.add_paragraph("目  录")
    document.add_paragraph("一、主要举措和成效\t1")
    _body(document)
    path = _save(document, tmp_path)
    reading = analyse(read_document(path))
    assert reading.title == "青山县2023年度法治政府建设" and reading.year == 2023 and reading.level == "county"
    tops = [c.heading.paragraph.text for c in reading.outline.children if c.heading]
    assert tops[0].startswith("一、2023年") and len(tops) == 5


def test_title_in_a_text_box(tmp_path):
    document = _new()
    paragraph = document.add_paragraph()
    box = parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>{TITLE}</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    paragraph._p.append(box)
    _body(document)
    path = _save(document, tmp_path)
    reading = analyse(read_document(path))
    assert reading.title == TITLE and reading.year == 2023 and reading.issuer == "青山县人民政府"
