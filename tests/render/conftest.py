"""Fixtures for rendering tests: every example rendered once, and small data files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.data.loader import load_text
from drafter.data.validate import validate_file, validate_loaded
from drafter.render.render import render_report
from tests.conftest import example_files
from tests.data.valid_report import VALID


@pytest.fixture(scope="session")
def rendered_examples(tmp_path_factory) -> dict:
    """example name → (validated document, rendered .docx path)."""
    out = tmp_path_factory.mktemp("examples")
    result = {}
    for path in example_files():
        validated = validate_file(path)
        assert validated.ok(False), [d.format() for d in validated.errors]
        target = out / (path.stem + ".docx")
        render_report(validated.document, target, source=str(path))
        result[path.stem] = (validated.document, target)
    if not result:
        pytest.skip("examples/ 中还没有示例数据文件")
    return result


def data_file(folder: Path, name: str = "report.yaml", **changes) -> Path:
    """The shared valid report with top-level sections or meta fields replaced; written to ``folder``."""
    data = yaml.safe_load(VALID)
    for key, value in changes.items():
        if key in data:
            data[key] = value
        else:
            data["meta"][key] = value
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def report_document(**changes) -> dict:
    """The shared valid report, changed as given, validated and normalised (defaults filled)."""
    data = yaml.safe_load(VALID)
    for key, value in changes.items():
        (data if key in data else data["meta"])[key] = value
    result = validate_loaded(load_text(yaml.safe_dump(data, allow_unicode=True), "report.yaml"))
    assert not result.errors, [d.format() for d in result.errors]
    return result.document
