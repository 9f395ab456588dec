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
    # after any Chinese word, when the unit ends the clause (issue #8 §6)
    ("after a noun", report("全年办理法律援助案件  件，同比增长。"), [2]),
    ("person-times", report("培训执法人员   人次。"), [2]),
    ("case-times at line end", report("开展执法检查 件次"), [2]),
    ("household-times", report("走访企业　家次，解决问题。"), [2]),
    ("digits and a unit are cjk-digit-space", report("全年办理案件 12 件。"), []),
    ("an organ name after a space", report("中共兴平市委 兴平市人民政府"), []),
    ("a spaced table label", report("部  门"), []),
]


test_cases = table(RULE, CASES)


def test_message_names_no_break_space():
    [message] = messages(RULE, report("制定的\u00a0\u00a0件规范性文件"))
    assert "不换行空格" in message
