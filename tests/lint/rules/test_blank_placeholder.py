"""blank-placeholder: only spaces (incl. U+00A0, U+3000) between 共/完成/制定的 and a unit."""

from .common import messages, report, table

RULE = "blank-placeholder"

CASES = [
    ("filled", report("市法制办共完成26件合法性审查。"), []),
    ("ascii spaces", report("市法制办共完成   件合法性审查。"), [2]),
    ("no-break spaces", report("制定的\u00a0\u00a0件规范性文件已备案。"), [2]),
    ("ideographic space", report("共开展\u3000次培训，累计\u3000\u3000人参加。"), [2, 2]),
    ("traditional text", report("2018年,市法制辦共完成\u00a0\u00a0 件審查。"), [2]),
    ("spaces elsewhere", report("共 26 件，均已备案。"), []),
]


test_cases = table(RULE, CASES)


def test_message_names_no_break_space():
    [message] = messages(RULE, report("制定的\u00a0\u00a0件规范性文件"))
    assert "不换行空格" in message
