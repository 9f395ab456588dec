"""Helpers shared by the importer tests: outline of a data file, filling the gaps an import leaves."""

from __future__ import annotations

import datetime as dt

from drafter.data.validate import TODO_MARK
from drafter.text import paragraphs

ITEM_KEYS = ("measures", "problems", "leadership", "plan", "other")


def outline_of(node) -> list:
    """(title, paragraphs, cause paragraphs, children) of every section below ``node``, recursively."""
    out = []
    for child in (node.get("areas") or []) + (node.get("items") or []):
        out.append((child.get("title"), paragraphs(child.get("text")), paragraphs(child.get("cause")),
                    outline_of(child)))
    return out


def sections_of(data: dict) -> dict:
    """What the comparison of a round trip looks at: intro, and per item its title, text and sections."""
    result = {"intro": paragraphs(data.get("intro"))}
    for key in ITEM_KEYS:
        item = data.get(key) or {}
        result[key] = (item.get("title"), paragraphs(item.get("text")), outline_of(item))
    return result


def todo_fields(result) -> set:
    """Top-level keys (``meta.x`` for metadata) of the errors that report a TODO mark or an empty required field."""
    found = set()
    for d in result.errors:
        field = d.field or ""
        top = field.split(".")[0].split("[")[0]
        found.add(".".join(field.split(".")[:2]).split("[")[0] if top == "meta" else top)
    return found


def fill_gaps(value, year: int, _count=None):
    """Replace every TODO mark the way a user would (the example after “如：”, else a distinct sentence)."""
    count = _count if _count is not None else [0]
    if isinstance(value, dict):
        out = {k: fill_gaps(v, year, count) for k, v in value.items()}
        if "date" in out and out["date"] is None:
            out["date"] = dt.date(year + 1, 2, 20)
        return out
    if isinstance(value, list):
        return [fill_gaps(v, year, count) for v in value]
    if isinstance(value, str) and TODO_MARK in value:
        if "如：" in value:
            return value.split("如：", 1)[1].replace("××", "青山")   # the user writes the real name
        count[0] += 1
        return f"补写的第{count[0]}处内容。"
    return value
