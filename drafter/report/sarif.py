"""SARIF 2.1.0: one result per location, rule metadata from the rule modules' docstrings.

For a .docx there are no lines: ``region.startLine`` is the paragraph number
(1-based, as GitHub requires ``startLine >= 1``), and the heading path and
excerpt go into ``logicalLocations`` and ``properties``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from drafter import __version__
from drafter.lint.finding import ERROR, INFO, WARNING
from drafter.report import json_text, rule_doc

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {ERROR: "error", WARNING: "warning", INFO: "note"}


@lru_cache(maxsize=4)
def _docs_uri(name: str = "lint-rules.md") -> str | None:
    """file: URI of a page of docs/: shipped in the wheel (drafter/docs) or in a source checkout."""
    here = Path(__file__).resolve().parents[1]
    for candidate in (here / "docs" / name, here.parent / "docs" / name):
        if candidate.is_file():
            return candidate.as_uri()
    return None


def rule_name(rule_id: str) -> str:
    """A unique name for a rule id, different from the id (SARIF1001): heading-form → HeadingForm,
    fonts → FontsCheck."""
    name = "".join(part.capitalize() for part in rule_id.split("-"))
    return name + "Check" if name.lower() == rule_id.lower() else name


def _rules() -> list:
    from drafter.lint import registry
    out = []
    docs = _docs_uri()
    for rule in registry.RULES:
        summary, doc = rule_doc(rule)
        entry = {"id": rule.ID, "name": rule_name(rule.ID),
                 "shortDescription": {"text": getattr(rule, "TITLE", summary)},
                 "fullDescription": {"text": summary},
                 "help": {"text": doc or rule.TITLE,
                          "markdown": f"**{rule.ID}：{rule.TITLE}**\n\n{doc or rule.TITLE}"
                                      + (f"\n\n[规则说明]({docs}#{rule.ID})" if docs else "")},
                 "defaultConfiguration": {"level": LEVELS[rule.DEFAULT_SEVERITY]},
                 "properties": {"code": getattr(rule, "CODE", None)}}
        if docs:
            entry["helpUri"] = f"{docs}#{rule.ID}"
        out.append(entry)
    return out


def _uri(path: str) -> str:
    """A percent-encoded URI reference: relative to the working folder where possible (SARIF1002)."""
    p = Path(path)
    try:
        return quote(p.resolve().relative_to(Path.cwd().resolve()).as_posix(), safe="/")
    except ValueError:
        return p.resolve().as_uri()


def _result(path: str, finding, index: dict) -> dict:
    loc = finding.location
    region = {"startLine": loc.line or (loc.index + 1 if loc.index is not None else 1)}
    if loc.column:
        region["startColumn"] = loc.column
    if loc.excerpt:
        region["snippet"] = {"text": loc.excerpt}
    location = {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}
    if loc.heading_path:
        location["logicalLocations"] = [{"fullyQualifiedName": "→".join(loc.heading_path), "kind": "section"}]
    text = finding.message + (f"（修改建议：{finding.hint}）" if finding.hint else "")
    result = {"ruleId": finding.rule, "level": LEVELS[finding.severity], "message": {"text": text},
              "locations": [location],
              "properties": {"paragraph": None if loc.index is None else loc.index + 1, "part": loc.part}}
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    return result


def render(results) -> str:
    rules = _rules()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    driver = {"name": "drafter", "version": __version__, "semanticVersion": __version__, "rules": rules}
    if _docs_uri("lint.md"):
        driver["informationUri"] = _docs_uri("lint.md")
    run = {"tool": {"driver": driver},
           "results": [_result(r.path, f, index) for r in results if r.error is None for f in r.findings],
           "artifacts": [{"location": {"uri": _uri(r.path)}} for r in results],
           "columnKind": "unicodeCodePoints"}
    failures = [r for r in results if r.error is not None]
    run["invocations"] = [{"executionSuccessful": not failures, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": r.error.message + (f"（{r.error.hint}）" if r.error.hint else "")},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}]} for r in failures]}]
    return json_text({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]})
