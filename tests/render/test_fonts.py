"""The fonts check before ``--pdf``: which fonts are missing, what stands in for each, and what the user reads.

The installed fonts are read here with ``fc-list`` directly, independently of drafter's own listing.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from drafter.render import build
from drafter.render.fonts import document_fonts, fonts_warning, for_pdf_fonts, missing_fonts
from drafter.render.render import find_soffice
from tests.render.conftest import data_file

needs_fc = pytest.mark.skipif(shutil.which("fc-list") is None, reason="fc-list（fontconfig）不可用")
OFFICIAL = [build.FANGSONG, build.KAITI, build.HEITI, build.SONG, build.XIAOBIAOSONG, build.LATIN]


def _families() -> set[str]:
    out = subprocess.run(["fc-list", "--format", "%{family}\\n"], capture_output=True, text=True).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",")}


def test_document_fonts_are_those_the_text_uses(rendered_examples):
    _, path = rendered_examples["anshan-2023"]
    fonts = document_fonts(path)
    assert fonts[:len(OFFICIAL)] == OFFICIAL                     # the official ones first, in a fixed order
    assert "zh-CN" not in fonts                                   # a language tag is not a font
    assert "Courier" not in fonts                                 # python-docx's unused sample styles are not


@needs_fc
def test_missing_fonts_of_the_templates_with_same_kind_substitutes():
    families = _families()
    aliases = {build.FANGSONG: {"FangSong_GB2312"}, build.KAITI: {"KaiTi_GB2312"}, build.HEITI: {"SimHei"},
               build.SONG: {"SimSun"}, build.XIAOBIAOSONG: {"FZXiaoBiaoSong-B05S"}, build.LATIN: set()}
    missing = missing_fonts()
    assert [m.font for m in missing] == [f for f in OFFICIAL if not ({f} | aliases[f]) & families]
    for m in missing:
        assert m.substitute is None or m.substitute in families, m
    by_font = {m.font: m.substitute for m in missing}
    if "Noto Serif CJK SC" in families and build.FANGSONG in by_font:
        assert by_font[build.FANGSONG] == "Noto Serif CJK SC"     # a serif for 仿宋, not the sans fallback
    if "Noto Sans CJK SC" in families and build.HEITI in by_font:
        assert by_font[build.HEITI] == "Noto Sans CJK SC"         # a sans for 黑体
    if "AR PL UKai CN" in families and build.KAITI in by_font:
        assert by_font[build.KAITI] == "AR PL UKai CN"


def test_warning_names_each_missing_font_and_its_substitute():
    from drafter.render.fonts import FontSubstitute
    message = fonts_warning([FontSubstitute("仿宋_GB2312", "Noto Serif CJK SC"), FontSubstitute("楷体_GB2312", None)])
    assert "仿宋_GB2312 → Noto Serif CJK SC" in message and "楷体_GB2312 → 由 LibreOffice 自动选择" in message
    assert "Word/WPS" in message                                  # how to get the real fonts into a PDF
    assert fonts_warning([]) is None


def test_substitutes_written_into_font_slots_only():
    from drafter.render.fonts import FontSubstitute
    xml = ('<w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:lang w:eastAsia="zh-CN"/>'
           '</w:rPr><w:t>仿宋_GB2312</w:t>').encode()
    out = for_pdf_fonts(xml, [FontSubstitute("仿宋_GB2312", "Noto Serif CJK SC"), FontSubstitute("zh-CN", "X")])
    assert out.decode() == ('<w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="Noto Serif CJK SC"/>'
                            '<w:lang w:eastAsia="zh-CN"/></w:rPr><w:t>仿宋_GB2312</w:t>')


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice（soffice）未安装")
def test_pdf_command_warns_about_fonts_and_reports_each_file(tmp_path, run_cli):
    first = data_file(tmp_path, "a.yaml")
    second = data_file(tmp_path, "b.yaml", body="另一县人民政府")
    result = run_cli("render", first, second, "--pdf")
    assert result.code == 0, result.out + result.err
    out = result.out
    assert out.index("正在用 LibreOffice 生成 PDF（共2个文件") < out.index("PDF（1/2）") < out.index("PDF（2/2）")
    assert (tmp_path / "a.pdf").is_file() and (tmp_path / "b.pdf").is_file()
    missing = missing_fonts([tmp_path / "a.docx"])
    if missing:
        assert "警告" in out and all(m.describe() in out for m in missing)
    else:
        assert "警告" not in out
