"""item-in-body: an item that is only a sentence in another section is a warning."""

from .common import report, table

RULE = "item-in-body"

CASES = [
    ("leadership as its own section",
     report("一、主要举措和成效", "全年办理复议案件12件。",
            "二、党政主要负责人履行推进法治建设第一责任人职责情况", "县长带头述法。"), []),
    ("leadership as a subsection counts as headed",
     report("一、主要举措和成效", "（一）党政主要负责人履行第一责任人职责情况", "县长带头述法。"), []),
    ("leadership only in a sentence",
     report("一、主要举措和成效", "全年办理复议案件12件。",
            "坚持落实党政主要负责人履行推进法治建设第一责任人职责。"), [4]),
    ("2018: leadership sentence not reported here",
     report("一、主要举措和成效", "坚持落实党政主要负责人履行推进法治建设第一责任人职责。",
            title="青山县人民政府关于2018年法治政府建设情况的报告"), []),
]


test_cases = table(RULE, CASES)
