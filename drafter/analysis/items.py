"""The five required items: where each appears in a draft (its own heading, a sub-heading, only
in the body, or missing).

Vocabulary is data: each item's ``heading_words``/``heading_patterns``/``body_words`` in
``templates/common.yaml`` (read through :mod:`drafter.levels`).  Patterns tolerate
inserted words (存在的主要问题, 存在的突出问题和薄弱环节, 下一步工作打算, 其他需要说明的事项).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from drafter import regex
from drafter.document.model import Document, Location, Section
from drafter.levels import ITEM_KEYS, Item, Level
from drafter.text import simplified

# Item status values, as in the JSON output.
SECTION = "section"          # its own top-level heading
SUBSECTION = "subsection"    # a heading under another section
BODY = "body"                # only mentioned in body text
MISSING = "missing"
STATUSES = (SECTION, SUBSECTION, BODY, MISSING)


class ItemStatus(NamedTuple):
    """How one of the five required items appears in a draft."""

    key: str
    status: str
    section: Section | None = None        # the section that holds it (section/subsection)
    heading: str | None = None            # its heading text as written
    location: Location | None = None      # where it (or its first mention) is


@lru_cache(maxsize=64)
def _heading_pattern(words: tuple, patterns: tuple) -> re.Pattern | None:
    """One regex for an item's heading words (literal) and heading patterns."""
    parts = [re.escape(w) for w in words] + [f"(?:{p})" for p in patterns]
    return regex.compile("|".join(parts)) if parts else None


def names_item(item: Item, heading: str) -> bool:
    """Whether a heading's text names ``item`` (its heading words or patterns; traditional read as simplified)."""
    pattern = _heading_pattern(tuple(item.heading_words), tuple(getattr(item, "heading_patterns", ()) or ()))
    return pattern is not None and pattern.search(simplified(heading)) is not None


def _contains_any(text: str, words) -> bool:
    """Whether ``text`` (traditional characters read as simplified) contains one of ``words``."""
    text = simplified(text)
    return any(word in text for word in words)


def _top(section: Section) -> Section:
    while section.parent is not None and section.parent.heading is not None:
        section = section.parent
    return section


def _next_year_mentioned(text: str, year: int | None) -> bool:
    return year is not None and re.search(rf"{year + 1}年(?!\d{{1,2}}月)", text) is not None


def classify_items(outline: Section, document: Document, level: Level, year: int | None,
                   title=...) -> dict:
    """Status of each of the five required items: ``{key: ItemStatus}``.

    * ``section``: a top-level heading uses the item's ``heading_words``.  Item ①
      also counts as a section when the report has top-level thematic
      headings that belong to no other item (reports often have no umbrella
      heading for their measures).
    * ``subsection``: a lower heading uses the item's ``heading_words``.
    * ``body``: the body text uses its ``body_words`` (or, for the plan, names
      the next year in the report's last section).
    * ``missing`` otherwise.

    Headings and text inside the plan section are forward-looking, so they do
    not count as reporting on the past year (items ①–③).
    """
    items = level.items
    if title is ...:                          # not given: the document's own title (a bold title is no section)
        from drafter.analysis import analyse
        title = analyse(document).title
    tops = [c for c in outline.children if c.heading is not None and c.heading.paragraph.text.strip() != title]
    claimed: dict[str, list] = {key: [] for key in ITEM_KEYS}
    for node in tops:
        for key in ITEM_KEYS:
            if names_item(items[key], node.title):
                claimed[key].append(node)
    plan_tops = set(map(id, claimed["plan"]))
    past_items = ("measures", "problems", "leadership")

    def excluded(key: str, node: Section) -> bool:
        return key in past_items and id(_top(node)) in plan_tops and not names_item(items[key], _top(node).title)

    result = {}
    for key in ITEM_KEYS:
        item = items[key]
        if claimed[key]:
            node = claimed[key][0]
            result[key] = _status(key, SECTION, node)
            continue
        if key == "measures":
            others = {id(n) for k in ITEM_KEYS if k != key for n in claimed[k]}
            thematic = [n for n in tops if id(n) not in others]
            if thematic:
                result[key] = _status(key, SECTION, thematic[0])
                continue
        sub = next((n for n in outline.walk() if n.heading is not None and n.level > 0 and n.parent is not outline
                    and names_item(item, n.title) and not excluded(key, n)), None)
        if sub is not None:
            result[key] = _status(key, SUBSECTION, sub)
            continue
        mention = _first_mention(key, item, outline, year, excluded)
        if mention is not None:
            paragraph, node = mention
            result[key] = ItemStatus(key=key, status=BODY, location=paragraph.location(node.path()))
        else:
            result[key] = ItemStatus(key=key, status=MISSING)
    return result


def _status(key: str, status: str, node: Section) -> ItemStatus:
    paragraph = node.heading.paragraph
    return ItemStatus(key=key, status=status, section=node, heading=node.path()[-1],
                      location=paragraph.location(node.path()))


def _first_mention(key, item, outline, year, excluded):
    """The first paragraph mentioning the item (for the plan: the last one, as plans close a report)."""
    last_top = next((c for c in reversed(outline.children) if c.heading is not None), None)
    last_start = last_top.heading.paragraph.index if last_top is not None else None
    candidates = []
    for node in outline.walk():
        if not excluded(key, node):
            heading = [node.heading.paragraph] if node.heading is not None else []
            candidates.extend((p, node) for p in heading + node.paragraphs)
    candidates.sort(key=lambda pn: pn[0].index, reverse=(key == "plan"))
    for paragraph, node in candidates:
        if _contains_any(paragraph.text, item.body_words):
            return paragraph, node
        if (key == "plan" and last_start is not None and paragraph.index > last_start
                and _next_year_mentioned(paragraph.text, year)):
            return paragraph, node
    return None


