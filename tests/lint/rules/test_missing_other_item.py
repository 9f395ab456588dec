"""missing-other-item: item ⑤ absent (2019 and later) is a warning."""

from .common import report, table

RULE = "missing-other-item"

CASES = [
    ("present with 无", report("一、主要举措和成效", "……", "五、其他需要报告的情况", "无。"), []),
    ("absent", report("一、主要举措和成效", "全年办理复议案件12件。"), [1]),
    ("absent in 2018 is pre2019-item's",
     report("一、主要举措和成效", "全年办理复议案件12件。", title="青山县人民政府关于2018年法治政府建设情况的报告"), []),
]


test_cases = table(RULE, CASES)
