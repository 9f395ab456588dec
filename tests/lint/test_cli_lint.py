"""`drafter lint` as a user runs it: output, formats, exit codes, folders, baseline, annotate."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .docx_build import build_docx

CORPUS = Path(__file__).parent / "corpus"
BAD = "一、2024年主要举措和成效\n全年办理复议案件共\u00a0\u00a0件。\n二、2025年工作安排\n正文。\n"


def _folder(tmp_path):
    folder = tmp_path / "各部门"
    (folder / "子目录").mkdir(parents=True)
    shutil.copy(CORPUS / "qingshan-2024.txt", folder / "good.txt")
    (folder / "子目录" / "bad.txt").write_text(BAD, encoding="utf-8")
    return folder


def test_clean_report_exits_0(run_process):
    run = run_process("lint", CORPUS / "qingshan-2024.txt")
    assert run.code == 0, run.out
    assert "未发现问题" in run.out and "错误 0 处" in run.out


def test_findings_exit_1_and_fail_on(run_cli, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    run = run_cli("lint", path, "--year", "2024", "--level", "county")
    assert run.code == 1 and "错误" in run.out and "修改建议" in run.out
    lowered = _config(tmp_path, "rules: {missing-item: info, blank-placeholder: info}")
    run = run_cli("lint", path, "--year", "2024", "--config", lowered)
    assert run.code == 0 and "错误 0 处" in run.out and "提示" in run.out
    assert run_cli("lint", path, "--year", "2024", "--config", lowered, "--fail-on", "info").code == 1


def _config(tmp_path, text):
    path = tmp_path / "cfg.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_folder_recursive_and_unreadable_file_exit_2(run_cli, tmp_path):
    folder = _folder(tmp_path)
    (folder / "坏.docx").write_bytes(b"not a zip at all")
    run = run_cli("lint", folder, "--format", "json")
    assert run.code == 2
    files = {Path(f["path"]).name: f for f in json.loads(run.out)["files"]}
    assert set(files) == {"good.txt", "bad.txt", "坏.docx"}
    assert files["good.txt"]["findings"] == [] and files["bad.txt"]["findings"]
    assert "不是有效的 .docx" in files["坏.docx"]["error"]["message"]
    assert "Traceback" not in run.err


def test_output_file_sarif(run_cli, tmp_path):
    folder = _folder(tmp_path)
    out = tmp_path / "结果.sarif"
    run = run_cli("lint", folder, "--format", "sarif", "--output", out)
    assert run.code == 1 and run.out == ""
    data = json.loads(out.read_text("utf-8"))
    assert data["version"] == "2.1.0" and data["runs"][0]["results"]


def test_write_baseline_then_use_it(run_cli, tmp_path):
    folder = _folder(tmp_path)
    baseline = tmp_path / "基线.json"
    assert run_cli("lint", folder, "--write-baseline", baseline).code == 0
    assert run_cli("lint", folder).code == 1
    assert run_cli("lint", folder, "--baseline", baseline).code == 0
    (folder / ".drafter.yaml").write_text(f"baseline: {baseline.as_posix()}\n", encoding="utf-8")
    assert run_cli("lint", folder).code == 0


def test_annotate(run_cli, tmp_path):
    draft = build_docx(tmp_path / "草稿.docx", BAD)
    out = tmp_path / "批注.docx"
    run = run_cli("lint", draft, "--annotate", out)
    assert run.code == 1 and out.is_file() and "原文件未改动" in run.err
    run = run_cli("lint", draft, draft, "--annotate", out)
    assert run.code == 2 and "--annotate" in run.err


def test_usage_errors_exit_2_in_chinese(run_cli, tmp_path):
    run = run_cli("lint", tmp_path / "没有这个文件.docx")
    assert run.code == 2 and "不存在" in run.out + run.err
    run = run_cli("lint", CORPUS, "--level", "village")
    assert run.code == 2 and "没有层级" in run.err
    run = run_cli("lint", CORPUS, "--format", "xml")
    assert run.code == 2 and "不是可选值" in run.err or "xml" in run.err
    run = run_cli("lint", "--help")
    assert run.code == 0 and "退出码" in run.out and "--annotate" in run.out
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    assert run_cli("lint", empty).code == 2


def test_annotate_a_text_file_still_prints_the_report(run_cli, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    run = run_cli("lint", path, "--annotate", tmp_path / "x.docx")
    assert run.code == 2 and "修改建议" in run.out and ".docx" in run.err
    assert not (tmp_path / "x.docx").exists()


def test_broken_baseline_stops_before_linting(run_cli, tmp_path):
    baseline = tmp_path / "基线.json"
    baseline.write_text("[1, 2", encoding="utf-8")
    run = run_cli("lint", CORPUS / "qingshan-2024.txt", "--baseline", baseline)
    assert run.code == 2 and "基线文件格式不对" in run.err and run.out == ""


def test_rewriting_a_baseline_keeps_accepted_findings(run_cli, tmp_path):
    folder = _folder(tmp_path)
    first, second = tmp_path / "一.json", tmp_path / "二.json"
    assert run_cli("lint", folder, "--write-baseline", first).code == 0
    assert run_cli("lint", folder, "--baseline", first, "--write-baseline", second).code == 0
    assert json.loads(first.read_text("utf-8"))["findings"] == json.loads(second.read_text("utf-8"))["findings"]


def test_a_crashing_rule_stops_only_its_file(tmp_path, monkeypatch):
    import types

    from click.testing import CliRunner

    from drafter.cli import cli
    from drafter.lint import registry

    def check(ctx):
        if "崩溃" in ctx.document.paragraphs[0].text:
            raise ZeroDivisionError("division by zero")
        return []

    broken = types.SimpleNamespace(ID="broken-rule", CODE="X99", DEFAULT_SEVERITY="error", TITLE="测试", check=check,
                                   __doc__="Broken.\n\n测试用。")
    monkeypatch.setattr(registry, "RULES", (broken,))
    monkeypatch.delenv("DRAFTER_DEBUG", raising=False)
    (tmp_path / "a.txt").write_text("会崩溃的文件\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("正常的文件\n", encoding="utf-8")
    run = CliRunner().invoke(cli, ["lint", str(tmp_path), "--format", "json"])
    assert run.exit_code == 3
    files = {Path(f["path"]).name: f for f in json.loads(run.output)["files"]}
    assert "程序内部错误（ZeroDivisionError" in files["a.txt"]["error"]["message"]
    assert "error" not in files["b.txt"] and files["b.txt"]["findings"] == []


def test_invalid_config_in_the_folder_is_reported(run_cli, tmp_path):
    folder = _folder(tmp_path)
    (folder / ".drafter.yaml").write_text("rules:\n  no-such-rule: off\n", encoding="utf-8")
    run = run_cli("lint", folder)
    assert run.code == 2
    assert "配置中的规则“no-such-rule”不存在" in run.out and ".drafter.yaml" in run.out
