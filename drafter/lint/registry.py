"""The lint rules, listed explicitly (no plugin discovery): grep here to find a rule.

Adding a rule: write ``drafter/lint/rules/<name>.py`` (``ID``, ``CODE``,
``DEFAULT_SEVERITY``, ``TITLE``, optional ``OPTIONS``, ``check(ctx)`` and a
docstring that documents it), list it in :data:`RULES`, add
``tests/lint/rules/test_<name>.py`` and regenerate ``docs/lint-rules.md`` with
``python -m drafter.lint.docs``.
"""

from __future__ import annotations

from drafter.errors import DrafterError
from drafter.lint.rules import (
    approximation,
    blank_placeholder,
    cjk_digit_space,
    date_form,
    date_late,
    deictic_time,
    doc_number,
    document_name,
    duplicate_line,
    fazhi_drift,
    fonts,
    half_width_punctuation,
    heading_form,
    heading_level_skip,
    heading_numbering,
    item_in_body,
    item_year,
    missing_item,
    missing_metadata,
    missing_other_item,
    page_setup,
    paragraph_format,
    placeholder_text,
    plan_vague,
    plan_year,
    pre2019_item,
    problem_causes,
    rate_change,
    recipient,
    request_in_report,
    revisions,
    runin_reuse,
    sum_mismatch,
    title_genre,
    title_organ,
    traditional_chars,
    web_junk,
)

# In documentation order: required items, structure, content, wording, metadata, format.
RULES = (
    missing_item,
    item_in_body,
    missing_other_item,
    pre2019_item,
    problem_causes,
    plan_year,
    plan_vague,
    item_year,
    heading_numbering,
    heading_form,
    heading_level_skip,
    runin_reuse,
    blank_placeholder,
    placeholder_text,
    web_junk,
    deictic_time,
    sum_mismatch,
    approximation,
    rate_change,
    document_name,
    fazhi_drift,
    request_in_report,
    traditional_chars,
    half_width_punctuation,
    cjk_digit_space,
    duplicate_line,
    title_genre,
    title_organ,
    missing_metadata,
    doc_number,
    date_form,
    date_late,
    recipient,
    revisions,
    page_setup,
    fonts,
    paragraph_format,
)

_BY_ID = {rule.ID: rule for rule in RULES}


def ids() -> list[str]:
    return [rule.ID for rule in RULES]


def get(rule_id: str):
    """The rule module with this id; a :class:`DrafterError` naming the choices otherwise."""
    try:
        return _BY_ID[rule_id]
    except KeyError:
        import difflib
        guess = difflib.get_close_matches(rule_id, list(_BY_ID), n=1)
        raise DrafterError(f"没有检查规则“{rule_id}”",
                           hint=(f"是不是“{guess[0]}”？" if guess else "") + "全部规则见 docs/lint-rules.md") from None


def by_code(code: str) -> list:
    """The rules implementing a catalogue entry (e.g. ``L01``), in registry order."""
    return [rule for rule in RULES if rule.CODE == code.upper()]
