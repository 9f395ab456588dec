"""traditional-chars: a share of traditional-only characters above the threshold, reported once."""

from drafter.lint.config import LintConfig, parse_config

from .common import lines, messages, report, table

RULE = "traditional-chars"
TRADITIONAL = "現將我市年度法治政府建設工作總結如下：圍繞提升行政決策水平，健全科學決策機制，規範行政執法行為。"

CASES = [
    ("simplified", report("现将我市2024年法治政府建设情况报告如下。"), []),
    ("traditional", report("一、概述", TRADITIONAL), [3]),
    ("a few in a long simplified text", report("於" + "法治政府建设" * 200), []),
]


test_cases = table(RULE, CASES)


def test_message_lists_conversions():
    [message] = messages(RULE, report(TRADITIONAL))
    assert "建設"[1] in message and "→" in message


def test_threshold_option():
    config = parse_config({"rules": {RULE: {"options": {"min_count": 100}}}})
    assert lines(RULE, report(TRADITIONAL), config=config) == []
    assert lines(RULE, report(TRADITIONAL), config=LintConfig()) == [2]
