"""fonts: east-Asian fonts resolved through the style chain, with aliases; sizes; lenient shares."""

from docx.shared import Pt

from drafter.lint.rules.fonts import _family

from .common import lines
from .docx_common import body_size, build, clean_text, edit, rule_findings

RULE = "fonts"


def test_aliases():
    assert _family("仿宋_GB2312") == _family("FangSong") == _family("仿宋") == "仿宋"
    assert _family("KaiTi_GB2312") == "楷体"
    assert _family("Times New Roman") is None


def test_gbt9704_fonts_pass(tmp_path):
    assert rule_findings(build(tmp_path), RULE) == []


def test_fangsong_alias_passes(tmp_path):
    assert rule_findings(build(tmp_path, body_font="FangSong"), RULE) == []


def test_songti_body_fails_once(tmp_path):
    [finding] = rule_findings(build(tmp_path, body_font="宋体"), RULE)
    assert "正文的中文字体是“宋体”" in finding.message and "仿宋" in finding.message


def test_small_body_size(tmp_path):
    [finding] = rule_findings(edit(build(tmp_path), lambda d: body_size(d, 12)), RULE)
    assert "正文字号为12磅" in finding.message


def test_small_title(tmp_path):
    def small_title(document):
        document.styles["Title"].font.size = Pt(16)
    [finding] = rule_findings(edit(build(tmp_path), small_title), RULE)
    assert "标题字号为16磅" in finding.message


def test_not_for_text_files():
    assert lines(RULE, clean_text()) == []
