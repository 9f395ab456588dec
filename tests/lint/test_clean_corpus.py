"""Precision: correct report texts (tests/lint/corpus/clean/) must stay free of findings.

The corpus covers all five items with standard and varied headings, joint,
single and department reports, several levels and years, exhaustive and
subset lists, rates, key document names and allowed proper names (法制审核).
Add a text here whenever a rule cried wolf on a correct report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.document.docx_reader import read_docx
from drafter.document.text_reader import read_text_file
from drafter.lint.context import SECTION
from drafter.lint.runner import lint_document

from .docx_build import build_docx

CLEAN = sorted((Path(__file__).parent / "corpus" / "clean").glob("*.txt"))


def _show(findings) -> list:
    return [(f.rule, f.location.line or f.location.index, f.message) for f in findings]


def test_corpus_is_not_empty():
    assert len(CLEAN) >= 4


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_text_has_no_findings(path):
    result = lint_document(read_text_file(path))
    assert _show(result.findings) == []
    assert {key: status.status for key, status in result.items.items()} == dict.fromkeys(result.items, SECTION)


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
@pytest.mark.parametrize("auto_numbering,style_names", [(True, "Heading {n}"), (False, "标题 {n}")],
                         ids=["auto-numbered", "typed-numbers-wps-styles"])
def test_docx_has_no_findings(path, auto_numbering, style_names, tmp_path):
    docx = build_docx(tmp_path / f"{path.stem}.docx", path.read_text(encoding="utf-8"),
                      auto_numbering=auto_numbering, style_names=style_names)
    assert _show(lint_document(read_docx(docx)).findings) == []
