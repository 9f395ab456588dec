"""Import from plain text: each example written out as a .txt report (the renderer's own headings
and paragraphs, no tables) imports back to the same sections, headings and paragraphs."""

from __future__ import annotations

import pytest
import yaml

from drafter.data.validate import validate_file
from drafter.importer import import_file, split_cause, split_runin, stats_in_text, title_and_rest
from drafter.render.context import build_context
from tests.conftest import EXAMPLES, example_files
from tests.importer.helpers import sections_of


def text_rendition(example) -> str:
    """Title, 主送, body (numbered headings, paragraphs; tables left out), signature, date."""
    context, _ = build_context(validate_file(example).document)
    lines = [context["title"], context["recipients"]]
    lines += [block["number"] + block["text"] for block in context["body"] if block["kind"] != "table"]
    lines += context["signature"] + [context["date"]]
    return "\n\n".join(lines) + "\n"


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
def test_text_rendition_imports_back(example, tmp_path):
    source = tmp_path / "report.txt"
    source.write_text(text_rendition(example), encoding="utf-8")
    imported = import_file(source)
    target = tmp_path / "imported.yaml"
    target.write_text(imported.yaml(), encoding="utf-8")
    result = validate_file(target)
    assert result.errors == [], "\n".join(d.format() for d in result.errors)
    original = yaml.safe_load(example.read_text(encoding="utf-8"))
    again = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert sections_of(again) == sections_of(original)
    for key in ("body", "level", "joint", "party_body", "year", "date", "recipients"):
        assert again["meta"].get(key) == original["meta"].get(key), key


def test_statistics_from_text_only_when_they_add_up(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text(text_rendition(EXAMPLES / "xingping-2020.yaml"), encoding="utf-8")
    imported = import_file(source)
    found = [s for a in imported.data["measures"]["areas"] for i in a.get("items") or [] for s in i.get("stats") or []]
    assert found == [{"name": "清理规范性文件", "unit": "件", "total": 14,
                      "parts": [{"name": "市政府", "value": 12}, {"name": "市政府部门", "value": 2}]}]
    assert "待核对：由正文中的“共……其中……”识别" in imported.yaml()
    # seed 000: “共办理涉诉案件87起,其中18起正在办理中” is no breakdown of the total
    assert stats_in_text("2020年共办理涉诉案件87起,其中18起正在办理中") == []
    assert stats_in_text("共办理复议案件13件，其中维持10件、撤销2件。") == []


def test_runin_problem_and_cause_splitting():
    lead, pieces = split_runin("但仍存在不足：一是普法效果有待提高。群众意识淡薄。二是执法能力不足。由于培训少，"
                               "一是……。三是队伍不稳定。")
    assert lead == "但仍存在不足："
    assert [title_and_rest(p)[0] for p in pieces] == ["普法效果有待提高", "执法能力不足", "队伍不稳定"]
    assert split_cause(["表现一。", "原因：培训不够。"]) == (["表现一。"], ["培训不够。"])
    assert split_cause(["部分人员能力不足。究其原因，主要是培训少。"]) == (["部分人员能力不足。"], ["究其原因，主要是培训少。"])
    assert split_cause(["没有写原委的一段。"]) == (["没有写原委的一段。"], [])
