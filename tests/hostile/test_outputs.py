"""Section 1 of the hardening issue: no command damages a user's file.

An output that is one of the inputs is refused; an existing file drafter did
not write is not replaced without --force; a file drafter wrote may be
replaced by the next run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from tests.conftest import EXAMPLES

DRAFT_TEXT = "关于2024年法治政府建设情况的报告\n\n一、主要举措\n\n我县依法行政，完成了1件（共3件）工作。\n"


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "草稿.docx"
    document = docx.Document()
    for line in DRAFT_TEXT.split("\n\n"):
        document.add_paragraph(line.strip())
    document.save(str(path))
    return path


def _unchanged(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before, f"{path} was changed"


@pytest.mark.parametrize("option", ["-o", "--write-baseline", "--annotate"])
def test_lint_refuses_to_write_over_its_input(run_cli, draft, option):
    before = draft.read_bytes()
    run = run_cli("lint", draft, option, draft)
    assert run.code == 2, run
    assert "输出文件就是输入文件" in run.err + run.out
    _unchanged(draft, before)
    run = run_cli("lint", draft, option, draft, "--force")      # --force never allows it
    assert run.code == 2
    _unchanged(draft, before)


@pytest.mark.parametrize("option,name", [("-o", "结果.txt"), ("--write-baseline", "基线.json"),
                                         ("--annotate", "其他.docx")])
def test_lint_does_not_replace_an_unrelated_file(run_cli, draft, tmp_path, option, name):
    other = tmp_path / name
    other.write_bytes(b"someone else's file")
    run = run_cli("lint", draft, option, other)
    assert run.code == 2, run
    assert "不是 drafter 生成的" in run.err and "--force" in run.err
    _unchanged(other, b"someone else's file")
    run = run_cli("lint", draft, option, other, "--force")
    assert run.code in (0, 1), run
    assert other.read_bytes() != b"someone else's file"


def test_lint_may_replace_its_own_output(run_cli, draft, tmp_path):
    out = tmp_path / "结果.txt"
    assert run_cli("lint", draft, "-o", out).code in (0, 1)
    first = out.read_text("utf-8")
    assert first
    assert run_cli("lint", draft, "-o", out).code in (0, 1)     # drafter wrote it: replaced without --force
    out.write_text(first + "\n我的笔记", "utf-8")                  # edited by the user: protected again
    assert run_cli("lint", draft, "-o", out).code == 2
    assert out.read_text("utf-8").endswith("我的笔记")


def test_schema_does_not_overwrite_a_data_file(run_cli, tmp_path):
    data = tmp_path / "2024.yaml"
    shutil.copy(EXAMPLES / "lizhi-2022.yaml", data)
    before = data.read_bytes()
    run = run_cli("schema", "-o", data)
    assert run.code == 2 and "不是 drafter 生成的" in run.err
    _unchanged(data, before)
    schema = tmp_path / "drafter-report.schema.json"
    shutil.copy(EXAMPLES / "drafter-report.schema.json", schema)   # an exported schema is recognised
    assert run_cli("schema", "-o", schema).code == 0


def test_render_pdf_does_not_replace_a_foreign_pdf(run_cli, tmp_path):
    data = tmp_path / "报告.yaml"
    shutil.copy(EXAMPLES / "lizhi-2022.yaml", data)
    pdf = tmp_path / "报告.pdf"
    pdf.write_bytes(b"%PDF-1.4 someone else's PDF")
    run = run_cli("render", data, "--pdf")
    assert run.code == 2, run
    assert "不是 drafter 生成的" in run.out + run.err
    _unchanged(pdf, b"%PDF-1.4 someone else's PDF")
    assert not (tmp_path / "报告.docx").exists()               # refused before any work


def test_render_refuses_its_template_as_output(run_cli, tmp_path):
    from drafter.levels import get_level
    from drafter.render.build import template_name

    data = tmp_path / "报告.yaml"
    shutil.copy(EXAMPLES / "lizhi-2022.yaml", data)
    import yaml
    level = get_level(yaml.safe_load(data.read_text("utf-8"))["meta"]["level"])
    template = tmp_path / "模板.docx"
    shutil.copy(level.directory / template_name(level.variant(False).key), template)
    before = template.read_bytes()
    run = run_cli("render", data, "--template", template, "-o", template, "--force")
    assert run.code == 2 and "输出文件就是输入文件" in run.out + run.err
    _unchanged(template, before)


def test_import_and_init_keep_a_foreign_schema_file(run_cli, tmp_path):
    schema = tmp_path / "drafter-report.schema.json"
    schema.write_text("{\"mine\": true}", "utf-8")
    run = run_cli("init", "--level", "county", "--year", "2024", "-o", tmp_path / "2024.yaml")
    assert run.code == 0, run
    assert schema.read_text("utf-8") == "{\"mine\": true}"
