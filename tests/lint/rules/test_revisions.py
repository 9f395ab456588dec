"""revisions: unaccepted tracked changes and leftover comments in a .docx."""

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from .common import lines
from .docx_common import build, clean_text, edit, rule_findings

RULE = "revisions"


def _track_insertion(document):
    paragraph = document.paragraphs[3]
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="901" w:author="审核人" w:date="2025-02-01T00:00:00Z">'
        '<w:r><w:t>（新增内容）</w:t></w:r></w:ins>'))


def _comment(document):
    paragraph = document.paragraphs[3]
    document.add_comment(paragraph.runs, text="请核对数字", author="审核人")


def test_clean_docx(tmp_path):
    assert rule_findings(build(tmp_path), RULE) == []


def test_tracked_change(tmp_path):
    [finding] = rule_findings(edit(build(tmp_path), _track_insertion), RULE)
    assert "1处修订" in finding.message


def test_comment(tmp_path):
    [finding] = rule_findings(edit(build(tmp_path), _comment), RULE)
    assert "1条批注" in finding.message


def test_not_for_text_files():
    assert lines(RULE, clean_text()) == []
