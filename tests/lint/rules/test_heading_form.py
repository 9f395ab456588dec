"""heading-form: typed heading numbers in the wrong form, one finding per kind with a count."""

from .common import messages, report, table

RULE = "heading-form"

CASES = [
    ("standard forms", report("一、甲部分", "（一）小标题", "1.要点", "（1）细目"), []),
    ("space after 一、", report("一、 甲部分", "二、乙部分"), [2]),
    ("half-width brackets", report("一、甲部分", "(一)小标题", "(二)小标题"), [3]),
    ("mixed brackets", report("一、甲部分", "(一）小标题"), [3]),
    ("（一）、", report("一、甲部分", "（一）、小标题"), [3]),
    ("1、", report("一、甲部分", "1、要点"), [3]),
    ("一.", report("一.甲部分"), [2]),
    ("missing opening bracket", report("一、甲部分", "一）小标题内容"), [3]),
    ("doubled （一）（一）", report("一、甲部分", "（一）（一）小标题", "（二）小标题"), [3]),
    ("doubled 一、一、", report("一、一、甲部分"), [2]),
    ("a year after the number is not a number", report("一、2024年主要举措", "1.5万件案件全部办结。"), []),
    ("an attachment list is not headings", report("一、甲部分", "正文。", "附件：1.\t统计表", "2.\t任务完成情况表"), []),
    ("two kinds", report("一、 甲部分", "(一)小标题"), [2, 3]),
]


test_cases = table(RULE, CASES)


def test_aggregates_with_count():
    [message] = messages(RULE, report("一、甲部分", "(一)小标题", "(二)小标题", "(三)小标题"))
    assert "全文共3处" in message


def test_doubled_number_is_named():
    [message] = messages(RULE, report("一、甲部分", "（一）（一）小标题"))
    assert message == "标题编号重复写了两遍，如“（一）（一）”"
