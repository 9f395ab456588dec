"""request-in-report: 望能, 恳请, 请予批准 in a report."""

from .common import report, table

RULE = "request-in-report"

CASES = [
    ("statement", report("下一年度将联系区级部门开展执法培训。"), []),
    ("望能", report("对执法程序不熟悉，望能定期开展业务培训。"), [2]),
    ("恳请", report("恳请上级部门给予支持。"), [2]),
    ("请予批准", report("以上事项请予批准。"), [2]),
    ("希望能 is not 望能", report("我们希望能够进一步提升执法水平。"), []),
    ("提请 is fine", report("提请县政府常务会议审议，提请上级机关备案。"), []),
]


test_cases = table(RULE, CASES)
