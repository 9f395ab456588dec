"""The render command: text safety, safe output, batches, exit codes, local templates."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import yaml

from tests.render.conftest import data_file


def _texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_text_comes_out_as_typed(tmp_path, run_process):
    typed = "A & B <c> \"q\" 'a' 7*7"
    src = data_file(tmp_path, intro=typed + "\n\n第二段。", leadership={"text": "带头\x0c学法。"})
    run = run_process("render", src)
    assert run.code == 0, run.out + run.err
    texts = _texts(tmp_path / "report.docx")
    assert typed in texts and "第二段。" in texts
    assert "带头学法。" in texts
    assert "leadership.text" in run.out and "U+000C" in run.out


def test_template_marks_in_data_are_never_evaluated(tmp_path, run_cli):
    """validate refuses leftover template marks (lint would flag them); render still prints them literally."""
    from drafter.data.validate import validate_file
    from drafter.render.render import render_report
    typed = "{{ 7*7 }} {% if x %}不是标签{% endif %}"
    src = data_file(tmp_path, intro=typed + "\n\n第二段。")
    result = validate_file(src)
    assert any("模板标记" in d.message and d.field == "intro" for d in result.errors)
    render_report(result.document, tmp_path / "literal.docx", source=str(src))
    assert typed in _texts(tmp_path / "literal.docx")


def test_invalid_data_gives_messages_and_no_output(tmp_path, run_cli):
    src = data_file(tmp_path, year="二〇二四")
    run = run_cli("render", src)
    assert run.code == 1
    assert "meta.year" in run.out and "未生成报告" in run.out
    assert not (tmp_path / "report.docx").exists()


def test_unreadable_input_exit_2(tmp_path, run_cli):
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: [\n", encoding="utf-8")
    assert run_cli("render", bad).code == 2
    assert run_cli("render", tmp_path / "missing.yaml").code == 2


def test_refuses_to_overwrite_edited_file_unless_force(tmp_path, run_cli):
    src = data_file(tmp_path)
    out = tmp_path / "out.docx"
    assert run_cli("render", src, "-o", out).code == 0
    assert run_cli("render", src, "-o", out).code == 0          # unchanged since drafter wrote it
    edited = docx.Document(str(out))
    edited.add_paragraph("办公室手工补充的一段。")
    edited.save(str(out))
    before = out.read_bytes()
    run = run_cli("render", src, "-o", out)
    assert run.code == 2 and "修改过" in run.out and "--force" in run.out
    assert out.read_bytes() == before
    run = run_cli("render", src, "-o", out, "--force")
    assert run.code == 0
    assert "办公室手工补充的一段。" not in _texts(out)


def test_refuses_to_overwrite_foreign_file(tmp_path, run_cli):
    src = data_file(tmp_path)
    out = tmp_path / "report.docx"
    out.write_bytes(b"not a drafter file")
    run = run_cli("render", src)
    assert run.code == 2 and "不是由 drafter 生成" in run.out
    assert out.read_bytes() == b"not a drafter file"


def test_failed_render_leaves_previous_file_intact(tmp_path, run_cli):
    src = data_file(tmp_path)
    out = tmp_path / "out" / "x.docx"
    assert run_cli("render", src, "-o", out).code == 0
    good = out.read_bytes()
    broken = docx.Document()
    broken.add_paragraph("{{ titel }}")
    broken.save(str(tmp_path / "broken.docx"))
    run = run_cli("render", src, "-o", out, "--force", "--template", tmp_path / "broken.docx")
    assert run.code == 2 and "titel" in run.out
    assert out.read_bytes() == good
    assert [p.name for p in out.parent.iterdir()] == ["x.docx"]       # no temporary files left


def test_batch_keeps_going_and_summarises(tmp_path, run_cli):
    inputs = tmp_path / "in"
    inputs.mkdir()
    data_file(inputs, "a.yaml")
    data_file(inputs, "b.yaml", intro="")
    data_file(inputs, "c.yaml", body="另一县人民政府")
    run = run_cli("render", inputs, "-o", tmp_path / "out")
    assert run.code == 1
    produced = sorted(p.name for p in (tmp_path / "out").glob("*.docx"))
    assert produced == ["a.docx", "c.docx"]
    assert "共3个数据文件：生成2个，失败1个。" in run.out
    assert "另一县人民政府" in "".join(_texts(tmp_path / "out" / "c.docx"))


def test_local_template_folder_with_own_item_order(tmp_path, run_cli):
    folder = tmp_path / "本县模板"
    run = run_cli("templates", "new", "--from", "county", folder)
    assert run.code == 0, run.out + run.err
    assert sorted(p.name for p in folder.iterdir()) == ["level.yaml", "report-joint.docx", "report-single.docx"]
    level = yaml.safe_load((folder / "level.yaml").read_text(encoding="utf-8"))
    level["item_order"] = ["leadership", "measures", "problems", "plan", "other"]
    (folder / "level.yaml").write_text(yaml.safe_dump(level, allow_unicode=True), encoding="utf-8")
    src = data_file(tmp_path)
    run = run_cli("render", src, "--template", folder)
    assert run.code == 0, run.out
    headings = [p.text for p in docx.Document(str(tmp_path / "report.docx")).paragraphs
                if p.style.style_id == "GwHeading1"]
    assert headings[0].startswith("一、") and "第一责任人" in headings[0]
    assert run_cli("templates", "new", "--from", "county", folder).code == 2     # not empty: refuses
    wrong = data_file(tmp_path, "dept.yaml", level="department", body="示例县司法局",
                      recipients=["中共示例县委", "示例县人民政府"])
    run = run_cli("render", wrong, "--template", folder)
    assert run.code == 2 and "模板文件夹是“县级”层级的" in run.out
    assert run_cli("templates", "check", folder).code == 0
    level["item_order"] = ["leadership", "measures"]
    (folder / "level.yaml").write_text(yaml.safe_dump(level, allow_unicode=True), encoding="utf-8")
    run = run_cli("templates", "check", folder)
    assert run.code == 1 and "item_order" in run.out


def test_pdf_without_libreoffice_says_so(tmp_path, run_cli, monkeypatch):
    src = data_file(tmp_path)
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent))      # no soffice on the PATH
    monkeypatch.delenv("PROGRAMFILES", raising=False)
    run = run_cli("render", src, "--pdf")
    assert run.code == 1
    assert "未找到 LibreOffice" in run.out and "另存为 PDF" in run.out
    assert (tmp_path / "report.docx").is_file() and not (tmp_path / "report.pdf").exists()


def test_help_in_chinese(run_cli):
    run = run_cli("render", "--help")
    assert run.code == 0 and "--force" in run.out and "生成" in run.out
    run = run_cli("templates", "--help")
    assert run.code == 0 and "check" in run.out and "new" in run.out
