"""Reporters: pure functions from lint results to text, JSON, SARIF, or an annotated .docx copy."""

from __future__ import annotations

from drafter.lint.context import BODY, MISSING, SECTION, SUBSECTION

STATUS_ZH = {SECTION: "有独立标题", SUBSECTION: "作为下级标题", BODY: "仅在正文中提及", MISSING: "缺少"}


def rule_doc(rule) -> tuple[str, str]:
    """(first Chinese paragraph, full text) of a rule module's docstring (its documentation)."""
    import re

    from drafter.text import paragraphs
    doc = (rule.__doc__ or "").strip()
    chinese = next((p for p in paragraphs(doc) if re.search("[\u4e00-\u9fff]", p)), "")
    return chinese or getattr(rule, "TITLE", ""), doc
