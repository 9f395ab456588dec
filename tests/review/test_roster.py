"""Rosters (.xlsx/.csv/.yaml), name matching with short and full forms, and the usage errors (exit 2)."""

from __future__ import annotations

import openpyxl
import pytest

from drafter.errors import InputError
from drafter.review.collect import FileResult
from drafter.review.roster import Unit, load_roster, match_file, same_unit


@pytest.mark.parametrize("short, full", [
    ("县教育局", "安平县教育局"),
    ("县人社局", "安平县人力资源和社会保障局"),
    ("市场监管局", "安平县市场监督管理局"),
    ("县政府办", "安平县人民政府办公室"),
    ("安平镇人民政府", "安平镇"),
    ("城关街道办事处", "城关街道"),
    ("金东区司法局", "金华市金东区司法局"),
])
def test_short_and_full_forms_name_the_same_unit(short, full):
    assert same_unit(short, full)
    assert same_unit(full, short)


@pytest.mark.parametrize("a, b", [
    ("武邑县教育局", "安平县教育局"),          # another county's bureau
    ("区司法局", "安平县司法局"),              # a district's bureau is not a county's
    ("安平县人民政府", "安平县教育局"),
    ("中共安平县委", "安平县人民政府"),
    ("安平县公安局", "安平县司法局"),
])
def test_different_units_do_not_match(a, b):
    assert same_unit(a, b) is None


def units() -> list[Unit]:
    return [Unit("安平县教育局", 2, aliases=["县教育局"]), Unit("安平县人力资源和社会保障局", 3),
            Unit("安平镇", 4), Unit("安平县住房和城乡建设局", 5, aliases=["住建局"])]


def test_match_by_issuer_with_evidence_then_by_file_name():
    found = match_file(FileResult(path="a/报告.docx", issuer="县人社局", issuer_source="落款"), units())
    assert found.unit.name == "安平县人力资源和社会保障局" and not found.by_file_name
    assert "县人社局" in found.evidence and "人社局＝人力资源和社会保障局" in found.evidence
    alias = match_file(FileResult(path="x.docx", issuer="县教育局"), units())
    assert alias.unit.name == "安平县教育局" and "别名" in alias.evidence
    by_name = match_file(FileResult(path="住建局报告.docx", error={"message": "坏", "hint": ""}), units())
    assert by_name.unit.name == "安平县住房和城乡建设局" and by_name.by_file_name
    assert "仅按文件名" in by_name.evidence
    stranger = match_file(FileResult(path="b.docx", issuer="武邑县教育局"), units())
    assert stranger.unit is None and "不在名单中" in stranger.evidence


def test_rosters_in_every_format(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["序号", "单位名称", "层级", "联系人", "联系电话", "别名"])
    book.active.append([1, "安平县教育局", "部门", "王老师", "0318-1", "县教育局、教育局"])
    book.active.append([2, "安平镇", "乡镇", None, None, None])
    book.save(tmp_path / "r.xlsx")
    xlsx = load_roster(tmp_path / "r.xlsx")
    assert [(u.name, u.level, u.contact, u.aliases) for u in xlsx] == [
        ("安平县教育局", "department", "王老师 0318-1", ["县教育局", "教育局"]), ("安平镇", "township", "", [])]
    (tmp_path / "r.csv").write_bytes("单位名称,层级,别名\n安平县教育局,政府部门,县教育局\n安平镇,乡镇,\n".encode("gb18030"))
    assert [(u.name, u.level, u.aliases) for u in load_roster(tmp_path / "r.csv")] == [
        ("安平县教育局", "department", ["县教育局"]), ("安平镇", "township", [])]
    (tmp_path / "r.yaml").write_text("单位:\n  - 单位名称: 安平县教育局\n    别名: [县教育局]\n  - 单位名称: 安平镇\n",
                                     encoding="utf-8")
    assert [(u.name, u.row, u.aliases) for u in load_roster(tmp_path / "r.yaml")] == [
        ("安平县教育局", 2, ["县教育局"]), ("安平镇", 3, [])]


def test_bad_rosters_are_explained(tmp_path):
    (tmp_path / "nohead.csv").write_text("安平县教育局\n安平镇\n", encoding="utf-8")
    with pytest.raises(InputError, match="没有“单位名称”列"):
        load_roster(tmp_path / "nohead.csv")
    (tmp_path / "dup.csv").write_text("单位名称\n安平县教育局\n安平镇\n安平县教育局\n", encoding="utf-8")
    with pytest.raises(InputError, match="第2行和第4行的单位名称重复"):
        load_roster(tmp_path / "dup.csv")
    (tmp_path / "prose.yaml").write_text("这是一段说明文字\n", encoding="utf-8")
    with pytest.raises(InputError, match="不是一张表"):
        load_roster(tmp_path / "prose.yaml")


