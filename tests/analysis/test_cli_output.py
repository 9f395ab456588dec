"""What users see of the reading: the deciding cue in the text report, the evidence in JSON."""

import json

from ..conftest import seed_path


def test_seed_001_json_has_county_evidence(run_cli, seeds_dir):
    run = run_cli("lint", seed_path("001"), "--format", "json")
    data = json.loads(run.out)["files"][0]
    assert data["level"] == "county" and data["level_source"] == "detected" and data["issuer"] == "金东区"
    assert data["level_evidence"][0]["cue"] == "opening" and data["level_evidence"][0]["division"] == "金东区"
    assert any(e["cue"] == "portal" and e["level"] == "department" for e in data["level_evidence"])
    assert data["year"] == 2021 and data["year_source"] == "opening"


def test_text_report_names_the_cue_or_says_the_level_was_assumed(run_cli, tmp_path):
    draft = tmp_path / "无线索.txt"
    draft.write_text("一、主要举措和成效\n加强组织领导，完善工作机制。\n", encoding="utf-8")
    run = run_cli("lint", draft)
    assert "假定为此层级" in run.out
    draft = tmp_path / "桂林.txt"
    draft.write_text("桂林市人民政府关于2023年法治政府建设情况的报告\n2023年，桂林市坚持依法行政。\n", encoding="utf-8")
    run = run_cli("lint", draft)
    assert "层级：设区的市（city）（依据：标题“桂林市人民政府”，桂林市为地级行政区划）" in run.out, run.out
