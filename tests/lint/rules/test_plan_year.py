"""plan-year: headings in the plan must name report year + 1."""

from .common import lines, report, table

RULE = "plan-year"

CASES = [
    ("next year", report("三、2025年重点工作安排", "（一）完善制度", "……"), []),
    ("no year in heading", report("三、下一步工作思路", "（一）进一步压实责任", "……"), []),
    ("report year instead of next", report("三、2024年重点工作安排", "……"), [2]),
    ("stale year in a sub-heading", report("三、2025年重点工作安排", "（一）2023年推进示范创建", "……"), [3]),
    ("stale opening sentence", report("三、重点工作安排", "2024年，我县将重点做好以下工作。"), [3]),
    ("next-year opening sentence", report("三、重点工作安排", "2025年，我县将重点做好以下工作。"), []),
    ("a past year in the middle of a sentence", report("三、重点工作安排", "我们将巩固2024年示范创建成果。"), []),
    ("a range is not a year", report("三、2025年工作安排", "（一）完成“八五”普法（2021—2025年）验收", "……"), []),
]


test_cases = table(RULE, CASES)


def test_explicit_year():
    text = report("三、2024年重点工作安排", "……", title="青山县人民政府关于法治政府建设情况的报告")
    assert lines(RULE, text, year=2023) == []
    assert lines(RULE, text, year=2024) == [2]
