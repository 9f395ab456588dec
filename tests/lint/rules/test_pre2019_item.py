"""pre2019-item: reports on years before the 2019 规定 get an info for items ③ and ⑤ only."""

from .common import report, table

RULE = "pre2019-item"
OLD = "青山县人民政府关于2018年法治政府建设情况的报告"

CASES = [
    ("2018 without ③ and ⑤", report("一、主要举措和成效", "全年办理复议案件12件。", title=OLD), [1, 1]),
    ("2018 with both", report("一、主要举措和成效", "……", "二、主要负责人履行第一责任人职责情况", "……",
                              "三、其他需要报告的情况", "无。", title=OLD), []),
    ("2024 never", report("一、主要举措和成效", "全年办理复议案件12件。"), []),
]


test_cases = table(RULE, CASES)
