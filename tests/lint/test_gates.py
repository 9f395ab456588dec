"""Corpus gates (``_helpers.Corpus.hits(..., gate=…)``) only skip work: findings are the same without them.

The drafts: the seeds, the lint corpus, every injected defect (each makes a rule fire) and texts
built to put matches at paragraph edges, where a gate's window ends.
"""

from __future__ import annotations

import pytest

from drafter.document.text_reader import read_text
from drafter.lint.rules import _helpers
from drafter.lint.runner import lint_document

from tests.conftest import ROOT

from .test_injected_defects import CASES, CLEAN

EDGES = "\n".join([
    "关于2024年法治政府建设情况的报告",
    "一是加强领导二是完善制度三是一是重复",
    "共\u3000\u3000件",
    "全年办理 件。受理\u00a0\u00a0起",
    "完成  项",
    "成交额12.5余万元",
    "一是",
    "二是推进三是落实，一是再次",
    "培训\t\t人次",
])


def _drafts(seeds_dir) -> list[str]:
    texts = [CLEAN, EDGES, EDGES.replace("\n", "。\n")]
    texts += [case[1](CLEAN) for case in CASES]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "lint" / "corpus").rglob("*.txt"))]
    if seeds_dir is not None:
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    return texts


def _findings(text: str) -> list:
    result = lint_document(read_text(text, "draft.txt"))
    return [(f.rule, f.severity, f.message, f.hint, f.location.index, f.location.column, f.location.excerpt)
            for f in result.findings]


@pytest.fixture
def seeds_or_none(request):
    try:
        return request.getfixturevalue("seeds_dir")
    except pytest.skip.Exception:
        return None


def test_gated_and_full_scans_find_the_same(seeds_or_none, monkeypatch):
    drafts = _drafts(seeds_or_none)
    gated = [_findings(text) for text in drafts]
    monkeypatch.setattr(_helpers, "GATES", False)
    assert [_findings(text) for text in drafts] == gated
    rules = {rule for findings in gated for rule, *_ in findings}
    assert {"blank-placeholder", "runin-reuse", "approximation"} <= rules      # the gated rules did fire
