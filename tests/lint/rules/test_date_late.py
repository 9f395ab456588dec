"""date-late: the 成文日期 against the level variant's deadline (3月1日; province joint 4月1日)."""

from .common import lines, messages, report, table

RULE = "date-late"

CASES = [
    ("in time", report("青山县人民政府", "2025年2月20日"), []),
    ("late", report("青山县人民政府", "2025年3月15日"), [3]),
    ("on the deadline day", report("青山县人民政府", "2025年3月1日"), [3]),
    ("inside the report year", report("青山县人民政府", "2024年12月20日"), [3]),
    ("Chinese numerals are read too", report("青山县人民政府", "二〇二五年三月十五日"), [3]),
]


test_cases = table(RULE, CASES)


def test_province_joint_deadline_is_april():
    text = report("2025年3月20日", title="中共某某省委 某某省人民政府关于2024年法治政府建设情况的报告")
    assert lines(RULE, text, level="province", joint=True) == []
    assert lines(RULE, text, level="province", joint=False) == [2]


def test_message_names_deadline():
    [message] = messages(RULE, report("2025年3月15日"))
    assert "2025年3月1日" in message
