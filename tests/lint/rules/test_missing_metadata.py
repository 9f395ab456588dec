"""missing-metadata: no 主送 line near the top, no stand-alone 成文日期."""

from .common import messages, report, table

RULE = "missing-metadata"

CASES = [
    ("both present", report("中共青山县委、青山县人大常委会：", "全年办理复议案件12件。", "青山县人民政府", "2025年2月20日"), []),
    ("neither", report("全年办理复议案件12件。"), [1, 1]),
    ("no date", report("中共青山县委、青山县人大常委会：", "全年办理复议案件12件。"), [1]),
    ("a date inside a sentence is not a 成文日期",
     report("中共青山县委、青山县人大常委会：", "2025年2月20日召开会议。"), [1]),
]

test_cases = table(RULE, CASES)


def test_messages():
    assert messages(RULE, report("全年办理复议案件12件。")) == ["报告开头没有主送机关", "报告没有成文日期"]
