"""The review workbook (.xlsx through XlsxWriter): 总览 / 问题明细 / 未提交 / 无法读取 / 统计汇总.

Laid out for people who live in Excel: a bold header row that stays in place
(frozen), filters on every sheet, column widths measured in display width (a
Chinese character counts as two), long texts wrapped, and the status coloured.
The same review always gives the same file: rows in roster order, files in
path order, and the package's timestamps taken from the newest input file.
"""

from __future__ import annotations

import datetime as dt
import re
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
            label, path = row.label, _rel(result.path, review.folder)        # once per file, not per finding
            rows.extend([label, path, f["where"], f["rule"], SEVERITY_ZH.get(f["severity"], f["severity"]),
                         f["message"], f["hint"]] for f in result.findings)
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
#
# Written through XlsxWriter: it writes a 2,000-finding workbook in a third of the time openpyxl takes
# (the workbook is the part of a review that cannot be spread over the cores), and its files are the
# same bytes for the same content (members dated 1980-01-01, dates from the document properties).
# Rosters are read with calamine (drafter.review.roster); the tests read the workbook back with openpyxl.

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
HEADER_STYLE = {"bold": True, "font_color": "#FFFFFF", "pattern": 1, "bg_color": "#" + HEADER_FILL,
                "align": "center", "valign": "vcenter", "text_wrap": True, "bottom": 1, "bottom_color": "#BFBFBF"}
SEVERITY_COLOURS = {"错误": "9C0006", "警告": "7F6000", "提示": "1F4E78"}


def _value(value):
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)[:32000]
    return value


class _Styles:
    """One XlsxWriter format per distinct look (a workbook holds each style once): ``get(wrap, colours)``
    with ``colours`` the keywords of :func:`_cell_style` or None."""

    def __init__(self, book):
        self.book = book
        self.made: dict = {}

    def get(self, wrap: bool, colours: dict | None = None):
        key = (wrap, tuple(sorted(colours.items())) if colours else ())
        found = self.made.get(key)
        if found is None:
            found = self.made[key] = self.book.add_format(_cell_style(wrap, **(colours or {})))
        return found

    def header(self):
        found = self.made.get("header")
        if found is None:
            found = self.made["header"] = self.book.add_format(HEADER_STYLE)
        return found


def _cell_style(wrap: bool, font: str | None = None, bold: bool = False, fill: str | None = None) -> dict:
    """A body cell's properties: top-aligned, wrapped or not, with an optional font colour, bold and fill."""
    props = {"valign": "top", "text_wrap": wrap}
    if font:
        props["font_color"] = "#" + font
    if bold:
        props["bold"] = True
    if fill:
        props.update(pattern=1, bg_color="#" + fill)
    return props


def _write_sheet(book, styles: _Styles, name: str, header: list, rows: list, *, freeze=(1, 0), wrap_cols=(),
                 widths=None, extra=None) -> None:
    """One sheet: bold header, widths measured in display width, long texts wrapped, row heights from the
    wrapped lines, frozen header and filters, A4 landscape one page wide with the header on every page.
    ``extra(row_index, col_index)`` gives a cell's colours (``_cell_style`` keywords) or None."""
    sheet = book.add_worksheet(name)
    width_of: dict = {}                                  # display widths, measured once per distinct text

    def measure(text: str) -> int:
        w = width_of.get(text)
        if w is None:
            w = width_of[text] = display_width(text)
        return w

    columns = []                                         # (width, wraps) per column
    for i, title in enumerate(header):
        width = (widths or {}).get(title)
        if width is None:
            longest = max([display_width(str(title)) // 2 + 2] + [
                max(map(measure, str(r[i]).split("\n"))) for r in rows if r[i] not in ("", None)])
            width = min(longest + 2, MAX_WIDTH)
        width = max(width, 6)
        columns.append((width, title in wrap_cols or width >= WRAP_FROM))
        sheet.set_column(i, i, width)
    head = styles.header()
    for c, title in enumerate(header):
        sheet.write_string(0, c, str(title), head)
    lines = max(_lines(str(t), w, True, measure) for t, (w, _) in zip(header, columns))
    if lines > 1:
        sheet.set_row(0, min(LINE_HEIGHT * lines + 2, 409))
    plain = [styles.get(wraps) for _, wraps in columns]
    wrapped = styles.get(True)
    cleaned: dict = {}                                   # text → (text as written, has line breaks)
    line_count: dict = {}                                # (text, column) → lines it takes there
    write_string, write_number, write_blank = sheet.write_string, sheet.write_number, sheet.write_blank
    for r, row in enumerate(rows, start=1):
        height = 1
        for c, value in enumerate(row):
            colours = extra(r - 1, c) if extra else None
            if isinstance(value, str) and value:
                found = cleaned.get(value)
                if found is None:
                    text = _value(value)
                    found = cleaned[value] = (text, "\n" in text)
                value, multiline = found
                wraps = columns[c][1]
                style = (plain[c] if not multiline else wrapped) if colours is None else \
                    styles.get(wraps or multiline, colours)
                write_string(r, c, value, style)
                if wraps or multiline:
                    lines = line_count.get((value, c))
                    if lines is None:
                        lines = line_count[(value, c)] = _lines(value, columns[c][0], wraps, measure)
                    height = max(height, lines)
                continue
            style = plain[c] if colours is None else styles.get(columns[c][1], colours)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                write_number(r, c, value, style)
            elif value is None or value == "":
                write_blank(r, c, None, style)
            else:
                sheet.write(r, c, value, style)
        if height > 1:
            sheet.set_row(r, min(LINE_HEIGHT * height + 2, 409))
    sheet.freeze_panes(*freeze)
    sheet.autofilter(0, 0, max(len(rows), 1), len(header) - 1)
    sheet.set_landscape()
    sheet.set_paper(9)                                   # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)


