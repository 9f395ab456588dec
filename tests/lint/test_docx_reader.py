"""The .docx reader: document order, hidden places, auto-numbering, outline levels, formatting."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt

from drafter.document.docx_reader import format_number, read_docx
from drafter.outline import build_outline

from .docx_build import add_heading_numbering, add_part, add_table, build_docx, set_numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _texts(document, part=None):
    return [p.text for p in document.paragraphs if part is None or p.part == part]


def test_order_tables_sdt_textbox_header_footer(tmp_path):
    d = docx.Document()
    d.add_paragraph("第一段")
    add_table(d, [["表头甲", "表头乙"], ["12件", "13件"]])
    d.add_paragraph("第二段")
    d.element.body.insert(len(d.element.body) - 1, parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>内容控件中的文字</w:t></w:r></w:p>'
        f'</w:sdtContent></w:sdt>'))
    box = d.add_paragraph("锚点段落")
    box._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        f'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框里的红头</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
        f'</w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框里的红头</w:t>'
        f'</w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    d.element.body.insert(len(d.element.body) - 1, parse_xml(
        f'<mc:AlternateContent {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:Choice Requires="w14"><w:p><w:r><w:t>兼容性标记中的段落</w:t></w:r></w:p></mc:Choice>'
        f'<mc:Fallback><w:p><w:r><w:t>兼容性标记中的段落</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>'))
    d.sections[0].header.paragraphs[0].text = "页眉文字"
    d.sections[0].footer.paragraphs[0].text = "— 1 —"
    path = tmp_path / "order.docx"
    d.save(path)
    document = read_docx(path)
    assert _texts(document) == ["第一段", "表头甲", "表头乙", "12件", "13件", "第二段", "内容控件中的文字", "锚点段落",
                                "文本框里的红头", "兼容性标记中的段落", "页眉文字", "— 1 —"]
    parts = [p.part for p in document.paragraphs]
    assert parts == ["body", "table", "table", "table", "table", "body", "body", "body", "textbox", "body", "header",
                     "footer"]
    assert document.paragraphs[4].table_cell == (0, 1, 1)
    assert [p.index for p in document.paragraphs] == list(range(12))


def test_auto_numbering_is_part_of_the_text(tmp_path):
    d = docx.Document()
    num = add_heading_numbering(d)
    for level, text in [(1, "主要举措和成效"), (2, "完善制度"), (2, "严格执法"), (3, "细项"), (4, "小项"), (3, "细项二"),
                        (1, "存在的不足和原因"), (2, "重新从一开始")]:
        p = d.add_paragraph(text, style=f"Heading {level}")
        set_numbering(p, num, level - 1)
    path = tmp_path / "numbered.docx"
    d.save(path)
    document = read_docx(path)
    assert _texts(document) == ["一、主要举措和成效", "（一）完善制度", "（二）严格执法", "1.细项", "（1）小项", "2.细项二",
                                "二、存在的不足和原因", "（一）重新从一开始"]
    assert [p.number for p in document.paragraphs][:2] == ["一、", "（一）"]
    root = build_outline(document.body())
    assert [c.title for c in root.children] == ["主要举措和成效", "存在的不足和原因"]
    assert [c.heading.marker for c in root.children] == ["number", "number"]


def test_numbering_through_the_style_and_overrides(tmp_path):
    d = docx.Document()
    num = add_heading_numbering(d)
    style = d.styles["Heading 1"]
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'))
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="78"><w:abstractNumId w:val="77"/>'
                               f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'))
    d.add_paragraph("甲", style="Heading 1")
    d.add_paragraph("乙", style="Heading 1")
    set_numbering(d.add_paragraph("丙"), "78", 0)
    path = tmp_path / "style-numbered.docx"
    d.save(path)
    assert _texts(read_docx(path)) == ["一、甲", "二、乙", "三、丙"]


@pytest.mark.parametrize("n,fmt,expected", [(12, "chineseCounting", "十二"), (3, "decimal", "3"),
                                            (2, "decimalFullWidth", "２"), (4, "upperRoman", "IV"),
                                            (28, "lowerLetter", "bb"), (3, "decimalEnclosedCircle", "③")])
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_outline_levels_from_paragraph_and_style_chain(tmp_path):
    d = docx.Document()
    custom = d.styles.add_style("公文一级标题", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    custom.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="0"/>'))
    derived = d.styles.add_style("派生标题", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = custom
    d.add_paragraph("自定义样式的标题", style=custom)
    d.add_paragraph("继承来的标题", style=derived)
    p = d.add_paragraph("段落上直接设置大纲级别")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    d.styles["Heading 2"].name = "标题 2"
    d.add_paragraph("本地化样式名", style=d.styles["标题 2"])
    d.add_paragraph("正文")
    path = tmp_path / "outline.docx"
    d.save(path)
    document = read_docx(path)
    assert [p.outline_level for p in document.paragraphs] == [0, 0, 1, 1, None]
    assert document.paragraphs[3].style == "标题 2"
    root = build_outline(document.body())
    assert [c.title for c in root.children] == ["自定义样式的标题", "继承来的标题"]
    assert [c.title for c in root.children[1].children] == ["段落上直接设置大纲级别", "本地化样式名"]


def test_resolved_formatting_east_asia_and_theme(tmp_path):
    path = build_docx(tmp_path / "fmt.docx", "某县关于2024年法治政府建设情况的报告\n一、主要举措和成效\n正文段落。")
    d = docx.Document(path)
    body = d.paragraphs[2]
    run = body.runs[0]
    run.font.size = Pt(15)
    d.paragraphs[1].runs[0]._r.get_or_add_rPr().append(parse_xml(
        f'<w:rFonts {nsdecls("w")} w:eastAsiaTheme="minorEastAsia"/>'))
    pf = body.paragraph_format
    pf.line_spacing_rule = docx.enum.text.WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(28)
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    d.save(path)
    document = read_docx(path)
    fmt = document.paragraphs[2].format
    assert fmt.font_east_asia == "仿宋_GB2312"            # from the Normal style's w:eastAsia
    assert fmt.size_pt == 15 and fmt.first_line_indent_pt == 32
    assert fmt.line_spacing_rule == "exact" and fmt.line_spacing_pt == 28
    heading_font = document.paragraphs[1].format.font_east_asia
    assert heading_font and heading_font != "仿宋_GB2312"   # resolved through the theme (minorEastAsia)
    assert document.paragraphs[0].format.alignment == "center" and document.paragraphs[0].style == "Title"
    page = document.pages[0]
    assert (page.width_mm, page.height_mm, page.top_mm, page.left_mm) == (210.0, 297.0, 37.0, 28.0)


def test_tracked_changes_comments_footnotes_and_properties(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("原有文字")
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="张三" w:date="2024-01-01T00:00:00Z">'
                          f'<w:r><w:t>新增文字</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="张三" w:date="2024-01-01T00:00:00Z">'
                          f'<w:r><w:delText>删除的文字</w:delText></w:r></w:del>'))
    d.add_comment(d.add_paragraph("有批注的段落").runs, text="请核实数字", author="李四")
    d.core_properties.title = "2024年法治政府建设情况报告"
    d.core_properties.author = "某县司法局"
    path = tmp_path / "changes.docx"
    d.save(path)
    add_part(path, "word/footnotes.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
             RT + "footnotes", f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
             f'<w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>脚注：数据截至12月31日。'
             f'</w:t></w:r></w:p></w:footnote></w:footnotes>')
    add_part(path, "docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml",
             RT + "custom-properties", '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
             'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
             '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="发文字号"><vt:lpwstr>某司〔2025〕3号'
             '</vt:lpwstr></property></Properties>', owner="")
    document = read_docx(path)
    assert document.paragraphs[0].text == "原有文字新增文字"       # pending insertion shown, deletion not
    assert document.tracked_changes == 2
    assert document.comments == 1
    assert _texts(document, "footnote") == ["脚注：数据截至12月31日。"]
    assert document.properties["title"] == "2024年法治政府建设情况报告"
    assert document.properties["creator"] == "某县司法局"
    assert document.properties["custom:发文字号"] == "某司〔2025〕3号"


def test_doc_is_converted_through_libreoffice(tmp_path, office_copies):
    """A .doc that LibreOffice saved from a .docx draft (tests/conftest.py: DOC_DRAFT_TEXT)."""
    import shutil

    from drafter.document.read import read_document, soffice
    if soffice() is None:
        pytest.skip("没有安装 LibreOffice")
    (tmp_path / "doc").mkdir()
    shutil.copy(office_copies.get("doc"), tmp_path / "doc" / "草稿.doc")
    document = read_document(tmp_path / "doc" / "草稿.doc")
    assert document.path == str(tmp_path / "doc" / "草稿.doc")
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "青山县关于2024年法治政府建设情况的报告" and texts[2] == "正文。"
    assert texts[1].endswith("主要举措和成效")


def test_doc_without_libreoffice_says_how_to_convert(tmp_path, monkeypatch):
    from drafter.document import read
    from drafter.errors import InputError
    monkeypatch.setattr(read, "soffice", lambda: None)
    path = tmp_path / "草稿.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputError) as info:
        read.read_document(path)
    assert "另存为" in info.value.hint and "LibreOffice" in info.value.hint


def test_bold_standalone_headings_in_a_real_docx(tmp_path):
    d = docx.Document()
    title = d.add_paragraph()
    title.add_run("青山县关于2024年法治政府建设情况的报告").bold = True
    title.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph().add_run("主要举措和成效").bold = True
    d.add_paragraph("全年审查规范性文件12件。")
    mixed = d.add_paragraph()
    mixed.add_run("一是").bold = True
    mixed.add_run("加强学习，部分加粗的段落不是标题。")
    d.add_paragraph().add_run("存在的不足和原因").bold = True
    d.add_paragraph("培训不够系统，主要原因是投入不足。")
    path = tmp_path / "bold.docx"
    d.save(path)
    document = read_docx(path)
    assert [p.bold for p in document.paragraphs] == [True, True, False, False, True, False]
    root = build_outline(document.body())
    assert [c.title for c in root.children] == ["主要举措和成效", "存在的不足和原因"]
    assert all(c.heading.marker == "bold" for c in root.children)
    assert [p.text for p in root.paragraphs] == ["青山县关于2024年法治政府建设情况的报告"]    # centred: the title
