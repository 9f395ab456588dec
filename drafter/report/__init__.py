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


def json_text(data) -> str:
    """JSON for a report or baseline: readable Chinese, and nothing a terminal would act on.

    ``json.dumps`` escapes C0 controls but leaves DEL, C1 controls and bidi
    overrides raw; they are escaped here too (``\\u009b``), which is the same JSON.
    """
    import json
    import re

    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]", lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"
