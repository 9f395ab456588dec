"""Run the lint rules over a draft: read → outline → items → rules → sorted findings.

:func:`lint_document` is the library entry point for a model already read;
:func:`lint_path` reads a file first.  The runner, not the rule, sets the final
severity (rule default → ``lint:`` section of common.yaml → ``.drafter.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drafter.analysis import Analysis, analyse
from drafter.document.model import Document, Section
from drafter.errors import DrafterError
from drafter.lint.config import LintConfig
from drafter.lint.context import LintContext
from drafter.lint.finding import SEVERITIES, Finding


@dataclass
class LintResult:
    """The result of linting one file; ``error`` is set (and the rest empty) if it could not be read."""

    path: str
    document: Document | None = None
    level: str | None = None
    level_source: str | None = None                  # "given" (option/config), "detected", or "default" (guess)
    joint: bool = False
    year: int | None = None
    title: str | None = None
    items: dict = field(default_factory=dict)        # key → ItemStatus
    findings: list = field(default_factory=list)
    outline: Section | None = None
    error: DrafterError | None = None
    analysis: Analysis | None = None                 # the one reading of the draft (drafter.analysis)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def worst(self) -> str | None:
        """The highest severity among the findings, or ``None``."""
        present = {f.severity for f in self.findings}
        return next((s for s in reversed(SEVERITIES) if s in present), None)


def _sort_key(finding: Finding):
    loc = finding.location
    index = loc.index if loc.index is not None else -1
    return (index, loc.line or 0, loc.column or 0, finding.rule)


def lint_document(document: Document, *, level: str | None = None, year: int | None = None,
                  joint: bool | None = None, config: LintConfig | None = None) -> LintResult:
    """Lint a document model.  ``level``/``year``/``joint`` override detection (then the config)."""
    from drafter.lint import registry

    config = config or LintConfig()
    given_level = level or config.level
    given_joint = joint if joint is not None else config.joint
    reading = analyse(document, level=given_level, year=year or config.year, joint=given_joint)
    level_id, level_def, report_year = reading.level, reading.level_def, reading.year
    level_source, joint, tree, items, title = (reading.level_source, reading.joint, reading.outline,
                                               reading.items, reading.title)
    findings = []
    shared_paths: dict = {}          # paragraph index → section, filled once and shared by all rules
    for rule in registry.RULES:
        setting = config.setting(rule)
        if not setting.enabled:
            continue
        ctx = LintContext(document=document, outline=tree, level=level_def, joint=joint, year=report_year,
                          items=items, options=setting.options, title=title, analysis=reading,
                          paths=shared_paths)
        for finding in rule.check(ctx) or ():
            finding.rule = rule.ID
            finding.severity = setting.severity
            findings.append(finding)
    findings.sort(key=_sort_key)
    return LintResult(path=document.path, document=document, level=level_id, joint=bool(joint), year=report_year,
                      title=title, items=items, findings=findings, outline=tree, level_source=level_source,
                      analysis=reading)


def lint_path(path: Path | str, *, level: str | None = None, year: int | None = None, joint: bool | None = None,
              config: LintConfig | None = None) -> LintResult:
    """Read and lint one file; raises :class:`~drafter.errors.InputError` if it cannot be read."""
    from drafter.document.read import read_document
    return lint_document(read_document(path), level=level, year=year, joint=joint, config=config)
