"""item-year: headings outside the plan must not name another year (ranges and 《》 excluded)."""

from .common import report, table

RULE = "item-year"

CASES = [
    ("report year", report("一、2024年主要举措和成效", "……"), []),
    ("last year's heading", report("一、2023年主要举措和成效", "……"), [2]),
    ("sub-heading", report("一、主要举措和成效", "（一）2022年度法治督察整改", "……"), [3]),
    ("document title in 《》", report("一、主要举措和成效", "（一）落实《2023年度法治建设工作要点》", "……"), []),
    ("range", report("一、主要举措和成效", "（一）推进“八五”普法（2021—2025年）", "……"), []),
    ("plan headings are plan-year's", report("一、主要举措和成效", "……", "二、2025年工作安排", "……"), []),
    ("body text is not checked", report("一、主要举措和成效", "2023年以来持续推进。"), []),
    ("stale introduction", report("2023年，我县坚持依法行政。", "一、主要举措和成效"), [2]),
    ("introduction naming the report year", report("2024年以来，我县坚持依法行政。", "一、主要举措和成效"), []),
    ("a date line is not an introduction", report("2025年2月20日", "一、主要举措和成效"), []),
]


test_cases = table(RULE, CASES)
