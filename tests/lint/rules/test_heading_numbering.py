"""heading-numbering: sibling headings must count 1, 2, 3… at every level."""

from .common import report, table

RULE = "heading-numbering"

CASES = [
    ("in order", report("一、甲部分", "（一）小标题", "（二）小标题", "二、乙部分", "1.要点", "2.要点"), []),
    ("skip", report("一、甲部分", "二、乙部分", "四、丁部分"), [4]),
    ("duplicate", report("一、甲部分", "二、乙部分", "二、丙部分"), [4]),
    ("starts at two", report("一、甲部分", "（二）小标题", "（三）小标题"), [3]),
    ("each parent counts anew", report("一、甲部分", "（一）小标题", "二、乙部分", "（一）小标题"), []),
    ("skip at level 3", report("一、甲部分", "1.要点", "3.要点"), [4]),
    ("an attachment list after the text", report("一、甲部分", "正文。", "附件：1.\t统计表", "2.\t完成情况表"), []),
]


test_cases = table(RULE, CASES)
