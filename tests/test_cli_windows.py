"""The CLI on a Chinese Windows console: encodings, marks, SARIF URIs, conventions, plain Chinese.

The GBK console is simulated with PYTHONIOENCODING=gbk, which is what Python sees there; these few
tests start `python -m drafter` themselves for that reason.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from urllib.parse import unquote, urlparse

import pytest

from drafter.cli.zh import display_width
from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "xingping-2020.yaml"


def run_gbk(*args, cwd=None, env_extra=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "gbk", **(env_extra or {})}
    env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], capture_output=True, cwd=cwd, env=env)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gbk")
    target = folder / "兴平市2020年报告.docx"
    proc = run_gbk("render", EXAMPLE, "-o", target)
    assert proc.returncode == 0, proc.stderr.decode("gbk", "replace")
    return target


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_machine_output_is_utf8_on_a_gbk_console(rendered, fmt):
    proc = run_gbk("lint", rendered.name, "--format", fmt, cwd=rendered.parent)
    assert proc.returncode == 0, proc.stderr.decode("gbk", "replace")
    text = proc.stdout.decode("utf-8")                 # strict: fails on GBK bytes
    data = json.loads(text)
    assert "兴平" in text and "\ufffd" not in text and data


def test_schema_on_stdout_is_utf8_on_a_gbk_console():
    proc = run_gbk("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout.decode("utf-8"))["title"].startswith("法治政府建设年度报告")


def test_text_report_marks_survive_a_gbk_console(rendered):
    proc = run_gbk("lint", rendered)
    out = proc.stdout.decode("gbk")                    # strict
    assert "√ 有独立标题" in out
    assert "?" not in out


def test_text_marks_are_gbk_encodable_for_every_status():
    from drafter.report import STATUS_ZH
    from drafter.report.text import STATUS_MARK
    for status, mark in STATUS_MARK.items():
        (mark + STATUS_ZH[status]).encode("gbk")
    from drafter.document.model import Location
    Location(index=3, heading_path=("一、甲", "（一）乙"), excerpt="丙").describe().encode("gbk")


def test_sarif_uris_rules_and_help(rendered):
    proc = run_gbk("lint", rendered.name, "--format", "sarif", cwd=rendered.parent)
    sarif = json.loads(proc.stdout.decode("utf-8"))
    run = sarif["runs"][0]
    uri = run["artifacts"][0]["location"]["uri"]
    assert re.fullmatch(r"[A-Za-z0-9%._~/-]+", uri), uri          # SARIF1002: a valid, encoded URI
    assert unquote(uri) == rendered.name
    rules = run["tool"]["driver"]["rules"]
    names = [r["name"] for r in rules]
    assert len(names) == len(set(names))
    for rule in rules:
        assert rule["help"]["markdown"].startswith(f"**{rule['id']}：")
        parsed = urlparse(rule["helpUri"])
        assert parsed.scheme == "file" and parsed.fragment == rule["id"]
        doc = unquote(parsed.path)
        assert f'<a id="{rule["id"]}"></a>' in open(doc, encoding="utf-8").read()


def test_no_color_is_honoured_on_a_terminal_like_run(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("year: 2020", "year: 二〇二〇", 1), encoding="utf-8")
    for command in (["validate", bad], ["init", "--year", "2024"]):
        proc = run_gbk(*command, env_extra={"NO_COLOR": "1"})
        assert b"\x1b[" not in proc.stdout + proc.stderr


def test_colour_decision_lives_in_one_place():
    from drafter.cli import output
    os.environ["NO_COLOR"] = "1"
    try:
        class Tty:
            def isatty(self):
                return True
        assert output.colour(Tty()) is False
        del os.environ["NO_COLOR"]
        assert output.colour(Tty()) is True
    finally:
        os.environ["NO_COLOR"] = "1"
    root = os.path.dirname(output.__file__)
    for name in os.listdir(root):
        if name.endswith(".py") and name != "output.py":
            assert "NO_COLOR\")" not in open(os.path.join(root, name), encoding="utf-8").read(), name


def test_quiet_and_verbose(run_cli, tmp_path):
    quiet = run_cli("validate", "-q", EXAMPLE)
    assert quiet.code == 0 and quiet.out == ""
    also = run_cli("-q", "validate", EXAMPLE)
    assert also.code == 0 and also.out == ""
    verbose = run_cli("validate", "-v", EXAMPLE)
    assert verbose.code == 0 and f"检查 {EXAMPLE}" in verbose.err and "数据有效" in verbose.out
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("  year: 2020\n", "  year:2020\n", 1), encoding="utf-8")
    quiet_bad = run_cli("validate", "-q", bad)
    assert quiet_bad.code == 2 and "缺少空格" in quiet_bad.out


def test_dash_means_stdin_and_stdout(run_cli, tmp_path):
    piped = run_cli("validate", "-", input=EXAMPLE.read_text(encoding="utf-8"), cwd=tmp_path)
    assert piped.code == 0 and "<标准输入>: 数据有效" in piped.out
    init = run_cli("init", "--level", "county", "--year", "2024", "-o", "-", cwd=tmp_path)
    assert init.code == 0 and init.out.startswith("# yaml-language-server:")
    schema = run_cli("schema", "-o", "-", cwd=tmp_path)
    assert schema.code == 0 and json.loads(schema.out)
    draft = (tmp_path / "draft.txt")
    lint = run_cli("lint", "-", "--format", "json", "-o", "-", cwd=tmp_path,
                   input="青山县人民政府关于2024年法治政府建设情况的报告\n一、2024年主要举措和成效\n")
    assert lint.code == 1 and json.loads(lint.out)
    assert not (tmp_path / "-").exists() and not draft.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_render_to_stdout_writes_the_docx_and_no_file_named_dash(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "drafter", "render", str(EXAMPLE), "-o", "-"], capture_output=True,
                          cwd=tmp_path, env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert proc.stdout[:2] == b"PK" and not (tmp_path / "-").exists()
    assert list(tmp_path.iterdir()) == []


def _sections(out: str) -> list[list[str]]:
    sections, current = [], None
    for line in out.splitlines():
        if re.match(r"^\S.*：$", line):
            current = []
            sections.append(current)
        elif current is not None and re.match(r"^  (-|[a-z])", line):
            current.append(line)
    return sections


def test_help_columns_align_by_display_width(run_cli):
    for command in (["--help"], ["lint", "--help"], ["init", "--help"], ["render", "--help"], ["templates", "--help"]):
        out = run_cli(*command).out
        for rows in _sections(out):
            starts = set()
            for row in rows:
                first, gap, rest = row.strip().partition("  ")
                if rest.strip():
                    prefix = row[: row.index(rest.strip(), len(row) - len(row.lstrip()) + len(first))]
                    starts.add(display_width(prefix))
            assert len(starts) <= 1, (command, rows)
        assert all(display_width(line) <= 100 for line in out.splitlines())
    lint_help = run_cli("lint", "--help").out
    assert any("--level 层级" in line for line in lint_help.splitlines())     # a CJK first column, aligned


def test_year_and_level_in_plain_chinese(run_cli, tmp_path):
    bad_year = run_cli("init", "--level", "county", "--year", "24", cwd=tmp_path)
    assert bad_year.code == 2 and "年度应为四位数字，如 2024" in bad_year.err
    lint_year = run_cli("lint", "--year", "二〇二四", EXAMPLE, cwd=tmp_path)
    assert lint_year.code == 2 and "年度应为四位数字，如 2024" in lint_year.err
    no_level = run_cli("init", "--year", "2024", cwd=tmp_path)
    assert no_level.code == 2
    assert "缺少选项 --level" in no_level.err and "county（县级）" in no_level.err and "department（政府部门）" in no_level.err
    assert list(tmp_path.iterdir()) == []


def test_validate_a_word_document_and_lint_a_data_file(run_cli, rendered):
    wrong = run_cli("validate", rendered)
    assert wrong.code == 2
    assert f"{rendered}: 错误：这是 Word 文档，检查草稿请用 drafter lint" in wrong.out
    reverse = run_cli("lint", EXAMPLE)
    assert reverse.code == 2 and "这是数据文件，检查数据文件请用 drafter validate" in reverse.out


def test_folder_input_to_render_means_folder_output(run_cli, tmp_path):
    folder = tmp_path / "数据"
    folder.mkdir()
    (folder / "兴平.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("render", folder, "-o", tmp_path / "输出")
    assert result.code == 0, result.out + result.err
    assert (tmp_path / "输出" / "兴平.docx").is_file()


def test_import_to_stdout(run_cli, tmp_path):
    from tests.conftest import ROOT
    draft = ROOT / "tests" / "lint" / "corpus" / "clean" / "county_joint_2024.txt"
    result = run_cli("import", draft, "-o", "-", cwd=tmp_path)
    assert result.code == 0 and "meta:" in result.out and "中共青山县委" in result.out
    assert list(tmp_path.iterdir()) == []
