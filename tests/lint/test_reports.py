"""Reporters: text (Chinese, grouped), JSON (the stable interface), SARIF 2.1.0, annotated .docx copy."""

from __future__ import annotations

import hashlib
import json

import docx
import pytest

from drafter.document.text_reader import read_text
from drafter.errors import InputError, OutputError
from drafter.lint import registry
from drafter.lint.runner import LintResult, lint_document, lint_path
from drafter.report import json as json_report
from drafter.report import sarif, text
from drafter.report.annotate import annotate

from .docx_build import build_docx

DRAFT = ("青山县关于2024年法治政府建设情况的报告\n一、2024年主要举措和成效\n全年办理复议案件共\u00a0\u00a0件。\n"
         "二、2025年工作安排\n正文。")
ITEM_KEYS = ["measures", "problems", "leadership", "plan", "other"]


@pytest.fixture
def result():
    return lint_document(read_text(DRAFT, name="青山县.txt"))


@pytest.fixture
def unreadable():
    return LintResult(path="坏文件.docx", error=InputError("文件已损坏", hint="请重新保存"))


def test_json_is_the_documented_interface(result, unreadable):
    data = json.loads(json_report.render([result, unreadable]))
    first, second = data["files"]
    assert {"path", "level", "year", "joint", "items", "findings"} <= set(first)
    assert (first["path"], first["level"], first["year"], first["joint"]) == ("青山县.txt", "county", 2024, False)
    assert first["level_source"] == "detected"                        # from 青山县 in the title
    assert list(first["items"]) == ITEM_KEYS
    for item in first["items"].values():
        assert set(item) == {"status", "heading", "location"}
        assert item["status"] in ("section", "subsection", "body", "missing")
    assert first["items"]["measures"] == {"status": "section", "heading": "一、2024年主要举措和成效", "location": {
        "paragraph": 2, "line": 2, "column": None, "part": "body", "heading_path": ["一、2024年主要举措和成效"],
        "excerpt": "一、2024年主要举措和成效"}}
    assert first["findings"]
    for finding in first["findings"]:
        assert set(finding) == {"rule", "severity", "message", "location", "hint"}
        assert set(finding["location"]) == {"paragraph", "line", "column", "part", "heading_path", "excerpt"}
    assert second["error"] == {"message": "文件已损坏", "hint": "请重新保存", "file": "坏文件.docx", "line": None}
    assert second["findings"] == [] and second["items"] == {}


def test_text_report_is_chinese_and_grouped(result, unreadable):
    out = text.render([result, unreadable])
    lines = out.splitlines()
    assert lines[0] == "青山县.txt"
    assert "层级：县级（county）（依据：标题“青山县”）　年度：2024年" in lines[1]
    assert any(line.startswith("  ① 主要举措和成效") for line in lines)
    assert "无法检查：文件已损坏（请重新保存）" in out
    assert lines[-1].startswith("共检查 2 个文件：错误") and "1 个文件无法检查" in lines[-1]
    first = result.findings[0]
    assert f"[{first.rule}] {first.message}" in out
    assert "\x1b[" not in out and "\x1b[" in text.render([result], colour=True)


def test_sarif_2_1_0(result, unreadable, tmp_path):
    data = json.loads(sarif.render([result, unreadable]))
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.ID for r in registry.RULES]
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    assert len(run["results"]) == len(result.findings)
    for res, finding in zip(run["results"], result.findings):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == finding.rule
        assert res["level"] in ("error", "warning", "note")
        assert len(res["locations"]) == 1
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert not run["invocations"][0]["executionSuccessful"] and "文件已损坏" in notes[0]["message"]["text"]


def test_annotated_copy_has_a_comment_per_finding(tmp_path):
    source = build_docx(tmp_path / "草稿.docx", DRAFT)
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    result = lint_path(source)
    assert result.findings
    out = tmp_path / "草稿-批注.docx"
    count = annotate(result, out)
    assert count == len(result.findings)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before          # original untouched
    comments = list(docx.Document(out).comments)
    assert len(comments) == count
    assert all(c.author == "drafter 检查" for c in comments)
    placeholder = next(f for f in result.findings if f.rule == "blank-placeholder")
    body = docx.Document(out).element.body
    anchored = [p for p in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")
                if p.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}commentRangeStart")
                is not None]
    assert any("复议案件" in "".join(p.itertext()) for p in anchored), placeholder


def test_annotate_refuses_text_and_overwriting(tmp_path):
    source = build_docx(tmp_path / "草稿.docx", DRAFT)
    result = lint_path(source)
    with pytest.raises(OutputError):
        annotate(result, source)
    text_result = lint_document(read_text(DRAFT, name=str(tmp_path / "草稿.txt")))
    with pytest.raises(InputError):
        annotate(text_result, tmp_path / "x.docx")


def test_annotation_lands_in_its_table_cell(tmp_path):
    from .docx_build import add_table
    source = build_docx(tmp_path / "表格.docx", "青山县关于2024年法治政府建设情况的报告\n一、2024年主要举措和成效\n正文。")
    document = docx.Document(source)
    add_table(document, [["项目", "数量"], ["复议案件", "XX件"]])
    document.save(source)
    result = lint_path(source)
    in_table = [f for f in result.findings if f.location.part == "table"]
    assert in_table and in_table[0].location.excerpt == "XX件"
    annotate(result, tmp_path / "out.docx")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    cells = [tc for tc in docx.Document(tmp_path / "out.docx").element.body.iter(w + "tc")
             if tc.find(f".//{w}commentRangeStart") is not None]
    assert [tc.find(f".//{w}t").text for tc in cells] == ["XX件"]


def test_annotation_is_anchored_on_the_run_with_the_problem(tmp_path):
    source = build_docx(tmp_path / "草稿.docx", "青山县关于2024年法治政府建设情况的报告\n一、2024年主要举措和成效\n正文。")
    document = docx.Document(source)
    paragraph = document.add_paragraph("全年办理复议案件")
    paragraph.add_run("共\u00a0\u00a0件")
    paragraph.add_run("，均已审结。")
    document.save(source)
    result = lint_path(source)
    finding = next(f for f in result.findings if f.rule == "blank-placeholder")
    assert finding.location.column is not None
    annotate(result, tmp_path / "out.docx")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    p = next(p for p in docx.Document(tmp_path / "out.docx").element.body.iter(w + "p")
             if "复议案件" in "".join(t.text for t in p.iter(w + "t")))
    children = list(p)
    start = next(i for i, c in enumerate(children) if c.tag == w + "commentRangeStart")
    end = next(i for i, c in enumerate(children) if c.tag == w + "commentRangeEnd")
    marked = "".join(t.text for c in children[start + 1:end] for t in c.iter(w + "t"))
    assert marked == "共\u00a0\u00a0件"
