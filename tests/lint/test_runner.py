"""The runner: outline, items, rules with configured severities, sorted findings; seeds end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.document.docx_reader import read_docx
from drafter.document.text_reader import read_text, read_text_file
from drafter.lint import registry
from drafter.lint.config import LintConfig, parse_config
from drafter.lint.finding import SEVERITIES
from drafter.lint.runner import lint_document, lint_path

from ..conftest import seed_path, seed_files
from .docx_build import build_docx

CORPUS = Path(__file__).parent / "corpus"
NO_PROBLEMS = "一、2024年主要举措和成效\n正文。\n二、2025年工作安排\n正文。"


def _check_result(result):
    ids = {rule.ID for rule in registry.RULES}
    keys = []
    for finding in result.findings:
        assert finding.rule in ids and finding.severity in SEVERITIES
        assert finding.message and finding.location is not None
        loc = finding.location
        if loc.index is not None:
            assert 0 <= loc.index < len(result.document.paragraphs)
        keys.append((-1 if loc.index is None else loc.index, loc.line or 0, loc.column or 0))
    assert keys == sorted(keys)


def test_registry_contract():
    assert len(registry.RULES) >= 20
    ids = [rule.ID for rule in registry.RULES]
    assert len(ids) == len(set(ids))
    for rule in registry.RULES:
        assert rule.DEFAULT_SEVERITY in SEVERITIES and rule.TITLE and rule.__doc__ and callable(rule.check)
        assert registry.get(rule.ID) is rule


def test_level_and_year_are_detected_or_given():
    document = read_text("中共青山县委 青山县人民政府关于2024年法治政府建设情况的报告\n" + NO_PROBLEMS)
    result = lint_document(document)
    assert (result.level, result.joint, result.year) == ("county", True, 2024)
    assert result.level_source == "detected"
    result = lint_document(document, level="department", year=2023)
    assert (result.level, result.joint, result.year) == ("department", False, 2023)  # departments never joint
    assert result.level_source == "given"
    guessed = lint_document(read_text(NO_PROBLEMS))
    assert (guessed.level, guessed.level_source) == ("county", "default")
    assert set(result.items) == {"measures", "problems", "leadership", "plan", "other"}


def test_config_sets_level_year_and_severities():
    document = read_text(NO_PROBLEMS)
    plain = lint_document(document, level="county", year=2024)
    missing = [f for f in plain.findings if f.rule == "missing-item"]
    assert missing and all(f.severity == "error" for f in missing)
    lowered = lint_document(document, config=parse_config({"level": "township", "year": 2024,
                                                           "rules": {"missing-item": "info"}}))
    assert lowered.level == "township" and lowered.year == 2024
    assert {f.severity for f in lowered.findings if f.rule == "missing-item"} == {"info"}
    off = lint_document(document, level="county", year=2024, config=parse_config({"rules": {"missing-item": False}}))
    assert not [f for f in off.findings if f.rule == "missing-item"]
    assert len(off.findings) == len(plain.findings) - len(missing)


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_every_seed_lints_without_crashing(kind, seeds_dir, tmp_path):
    for path in seed_files():
        if kind == "docx":
            path = build_docx(tmp_path / (path.stem + ".docx"), path.read_text("utf-8"))
        result = lint_path(path)
        _check_result(result)
        assert result.findings, f"{path.name}: real reports all have defects"


def test_seed_findings_point_at_real_text(seeds_dir):
    result = lint_path(seed_path("001"))
    problems = [f for f in result.findings if f.rule == "missing-item"]
    assert len(problems) == 1 and "不足" in problems[0].message     # 001 has no problems section


def test_correct_reports_have_no_findings():
    for path in sorted(CORPUS.glob("*.txt")):
        result = lint_document(read_text_file(path))
        assert [(f.rule, f.message, f.location.describe()) for f in result.findings] == [], path.name


def test_correct_report_as_docx_has_no_errors(tmp_path):
    for path in sorted(CORPUS.glob("*.txt")):
        docx_path = build_docx(tmp_path / (path.stem + ".docx"), path.read_text("utf-8"))
        result = lint_document(read_docx(docx_path))
        assert [(f.rule, f.message) for f in result.findings if f.severity == "error"] == [], path.name


def test_default_config_is_empty():
    config = LintConfig()
    rule = registry.RULES[0]
    setting = config.setting(rule)
    assert setting.enabled and setting.severity == rule.DEFAULT_SEVERITY


def test_every_rendered_example_lints_without_errors(tmp_path):
    """Reports drafter renders from examples/ are recognised exactly and have zero errors."""
    from drafter.data.validate import validate_file
    from drafter.render.render import render_report

    from ..conftest import example_files
    examples = example_files()
    if not examples:
        pytest.skip("examples/ 中还没有示例数据文件")
    for path in examples:
        validated = validate_file(path)
        target = tmp_path / (path.stem + ".docx")
        render_report(validated.document, target, source=str(path))
        meta = validated.document["meta"]
        result = lint_path(target)
        assert (result.level, result.joint, result.year) == (meta["level"], bool(meta.get("joint")), meta["year"])
        assert {k: s.status for k, s in result.items.items()} == dict.fromkeys(result.items, "section"), path.name
        assert [(f.rule, f.message) for f in result.findings if f.severity == "error"] == [], path.name
