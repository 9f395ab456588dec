"""page-setup: A4 and 37/35/28/26 mm margins (±1 mm) on real .docx files; silent on text."""

from .common import lines
from .docx_common import build, clean_text, edit, rule_findings, word_margins

RULE = "page-setup"


def test_gbt9704_page_passes(tmp_path):
    assert rule_findings(build(tmp_path), RULE) == []


def test_word_defaults_fail_once_per_problem(tmp_path):
    findings = rule_findings(edit(build(tmp_path), word_margins), RULE)
    messages = [f.message for f in findings]
    assert len(findings) == 2
    assert "不是A4" in messages[0]
    assert "上边距2.54厘米（应为3.7厘米）" in messages[1] and "左边距3.18厘米" in messages[1]


def test_within_tolerance(tmp_path):
    from docx.shared import Mm

    def nearly(document):
        for section in document.sections:
            section.top_margin = Mm(37.8)
    assert rule_findings(edit(build(tmp_path), nearly), RULE) == []


def test_not_for_text_files():
    assert lines(RULE, clean_text()) == []
