"""Build real .docx drafts (python-docx, via tests/lint/docx_build.py) and lint them."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Mm, Pt

from drafter.document.docx_reader import read_docx
from drafter.lint.runner import lint_document

from ..docx_build import build_docx

CLEAN = Path(__file__).resolve().parents[1] / "corpus" / "clean" / "county_joint_2024.txt"


def clean_text() -> str:
    return CLEAN.read_text(encoding="utf-8")


def build(tmp_path: Path, text: str | None = None, name: str = "draft.docx", **kwargs) -> Path:
    return build_docx(tmp_path / name, clean_text() if text is None else text, **kwargs)


def edit(path: Path, change) -> Path:
    """Open the .docx with python-docx, apply ``change(document)``, save it again."""
    document = docx.Document(str(path))
    change(document)
    document.save(str(path))
    return path


def rule_findings(path: Path, rule_id: str):
    return [f for f in lint_document(read_docx(path)).findings if f.rule == rule_id]


def word_margins(document) -> None:
    """Word's default margins (2.54 / 3.18 cm) on Letter paper."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(215.9), Mm(279.4)
        section.top_margin = section.bottom_margin = Mm(25.4)
        section.left_margin = section.right_margin = Mm(31.8)


def body_size(document, points: float) -> None:
    document.styles["Normal"].font.size = Pt(points)
