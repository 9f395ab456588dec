"""``drafter review`` on the test jurisdiction: the workbook cell by cell, JSON, annotated copies, roll-up."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import openpyxl
import yaml

from tests.review import jurisdiction as J
from tests.review.conftest import run_drafter

SHEETS = ["总览", "问题明细", "未提交", "无法读取", "统计汇总"]


def table(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row)) for row in rows[1:]]


def overview(book) -> dict:
    return {row["单位"]: row for row in table(book["总览"])[: len(J.ROSTER)]}


def rel(reviewed, path) -> str:
    return Path(path).relative_to(reviewed.folder).as_posix()


def test_exit_code_and_terminal_summary(reviewed):
    assert reviewed.code == 1, reviewed.err                      # two units missing, errors in drafts
    assert "名单中 12 个单位，已提交 10 个，未提交 2 个（安平县发展和改革局、安平县财政局）" in reviewed.out
    assert "1 个文件无法读取" in reviewed.out
    assert "审查2024年度报告：1 份缺少必备内容（共缺 1 项）" in reviewed.out     # only 人社局 lacks item ②
    assert "1 份成文日期逾期，1 份年度不符" in reviewed.out
    assert "Traceback" not in reviewed.err


def test_sheets_are_laid_out_for_excel(book):
    assert book.sheetnames == SHEETS
    for sheet in book.worksheets:
        assert sheet.freeze_panes is not None and sheet.freeze_panes.endswith("2"), sheet.title
        assert sheet.auto_filter.ref.startswith("A1:"), sheet.title
        assert all(cell.font.bold for cell in sheet[1]), sheet.title
    sheet = book["总览"]
    header = [c.value for c in sheet[1]]
    unit_col = header.index("单位") + 1
    longest = max(len(name) for name, *_ in J.ROSTER)
    width = next(d.width for d in sheet.column_dimensions.values() if d.min <= unit_col <= d.max and d.width)
    assert width >= 2 * longest      # Chinese characters are two wide


def test_overview_rows_follow_the_roster_then_unmatched_files_in_path_order(reviewed, book):
    rows = table(book["总览"])
    assert [r["单位"] for r in rows[: len(J.ROSTER)]] == [name for name, *_ in J.ROSTER]
    assert [r["序号"] for r in rows] == list(range(1, len(rows) + 1))
    extra = rows[len(J.ROSTER):]
    assert all(r["状态"] == "未对应名单" for r in extra)
    others = sorted(rel(reviewed, p) for p in reviewed.examples + reviewed.seeds)
    assert [r["提交文件"] for r in extra] == others


def test_overview_cells(reviewed, book):
    rows = overview(book)
    made = {unit: rel(reviewed, path) for unit, path in reviewed.made.items()}

    clean = rows["安平县教育局"]
    assert clean["状态"] == "通过"
    assert clean["层级"] == "政府部门"
    assert clean["提交文件"] == made["安平县教育局"]
    assert "名称相同" in clean["对应依据"]
    assert clean["报告年度"] == "2024年"
    assert [clean[k] for k in list(clean)[7:12]] == ["✔ 有标题"] * 5
    assert (clean["错误"], clean["警告"]) == (0, 0)
    assert clean["成文日期"] == "2025年2月10日" and clean["报送期限"] == "2025年3月1日"
    assert clean["是否逾期"] == "未逾期"
    assert clean["联系人"] == "王老师 0318-7521001"

    short = rows["安平县人力资源和社会保障局"]               # signed “县人社局”, no issuer in the title
    assert short["状态"] == "有错误"
    assert "县人社局" in short["对应依据"] and "人社局＝人力资源和社会保障局" in short["对应依据"]
    assert short["②存在的不足和原因"] == "✘ 缺少"
    assert short["错误"] >= 1 and short["主要问题"].startswith("1. 缺少第②项")

    data = rows["安平县司法局"]
    assert data["提交文件"] == made["安平县司法局"]
    assert "meta.body" in data["对应依据"]
    assert data["状态"] == "通过" and data["成文日期"] == "2025年2月15日"

    wrong_year = rows["安平县市场监督管理局"]                  # a .doc through LibreOffice
    assert wrong_year["提交文件"] == "市场监管局报告.doc"
    assert wrong_year["报告年度"] == "2023年（应为2024年）"
    assert wrong_year["状态"] == "有错误"
    assert "报告年度为2023年，应为2024年" in wrong_year["主要问题"]

    late = rows["安平县卫生健康局"]
    assert late["成文日期"] == "2025年3月15日" and late["是否逾期"] == "逾期"
    assert late["状态"] == "有错误"                            # the blank number is an error
    assert "数字没有填写" in late["主要问题"]

    corrupt = rows["安平县住房和城乡建设局"]
    assert corrupt["状态"] == "无法读取"
    assert "仅按文件名" in corrupt["对应依据"]
    assert corrupt["报告年度"] is None

    town = rows["安平镇"]
    assert town["层级"] == "乡镇（街道）" and town["状态"] == "有错误"
    assert "安平镇人民政府" in town["对应依据"]
    assert "网页" in town["主要问题"]
    assert rows["马店镇"]["状态"] == "通过"

    twice = rows["安平县应急管理局"]
    assert twice["状态"] == "多份文件待确认"
    assert twice["提交文件"].split("\n") == ["应急管理局/应急管理局报告.docx", "应急管理局/应急管理局报告（修改稿）.docx"]
    assert "请确认以哪一份为准" in twice["对应依据"]

    for name in J.NEVER_SUBMITTED:
        assert rows[name]["状态"] == "未提交" and rows[name]["提交文件"] is None


def test_status_is_coloured(book):
    sheet = book["总览"]
    header = [c.value for c in sheet[1]]
    col = header.index("状态") + 1
    fills = {}
    for r in range(2, sheet.max_row + 1):
        cell = sheet.cell(r, col)
        fills.setdefault(cell.value, cell.fill.fgColor.rgb[-6:])
    assert len(set(fills.values())) == len(fills)              # one colour per status
    red, green = (lambda rgb: int(rgb[:2], 16) > int(rgb[2:4], 16)), (lambda rgb: int(rgb[2:4], 16) > int(rgb[:2], 16))
    assert red(fills["未提交"]) and red(fills["有错误"]) and green(fills["通过"])


def test_problem_detail_lists_every_finding_with_its_unit_and_location(reviewed, book):
    rows = table(book["问题明细"])
    assert set(rows[0]) == {"单位", "文件", "位置", "规则", "严重程度", "说明", "修改建议"}
    missing = [r for r in rows if r["单位"] == "安平县人力资源和社会保障局" and r["规则"] == "missing-item"]
    assert len(missing) == 1 and missing[0]["严重程度"] == "错误" and missing[0]["修改建议"]
    year = [r for r in rows if r["单位"] == "安平县市场监督管理局"]
    assert year[0]["说明"] == "报告年度为2023年，应为2024年"
    junk = [r for r in rows if r["单位"] == "安平镇" and r["规则"] == "web-junk"]
    assert junk and all(r["位置"].startswith("第") for r in junk)
    # files appear in 总览 order (roster order, then unmatched files)
    order = [f for r in table(book["总览"]) for f in (r["提交文件"] or "").split("\n") if f]
    seen = list(dict.fromkeys(r["文件"] for r in rows))
    assert seen == [f for f in order if f in seen]


def test_missing_and_unreadable_sheets(reviewed, book):
    missing = table(book["未提交"])
    assert [(r["单位"], r["联系人"], r["别名"]) for r in missing] == [
        ("安平县发展和改革局", "孙主任 0318-7521099", "县发改局"), ("安平县财政局", None, None)]
    unreadable = table(book["无法读取"])
    assert len(unreadable) == 1
    assert unreadable[0]["文件"] == "住建局2024年报告.docx"
    assert unreadable[0]["对应单位"] == "安平县住房和城乡建设局"
    assert "损坏" in unreadable[0]["原因"] and unreadable[0]["处理建议"]


def expected_rollup() -> dict:
    """(name, unit, part) → value, from what the fixture declared (the wrong-year report is not added)."""
    out = {}
    counted = {u: c for u, c in J.CASES.items() if u != "安平县市场监督管理局"}
    out[(J.CASE_STAT, "件", "合计")] = sum(a + b for a, b in counted.values())
    out[(J.CASE_STAT, "件", "行政处罚")] = sum(a for a, _ in counted.values())
    out[(J.CASE_STAT, "件", "行政强制")] = sum(b for _, b in counted.values())
    for stats in J.DATA_STATS.values():
        for name, unit, total, parts in stats:
            out[(name, unit, "合计")] = out.get((name, unit, "合计"), 0) + total
            for part, value in parts.items():
                out[(name, unit, part)] = out.get((name, unit, part), 0) + value
    return out


def test_rollup_adds_up_across_units(book):
    rows = table(book["统计汇总"])
    got = {(r["指标"], r["计量单位"], r["分项"]): r["合计"] for r in rows}
    assert got == expected_rollup()
    by_key = {(r["指标"], r["计量单位"], r["分项"]): r for r in rows}
    cases = by_key[(J.CASE_STAT, "件", "合计")]
    assert cases["单位数"] == len(J.CASES) - 1
    assert "正文提取" in cases["数据来源"]
    assert "安平县市场监督管理局" not in cases["各单位数字"]
    review = by_key[("行政复议案件", "件", "合计")]
    assert review["数据来源"] == "数据文件" and review["各单位数字"] == "安平县司法局 20；安平县公安局 9"
    # 法治培训 in 人次 and in 人: not added together, flagged on both rows
    assert "请统一计量单位" in by_key[("法治培训", "人次", "合计")]["说明"]
    assert "请统一计量单位" in by_key[("法治培训", "人", "合计")]["说明"]


def test_stats_fragment_is_usable_in_a_data_file(reviewed, tmp_path):
    from drafter.data.validate import validate_file

    text = reviewed.stats_out.read_text("utf-8")
    fragment = yaml.safe_load(text)["stats"]
    totals = {(s["name"], s["unit"]): s.get("total") for s in fragment}
    expected = expected_rollup()
    assert totals == {(n, u): v for (n, u, p), v in expected.items() if p == "合计"}
    assert "安平县司法局20件（数据文件）" in text and "由程序从报告正文中提取" in text
    data = yaml.safe_load(reviewed.made["安平县司法局"].read_text("utf-8"))
    data["meta"]["body"] = "安平县人民政府"
    data["meta"]["level"] = "county"
    data["meta"]["recipients"] = ["中共衡水市委", "衡水市人民政府"]
    data["measures"]["areas"][0]["stats"] = fragment
    target = tmp_path / "county.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = validate_file(target)
    assert not [d for d in result.errors if "stats" in (d.field or "")], [d.format() for d in result.errors]


def test_annotated_copies_for_drafts_with_problems(reviewed):
    import docx

    copies = sorted(p.relative_to(reviewed.annotate_dir).as_posix() for p in reviewed.annotate_dir.rglob("*.docx"))
    assert copies == ["人社局报告（审查批注）.docx", "卫健局/卫生健康局报告（审查批注）.docx"]
    assert "另有 1 份有问题的报告无法加批注（安平镇.txt）" in reviewed.out        # a .txt cannot carry comments
    copy = docx.Document(str(reviewed.annotate_dir / "人社局报告（审查批注）.docx"))
    texts = [c.text for c in copy.comments]
    assert any("缺少第②项" in t for t in texts)
    original = docx.Document(str(reviewed.made["安平县人力资源和社会保障局"]))
    assert len(list(original.comments)) == 0                   # the unit's own file is untouched


def test_json_gives_the_same_result(reviewed, book):
    assert reviewed.json_code == 1
    data = reviewed.data
    rows = table(book["总览"])
    assert [u["name"] for u in data["units"]] == [r["单位"] for r in rows]
    assert [u["status"] for u in data["units"]] == [r["状态"] for r in rows]
    assert data["year"] == J.YEAR and data["summary"]["missing"] == 2 and data["summary"]["submitted"] == 10
    unit = next(u for u in data["units"] if u["name"] == "安平县人力资源和社会保障局")
    assert unit["items"]["problems"] == "missing" and unit["files"][0]["path"] == "人社局报告.docx"
    totals = {(s["name"], s["unit"]): s.get("total") for s in data["stats"]}
    assert totals[(J.CASE_STAT, "件")] == expected_rollup()[(J.CASE_STAT, "件", "合计")]


def test_libreoffice_opens_the_workbook(reviewed, book, tmp_path):
    from drafter.document.read import soffice

    profile = tmp_path / "profile"
    done = subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path),
                           str(reviewed.workbook)], capture_output=True, text=True, timeout=180)
    out = tmp_path / (reviewed.workbook.stem + ".csv")
    assert out.is_file(), done.stderr
    lines = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    sheet = list(book["总览"].iter_rows(values_only=True))
    assert len(lines) == len(sheet)
    assert [line[1] for line in lines] == [row[1] for row in sheet]        # the unit column, Chinese intact
    assert [line[3] for line in lines] == [row[3] for row in sheet]


def test_same_folder_same_workbook_and_no_silent_overwrite(reviewed, tmp_path):
    again = tmp_path / "again.xlsx"
    done = run_drafter("review", reviewed.folder, "--roster", reviewed.roster, "--year", J.YEAR, "-o", again)
    assert done.returncode == 1, done.stderr
    assert again.read_bytes() == reviewed.workbook.read_bytes()
    noted = tmp_path / "noted.xlsx"                           # the reviewer typed a note into the workbook
    book = openpyxl.load_workbook(again)
    book["总览"]["T2"] = "已电话催报"
    book.save(noted)
    before = noted.read_bytes()
    refused = run_drafter("review", reviewed.folder, "--roster", reviewed.roster, "-o", noted)
    assert refused.returncode == 2
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert noted.read_bytes() == before
