"""The JSON report: a stable interface read by other tools (documented in docs/lint.md).

``{"files": [{"path", "level", "year", "joint", "items": {key: {"status", "heading",
"location"}}, "findings": [{"rule", "severity", "message", "location", "hint"}]}]}``;
a file that could not be read has ``"error": {"message", "hint"}`` and no items or findings.
"""

from __future__ import annotations


from drafter.levels import ITEM_KEYS
from drafter.report import json_text

VERSION = 1


def file_dict(result) -> dict:
    if result.error is not None:
        return {"path": result.path, "level": None, "level_source": None, "level_evidence": [], "issuer": None,
                "year": None, "year_source": None, "joint": None, "title": None, "date": None, "items": {},
                "findings": [],
                "error": {"message": result.error.message, "hint": result.error.hint,
                          "file": result.error.path or result.path, "line": result.error.line}}
    items = {}
    for key in ITEM_KEYS:
        status = result.items.get(key)
        items[key] = {"status": status.status if status else "missing",
                      "heading": status.heading if status else None,
                      "location": status.location.as_dict() if status and status.location else None}
    analysis = result.analysis
    return {"path": result.path, "level": result.level, "level_source": result.level_source,
            "level_evidence": [e.as_dict() for e in analysis.level_evidence] if analysis else [],
            "issuer": analysis.issuer if analysis else None, "year": result.year,
            "year_source": analysis.year_source if analysis else None,
            "joint": result.joint, "title": result.title,
            "date": analysis.date.isoformat() if analysis and analysis.date else None, "items": items,
            "findings": [f.as_dict() for f in result.findings]}


def render(results) -> str:
    """The JSON text for a list of :class:`~drafter.lint.runner.LintResult`."""
    data = {"version": VERSION, "files": [file_dict(r) for r in results]}
    return json_text(data)
