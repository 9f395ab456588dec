"""paragraph-format: first-line indent of 2 characters and fixed line spacing 26–31 pt (.docx only)."""

from docx.enum.text import WD_LINE_SPACING
from docx.shared import Pt

from .common import lines
from .docx_common import build, clean_text, edit, rule_findings

RULE = "paragraph-format"


def test_indented_body_passes(tmp_path):
    assert rule_findings(build(tmp_path), RULE) == []


def test_no_indent(tmp_path):
    def flush(document):
        document.styles["Normal"].paragraph_format.first_line_indent = Pt(0)
    [finding] = rule_findings(edit(build(tmp_path), flush), RULE)
    assert "首行缩进约0.0字" in finding.message


def test_tight_fixed_spacing(tmp_path):
    def tight(document):
        fmt = document.styles["Normal"].paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(20)
    [finding] = rule_findings(edit(build(tmp_path), tight), RULE)
    assert "固定值20磅" in finding.message


def test_fixed_28_passes(tmp_path):
    def exact(document):
        fmt = document.styles["Normal"].paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(28)
    assert rule_findings(edit(build(tmp_path), exact), RULE) == []


def test_not_for_text_files():
    assert lines(RULE, clean_text()) == []
