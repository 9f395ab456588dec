"""sum-mismatch: exhaustive lists must add up; 其中 lists are subsets; rates within ±0.5 pp."""

from .common import messages, report, table

RULE = "sum-mismatch"

CASES = [
    ("其余 list adds up", report("办理复议案件13件，不予受理1件，维持3件，撤销3件，撤回3件，其余3件正在办理中。"), []),
    ("其余 list does not", report("办理复议案件13件，不予受理1件，维持3件，撤销3件，其余5件正在办理中。"), [2]),
    ("包括 list adds up", report("受理法律援助案件3721件，包括刑事3016件、民事704件、行政1件。"), []),
    ("包括 may list only some", report("受理法律援助案件3721件，包括刑事3016件、民事604件。"), []),
    ("包括 list exceeding the total", report("受理法律援助案件3721件，包括刑事3016件、民事804件、行政1件。"), [2]),
    ("分别为 must add up", report("新收案件50件，分别为立案49件、不予受理2件。"), [2]),
    ("parenthesised breakdown", report("清理文件12件（保留7件，拟修改3件，废止2件）。"), []),
    ("parenthesised breakdown wrong", report("清理文件12件（保留7件，拟修改3件，废止3件）。"), [2]),
    ("其中 subset is never summed", report("台账1518件，其中涉法涉诉案件540件，已全部化解。"), []),
    ("其中 subsets may overlap", report("受理100件，其中网上申请60件，涉企业50件。"), []),
    ("其中 part larger than total", report("受理100件，其中网上申请160件。"), [2]),
    ("其中 with parenthesis subset", report("办理法律援助案件293件（其中刑事案件83件，民事案件210件）。"), []),
    ("approximate totals are skipped", report("共办理300余件，包括刑事200件、民事50件。"), []),
    ("other units and a single part are not summed", report("共开展培训12次，包括参训人员500人、讲座3次。"), []),
    ("only parts of the same unit are summed", report("共开展培训12次，包括集中培训5次、参训人员500人、网络培训8次。"), [2]),
    ("share of a part", report("结案42件，其中纠错7件，占结案数的17%。"), []),
    ("wrong share of a part", report("结案42件，其中纠错7件，占结案数的25%。"), [2]),
    ("share in a parenthesis", report("办理案件200件（其中调解结案50件，占比25%）。"), []),
    ("rate correct within rounding", report("窗口由52个缩减至32个，压缩38.5%。"), []),
    ("rate rounded to integer", report("黑名单企业从1171户下降至679户，降幅达42%。"), []),
    ("rate wrong", report("窗口由52个缩减至32个，压缩45%。"), [2]),
    ("整合为", report("窗口由48个整合为30个，压缩37.5%。"), []),
    ("整合为 wrong", report("窗口由48个整合为30个，压缩45%。"), [2]),
]


test_cases = table(RULE, CASES)


def test_message_shows_the_sum():
    [message] = messages(RULE, report("清理文件12件（保留7件，拟修改3件，废止3件）。"))
    assert "13件" in message and "12件" in message
