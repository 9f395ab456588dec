"""approximation: 近…余, 约…余 and a decimal followed by 余."""

from .common import report, table

RULE = "approximation"

CASES = [
    ("近 only", report("挽回经济损失近200万元。"), []),
    ("余 only", report("挽回经济损失200余万元，惠及群众3万余人。"), []),
    ("近…余", report("挽回经济损失近200余万元。"), [2]),
    ("约…多", report("约300多人参加。"), [2]),
    ("decimal + 余", report("挽回经济损失428.6余万元。"), [2]),
    ("decimal before 万余 is usual", report("惠及群众1.2万余人。"), []),
    ("最近 and 附近 are not 近", report("最近30多天走访附近200多户群众。"), []),
    ("节约 is not 约", report("节约财政资金200余万元。"), []),
]


test_cases = table(RULE, CASES)
