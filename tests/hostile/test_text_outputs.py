"""Section 4: what drafter writes reads back, and nothing from a draft reaches the terminal raw."""

from __future__ import annotations

import json

import docx
import pytest

from tests.hostile import generators as g


HOSTILE_CHARS = {"txt": "\u2028\u0085\u0086\u007f\u2029\ufeff\x0c\x1b", "docx": "\u2028\u0085\u0086\u007f\u2029\ufeff"}


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_import_writes_yaml_that_validate_reads(tmp_path, run_cli, kind):
    chars = HOSTILE_CHARS[kind]
    text = g.VALID_DRAFT_TEXT.replace("扎实推进法治政府建设", "扎实推进" + "法治".join(chars) + "政府建设")
    if kind == "txt":
        source = tmp_path / "报告.txt"
        source.write_text(text, "utf-8")
    else:
        source = tmp_path / "报告.docx"
        document = docx.Document()
        for line in text.split("\n"):
            document.add_paragraph(line)
        document.save(str(source))
    out = tmp_path / "报告.yaml"
    imported = run_cli("import", source, "-o", out)
    assert imported.code == 0, imported.out + imported.err
    validated = run_cli("validate", out)
    assert validated.code in (0, 1), validated.out + validated.err
    assert "YAML 格式错误" not in validated.out and "无法识别" not in validated.out
    assert "政府建设" in out.read_text("utf-8")


ESCAPES = "办理\x1b]0;被改掉的窗口标题\x07案件\x1b[2J，约12余件\x9b31m。"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_lint_output_carries_no_terminal_controls(tmp_path, run_cli, fmt):
    draft = g.text_draft(tmp_path, ESCAPES)
    run = run_cli("lint", draft, "--format", fmt)
    assert run.code in (0, 1), run.err
    for control in ("\x1b", "\x07", "\x9b"):
        assert control not in run.out and control not in run.err
    if fmt == "text":
        assert "约12余" in run.out and "␛" in run.out          # the excerpt is there, its controls visible
    else:
        json.loads(run.out)                                     # escaped controls are still the same JSON


def test_file_names_with_controls_are_shown_safely(tmp_path, run_cli):
    draft = g.text_draft(tmp_path, "正文。", name="报告\x1b[2J.txt")
    run = run_cli("lint", draft)
    assert "\x1b" not in run.out + run.err
    assert "␛[2J" in run.out
