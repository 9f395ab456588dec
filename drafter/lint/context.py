"""What a lint rule sees: the document, its section tree, level, year, item statuses."""

from __future__ import annotations

from typing import NamedTuple

from drafter.document.model import Document, Location, Paragraph, Section
from drafter.levels import Level

# Item statuses live in the analysis layer (re-exported here for the rules).
from drafter.analysis.items import BODY, MISSING, SECTION, STATUSES, SUBSECTION, ItemStatus  # noqa: E402,F401


class LintContext(NamedTuple):
    """Everything a rule's ``check(ctx)`` may read.  Rules never modify it (one per rule and document)."""

    document: Document
    outline: Section                      # root: heading None, level 0
    level: Level
    joint: bool
    year: int | None                      # report year (detected or given); None if unknown
    items: dict                           # item key → ItemStatus
    options: dict                         # this rule's options from .drafter.yaml
    paths: dict                           # paragraph index → section, shared by the rules of one run
    title: str | None = None              # the report title as detected
    analysis: object = None               # drafter.analysis.Analysis (issuer, date, recipients, evidence …)

    def section_of(self, paragraph: Paragraph) -> Section:
        """The innermost section containing ``paragraph`` (the root if none)."""
        if not self.paths:
            for node in self.outline.walk():
                if node.heading is not None:
                    self.paths[node.heading.paragraph.index] = node
                for p in node.paragraphs:
                    self.paths[p.index] = node
        return self.paths.get(paragraph.index, self.outline)

    def heading_path(self, paragraph: Paragraph) -> tuple:
        return self.section_of(paragraph).path()

    def location(self, paragraph: Paragraph, excerpt: str | None = None, column: int | None = None) -> Location:
        """A location for ``paragraph`` with its heading path filled in."""
        return paragraph.location(self.heading_path(paragraph), excerpt=excerpt, column=column)
