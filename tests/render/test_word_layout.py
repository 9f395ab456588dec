"""Word-side settings of the shipped templates and rendered reports, asserted in the .docx XML: mirrored
margins, built-in headings restyled and used as the base of the 公文 headings (pandoc sees them), the masthead
35 mm down with a rule as wide as the 版心, the attachment list's hanging indent."""

from __future__ import annotations

import re
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from drafter import levels
from drafter.render import build
from drafter.render.build import template_name
from drafter.render.context import build_context

TEMPLATES = [level.directory / template_name(key) for level in levels.all_levels().values() for key in level.variants]
TWIPS_PER_MM = 1440 / 25.4
CHAR = 320                                    # one 3号 character in twips


@pytest.fixture(params=TEMPLATES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def template(request):
    return docx.Document(str(request.param))


def _ppr(style):
    return style.element.find(qn("w:pPr"))


def test_mirrored_margins_for_double_sided_printing(template):
    assert template.settings.element.find(qn("w:mirrorMargins")) is not None
    for section in template.sections:
        assert round(section.left_margin.mm) == 28 and round(section.right_margin.mm) == 26   # inside / outside


def test_builtin_headings_restyled_and_the_base_of_the_gongwen_headings(template):
    fonts = {1: build.HEITI, 2: build.KAITI, 3: build.FANGSONG, 4: build.FANGSONG}
    for n, font in fonts.items():
        builtin = template.styles[f"Heading {n}"]
        assert builtin.element.find(qn("w:name")).get(qn("w:val")) == f"heading {n}"     # Word's own style
        rfonts = builtin.element.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert rfonts.get(qn("w:eastAsia")) == font and rfonts.get(qn("w:ascii")) == "Times New Roman"
        assert not [a for a in rfonts.attrib if a.endswith("Theme")]              # no Calibri/Cambria theme
        assert builtin.element.find(qn("w:rPr")).find(qn("w:color")) is None       # not blue
        assert builtin.font.size.pt == 16 and not builtin.font.bold
        assert _ppr(builtin).find(qn("w:outlineLvl")).get(qn("w:val")) == str(n - 1)
        assert builtin.paragraph_format.keep_with_next
        ours = template.styles.element.get_by_id(f"GwHeading{n}")
        assert ours.find(qn("w:basedOn")).get(qn("w:val")) == f"Heading{n}"


def test_masthead_35mm_down_and_doc_number_rule_full_width(template):
    first = [p for p in template.element.body.iter(qn("w:p"))
             if p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None
             and p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) in build.MASTHEAD_STYLES]
    assert first
    spacing = first[0].find(qn("w:pPr")).find(qn("w:spacing"))
    assert abs(int(spacing.get(qn("w:before"))) - 35 * TWIPS_PER_MM) <= 2
    style = template.styles.element.get_by_id(first[0].find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")))
    line = style.find(qn("w:pPr")).find(qn("w:spacing"))
    assert line.get(qn("w:lineRule")) == "exact" and line.get(qn("w:line")) == str(build.MASTHEAD_PT * 20)
    number = template.styles.element.get_by_id("GwDocNumber").find(qn("w:pPr"))
    ind = number.find(qn("w:ind"))
    assert int(ind.get(qn("w:left"), "0")) == 0 and int(ind.get(qn("w:right"), "0")) == 0   # rule = 版心 width
    assert number.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:color")) == build.RED
    doc_number = next(p for p in template.element.body.iter(qn("w:p")) if "doc_number" in p.xpath("string(.)"))
    tabs = [(t.get(qn("w:val")), int(t.get(qn("w:pos")))) for t in doc_number.iter(qn("w:tab")) if t.get(qn("w:pos"))]
    assert tabs == [("left", CHAR), ("right", round(156 * TWIPS_PER_MM) - CHAR)]   # 居左空一字, 签发人右空一字


def test_attachment_list_hanging_indent(template):
    def ind(style_id):
        el = template.styles.element.get_by_id(style_id).find(qn("w:pPr")).find(qn("w:ind"))
        left, hanging = int(el.get(qn("w:left"))), int(el.get(qn("w:hanging")))
        return left, left - hanging
    # “附件：1.名称”: first line at 2 characters, wrapped lines under the name (2 + “附件：” + “1.”)
    assert ind("GwAttachment") == (6 * CHAR, 2 * CHAR)
    assert ind("GwAttachmentMore") == (6 * CHAR, 5 * CHAR)          # “2.” under “1.”
    assert ind("GwAttachmentOnly") == (5 * CHAR, 2 * CHAR)          # “附件：名称”
    for style_id in ("GwAttachment", "GwAttachmentMore"):
        tab = template.styles.element.get_by_id(style_id).find(qn("w:pPr")).find(qn("w:tabs"))[0]
        assert int(tab.get(qn("w:pos"))) == 6 * CHAR


def test_attachment_numbers_end_with_a_tab_to_the_hanging_indent():
    from tests.render.conftest import report_document
    several = build_context(report_document(attachments=["甲表", "乙表"]))[0]["attachments"]
    assert several == ["附件：1.\t甲表", "2.\t乙表"]
    assert build_context(report_document(attachments=["甲表"]))[0]["attachments"] == ["附件：甲表"]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc 未安装")
def test_pandoc_sees_the_headings(rendered_examples):
    for name, (_, path) in rendered_examples.items():
        d = docx.Document(str(path))
        wanted = {}
        for p in d.element.body.iter(qn("w:p")):
            style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if style is not None and style.get(qn("w:val")) in build.HEADING_STYLES:
                level = build.HEADING_STYLES.index(style.get(qn("w:val"))) + 1
                wanted[level] = wanted.get(level, 0) + 1
        out = subprocess.run(["pandoc", "-f", "docx", "-t", "markdown", str(path)], capture_output=True,
                             text=True, check=True).stdout
        got = {}
        for m in re.finditer(r"^(#{1,6}) ", out, re.M):
            got[len(m.group(1))] = got.get(len(m.group(1)), 0) + 1
        assert got == wanted and wanted.get(1) == 5, (name, got, wanted)
