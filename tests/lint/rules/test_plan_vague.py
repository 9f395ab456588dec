"""plan-vague: a plan with neither the next year nor enumerated tasks."""

from .common import report, table

RULE = "plan-vague"

CASES = [
    ("year in heading", report("三、2025年工作安排", "我们将继续推进法治政府建设。"), []),
    ("下一年度 in heading", report("三、下一年度主要安排", "继续推进法治政府建设。"), []),
    ("subsections", report("三、下一步工作思路", "（一）进一步压实责任", "……", "（二）进一步补齐短板", "……"), []),
    ("run-in tasks", report("三、下一步工作打算", "一是完善制度；二是加强培训；三是强化监督。"), []),
    ("vague", report("三、下一步工作打算", "我们将继续坚持依法行政，推动法治政府建设再上新台阶。"), [2]),
]


test_cases = table(RULE, CASES)
