"""Helpers shared by the rule modules (this module is not a rule).

Vocabulary lives in the ``lint:`` section of ``templates/common.yaml`` and is
read through :func:`data`; item vocabulary comes from ``ctx.level.items``.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right

from drafter import regex
from drafter.document.model import Location, Paragraph, Section
from drafter.levels import common_data
from drafter.lint.context import BODY, MISSING, LintContext
from drafter.lint.finding import Finding
from drafter.text import excerpt as short
from drafter.text import DATE_LINE_LENGTH, parse_date_line
from drafter.text import simplified, simplify_long, traditional_chars, traditional_in, units_pattern  # noqa: F401

_SPACES = regex.compile(r"[ \t\u00a0\u3000]+")

CJK = "\u4e00-\u9fff"
# A four-digit year written before 年 (not part of a longer number).
YEAR = regex.compile(r"(?<![\d.])((?:19|20)\d{2})(?=\s*年)")
# A year range such as 2021—2025年 or 2021-2025年: neither end is "another year".
YEAR_RANGE = regex.compile(r"(?:19|20)\d{2}\s*[-—–－~～至到]+\s*(?:19|20)\d{2}\s*年")
# Book-title marks: years inside 《…》 name a document, not the period reported on.
BOOK_TITLE = regex.compile(r"《[^》]*》")
# A figure as the number rules read it: at most 15 digits (and 6 decimals), never starting inside a longer
# run of digits.  Bounded repetition keeps every pattern built on it linear in the text's length
# (``\d+`` tried from each digit of a 20,000-digit run is quadratic).
NUMBER = r"(?<![\d.])\d{1,15}(?:\.\d{1,6})?"
# The most characters of one paragraph that the rules parsing figures and sentences look at
# (a real paragraph has a few hundred; a pasted table or a corrupt file may have a hundred thousand).
MAX_PARAGRAPH_SCAN = 20_000


def data() -> dict:
    """The ``lint:`` section of ``templates/common.yaml``."""
    return common_data()["lint"]


def option(ctx: LintContext, module: str, name: str):
    """A rule option: the configured value, else the default in the rule's ``OPTIONS`` schema.

    ``module`` is the rule module's ``__name__``.
    """
    if name in (ctx.options or {}):
        return ctx.options[name]
    return sys.modules[module].OPTIONS[name]["default"]


GATES = True          # Corpus.hits may skip paragraphs without a rule's gate (tests turn it off to compare)


class Corpus:
    """The report text joined into one string, so a rule scans it with one regex call.

    Most paragraphs hold nothing a rule looks for; scanning the joined text in C and
    handling only the matches keeps 30-odd rules fast on a 200-page draft.
    ``text`` joins the paragraphs with ``\n`` (patterns must not cross it);
    ``simple`` is the same text with traditional characters simplified; ``traditional`` the set of
    traditional-only characters it holds.
    """

    def __init__(self, paragraphs: list[Paragraph]):
        self.paragraphs = paragraphs
        self.starts = []
        position = 0
        for paragraph in paragraphs:
            self.starts.append(position)
            position += len(paragraph.text) + 1
        self.text = "\n".join(p.text for p in paragraphs)
        self.traditional = traditional_in(self.text)        # traditional-only characters present
        self.simple = simplify_long(self.text, self.traditional)

    def locate(self, offset: int) -> int:
        """Index (into ``paragraphs``) of the paragraph holding ``offset``."""
        return bisect_right(self.starts, offset) - 1

    def hits(self, pattern: re.Pattern, simple: bool = False, gate: str | re.Pattern | None = None):
        """(paragraph, local start, local end, match) for each match, in document order.

        ``gate`` (a string, or a pattern cheaper to search for) speeds up a pattern that sre cannot
        search fast: only the paragraphs holding the gate are searched, each from its start to its
        line break.  The result is the same as without it, provided that every match of ``pattern``
        contains the gate, that no match (lookahead included) reaches past a line break, and that the
        end of the text (``$``) can only matter where a line break would do the same.  A lookbehind
        still sees the text before the paragraph.  ``GATES = False`` turns gates off (a test compares
        both on real drafts).
        """
        text = self.simple if simple else self.text
        if gate is None or not GATES:
            for match in pattern.finditer(text):
                i = self.locate(match.start())
                yield self.paragraphs[i], match.start() - self.starts[i], match.end() - self.starts[i], match
            return
        for i in self._indices(text, gate):
            start = self.starts[i]
            for match in pattern.finditer(text, start, start + len(self.paragraphs[i].text) + 1):
                yield self.paragraphs[i], match.start() - start, match.end() - start, match

    def _indices(self, text: str, gate: str | re.Pattern):
        """Indices of the paragraphs holding ``gate`` (a string or a pattern), in order."""
        position, count = 0, len(self.starts)
        find = text.find if isinstance(gate, str) else None
        while True:
            if find is not None:
                offset = find(gate, position)
            else:
                match = gate.search(text, position)
                offset = -1 if match is None else match.start()
            if offset < 0:
                return
            i = self.locate(offset)
            yield i
            if i + 1 >= count:
                return
            position = self.starts[i + 1]

    def paragraphs_matching(self, pattern: re.Pattern | str, simple: bool = False) -> list[Paragraph]:
        """The paragraphs with at least one match (or holding the string), in order (one search per paragraph)."""
        return [self.paragraphs[i] for i in self._indices(self.simple if simple else self.text, pattern)]


def run_cache(ctx: LintContext) -> dict:
    """Derived data shared by all rules of one lint run: kept on the run's Analysis, never in the module."""
    if ctx.analysis is not None:
        return ctx.analysis.cache
    return ctx.paths.setdefault("_run_cache", {})