def _lines(value, width: float, wraps: bool, measure=display_width) -> int:
    """How many lines a cell's text takes in a column ``width`` characters wide."""
    if not isinstance(value, str) or not value:
        return 1
    parts = value.split("\n")
    if not wraps:
        return len(parts)
    room = int(max(width - 1, 1))
    return sum(max(1, -(-measure(part) // room)) for part in parts)


def _overview_colours(header: list, review):
    """``extra`` for 总览: status and unit coloured by status, a wrong year and lateness filled, items by state."""
    status_col, unit_col = header.index("状态"), header.index("单位")
    year_col, late_col = header.index("报告年度"), header.index("是否逾期")
    item_cols = {header.index(name): key for key, name in _item_headers()}
    rows = review.rows

    def extra(r: int, c: int):
        row = rows[r]
        if c in (status_col, unit_col):
            fill, font = STATUS_COLOURS[row.status]
            return {"fill": fill, "font": font, "bold": c == status_col}
        if c == year_col and row.year_problem:
            return {"fill": STATUS_COLOURS[core.ERRORS][0]}
        if c == late_col and row.late:
            return {"fill": STATUS_COLOURS[core.WARNINGS][0]}
        if c in item_cols and row.main is not None:
            state = row.main.items.get(item_cols[c])
            if state in ITEM_COLOURS:
                return {"font": ITEM_COLOURS[state], "bold": state == MISSING}
        return None
    return extra


def _problem_colours(rows: list):
    """``extra`` for 问题明细: the severity coloured (errors bold)."""
    def extra(r: int, c: int):
        if c != 4:
            return None
        level = rows[r][4]
        return {"font": SEVERITY_COLOURS.get(level, "000000"), "bold": level == "错误"}
    return extra


def _stats_colours(rows: list):
    """``extra`` for 统计汇总: each statistic's total row stands out from its parts."""
    def extra(r: int, c: int):
        return {"bold": True} if rows[r][2] == "合计" and c in (0, 2, 3) else None
    return extra


def prepare() -> None:
    """Import the writer ahead of time (``drafter review`` does it while its workers analyse)."""
    import xlsxwriter  # noqa: F401


def write_workbook(review, target: Path | str, *, stamp: dt.datetime | None = None) -> None:
    """Write the workbook atomically; ``stamp`` is its date (same input → same bytes)."""
    import xlsxwriter

    from drafter.fsutil import atomic_path

    stamp = stamp or dt.datetime(2000, 1, 1)
    with atomic_path(target) as tmp:
        book = xlsxwriter.Workbook(str(tmp), {"in_memory": True, "strings_to_numbers": False,
                                              "strings_to_formulas": False, "strings_to_urls": False})
        book.set_properties({"title": "法治政府建设年度报告审查汇总", "author": "drafter review", "created": stamp})
        styles = _Styles(book)
        header, rows = overview_rows(review)
        _write_sheet(book, styles, "总览", header, rows, freeze=(1, 2), wrap_cols=("提交文件", "对应依据", "主要问题"),
                     widths={"主要问题": 50, "对应依据": 40, "提交文件": 30, **{name: 14 for _, name in _item_headers()}},
                     extra=_overview_colours(header, review))
        header, rows = problem_rows(review)
        _write_sheet(book, styles, "问题明细", header, rows, freeze=(1, 1), wrap_cols=("位置", "说明", "修改建议"),
                     widths={"位置": 40, "说明": 50, "修改建议": 50}, extra=_problem_colours(rows))
        for name, make in (("未提交", missing_rows), ("无法读取", unreadable_rows), ("统计汇总", stats_rows)):
            header, rows = make(review)
            _write_sheet(book, styles, name, header, rows, wrap_cols=("各单位数字", "说明", "原因", "处理建议"),
                         extra=_stats_colours(rows) if name == "统计汇总" else None)
        book.close()
