"""title-genre: a title that is missing, is a 总结, does not end in 报告, or names no year."""

from .common import messages, report, table

RULE = "title-genre"

CASES = [
    ("standard", report("一、主要举措和成效"), []),
    ("joint standard", report("一、主要举措和成效", title="中共青山县委 青山县人民政府关于2024年法治政府建设情况的报告"), []),
    ("总结 without year", report("一、主要举措", title="年度法治政府建設(依法行政)工作總結"), [1, 1]),
    ("开展情况", report("一、主要举措", title="兴平市2020年法治政府建设工作开展情况"), [1]),
    ("a draft mark after the title", report("一、主要举措", title="青山县人民政府关于2024年法治政府建设情况的报告（征求意见稿）"), []),
    ("no title found", "一、主要举措和成效\n全年办理复议案件12件。", [1]),
]


test_cases = table(RULE, CASES)


def test_year_differs_from_given_year():
    assert messages(RULE, report("一、主要举措"), year=2023) == ["标题写的是2024年，与报告年度2023年不符"]
