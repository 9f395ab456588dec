"""``drafter review`` without a roster, JSON on stdout, and outputs never half-written or overwritten."""

from __future__ import annotations

import json

from tests.review.jurisdiction import department_text, town_text


def test_without_roster_files_are_grouped_by_issuer_and_json_goes_to_stdout(run_cli, tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    (folder / "a-初稿.txt").write_text(department_text("安平县教育局"), encoding="utf-8")
    (folder / "b-定稿.txt").write_text(department_text("安平县教育局"), encoding="utf-8")
    (folder / "c.txt").write_text(town_text("马店镇", (3, 1)), encoding="utf-8")
    done = run_cli("review", folder, "--format", "json", "--year", "2024")
    data = json.loads(done.out)
    assert [(u["name"], u["status"], len(u["files"])) for u in data["units"]] == [
        ("安平县教育局", "多份文件待确认", 2), ("马店镇人民政府", "通过", 1)]
    assert data["roster"] is False and data["summary"]["files"] == 3
    assert "未提供名单" in done.err                       # the summary goes to stderr with JSON on stdout
    assert done.code == 0
    assert data["stats"] == [{"name": "办理行政执法案件", "unit": "件", "total": 4,
                              "parts": [{"name": "行政处罚", "value": 3}, {"name": "行政强制", "value": 1}],
                              "contributions": [{"unit": "马店镇人民政府", "file": "c.txt", "origin": "text", "total": 4,
                                                 "parts": {"行政处罚": 3, "行政强制": 1}}], "notes": []}]


def test_existing_outputs_are_kept_without_force(run_cli, tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    (folder / "a.txt").write_text(department_text("安平县教育局"), encoding="utf-8")
    stats = tmp_path / "汇总统计.yaml"
    stats.write_text("# 我的笔记\n", encoding="utf-8")
    done = run_cli("review", folder, "-o", tmp_path / "汇总.xlsx", "--stats-out", stats)
    assert done.code == 2 and "已存在" in done.err
    assert stats.read_text("utf-8") == "# 我的笔记\n" and not (tmp_path / "汇总.xlsx").exists()
    done = run_cli("review", folder, "-o", tmp_path / "汇总.xlsx", "--stats-out", stats, "--force")
    assert done.code == 0, done.err
    assert (tmp_path / "汇总.xlsx").is_file() and stats.read_text("utf-8").startswith("# drafter review 汇总统计")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~drafter-")]     # no temporary files left


def test_doc_drafts_are_converted_in_batches_even_with_the_same_name(run_cli, tmp_path):
    from drafter.document.read import soffice
    from tests.lint.docx_build import build_docx
    from tests.review.jurisdiction import convert_many_to_doc

    if soffice() is None:
        import pytest
        pytest.skip("需要 LibreOffice")
    folder = tmp_path / "报告"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    units = ("安平县教育局", "安平县审计局", "安平县统计局")
    made = convert_many_to_doc([build_docx(scratch / f"{unit}.docx", department_text(unit)) for unit in units],
                               scratch)                                     # one LibreOffice start for all
    for unit, doc in zip(units, made):
        (folder / unit).mkdir(parents=True)
        doc.rename(folder / unit / "年度报告.doc")                          # three files named 年度报告.doc
    done = run_cli("review", folder, "--format", "json", "--year", "2024")
    data = json.loads(done.out)
    assert [(f["path"], f["issuer"], f["error"]) for f in data["files"]] == [
        (f"{unit}/年度报告.doc", unit, None) for unit in ("安平县审计局", "安平县教育局", "安平县统计局")]


def test_a_folders_lint_configuration_applies(run_cli, tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    (folder / "安平镇.txt").write_text(town_text("安平镇", (2, 1), web_junk=True), encoding="utf-8")
    done = run_cli("review", folder, "--format", "json", "--year", "2024")
    assert any(f["rule"] == "web-junk" for f in json.loads(done.out)["files"][0]["findings"])
    (folder / ".drafter.yaml").write_text("rules:\n  web-junk: off\n  cjk-digit-space: off\n", encoding="utf-8")
    done = run_cli("review", folder, "--format", "json", "--year", "2024")
    assert not any(f["rule"] == "web-junk" for f in json.loads(done.out)["files"][0]["findings"])
    assert done.code == 0                                      # nothing at error level is left
