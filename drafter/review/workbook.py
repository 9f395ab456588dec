"""The review workbook (.xlsx through openpyxl): 总览 / 问题明细 / 未提交 / 无法读取 / 统计汇总.

Laid out for people who live in Excel: a bold header row that stays in place
(frozen), filters on every sheet, column widths measured in display width (a
Chinese character counts as two), long texts wrapped, and the status coloured.
The same review always gives the same file: rows in roster order, files in
path order, and the package's timestamps taken from the newest input file.
"""

from __future__ import annotations

import datetime as dt
import re
from copy import copy
import zipfile
from pathlib import Path

from drafter.review import core
from drafter.review.collect import BODY_ONLY, HEADING, MISSING

SHEETS = ("总览", "问题明细", "未提交", "无法读取", "统计汇总")
ITEM_MARK = {HEADING: "✔ 有标题", BODY_ONLY: "◐ 仅在正文中", MISSING: "✘ 缺少"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
ORIGIN_ZH = {"data": "数据文件", "table": "正文提取（统计表）", "text": "正文提取（“共……其中……”）"}

# status → (fill colour, font colour)
STATUS_COLOURS = {
    core.MISSING: ("F4B6B6", "7F0000"),
    core.UNREADABLE: ("F8CBAD", "7F2700"),
    core.DUPLICATE: ("D9C3E9", "3F1F5F"),
    core.ERRORS: ("FFC7CE", "9C0006"),
    core.WARNINGS: ("FFEB9C", "7F6000"),
    core.PASSED: ("C6EFCE", "006100"),
    core.UNMATCHED: ("D9D9D9", "3F3F3F"),
}
ITEM_COLOURS = {HEADING: "006100", BODY_ONLY: "9C5700", MISSING: "9C0006"}
HEADER_FILL = "1F4E78"
MAX_WIDTH = 60
LINE_HEIGHT = 14.5                  # points per line of 11-point text
WRAP_FROM = 30                      # columns wider than this wrap their text


_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def display_width(text: str) -> int:
    """Width in Excel's character units: East Asian wide characters (CJK, full-width forms) count as two."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text))


def _level_name(level_id: str | None) -> str:
    from drafter.levels import all_levels
    level = all_levels().get(level_id or "")
    return level.name if level else (level_id or "")


def _item_headers() -> list[tuple[str, str]]:
    from drafter.levels import get_level
    items = get_level("county").items
    return [(key, f"{item.marker}{item.name}") for key, item in sorted(items.items(), key=lambda kv: kv[1].number)]


def _zh_date(iso: str | None) -> str:
    if not iso:
        return ""
    from drafter.text import zh_date
    return zh_date(dt.date.fromisoformat(iso))


def _rel(path: str, folder: str) -> str:
    try:
        return Path(path).relative_to(folder).as_posix()
    except ValueError:
        return Path(path).as_posix()


# --- sheet contents (plain values; styles applied afterwards) -------------------------------------

def overview_rows(review) -> tuple[list, list]:
    items = _item_headers()
    header = (["序号", "单位", "层级", "状态", "提交文件", "对应依据", "报告年度"] + [name for _, name in items]
              + ["错误", "警告", "主要问题", "成文日期", "报送期限", "是否逾期", "联系人"])
    rows = []
    for number, row in enumerate(review.rows, start=1):
        main = row.main
        files = "\n".join(_rel(f.path, review.folder) for f in row.files)
        evidence = "\n".join(m.evidence for m in row.matches)
        if row.status == core.UNMATCHED and row.matches and row.matches[0].candidates:
            evidence += "\n可能是：" + "、".join(u.name for u in row.matches[0].candidates)
        if main is not None and (row.unit is None or row.unit.level is None) and main.level_evidence:
            evidence += f"\n层级：{_level_name(main.level)}（{main.level_evidence}）"
        if row.status == core.DUPLICATE:
            evidence += "\n该单位有多份文件，请确认以哪一份为准（本行按第一份可读的报告统计）"
        year = ""
        if main is not None:
            year = f"{main.year}年" if main.year else "未识别"
            if row.year_problem:
                year += f"（应为{review.year}年）" if main.year else ""
        marks = [ITEM_MARK.get(main.items.get(key), "") if main else "" for key, _ in items]
        limit = review.deadline or (main.deadline if main else None)
        late = "" if row.late is None else ("逾期" if row.late else "未逾期")
        problems = "\n".join(f"{i}. {p}" for i, p in enumerate(row.top_problems(), start=1))
        if row.status == core.UNREADABLE:
            problems = "\n".join(f.error["message"] for f in row.files if f.error)
        contact = row.unit.contact if row.unit else ""
        rows.append([number, row.label, _level_name(row.level), row.status, files, evidence, year] + marks
                    + [row.count("error") if main else "", row.count("warning") if main else "", problems,
                       _zh_date(main.date) if main else "", _zh_date(limit) if main else "", late, contact])
    return header, rows


def problem_rows(review) -> tuple[list, list]:
    header = ["单位", "文件", "位置", "规则", "严重程度", "说明", "修改建议"]
    rows = []
    for row in review.rows:
        if row.year_problem:
            rows.append([row.label, _rel(row.main.path, review.folder), "报告标题或开头", "review-year", "错误",
                         row.year_problem, f"请核对报告年度；本次审查的是{review.year}年度的报告"])
        for result in row.readable:
            for f in result.findings:
                rows.append([row.label, _rel(result.path, review.folder), f["where"], f["rule"],
                             SEVERITY_ZH.get(f["severity"], f["severity"]), f["message"], f["hint"]])
    return header, rows


def missing_rows(review) -> tuple[list, list]:
    header = ["序号", "单位", "层级", "联系人", "别名"]
    rows = [[i, r.label, _level_name(r.level), r.unit.contact if r.unit else "", "、".join(r.unit.aliases) if r.unit else ""]
            for i, r in enumerate(review.missing, start=1)]
    return header, rows


def unreadable_rows(review) -> tuple[list, list]:
    header = ["文件", "对应单位", "原因", "处理建议"]
    rows = [[_rel(f.path, review.folder), row.unit.name if row.unit else "", f.error["message"], f.error["hint"]]
            for f, row in review.unreadable]
    return header, rows


def stats_rows(review) -> tuple[list, list]:
    header = ["指标", "计量单位", "分项", "合计", "单位数", "各单位数字", "数据来源", "说明"]
    rows = []
    for r in review.rolled:
        origins = "、".join(ORIGIN_ZH[o] for o in r.origins)
        by_unit = "；".join(f"{c.unit} {_num_text(c.total)}" if c.total is not None else f"{c.unit}（未填总数）"
                           for c in r.contributions)
        rows.append([r.name, r.unit, "合计", r.total if r.total is not None else "", len(r.contributions), by_unit,
                     origins, "；".join(r.notes)])
        for part, value, who in r.parts:
            detail = "；".join(f"{c.unit} {_num_text(c.parts[part])}" for c in r.contributions if part in c.parts)
            rows.append([r.name, r.unit, part, value, len(who), detail, origins, ""])
    return header, rows


def _num_text(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


# --- writing ---------------------------------------------------------------------------------------

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _value(value):
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)[:32000]
    return value


def _fill_sheet(sheet, header: list, rows: list, *, freeze: str = "A2", wrap_cols=(), widths=None) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    sheet.append(header)
    for number, row in enumerate(rows, start=2):
        values = [_value(v) for v in row]
        sheet.append(values)
        for col, value in enumerate(values, start=1):
            if isinstance(value, str) and value.startswith("="):     # text, not a formula
                sheet.cell(number, col).data_type = "s"
    thin = Side(style="thin", color="BFBFBF")
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=thin)
    columns = []                                         # (width, wraps) per column
    for i, name in enumerate(header, start=1):
        letter = get_column_letter(i)
        width = (widths or {}).get(name)
        if width is None:
            longest = max([display_width(str(name)) // 2 + 2] + [
                max(map(display_width, str(r[i - 1]).split("\n"))) for r in rows if r[i - 1] not in ("", None)])
            width = min(longest + 2, MAX_WIDTH)
        sheet.column_dimensions[letter].width = max(width, 6)
        wrap = name in wrap_cols or width >= WRAP_FROM
        columns.append((max(width, 6), wrap))
        _styled(((cell, wrap or (isinstance(cell.value, str) and "\n" in cell.value))
                 for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i)),
                lambda cell, wrapped: setattr(cell, "alignment", Alignment(vertical="top", wrap_text=wrapped)))
    # Row heights from the wrapped lines (Excel and LibreOffice keep one line per row otherwise).
    for number, row in enumerate([header] + rows, start=1):
        lines = max(_lines(value, width, wrap or number == 1) for value, (width, wrap) in zip(row, columns))
        if lines > 1:
            sheet.row_dimensions[number].height = min(LINE_HEIGHT * lines + 2, 409)
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows) + 1, 2)}"
    # printed: A4 landscape, one page wide, the header row on every page
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _styled(cells_and_keys, apply) -> None:
    """Style each cell as ``apply(cell, key)`` does: through openpyxl once for each key and style the
    cell had before, and for the other cells with the same two by a copy of the resulting style array.
    Assigning a Font, Fill or Alignment per cell hashes it and looks it up in the workbook each time,
    which dominates the time for thousands of rows; the result is the same."""
    done = {}
    for cell, key in cells_and_keys:
        seen = (tuple(cell._style or ()), key)
        if seen in done:
            cell._style = copy(done[seen])
        else:
            apply(cell, key)
            done[seen] = copy(cell._style)


def _lines(value, width: float, wraps: bool) -> int:
    """How many lines a cell's text takes in a column ``width`` characters wide."""
    if not isinstance(value, str) or not value:
        return 1
    parts = value.split("\n")
    if not wraps:
        return len(parts)
    room = max(width - 1, 1)
    return sum(max(1, -(-display_width(part) // int(room))) for part in parts)


def _colour_overview(sheet, header: list, review) -> None:
    from openpyxl.styles import Font, PatternFill

    status_col = header.index("状态") + 1
    unit_col = header.index("单位") + 1
    year_col = header.index("报告年度") + 1
    late_col = header.index("是否逾期") + 1
    item_cols = [header.index(name) + 1 for _, name in _item_headers()]
    def status(cell, key):
        fill, font = STATUS_COLOURS[key[0]]
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(color=font, bold=key[1])

    def fill(cell, colour):
        cell.fill = PatternFill("solid", fgColor=colour)

    def item(cell, status):
        cell.font = Font(color=ITEM_COLOURS[status], bold=status == MISSING)

    cells = {"status": [], "fill": [], "item": []}
    for i, row in enumerate(review.rows, start=2):
        for col in (status_col, unit_col):
            cells["status"].append((sheet.cell(i, col), (row.status, col == status_col)))
        if row.year_problem:
            cells["fill"].append((sheet.cell(i, year_col), STATUS_COLOURS[core.ERRORS][0]))
        if row.late:
            cells["fill"].append((sheet.cell(i, late_col), STATUS_COLOURS[core.WARNINGS][0]))
        main = row.main
        for col, (key, _) in zip(item_cols, _item_headers()):
            state = main.items.get(key) if main else None
            if state in ITEM_COLOURS:
                cells["item"].append((sheet.cell(i, col), state))
    _styled(cells["status"], status)
    _styled(cells["fill"], fill)
    _styled(cells["item"], item)


def _colour_problems(sheet, rows: list) -> None:
    from openpyxl.styles import Font
    colours = {"错误": "9C0006", "警告": "7F6000", "提示": "1F4E78"}
    _styled(((sheet.cell(i, 5), row[4]) for i, row in enumerate(rows, start=2)),
            lambda cell, level: setattr(cell, "font", Font(color=colours.get(level, "000000"), bold=level == "错误")))


def build_workbook(review):
    """The openpyxl workbook for a review."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    header, rows = overview_rows(review)
    sheet = book.create_sheet("总览")
    _fill_sheet(sheet, header, rows, freeze="C2", wrap_cols=("提交文件", "对应依据", "主要问题"),
                widths={"主要问题": 50, "对应依据": 40, "提交文件": 30, **{name: 14 for _, name in _item_headers()}})
    _colour_overview(sheet, header, review)
    header, rows = problem_rows(review)
    sheet = book.create_sheet("问题明细")
    _fill_sheet(sheet, header, rows, freeze="B2", wrap_cols=("位置", "说明", "修改建议"),
                widths={"位置": 40, "说明": 50, "修改建议": 50})
    _colour_problems(sheet, rows)
    for name, make in (("未提交", missing_rows), ("无法读取", unreadable_rows), ("统计汇总", stats_rows)):
        header, rows = make(review)
        _fill_sheet(book.create_sheet(name), header, rows, wrap_cols=("各单位数字", "说明", "原因", "处理建议"))
    from openpyxl.styles import Font
    sheet = book["统计汇总"]
    for number, row in enumerate(stats_rows(review)[1], start=2):
        if row[2] == "合计":                      # each statistic's total row stands out from its parts
            for col in (1, 3, 4):
                sheet.cell(number, col).font = Font(bold=True)
    return book


def write_workbook(review, target: Path | str, *, stamp: dt.datetime | None = None) -> None:
    """Write the workbook atomically; ``stamp`` fixes the package's timestamps (same input → same bytes)."""
    from drafter.fsutil import atomic_path

    book = build_workbook(review)
    stamp = stamp or dt.datetime(2000, 1, 1)
    book.properties.creator = "drafter review"
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.title = "法治政府建设年度报告审查汇总"
    with atomic_path(target) as tmp:
        book.save(tmp)
        _fix_zip_times(tmp, stamp)


def _fix_zip_times(path: Path, stamp: dt.datetime) -> None:
    """Rewrite the .xlsx package with every member dated ``stamp`` (zip members carry the save time)."""
    when = (max(stamp.year, 1980),) + stamp.timetuple()[1:6]
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    members = [(name, re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + iso, data) if name == "docProps/core.xml"
                else data) for name, data in members]      # openpyxl stamps the save time itself
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, data)
