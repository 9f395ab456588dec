"""``--next-year``: last year's report becomes this year's data file with prompts."""

from __future__ import annotations

import yaml

from drafter.data.validate import TODO_MARK, validate_file
from drafter.data.writer import dump
from drafter.importer import import_file
from tests.conftest import EXAMPLES, seed_path
from tests.importer.helpers import fill_gaps, todo_fields


def test_next_year_from_seed_004(tmp_path):
    last = import_file(seed_path("004"))
    new = import_file(seed_path("004"), next_year=True)
    meta = new.data["meta"]
    assert meta["year"] == 2024 and meta["date"] is None
    assert (meta["body"], meta["party_body"], meta["joint"], meta["level"]) == \
        ("鞍山市人民政府", "中共鞍山市委", True, "city")
    assert "doc_number" not in meta                       # last year's number must not be reused
    assert meta["title"] == "中共鞍山市委 鞍山市人民政府 关于2024年鞍山市法治政府建设情况的报告"
    assert new.data["plan"]["year"] == 2025

    # last year's plan items are this year's areas, with the plan text kept as a prompt
    plan_titles = [p["title"] for p in last.data["plan"]["items"]]
    areas = new.data["measures"]["areas"]
    assert [a["title"] for a in areas[:len(plan_titles)]] == plan_titles
    assert all(a["text"].startswith(TODO_MARK) for a in areas)
    assert {"institutions", "enforcement", "disputes"} <= {a["kind"] for a in areas}   # city's required areas
    text = new.yaml()
    for item in last.data["plan"]["items"]:
        assert f"# 去年安排：{item['title']}" in text
    # last year's problems are prompts for what was fixed
    for problem in last.data["problems"]["items"]:
        assert f"# 去年的不足：{problem['title']}" in text
    assert len(new.data["problems"]["items"]) == len(last.data["problems"]["items"])

    target = tmp_path / "2024.yaml"
    target.write_text(text, encoding="utf-8")
    result = validate_file(target)
    assert todo_fields(result) == {"meta.date", "meta.recipients", "intro", "measures", "problems",
                                   "leadership", "plan", "other"}
    assert all(TODO_MARK in d.message or d.field == "meta.date" for d in result.errors)

    filled = tmp_path / "filled.yaml"
    filled.write_text(dump(fill_gaps(yaml.safe_load(text), 2024)), encoding="utf-8")
    assert validate_file(filled).errors == []


def test_next_year_from_a_rendered_example(tmp_path, run_cli):
    example = EXAMPLES / "anshan-2023.yaml"
    docx = tmp_path / "2023.docx"
    assert run_cli("render", example, "-o", docx).code == 0
    out = tmp_path / "2024.yaml"
    run = run_cli("import", docx, "-o", out, "--next-year")
    assert run.code == 0, run.err
    assert "2024年" in run.out
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["meta"]["year"] == 2024 and data["plan"]["year"] == 2025
    assert data["meta"]["date"] is None                     # docs/import.md: this year's 成文日期 is left empty
    assert "原文缺失，请补充：2024年报告的成文日期" in out.read_text(encoding="utf-8")
    assert "去年的成文日期为 2024-02-26" in out.read_text(encoding="utf-8")
    assert data["meta"]["recipients"] == ["中共辽宁省委", "辽宁省人民政府"]
    assert [a["title"] for a in data["measures"]["areas"][:5]] == [
        "营造良好法治环境", "提高行政立法质量", "坚持科学民主依法决策", "完善司法保障机制", "深入开展示范创建"]
    assert "issue_date" not in data["meta"] and "doc_number" not in data["meta"]
