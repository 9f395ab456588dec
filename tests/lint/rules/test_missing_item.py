"""missing-item: items ①–④ with neither heading nor mention are errors; pre-2019 reports are spared item ③."""

from .common import messages, report, table

RULE = "missing-item"

MEASURES = ("一、2024年主要举措和成效", "全年办理行政复议案件12件。")
PROBLEMS = ("二、存在的不足和原因", "执法力量不足，主要原因是编制少。")
LEADER = ("三、党政主要负责人履行推进法治建设第一责任人职责情况", "县长带头述法。")
PLAN = ("四、2025年工作安排", "一是完善制度；二是加强培训。")
OTHER = ("五、其他需要报告的情况", "无。")

CASES = [
    ("all five items", report(*MEASURES, *PROBLEMS, *LEADER, *PLAN, *OTHER), []),
    ("no problems at all", report(*MEASURES, *LEADER, *PLAN, *OTHER), [1]),
    ("problems only mentioned is not missing",
     report(*MEASURES, "工作中还存在一些短板。", *LEADER, *PLAN, *OTHER), []),
    ("no leadership item", report(*MEASURES, *PROBLEMS, *PLAN, *OTHER), [1]),
    ("no plan and no leadership", report(*MEASURES, *PROBLEMS, *OTHER), [1, 1]),
    ("item ⑤ is another rule's", report(*MEASURES, *PROBLEMS, *LEADER, *PLAN), []),
    ("2018 report need not have item ③",
     report(*MEASURES, *PROBLEMS, "三、2019年工作安排", "一是完善制度；二是加强培训。",
            title="青山县人民政府关于2018年法治政府建设情况的报告"), []),
]


test_cases = table(RULE, CASES)


def test_message_names_item_and_standard_heading():
    [message] = messages(RULE, report(*MEASURES, *LEADER, *PLAN, *OTHER))
    assert "第②项" in message and "存在的不足和原因" in message
