"""heading-level-skip: 一、 → 1. without （一） in between; one info per document."""

from .common import messages, report, table

RULE = "heading-level-skip"

CASES = [
    ("full sequence", report("一、甲部分", "（一）小标题", "1.要点", "（1）细目"), []),
    ("1. under 一、", report("一、甲部分", "1.要点", "2.要点", "二、乙部分", "1.要点"), [2 + 1]),
    ("（1） under （一）", report("一、甲部分", "（一）小标题", "（1）细目"), [4]),
    ("run-in lists are not headings", report("一、甲部分", "一是完善制度；二是加强培训。"), []),
]

test_cases = table(RULE, CASES)


def test_counted_once():
    [message] = messages(RULE, report("一、甲部分", "1.要点", "二、乙部分", "1.要点"))
    assert "全文共2处" in message and "（一）" in message
