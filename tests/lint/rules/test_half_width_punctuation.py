"""half-width-punctuation: , : ; ( ) next to Chinese; per paragraph up to 3, then one summary."""

from .common import lines, messages, report, table

RULE = "half-width-punctuation"

CASES = [
    ("full width", report("2024年，我市召开常务会议（扩大）12次：研究法治工作。"), []),
    ("comma", report("2024年,我市召开常务会议12次。"), [2]),
    ("colon at end of a recipient line", report("咸阳市人民政府:"), [2]),
    ("brackets", report("召开常务会议(扩大)12次。"), [2]),
    ("heading numbers are heading-form's", report("一、甲部分", "(一)小标题"), []),
    ("decimal point and ratio are fine", report("压缩38.5%，按1:1配套。"), []),
    ("punctuation inside a web address", report("在网站（https://www.qingshan.gov.cn/zwgk,index:1）公开。"), []),
    ("many paragraphs: one summary", report("甲,乙。", "丙,丁。", "戊,己。", "庚,辛。"), [2]),
]


test_cases = table(RULE, CASES)


def test_summary_counts():
    [message] = messages(RULE, report("甲,乙;丙。", "丙,丁。", "戊,己。", "庚,辛。"))
    assert "4段共5处" in message


def test_per_paragraph_limit_option():
    from drafter.lint.config import parse_config
    text = report("甲,乙。", "丙,丁。")
    assert lines(RULE, text) == [2, 3]
    assert lines(RULE, text, config=parse_config({"rules": {RULE: {"options": {"per_paragraph_limit": 0}}}})) == [2]
