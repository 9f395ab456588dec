"""problem-causes: item ② must analyse causes (cause_words of the level data), not only list problems."""

from .common import messages, report, table

RULE = "problem-causes"

CASES = [
    ("causes given", report("二、存在的不足和原因", "执法力量不足，主要原因是编制少。"), []),
    ("由于 counts", report("二、存在的问题", "由于培训不系统，部分人员执法不规范。"), []),
    ("cause in a subsection body", report("二、存在的问题", "（一）执法力量不足", "究其根源，编制偏少。"), []),
    ("only problems", report("二、存在的问题", "一是执法规范化需加强；二是基层基础薄弱。"), [2]),
    ("heading promises causes, body has none",
     report("二、存在的不足和原因", "一是普法效果有待提高；二是干部素养有待提高。"), [2]),
    ("no problems section: nothing to check", report("一、主要举措和成效", "全年办理复议案件12件。"), []),
]


test_cases = table(RULE, CASES)


def test_message_tells_heading_promised_causes():
    [message] = messages(RULE, report("二、存在的不足和原因", "一是普法效果有待提高。"))
    assert "标题写了“原因”" in message
