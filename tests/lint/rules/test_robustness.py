"""Every rule copes with odd documents: empty, headings only, tables, headers, unknown year, odd levels."""

import pytest

from drafter.document.model import Document, Format, PageSetup, Paragraph
from drafter.document.text_reader import read_text
from drafter.levels import level_ids
from drafter.lint import registry
from drafter.lint.runner import lint_document


def _docx_like(paragraphs, **kwargs) -> Document:
    return Document(path="草稿.docx", kind="docx", paragraphs=paragraphs, **kwargs)


ODD = {
    "empty": Document(path="空.txt", kind="text"),
    "one line": read_text("关于法治政府建设情况的报告"),
    "headings only": read_text("一、\n（一）\n1.\n二、主要举措"),
    "numbers only": read_text("2024\n12\n3.5%\n：\n（）"),
    "table, header and footer text": _docx_like([
        Paragraph(text="青山县人民政府关于2024年法治政府建设情况的报告", index=0,
                  format=Format(font_east_asia=None, alignment="center")),
        Paragraph(text="共完成   件", index=1, part="table", table_cell=(0, 0, 0)),
        Paragraph(text="扫一扫", index=2, part="header"),
        Paragraph(text="— 1 —", index=3, part="footer"),
    ], pages=[PageSetup()], tracked_changes=0, comments=0),
    "formats half known": _docx_like([
        Paragraph(text="正文" * 20, index=0, format=Format(size_pt=None, first_line_indent_pt=None)),
        Paragraph(text="一、主要举措和成效", index=1, format=Format(font_east_asia="SimHei")),
    ], pages=[PageSetup(width_mm=210.0)]),
}


@pytest.mark.parametrize("name", ODD)
@pytest.mark.parametrize("level", level_ids())
def test_no_rule_raises(name, level):
    result = lint_document(ODD[name], level=level, joint=True)
    assert {f.rule for f in result.findings} <= set(registry.ids())


def test_header_and_footer_text_is_not_linted():
    rules = {f.rule for f in lint_document(ODD["table, header and footer text"]).findings}
    assert "web-junk" not in rules            # "扫一扫" sits in the page header
    assert "blank-placeholder" in rules       # table cells are report text


def test_year_rules_need_a_year():
    no_year = "关于法治政府建设情况的报告\n一、主要举措\n全年办理案件12件。\n二、下一步工作安排\n一是完善制度；二是加强培训。"
    result = lint_document(read_text(no_year))
    assert result.year is None
    assert {"item-year", "plan-year", "date-late"}.isdisjoint(f.rule for f in result.findings)
    stale = "关于法治政府建设情况的报告\n一、2023年主要举措\n三、2022年工作安排\n2025年5月1日"
    given = {f.rule for f in lint_document(read_text(stale), year=2024).findings}
    assert {"item-year", "plan-year", "date-late"} <= given


def test_table_cells_are_not_metadata_lines():
    """A table cell holding a date, a 来源 label or an organ name is data, not a 成文日期/信息栏/主送."""
    cells = ["来源：县统计局", "2025年3月15日", "云城市人民政府：", "鞍委[2024]17号"]
    paragraphs = [Paragraph(text="青山县人民政府关于2024年法治政府建设情况的报告", index=0)]
    paragraphs += [Paragraph(text=t, index=i + 1, part="table", table_cell=(0, i, 0)) for i, t in enumerate(cells)]
    rules = {f.rule for f in lint_document(_docx_like(paragraphs)).findings}
    assert rules.isdisjoint({"web-junk", "date-late", "recipient", "doc-number"})


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_fragments_of_real_reports(seed):
    """Truncated, reversed and interleaved pieces of the seeds never make a rule raise."""
    from ...conftest import seed_path
    lines_ = seed_path(seed).read_text(encoding="utf-8").splitlines()
    variants = [lines_[:n] for n in range(1, len(lines_), 7)]
    variants += [lines_[::-1], lines_[::2], lines_[1::3], [line[: len(line) // 2] for line in lines_]]
    for variant in variants:
        for year in (None, 2015, 2030):
            lint_document(read_text("\n".join(variant)), year=year)


def test_relinting_an_edited_document_sees_the_edit():
    """Rules share per-run caches; a second run on the same, edited model must not reuse them."""
    document = read_text("青山县人民政府关于2024年法治政府建设情况的报告\n全年办理案件12件。")
    assert "placeholder-text" not in {f.rule for f in lint_document(document).findings}
    document.paragraphs[1].text = "全年办理案件XX件。"
    assert "placeholder-text" in {f.rule for f in lint_document(document).findings}