def corpus(ctx: LintContext) -> Corpus:
    """The :class:`Corpus` of the report text (body and tables), built once per analysis."""
    cache = run_cache(ctx)
    if "corpus" not in cache:
        cache["corpus"] = Corpus(text_paragraphs(ctx))
    return cache["corpus"]


def around(text: str, start: int, end: int, width: int = 8) -> str:
    """A short excerpt of ``text`` around ``text[start:end]``, with … where cut."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    piece = " ".join(text[left:right].split()) if text[left:right].strip() else text[left:right]
    return ("…" if left else "") + piece + ("…" if right < len(text) else "")


def make(module: str, ctx: LintContext, paragraph: Paragraph | None, message: str, hint: str = "",
         excerpt: str | None = None, column: int | None = None, location: Location | None = None) -> Finding:
    """A finding of the rule module named ``module`` (its ``__name__``) at ``paragraph``.

    Without a paragraph the finding points at ``location``, else at the document start.
    """
    rule = sys.modules[module]
    if location is None:
        location = locate(ctx, paragraph, excerpt=excerpt, column=column) if paragraph is not None \
            else document_location(ctx)
    return Finding(rule=rule.ID, severity=rule.DEFAULT_SEVERITY, message=message, location=location, hint=hint)


def section_of(ctx: LintContext, paragraph: Paragraph) -> Section:
    """The innermost section holding ``paragraph`` (as ``ctx.section_of``), mapped once per analysis."""
    cache = run_cache(ctx)
    mapping = cache.get("sections")
    if mapping is None:
        mapping = {}
        for node in ctx.outline.walk():
            if node.heading is not None:
                mapping[node.heading.paragraph.index] = node
            for p in node.paragraphs:
                mapping[p.index] = node
        cache["sections"] = mapping
    return mapping.get(paragraph.index, ctx.outline)


def locate(ctx: LintContext, paragraph: Paragraph, excerpt: str | None = None, column: int | None = None) -> Location:
    """``ctx.location`` through the shared section map."""
    return paragraph.location(section_of(ctx, paragraph).path(), excerpt=excerpt, column=column)


def title_paragraph(ctx: LintContext) -> Paragraph | None:
    """The (first) paragraph holding the detected title, if any."""
    if ctx.analysis is not None:
        block = ctx.analysis.title_paragraphs
        return block[0] if block else None
    if not ctx.title:
        return None
    return next((p for p in ctx.document.body() if p.text.strip() == ctx.title.strip()), None)


def date_lines(ctx: LintContext) -> list:
    """``(paragraph, date)`` for every stand-alone date line of the main text, whatever its indentation
    (spaces, tabs or right alignment push a 成文日期 to the right)."""
    cache = run_cache(ctx)
    if "date_lines" not in cache:
        found = []
        for paragraph in body_lines(ctx):
            if len(paragraph.text) > 80 or "日" not in paragraph.text:
                continue
            text = _SPACES.sub("", paragraph.text)
            if len(text) <= DATE_LINE_LENGTH and (date := parse_date_line(text)) is not None:
                found.append((paragraph, date))
        cache["date_lines"] = found
    return cache["date_lines"]


def document_location(ctx: LintContext) -> Location:
    """Where a finding about the whole document points: the title, else the first paragraph."""
    paragraph = title_paragraph(ctx) or next(iter(ctx.document.body()), None)
    if paragraph is None:
        return Location(excerpt="")
    return locate(ctx, paragraph)


def headed_sections(ctx: LintContext) -> list[Section]:
    """Every section with a heading, depth first in document order."""
    return [node for node in ctx.outline.walk() if node.heading is not None]


def heading_indices(ctx: LintContext) -> set:
    return {node.heading.paragraph.index for node in headed_sections(ctx)}


def item_section(ctx: LintContext, key: str) -> Section | None:
    """The section holding item ``key`` when it has a heading of its own (section or subsection)."""
    status = ctx.items.get(key)
    if status is None or status.status in (BODY, MISSING):
        return None
    return status.section




def plan_indices(ctx: LintContext) -> set:
    """Indices of the paragraphs in the plan section (item ④), if it has a heading."""
    section = item_section(ctx, "plan")
    if section is None:
        return set()
    return {section.heading.paragraph.index} | {p.index for p in section.all_paragraphs()}


def text_paragraphs(ctx: LintContext) -> list[Paragraph]:
    """Paragraphs with the report's text (body and tables; not headers, footers or comments)."""
    return ctx.document.body()


def body_lines(ctx: LintContext) -> list[Paragraph]:
    """Stand-alone paragraphs of the main text (no table cells): where 主送, 字号 and 成文日期 lines live."""
    if ctx.analysis is not None and "table" in ctx.analysis.parts:      # the report sits in a layout table
        return [p for p in ctx.document.body() if p.part in ctx.analysis.parts]
    return [p for p in ctx.document.body() if p.part == "body" and p.table_cell is None]


def other_years(text: str, expected: int) -> list[tuple[int, re.Match]]:
    """Years written ``YYYY年`` in ``text`` that differ from ``expected``.

    Years inside 《…》 (document titles) and year ranges (2021—2025年) are ignored.
    """
    masked = BOOK_TITLE.sub(lambda m: "　" * len(m.group(0)), text)
    masked = YEAR_RANGE.sub(lambda m: "　" * len(m.group(0)), masked)
    return [(int(m.group(1)), m) for m in YEAR.finditer(masked) if int(m.group(1)) != expected]




def short_text(text: str, limit: int = 24) -> str:
    return short(text, limit)
