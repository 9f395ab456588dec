"""One file of a jurisdiction's folder, analysed once: :func:`analyse` → :class:`FileResult`.

This module is the ONE adapter between ``drafter review`` and the reading of a
draft: ``drafter.lint.runner`` gives the findings and the analysis layer's
``Analysis`` (``LintResult.analysis``: level with its evidence, year, title,
issuer, 成文日期, the five items); the importer's recognisers give the
“共N件，其中…” statistics; ``drafter.data.validate`` reads data files.

A :class:`FileResult` holds plain values only, so it crosses process
boundaries (the review runs over a process pool) and serialises to JSON.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_SUFFIXES = (".yaml", ".yml")

# Item status as the workbook shows it (lint statuses section/subsection → heading).
HEADING, BODY_ONLY, MISSING = "heading", "body", "missing"


@dataclass
class FileResult:
    """What review needs from one file; ``error`` (message, hint) is set when it could not be read."""

    path: str
    kind: str = "draft"                   # "draft" or "data" (a .yaml data file)
    error: dict | None = None             # {"message", "hint", "internal"}
    issuer: str | None = None             # the issuing organ as the analysis found it
    issuer_source: str | None = None      # where the issuer was read (Chinese)
    names: list = field(default_factory=list)   # every organ name seen in title / signature lines
    title: str | None = None
    level: str | None = None
    level_evidence: str | None = None     # Chinese: how the level was decided
    joint: bool = False
    year: int | None = None
    date: str | None = None               # 成文日期, ISO
    deadline: str | None = None           # the level's deadline for this year, ISO
    items: dict = field(default_factory=dict)       # item key → HEADING / BODY_ONLY / MISSING
    item_headings: dict = field(default_factory=dict)
    findings: list = field(default_factory=list)    # dicts: rule, severity, message, hint, where, location
    stats: list = field(default_factory=list)       # dicts: name, unit, total?, parts?, origin
    annotated: str | None = None          # path of the annotated copy written, if any
    annotate_note: str | None = None      # why no annotated copy could be written

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f["severity"] == severity)

    @property
    def late(self) -> bool | None:
        if not (self.date and self.deadline):
            return None
        return self.date > self.deadline

    def as_dict(self) -> dict:
        return asdict(self)


def _finding(f) -> dict:
    return {"rule": f.rule, "severity": f.severity, "message": f.message, "hint": f.hint,
            "where": f.location.describe(), "location": f.location.as_dict()}


def _deadline(level_id: str | None, joint: bool, year: int | None) -> str | None:
    from drafter.levels import get_level
    if not level_id or not year:
        return None
    level = get_level(level_id)
    variant = level.variant(joint) or level.variant(False)
    return variant.deadline.date_for(year).isoformat() if variant else None


@lru_cache(maxsize=None)
def _load_config(found: Path):
    from drafter.lint.config import load_config
    return load_config(found)


@lru_cache(maxsize=None)
def _folder_config(folder: Path):
    """The ``.drafter.yaml`` that applies in ``folder`` (looked up once per folder and process)."""
    from drafter.lint.config import LintConfig, find_config
    found = find_config(folder)
    return _load_config(found) if found is not None else LintConfig()


def _config(path: Path):
    """The ``.drafter.yaml`` that lint would use for ``path`` (each one read once per process)."""
    return _folder_config(Path(path).resolve().parent)


def analyse(path: Path | str, *, annotate_to: Path | str | None = None, level: str | None = None,
            converted: Path | str | None = None) -> FileResult:
    """Analyse one file; never raises for a bad file (the reason goes into ``error``).

    ``level`` is the level the roster gives for the file's unit: the draft is then checked as
    that level (a department's report against the department rules) whatever was detected.
    ``converted`` is the LibreOffice conversion of a .doc/.wps draft, made beforehand in a batch.
    """
    from drafter.errors import DrafterError

    path = Path(path)
    try:
        if path.suffix.lower() in DATA_SUFFIXES:
            return _data(path)
        return _draft(path, annotate_to, level, converted)
    except DrafterError as exc:
        return FileResult(path=str(path), error={"message": exc.message, "hint": exc.hint or "", "internal": False})
    except Exception as exc:  # a bug must not stop the whole review; the file is listed as unreadable
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        return FileResult(path=str(path), error={
            "message": f"程序内部错误（{exc.__class__.__name__}: {exc}），本文件未能检查完",
            "hint": "请把这条信息和该文件发给维护人员；其他文件的结果不受影响", "internal": True})


def _draft(path: Path, annotate_to, level: str | None, converted) -> FileResult:
    """A draft: lint it (level, year, title, items, findings), then read its issuer, date and statistics."""
    from drafter.document.read import read_converted, read_document
    from drafter.lint.context import BODY, MISSING as LINT_MISSING
    from drafter.lint.runner import lint_document

    document = read_converted(path, converted) if converted else read_document(path)
    lint = lint_document(document, level=level, config=_config(path))
    evidence = {"given": "按报送单位名单中的层级" if level else "按配置文件指定",
                "detected": "按标题、落款或主送机关中的名称识别",
                "default": "未能从标题和落款识别层级，按县级处理"}.get(lint.level_source)
    result = FileResult(path=str(path), title=lint.title, level=lint.level, level_evidence=evidence, joint=lint.joint,
                        year=lint.year, findings=[_finding(f) for f in lint.findings])
    for key, status in lint.items.items():
        result.items[key] = (MISSING if status.status == LINT_MISSING else BODY_ONLY if status.status == BODY
                             else HEADING)
        result.item_headings[key] = status.heading
    analysis = lint.analysis                          # the one reading of the draft (drafter.analysis)
    result.issuer = analysis.issuer
    result.issuer_source = "标题或落款" if analysis.issuer else None
    result.names = list(dict.fromkeys(n for n in [analysis.issuer, analysis.party_issuer, *analysis.signature] if n))
    result.date = analysis.date.isoformat() if analysis.date else None
    if lint.level_source == "detected" and analysis.level_evidence:
        from drafter.report.text import evidence_zh
        result.level_evidence = f"按{evidence_zh(analysis.level_evidence[0])}识别"
    result.deadline = _deadline(result.level, result.joint, result.year)
    result.stats = _stats(document, lint)
    if annotate_to is not None and lint.findings:
        if document.kind == "docx" and path.suffix.lower() in (".docx", ".docm"):
            from drafter.errors import DrafterError
            from drafter.report.annotate import annotate
            try:
                annotate(lint, annotate_to)
                result.annotated = str(annotate_to)
            except DrafterError as exc:         # the review of the file stands; only the copy is missing
                result.annotate_note = exc.message
        else:
            result.annotate_note = f"{path.suffix} 文件不能加批注，请对方另存为 .docx 后再审查"
    return result


def _placeholder(text: str) -> bool:
    from drafter.data.validate import TODO_MARK
    return text.startswith(TODO_MARK)


def _stats(document, lint) -> list:
    """Statistics the importer recognises: drafter's own statistics tables when the draft has them, else the
    “共N件，其中甲a件、乙b件” sentences whose parts add up, outside the problems and plan sections."""
    from drafter.importer.text import STAT_CAPTION, stat_from_table, stats_in_text

    tables: dict = {}
    for p in document.body():
        if p.part == "table" and p.table_cell is not None:
            tables.setdefault(p.table_cell[0], []).append(p)
    found = [dict(s, origin="table") for cells in tables.values()
             if any(STAT_CAPTION.match(c.text.strip()) for c in cells) and (s := stat_from_table(cells))]
    if found:
        return found
    skip = set()
    for key in ("problems", "plan"):
        status = lint.items.get(key)
        if status is not None and status.section is not None:
            node = status.section
            skip |= {id(p) for n in node.walk() for p in n.paragraphs}
    return [dict(s, origin="text") for p in document.body()
            if p.part == "body" and id(p) not in skip for s in stats_in_text(p.text)]


def _data(path: Path) -> FileResult:
    """A data file: validate it; its meta gives issuer, level, year and date; its stats are exact."""
    from drafter.data.validate import _walk_stats, validate_file
    from drafter.levels import ITEM_KEYS

    checked = validate_file(path)
    doc = checked.document if isinstance(checked.document, dict) else {}
    meta = doc.get("meta") if isinstance(doc.get("meta"), dict) else {}
    result = FileResult(path=str(path), kind="data")
    body = meta.get("body")
    if isinstance(body, str) and body.strip() and not _placeholder(body):
        result.issuer, result.issuer_source = body.strip(), "数据文件 meta.body"
        result.names = [body.strip()] + ([meta["party_body"]] if isinstance(meta.get("party_body"), str) else [])
    result.level = meta.get("level") if isinstance(meta.get("level"), str) else None
    result.level_evidence = "数据文件 meta.level"
    result.joint = meta.get("joint") is True
    result.year = meta.get("year") if isinstance(meta.get("year"), int) else None
    result.title = meta.get("title") if isinstance(meta.get("title"), str) else None
    if isinstance(meta.get("date"), dt.date):
        result.date = meta["date"].isoformat()
    try:
        result.deadline = _deadline(result.level, result.joint, result.year)
    except Exception:   # an unknown level is already a validation error
        result.deadline = None
    for key in ITEM_KEYS:
        result.items[key] = HEADING if doc.get(key) else MISSING
    for d in checked.diagnostics:
        where = "".join(filter(None, (f"第{d.line}行" if d.line else "", f"（{d.field}）" if d.field else "")))
        result.findings.append({"rule": "data-validate", "severity": d.severity, "message": d.message,
                                "hint": d.hint or "", "where": where,
                                "location": {"line": d.line, "column": d.column, "field": d.field}})
    for _, stat in _walk_stats(doc):
        if isinstance(stat, dict) and isinstance(stat.get("name"), str) and isinstance(stat.get("unit"), str):
            result.stats.append(dict(stat, origin="data"))
    return result
