"""Reporters: pure functions from lint results to text, JSON, SARIF, or an annotated .docx copy."""

from __future__ import annotations

from drafter.lint.context import BODY, MISSING, SECTION, SUBSECTION

STATUS_ZH = {SECTION: "有独立标题", SUBSECTION: "作为下级标题", BODY: "仅在正文中提及", MISSING: "缺少"}


def rule_doc(rule) -> tuple[str, str]:
    """(first paragraph, whole text) of a rule's Chinese documentation (its docstring, as in docs/lint-rules.md)."""
    from drafter.lint.docs import documentation
    text = documentation(rule)
    first = text.split("\n\n", 1)[0].strip()
    return first or getattr(rule, "TITLE", ""), text or getattr(rule, "TITLE", "")
