"""duplicate-line: the same title or paragraph twice."""

from .common import report, table

RULE = "duplicate-line"

CASES = [
    ("unique", report("全年办理复议案件12件。", "全年办理诉讼案件8件。"), []),
    ("title twice", report("年度法治政府建设工作总结报告", "年度法治政府建设工作总结报告"), [3]),
    ("paragraph repeated", report("全年办理复议案件12件。", "一、甲部分", "全年办理复议案件12件。"), [4]),
    ("short lines are ignored", report("无。", "无。"), []),
]


test_cases = table(RULE, CASES)
