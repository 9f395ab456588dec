"""Lint rules: one module per rule (ID, CODE, DEFAULT_SEVERITY, TITLE, optional OPTIONS, check(ctx)).

The module docstring of each rule is its user documentation (rendered into
``docs/lint-rules.md`` by :mod:`drafter.lint.docs`); the rules are listed in
:mod:`drafter.lint.registry`.
"""
