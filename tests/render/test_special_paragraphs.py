"""render.special_paragraphs finds exactly what docxtpl's paragraph pattern finds, much faster."""

from __future__ import annotations

import random
import re

from drafter.render.render import SPECIAL_PARAGRAPH, special_paragraphs

_SPECIAL_PARAGRAPH = re.compile(SPECIAL_PARAGRAPH, re.DOTALL)

PIECES = ["<w:p>", "<w:p ", '<w:p w:rsidR="1">', "</w:p>", "\t", "\n", "\x07", "\f", "a", "文", "<w:pPr>",
          "</w:p", "<w:p", ">", " ", "<w:r><w:t>", "</w:t></w:r>"]


def _pattern(xml: str) -> list:
    return [m.span() for m in _SPECIAL_PARAGRAPH.finditer(xml)]


def test_same_matches_as_the_pattern_on_seeded_random_text():
    rng = random.Random(20241130)
    found_some = 0
    for _ in range(30000):
        xml = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 16)))
        expected = _pattern(xml)
        assert list(special_paragraphs(xml)) == expected, repr(xml)
        found_some += bool(expected)
    assert found_some > 1000            # the cases exercise matches, not only their absence


def test_same_matches_on_a_report_shaped_part():
    paragraph = '<w:p><w:pPr><w:pStyle w:val="a"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'
    texts = ["中共示例县委 示例县人民政府关于2024年\n法治政府建设情况的报告", "正文。", "附件：1.\t统计表", "二、\x07下一段",
             "分页\f之后", "普通段落"] * 50
    xml = '<?xml version="1.0"?>\n<w:document><w:body>' + "".join(paragraph.format(t) for t in texts) + "</w:body></w:document>"
    assert list(special_paragraphs(xml)) == _pattern(xml)
    assert len(_pattern(xml)) == 200
