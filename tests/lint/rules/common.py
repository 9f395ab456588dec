"""Lint a short text through the real text reader and runner; compare (rule id, line) pairs.

Each rule test file is a table of cases in the spirit of yamllint's ``RuleTestCase``
and sqlfluff's YAML cases: a short draft and the lines where the rule must fire.
"""

from __future__ import annotations

from drafter.document.text_reader import read_text
from drafter.lint.runner import lint_document

# A title that fixes level (county), year (2024) and the single-body variant.
TITLE = "青山县人民政府关于2024年法治政府建设情况的报告"


def lint(text: str, **kwargs):
    """All findings for ``text`` (one paragraph per line), as the runner returns them."""
    return lint_document(read_text(text, name="草稿.txt"), **kwargs).findings


def pairs(text: str, **kwargs) -> list[tuple[str, int]]:
    """(rule id, line) of every finding."""
    return [(f.rule, f.location.line) for f in lint(text, **kwargs)]


def lines(rule_id: str, text: str, **kwargs) -> list[int]:
    """The lines where rule ``rule_id`` fires on ``text``."""
    return [line for rule, line in pairs(text, **kwargs) if rule == rule_id]


def messages(rule_id: str, text: str, **kwargs) -> list[str]:
    return [f.message for f in lint(text, **kwargs) if f.rule == rule_id]


def report(*sections: str, title: str = TITLE) -> str:
    """A draft: the title line, then the given lines."""
    return "\n".join((title,) + sections)


def table(rule_id: str, cases: list, **kwargs):
    """A parametrized test over ``cases`` = [(name, text, expected lines), …] for rule ``rule_id``."""
    import pytest

    @pytest.mark.parametrize("text,expected", [c[1:] for c in cases], ids=[c[0] for c in cases])
    def test_cases(text, expected):
        assert lines(rule_id, text, **kwargs) == expected

    return test_cases
