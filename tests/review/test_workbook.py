"""The review workbook's layout, read back with openpyxl: what a person opening it in Excel meets.

The cell contents are asserted in test_review.py; here the look: header, wrapping and row heights,
colours by status and severity, bold totals, printing, and texts that must stay texts.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from drafter.review.collect import HEADING, MISSING, FileResult
from drafter.review.core import build_review
from drafter.review.workbook import display_width, write_workbook


def header_of(sheet) -> list:
    return [c.value for c in sheet[1]]


def column_width(sheet, col: int) -> float:
    """The width of column ``col`` (1-based); a file may give one width to a range of columns."""
    return next(d.width for d in sheet.column_dimensions.values() if d.min <= col <= d.max and d.width)


def test_header_row_is_bold_white_on_blue_and_wraps(book):
    for sheet in book.worksheets:
        for cell in sheet[1]:
            assert cell.font.bold and cell.font.color.rgb[-6:] == "FFFFFF", (sheet.title, cell.value)
            assert cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb[-6:] == "1F4E78"
            assert cell.alignment.wrap_text and cell.alignment.horizontal == "center"
            assert cell.border.bottom.style == "thin"


def test_long_texts_wrap_and_their_rows_are_tall_enough(book):
    sheet = book["问题明细"]
    header = header_of(sheet)
    hint_col = header.index("修改建议") + 1
    width = column_width(sheet, hint_col)
    tall = 0
    for r in range(2, sheet.max_row + 1):
        cell = sheet.cell(r, hint_col)
        assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
        if cell.value and display_width(cell.value) > 2 * width:        # needs three lines or more
            assert sheet.row_dimensions[r].height >= 3 * 14, (r, cell.value)
            tall += 1
    assert tall, "the jurisdiction has long hints"
    overview = book["总览"]
    files_col = header_of(overview).index("提交文件") + 1
    twice = next(r for r in range(2, overview.max_row + 1) if "\n" in (overview.cell(r, files_col).value or ""))
    assert overview.row_dimensions[twice].height >= 2 * 14               # two files, two lines


def test_severity_and_totals_stand_out(book):
    sheet = book["问题明细"]
    col = header_of(sheet).index("严重程度") + 1
    colours = {}
    for r in range(2, sheet.max_row + 1):
        cell = sheet.cell(r, col)
        colours.setdefault(cell.value, (cell.font.color.rgb[-6:], cell.font.bold))
    assert colours["错误"] == ("9C0006", True)
    assert colours["警告"][1] is False and colours["警告"][0] != colours["错误"][0]
    stats = book["统计汇总"]
    for r in range(2, stats.max_row + 1):
        total = stats.cell(r, 3).value == "合计"
        assert stats.cell(r, 1).font.bold == total and stats.cell(r, 4).font.bold == total


def test_status_and_items_are_coloured_in_the_overview(book):
    sheet = book["总览"]
    header = header_of(sheet)
    status, unit = header.index("状态") + 1, header.index("单位") + 1
    for r in range(2, sheet.max_row + 1):
        assert sheet.cell(r, status).font.bold and not sheet.cell(r, unit).font.bold
        assert sheet.cell(r, status).fill.fgColor.rgb == sheet.cell(r, unit).fill.fgColor.rgb
    item_col = header.index("②存在的不足和原因") + 1
    marks = {sheet.cell(r, item_col).value: sheet.cell(r, item_col).font for r in range(2, sheet.max_row + 1)}
    assert marks["✘ 缺少"].bold and marks["✘ 缺少"].color.rgb[-6:] == "9C0006"
    assert not marks["✔ 有标题"].bold and marks["✔ 有标题"].color.rgb[-6:] == "006100"


def test_every_sheet_prints_landscape_on_a4_one_page_wide_with_its_header(book):
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (setup.fitToWidth or 1) == 1 and setup.fitToHeight == 0
        assert str(sheet.print_title_rows) in ("1:1", "$1:$1")


@pytest.fixture
def odd_review(tmp_path) -> Path:
    """A review of one draft whose finding texts look like formulas or carry control characters."""
    folder = tmp_path / "reports"
    folder.mkdir()
    result = FileResult(path=str(folder / "a.docx"), issuer="某县教育局", level="department", year=2024,
                        items={"leadership": HEADING, "measures": HEADING, "problems": MISSING, "plan": HEADING,
                               "other": HEADING},
                        findings=[{"rule": "r1", "severity": "error", "message": "=SUM(A1:A3)", "where": "第1段",
                                   "hint": "+1 件\x07", "location": {}},
                                  {"rule": "r2", "severity": "info", "message": "甲" * 200, "where": "第2段",
                                   "hint": "", "location": {}}])
    review = build_review(folder, [result], None, year=2024)
    out = tmp_path / "out.xlsx"
    write_workbook(review, out)
    return out


def test_texts_stay_texts_and_control_characters_are_dropped(odd_review):
    sheet = openpyxl.load_workbook(odd_review)["问题明细"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][5] == "=SUM(A1:A3)" and sheet.cell(2, 6).data_type == "s"     # not a formula
    assert rows[0][6] == "+1 件"
    assert rows[1][5] == "甲" * 200
    assert sheet.row_dimensions[3].height >= 8 * 14            # 400 columns of text in a 50-wide column


def test_the_workbook_is_the_same_bytes_for_the_same_review(odd_review, tmp_path):
    first = odd_review.read_bytes()
    again = tmp_path / "again.xlsx"
    review_folder = odd_review.parent / "reports"
    result = FileResult(path=str(review_folder / "a.docx"))
    write_workbook(build_review(review_folder, [result], None, year=2024), again)
    write_workbook(build_review(review_folder, [result], None, year=2024), tmp_path / "third.xlsx")
    assert again.read_bytes() == (tmp_path / "third.xlsx").read_bytes()
    assert again.read_bytes() != first
