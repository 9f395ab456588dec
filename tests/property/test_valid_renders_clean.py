"""Property: a data file that validates renders to a report that lints clean.

A seeded generator makes many varied data files from the examples: fields dropped, reordered,
retitled, renamed, moved to another year, and seeded with the slips real drafts contain
(placeholders, blank numbers, other years, typed heading numbers, another unit's title).
For each one that validate accepts, the rendered .docx is linted:

- no validation error  → lint finds no error;
- no validation error or warning → lint finds no error and no warning.
"""

from __future__ import annotations

import copy
import datetime as dt
import random

import pytest
import yaml

from drafter.data.loader import load_text
from drafter.data.validate import validate_loaded
from drafter.lint.finding import ERROR, WARNING
from drafter.lint.runner import lint_path
from drafter.render.render import render_report
from tests.conftest import example_files

SEED = 20240229
COUNT = 60
OTHER_UNITS = ["彬州市人民政府", "白水县人民政府", "中共白水县委"]
# What drafts really contain (one per lint content rule): a half-width comma, web junk, vague time,
# traditional characters, a request, a contradictory approximation, a miswritten document name, 法制.
SLIPS = ["全年,共完成", "扫一扫手机查看当前页面", "截至目前，", "依法行政工作紮實推進，", "恳请上级给予支持。",
         "挽回经济损失近200余万元。", "《法治政府建设实施纲要（2021-2025年）》", "加强法制宣传。", "同比下降12%。",
         "一是加强学习，一是强化培训。"]


def _texts(node, path=()):
    """(container, key) of every text field (long strings) in a document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("text", "intro", "cause") and isinstance(value, str):
                yield node, key
            else:
                yield from _texts(value, path + (key,))
    elif isinstance(node, list):
        for child in node:
            yield from _texts(child, path)


def _titles(data):
    for key in ("measures", "problems", "plan", "leadership", "other"):
        section = data.get(key) or {}
        for child in section.get("areas", []) + section.get("items", []):
            if isinstance(child, dict) and isinstance(child.get("title"), str):
                yield child


def _insert(rng, node, key, words):
    text = node[key]
    cut = rng.randrange(len(text) + 1)
    node[key] = text[:cut] + words + text[cut:]


def mutate(rng: random.Random, data: dict) -> dict:
    data = copy.deepcopy(data)
    meta = data["meta"]
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(["placeholder", "blank", "intro_year", "heading_number", "title_organ",
                         "retitle", "drop_optional", "shuffle_areas", "shift_year", "red_header",
                         "body_placeholder", "own_title", "drop_area_text", "slip", "slip", "slip",
                         "duplicate_text", "attachments"])
        texts = list(_texts(data))
        titles = list(_titles(data))
        if op == "placeholder" and texts:
            _insert(rng, *rng.choice(texts), rng.choice(["××", "XX", "某某", "*"]))
        elif op == "blank" and texts:
            _insert(rng, *rng.choice(texts), f"，共{rng.choice([' ', '  ', '　'])}件")
        elif op == "intro_year":
            data["intro"] = f"{meta['year'] + rng.choice([-2, -1, 1])}年，" + data["intro"]
        elif op == "heading_number" and titles:
            node = rng.choice(titles)
            node["title"] = rng.choice(["（一）", "1.", "一、", "(二)", "（1）"]) + node["title"]
        elif op == "title_organ":
            meta["title"] = f"{rng.choice(OTHER_UNITS)}关于{meta['year']}年法治政府建设情况的报告"
        elif op == "own_title":
            meta["title"] = f"{meta['body']}关于{meta['year']}年法治政府建设情况的报告"
        elif op == "retitle" and titles:
            rng.choice(titles)["title"] = rng.choice(["加强组织领导", "深化“放管服”改革", "推进严格规范公正文明执法"])
        elif op == "drop_optional":
            for key in rng.sample(["doc_number", "signer", "cc", "issuer", "issue_date", "contact", "cover_letter",
                                   "title", "attachments"], 3):
                meta.pop(key, None)
        elif op == "shuffle_areas":
            rng.shuffle(data["measures"]["areas"])
        elif op == "shift_year":
            delta = rng.choice([-1, 1])
            meta["year"] += delta
            for key in ("date", "issue_date"):
                if isinstance(meta.get(key), dt.date):
                    meta[key] = meta[key].replace(year=meta[key].year + delta)
            if isinstance(data.get("plan", {}).get("year"), int):
                data["plan"]["year"] += delta
        elif op == "red_header":
            meta["red_header"] = not meta.get("red_header", False)
        elif op == "body_placeholder":
            meta["body"] = "××" + meta["body"][2:]
        elif op == "slip" and texts:
            _insert(rng, *rng.choice(texts), rng.choice(SLIPS))
        elif op == "duplicate_text" and len(texts) > 1:
            (a, ka), (b, kb) = rng.sample(texts, 2)
            b[kb] = a[ka]
        elif op == "attachments":
            meta["attachments"] = rng.sample(["行政执法数据统计表", "重点任务完成情况一览表", "行政复议案件统计表",
                                              "普法责任清单"], rng.randint(1, 4))
        elif op == "drop_area_text":
            area = rng.choice(data["measures"]["areas"])
            if area.get("items"):
                area.pop("text", None)
    return data


def _variants():
    rng = random.Random(SEED)
    sources = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in example_files()]
    return [(i, mutate(rng, sources[i % len(sources)])) for i in range(COUNT)] if sources else []


@pytest.mark.parametrize("index,data", _variants(), ids=lambda v: str(v) if isinstance(v, int) else "")
def test_valid_file_renders_to_a_clean_report(index, data, tmp_path):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    result = validate_loaded(load_text(text, f"variant-{index}.yaml"))
    if result.errors:
        return                                     # validate refused it: nothing to promise
    target = tmp_path / "report.docx"
    render_report(result.document, target, source=f"variant-{index}.yaml")
    linted = lint_path(target)
    findings = [f for f in linted.findings if f.severity in (ERROR, WARNING)]
    shown = [f"{f.severity} [{f.rule}] {f.message}" for f in findings]
    assert not [f for f in findings if f.severity == ERROR], (shown, [d.format() for d in result.diagnostics])
    if not result.warnings:
        assert not findings, shown


def test_the_generator_exercises_both_outcomes():
    """Some variants validate and some are refused, so the property is tested on both sides."""
    outcomes = set()
    for index, data in _variants():
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        result = validate_loaded(load_text(text, f"variant-{index}.yaml"))
        outcomes.add("error" if result.errors else "warning" if result.warnings else "clean")
        if len(outcomes) == 3:
            break                                  # all three seen: the rest cannot change the answer
    assert outcomes == {"error", "warning", "clean"}
