"""The analysis layer: the one place that reads meaning from a draft.

``analyse(document)`` returns an :class:`Analysis`, computed once per document (and set of
overrides) and read by every lint rule, the importer, ``drafter review`` and the web form.
See docs/dev/architecture.md for the attributes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from drafter.analysis import metadata
from drafter.analysis.headings import build_outline, text_parts
from drafter.analysis.items import ItemStatus, classify_items  # noqa: F401  (re-exported)
from drafter.document.model import Document, Paragraph, Section
from drafter.levels import Level, get_level

__all__ = ["Analysis", "analyse", "ItemStatus"]


@dataclass
class Analysis:
    """What a draft says about itself (see docs/dev/architecture.md)."""

    document: Document
    outline: Section
    level: str
    level_def: Level
    level_source: str                              # given / detected / default
    level_evidence: list = field(default_factory=list)
    joint: bool = False
    issuer: str | None = None
    party_issuer: str | None = None
    year: int | None = None
    year_source: str | None = None                 # given / title / opening / date / body
    title: str | None = None
    title_paragraphs: list = field(default_factory=list)
    date: dt.date | None = None
    date_paragraph: Paragraph | None = None
    recipients: list = field(default_factory=list)
    recipients_paragraph: Paragraph | None = None
    doc_number: str | None = None
    signature: list = field(default_factory=list)
    items: dict = field(default_factory=dict)
    parts: tuple = ("body",)                       # parts holding the running text (+ "table" for a layout table)
    cache: dict = field(default_factory=dict, repr=False, compare=False)   # derived data of readers (lint)

    @property
    def division(self) -> str | None:
        """The administrative division the deciding cue named, if any."""
        return next((e.division for e in self.level_evidence if e.division), None)

    def as_dict(self) -> dict:
        """The JSON form (``lint --format json`` → ``analysis``)."""
        return {
            "issuer": self.issuer, "party_issuer": self.party_issuer, "level": self.level,
            "level_source": self.level_source, "level_evidence": [e.as_dict() for e in self.level_evidence],
            "joint": self.joint, "year": self.year, "year_source": self.year_source, "title": self.title,
            "date": self.date.isoformat() if self.date else None, "recipients": list(self.recipients),
            "doc_number": self.doc_number, "signature": list(self.signature),
            "items": {key: status.status for key, status in self.items.items()},
        }


def analyse(document: Document, *, level: str | None = None, year: int | None = None,
            joint: bool | None = None) -> Analysis:
    """Read ``document`` once; ``level``/``year``/``joint`` override what the text says.

    The result is cached on the document for the same overrides and paragraph list.
    """
    key = (id(document.paragraphs), len(document.paragraphs), hash(tuple(p.text for p in document.paragraphs)),
           level, year, joint)
    cache = document.__dict__.setdefault("_analyses", {})
    if key in cache:
        return cache[key]
    result = _analyse(document, level, year, joint)
    cache.clear()
    cache[key] = result
    return result


def _analyse(document: Document, level: str | None, year: int | None, joint: bool | None) -> Analysis:
    parts = text_parts(document.body())
    lines = metadata.main_lines(document, parts)
    first_body = metadata._first_sentence_index(lines, parts)
    tail_start = max(metadata._tail_start(lines), first_body)
    found = metadata.find_recipients(lines[:first_body + 3])
    recipients_paragraph, recipients = (found if found else (None, []))
    title_block = metadata.find_title(lines, first_body, recipients_paragraph)
    if not title_block and first_body < len(lines):
        # a title in a text box (red-header templates): the text boxes anchored before the body
        boxed = [p for p in document.paragraphs if p.part == "textbox" and p.index < lines[first_body].index
                 and metadata._clean(p.text)]
        if boxed:
            title_block = metadata.find_title(boxed, len(boxed))
    title = metadata.title_text(title_block)
    date, date_paragraph = metadata.find_date(lines[tail_start:] or lines[-metadata.TAIL_PARAGRAPHS:])
    if date is None:                       # a cover letter's date above the report
        date, date_paragraph = metadata.find_date(lines[:first_body])
    evidence = metadata.gather_evidence(document, lines, title, title_block, first_body, tail_start, recipients)
    reading = metadata.decide_level(evidence)
    if level:
        level_id, source = level, "given"
    elif reading.level:
        level_id, source = reading.level, "detected"
    else:
        level_id, source = metadata.DEFAULT_LEVEL, "default"
    level_def = get_level(level_id)
    if joint is None:
        joint = reading.joint if level_id == reading.level else False
    if joint and level_def.variant(True) is None:
        joint = False
    if year:
        report_year, year_source = year, "given"
    else:
        report_year, year_source = metadata.find_year(title, lines, first_body, date, document)
    skip = {p.index for p in title_block}
    tree = build_outline(document.body(), skip=skip, parts=parts)
    items = classify_items(tree, document, level_def, report_year, title)
    signature = [metadata._clean(p.text) for p in lines[tail_start:]
                 if p is not date_paragraph and len(metadata._clean(p.text)) <= metadata.MAX_LINE
                 and not metadata._is_sentence(p.text) and metadata._names_only(metadata._clean(p.text))]
    doc_number = next((found[0] for p in lines[:first_body + 2] if (found := metadata.doc_number_parts(p.text))), None)
    return Analysis(
        document=document, outline=tree, level=level_id, level_def=level_def, level_source=source,
        level_evidence=reading.evidence, joint=bool(joint), issuer=reading.issuer,
        party_issuer=reading.party_issuer if joint else None, year=report_year, year_source=year_source,
        title=title, title_paragraphs=title_block, date=date, date_paragraph=date_paragraph,
        recipients=recipients, recipients_paragraph=recipients_paragraph, doc_number=doc_number,
        signature=signature, items=items, parts=parts)