def test_an_xlsx_table_below_a_caption_keeps_excel_row_numbers(tmp_path):
    """A roster whose table starts lower and to the right (a caption above it, as offices make them):
    the units are read, and a duplicate is reported with the row numbers Excel shows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B1"] = "2024年法治政府建设年度报告报送单位名单"
    for row, values in ((3, ("单位名称", "层级")), (4, ("安平县教育局", "部门")), (5, ("安平镇", "乡镇")),
                        (6, ("安平县教育局", "部门"))):
        sheet.cell(row, 2, values[0])
        sheet.cell(row, 3, values[1])
    book.save(tmp_path / "名单.xlsx")
    with pytest.raises(InputError, match="第4行和第6行的单位名称重复"):
        load_roster(tmp_path / "名单.xlsx")
    sheet.delete_rows(6)
    book.save(tmp_path / "名单.xlsx")
    assert [(u.name, u.row, u.level) for u in load_roster(tmp_path / "名单.xlsx")] == [
        ("安平县教育局", 4, "department"), ("安平镇", 5, "township")]


def encrypted_roster(path):
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile
    plain = path.with_name("plain.xlsx")
    book = openpyxl.Workbook()
    book.active.append(["单位名称"])
    book.active.append(["安平县教育局"])
    book.save(plain)
    with open(plain, "rb") as source, open(path, "wb") as out:
        OOXMLFile(source).encrypt("123456", out)
    assert msoffcrypto
    return path


def test_usage_errors_exit_2(run_cli, tmp_path):
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    done = run_cli("review", empty)
    assert done.code == 2 and "文件夹是空的" in done.err
    other = tmp_path / "图片"
    other.mkdir()
    (other / "照片.png").write_bytes(b"\x89PNG")
    done = run_cli("review", other)
    assert done.code == 2 and "没有可审查的文件" in done.err
    folder = tmp_path / "报告"
    folder.mkdir()
    (folder / "a.txt").write_text("安平县教育局关于2024年法治政府建设情况的报告\n", encoding="utf-8")
    (tmp_path / "dup.csv").write_text("单位名称\n安平县教育局\n安平县教育局\n", encoding="utf-8")
    done = run_cli("review", folder, "--roster", tmp_path / "dup.csv", "-o", tmp_path / "out.xlsx")
    assert done.code == 2 and "重复" in done.err
    (tmp_path / "prose.csv").write_text("说明：今年各单位都要报送\n", encoding="utf-8")
    done = run_cli("review", folder, "--roster", tmp_path / "prose.csv", "-o", tmp_path / "out.xlsx")
    assert done.code == 2 and "单位名称" in done.err
    locked = encrypted_roster(tmp_path / "加密名单.xlsx")
    done = run_cli("review", folder, "--roster", locked, "-o", tmp_path / "out.xlsx")
    assert done.code == 2 and "密码" in done.err
    assert not (tmp_path / "out.xlsx").exists()
    assert "Traceback" not in done.err


def test_a_units_level_in_the_roster_overrides_the_reading(tmp_path):
    from drafter.review import core
    from drafter.review.roster import Unit

    folder = tmp_path / "报告"
    folder.mkdir()
    text = ("关于2024年法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n全面推行行政执法三项制度。\n"
            "二、2024年推进法治政府建设存在的不足和原因\n一是执法培训不足，原因是经费紧张。\n"
            "三、2024年党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责同志带头述法。\n"
            "四、2025年推进法治政府建设的主要安排\n加强执法队伍建设。\n五、其他需要报告的情况\n无。\n2025年2月1日\n")
    (folder / "审计局.txt").write_text(text, encoding="utf-8")
    units = [Unit("安平县审计局", 2, level="department", aliases=["审计局"])]
    paths = core.find_inputs(folder)
    results, _ = core.analyse_all(paths, [None], jobs=1)
    assert results[0].level != "department"                    # nothing in the draft names a department
    review = core.build_review(folder, results, units, year=2024)
    again = core.recheck_levels(review, {}, jobs=1)
    assert again is not None and again[0].level == "department"
    assert again[0].level_evidence == "按报送单位名单中的层级"
    assert core.recheck_levels(core.build_review(folder, again, units, year=2024), {}, jobs=1) is None
