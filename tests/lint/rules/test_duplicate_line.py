"""duplicate-line: the same title or paragraph twice."""

from .common import lines, report, table

RULE = "duplicate-line"

CASES = [
    ("unique", report("全年办理复议案件12件。", "全年办理诉讼案件8件。"), []),
    ("title twice", report("年度法治政府建设工作总结报告", "年度法治政府建设工作总结报告"), [3]),
    ("paragraph repeated", report("全年办理复议案件12件。", "一、甲部分", "全年办理复议案件12件。"), [4]),
    ("short lines are ignored", report("无。", "无。"), []),
    ("cover note and report share 主送, signature and date",
     report("中共兴平市委、兴平市人大常委会：", "现报送本报告，请审阅。", "兴平市人民政府", "2021年1月21日",
            "中共兴平市委、兴平市人大常委会：", "全年办理复议案件12件。", "兴平市人民政府", "2021年1月21日"), []),
]


test_cases = table(RULE, CASES)


def test_min_length_option():
    from drafter.lint.config import parse_config
    text = report("无需报告。", "无需报告。")
    assert lines(RULE, text) == []
    assert lines(RULE, text, config=parse_config({"rules": {RULE: {"options": {"min_length": 4}}}})) == [3]
