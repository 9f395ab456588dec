"""The heading recogniser and section tree, shared by the linter and the importer.

A heading is recognised, in this order, by

* its number as written: ``一、`` (level 1), ``（一）`` (2), ``1.`` (3), ``（1）`` (4),
  tolerating half-width brackets, ``、``/``.``/``．`` variants and stray spaces
  (``一、 ``, ``(一)``, ``（一）、``, ``1、``, ``1．``);
* its outline level (``w:outlineLvl``) or heading style (``Heading 1``/``标题 1``);
* a short, stand-alone bold paragraph that is not centred (a title is centred).

A run-in ``一是……`` is recognised with marker ``runin`` but never opens a
section.  :func:`build_outline` turns paragraphs into a :class:`Section` tree;
:func:`classify_items` tells for each of the five required items whether it is
a section, a subsection, only mentioned in the body, or missing, using only
the vocabulary of ``templates/common.yaml`` (via :mod:`drafter.levels`).
:func:`detect_level`, :func:`detect_year` and :func:`detect_title` read the
report's level, year and title from its text.
"""

from __future__ import annotations

import re
from collections import Counter

from drafter.document.model import Document, Heading, Paragraph, Section
from drafter.levels import ITEM_KEYS, Level, all_levels, get_level
from drafter.lint.context import BODY, MISSING, SECTION, SUBSECTION, ItemStatus
from drafter.numbering import parse_cn_numeral
from drafter.text import simplified

_CN = "零〇一二三四五六七八九十百两"
_SP = r"[ \t\u00a0\u3000]*"
# (level, pattern); group "n" is the number.  Order matters: bracketed forms first.
_NUMBER_FORMS = (
    (2, re.compile(rf"^[（(]{_SP}(?P<n>[{_CN}]+){_SP}[）)]{_SP}[、，,.．:：]?{_SP}")),
    (4, re.compile(rf"^[（(]{_SP}(?P<n>\d{{1,3}}){_SP}[）)]{_SP}[、，,.．:：]?{_SP}")),
    (1, re.compile(rf"^(?P<n>[{_CN}]+){_SP}[、.．]{_SP}")),
    (3, re.compile(rf"^(?P<n>\d{{1,3}}){_SP}(?:[、]|[.．](?!\d)){_SP}")),
    # A missing opening bracket ("一）", "1)") is still that level's heading (and a form defect).
    (2, re.compile(rf"^(?P<n>[{_CN}]+){_SP}[）)]{_SP}")),
    (4, re.compile(rf"^(?P<n>\d{{1,3}}){_SP}[）)]{_SP}")),
)
_RUNIN = re.compile(rf"^(?P<n>[{_CN}]+)是")
_STYLE_LEVEL = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_CN_STYLE_LEVEL = re.compile(r"^([一二三四五六七八九])级标题$")      # 公文 templates: 一级标题, 二级标题, …
_TITLE_STYLES = re.compile(r"^(?:title|标题)$", re.IGNORECASE)
# A run-in heading ends at the first full stop or colon; the rest is body text.
_TITLE_END = re.compile(r"[。：:！？；]")
MAX_BOLD_HEADING = 40
MAX_TITLE = 80
HEADING_PARTS = ("body",)
MAX_LEVEL = 4


def parse_number(text: str) -> int | None:
    """The value of a heading number as written: "12" → 12, "十二" → 12; ``None`` if neither."""
    return int(text) if text.isdigit() else parse_cn_numeral(text)


_number = parse_number          # older private name, still used by the importer


def _title_of(rest: str) -> str:
    match = _TITLE_END.search(rest)
    title = rest[: match.start()] if match else rest
    return title.strip()[:MAX_TITLE]


def style_level(style: str | None) -> int | None:
    """0-based outline level of a heading style name (``Heading 2``/``标题 2``/``二级标题`` → 1), else ``None``."""
    if not style:
        return None
    match = _STYLE_LEVEL.match(style.strip())
    if match:
        return int(match.group(1)) - 1
    match = _CN_STYLE_LEVEL.match(style.strip())
    return parse_cn_numeral(match.group(1)) - 1 if match else None


def recognise(paragraph: Paragraph) -> Heading | None:
    """The heading this paragraph is, or ``None`` for body text (see module docstring).

    Levels: 1 一、, 2 （一）, 3 1., 4 （1）; an outline level or heading style
    gives its own level (capped at 4); a bold heading gets level 1 here and is
    placed by :func:`build_outline`; a run-in 一是 has level 5 and marker ``runin``.
    Only body paragraphs (not tables, headers, footers, notes) can be headings.
    """
    text = paragraph.text.strip(" \t\u00a0\u3000")
    if not text or paragraph.part not in HEADING_PARTS:
        return None
    for level, pattern in _NUMBER_FORMS:
        match = pattern.match(text)
        if match and match.end() < len(text):
            return Heading(paragraph=paragraph, level=level, number=_number(match.group("n")),
                           number_text=match.group(0), title=_title_of(text[match.end():]), marker="number")
    outline = paragraph.outline_level if paragraph.outline_level is not None else style_level(paragraph.style)
    if outline is not None and 0 <= outline < 9:
        return Heading(paragraph=paragraph, level=min(outline + 1, MAX_LEVEL), number=None, number_text="",
                       title=_title_of(text), marker="outline")
    match = _RUNIN.match(text)
    if match and _number(match.group("n")):
        return Heading(paragraph=paragraph, level=MAX_LEVEL + 1, number=_number(match.group("n")),
                       number_text=match.group(0), title=_title_of(text[match.end():]), marker="runin")
    centred = paragraph.format is not None and paragraph.format.alignment == "center"
    if (paragraph.bold and not centred and len(text) <= MAX_BOLD_HEADING and not _TITLE_END.search(text[-1])
            and not (paragraph.style and _TITLE_STYLES.match(paragraph.style))):
        return Heading(paragraph=paragraph, level=1, number=None, number_text="", title=text, marker="bold")
    return None


def leading_number(text: str) -> str | None:
    """The heading number ``text`` starts with, as written (“（一）”, “1.”, “一、”), or ``None``.

    Used to keep a number typed into a heading's title from being doubled (render strips it,
    validate and lint report it).
    """
    text = text.strip(" \t\u00a0\u3000")
    for _level, pattern in _NUMBER_FORMS:
        match = pattern.match(text)
        if match and match.end() < len(text):
            return match.group(0)
    return None


def strip_leading_number(text: str) -> str:
    """``text`` without the heading number(s) it starts with (“（一）（一）加强……” → “加强……”)."""
    text = text.strip(" \t\u00a0\u3000")
    while (number := leading_number(text)) is not None:
        text = text[len(number):].strip(" \t\u00a0\u3000")
    return text


# The 附件说明 (GB/T 9704): “附件：1.名称”, then “2.名称” … on the following lines.
_ATTACHMENTS_FIRST = re.compile(r"^附\s*件\s*[:：]\s*1\s*[.．、]")
_ATTACHMENTS_MORE = re.compile(r"^\d{1,2}\s*[.．、]")


def build_outline(paragraphs) -> Section:
    """The section tree of ``paragraphs`` (document order); root has heading ``None``, level 0.

    Skipped levels are tolerated (a ``1.`` directly under ``一、`` is its child);
    a bold heading without number sits one level below the last numbered or
    outline heading above it.  Run-in ``一是`` and table/header/footer text stay
    body paragraphs.
    """
    root = Section(heading=None, level=0)
    stack = [root]
    strong_level = 0            # level of the last numbered/outline heading
    attachments = False         # inside a 附件说明 list (“附件：1.名称” then “2.名称” …): not headings
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if _ATTACHMENTS_FIRST.match(text) or (attachments and _ATTACHMENTS_MORE.match(text)):
            attachments = True
            stack[-1].paragraphs.append(paragraph)
            continue
        attachments = False
        heading = recognise(paragraph)
        if heading is None or heading.marker == "runin":
            stack[-1].paragraphs.append(paragraph)
            continue
        if heading.marker == "bold":
            heading.level = min(strong_level + 1, MAX_LEVEL) if strong_level else 1
        else:
            strong_level = heading.level
        while stack[-1].level >= heading.level:
            stack.pop()
        node = Section(heading=heading, level=heading.level, parent=stack[-1])
        stack[-1].children.append(node)
        stack.append(node)
    return root


# --- required items ---------------------------------------------------------------------------

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


def classify_items(outline: Section, document: Document, level: Level, year: int | None) -> dict:
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
    title = detect_title(document)           # a bold, left-aligned title is not a section
    tops = [c for c in outline.children if c.heading is not None and c.heading.paragraph.text.strip() != title]
    claimed: dict[str, list] = {key: [] for key in ITEM_KEYS}
    for node in tops:
        for key in ITEM_KEYS:
            if _contains_any(node.title, items[key].heading_words):
                claimed[key].append(node)
    plan_tops = set(map(id, claimed["plan"]))
    past_items = ("measures", "problems", "leadership")

    def excluded(key: str, node: Section) -> bool:
        return key in past_items and id(_top(node)) in plan_tops and not _contains_any(
            _top(node).title, items[key].heading_words)

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
                    and _contains_any(n.title, item.heading_words) and not excluded(key, n)), None)
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


# --- title, year, level -------------------------------------------------------------------------

_SENTENCE = re.compile(r"[。，,；;！？]")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_FULL_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月")
HEAD_PARAGRAPHS = 10          # how far into the document title and issuer are looked for
TAIL_PARAGRAPHS = 8           # signature lines at the end


def _not_numbered(paragraph: Paragraph) -> bool:
    heading = recognise(paragraph)
    return heading is None or heading.marker == "bold"


def detect_title(document: Document) -> str | None:
    """The report's title: a short title-styled or centred line, else a short line naming 法治 work."""
    head = [p for p in document.body() if p.part == "body"][:HEAD_PARAGRAPHS]
    for paragraph in head:
        if paragraph.style and _TITLE_STYLES.match(paragraph.style.strip()):
            return paragraph.text.strip()
    for paragraph in head:
        text = paragraph.text.strip()
        if (len(text) <= MAX_TITLE and "法治" in text and not _SENTENCE.search(text)
                and not text.endswith((":", "：")) and _not_numbered(paragraph)):
            return text
    return None


def detect_year(document: Document) -> int | None:
    """The report year: from the title, else the first year named at the start of the text, else the most named."""
    title = detect_title(document)
    if title:
        match = _YEAR.search(title)
        if match:
            return int(match.group(1))
    body = [p.text for p in document.body()]
    for text in body[:HEAD_PARAGRAPHS]:
        if _SENTENCE.search(text):                          # a sentence, not a date line or heading
            for match in _YEAR.finditer(text):
                if not _FULL_DATE.match(text, match.start()):
                    return int(match.group(1))
    counts = Counter(int(m.group(1)) for text in body for m in _YEAR.finditer(text))
    return counts.most_common(1)[0][0] if counts else None


_ORDER = ("province", "city", "county", "township", "department")
_NAME_SPLIT = re.compile(r"[\s\u3000、，,]+")
_PARTY = re.compile(r"^中共|党委|党工委|党组")


def is_party_name(name: str) -> bool:
    """Whether ``name`` is a Party body (中共××委, ××党工委, ××党组), not a government."""
    return bool(_PARTY.search(name))
DEFAULT_LEVEL = "county"


def _level_of(name: str) -> str | None:
    """The level whose ``body_patterns`` match ``name``; a department only if nothing else matches."""
    matches = [lv.id for lv in all_levels().values() if lv.matches_body(name)]
    if len(matches) > 1 and "department" in matches:
        matches.remove("department")
    return min(matches, key=lambda m: _ORDER.index(m) if m in _ORDER else 99) if matches else None


# A 主送 line: organisation names separated by 、，, and ending in a colon.
RECIPIENTS_MAX = 60
_ORGAN = re.compile(r"(委|政府|委员会|常委会|党中央|国务院|办公室|办事处|党工委|党组|局|厅|部)$")
_NOT_RECIPIENTS = re.compile(r"[。；;！？]")


def is_organ_name(name: str) -> bool:
    """Whether ``name`` ends like an organ's name (××委, ××人民政府, ××局, 国务院 …)."""
    return bool(_ORGAN.search(name))


def split_names(text: str) -> list[str]:
    """Organisation names written in one line, separated by 、，, or spaces."""
    return [n for n in _NAME_SPLIT.split(text) if n]


def find_recipients(paragraphs) -> tuple[Paragraph, list] | None:
    """``(paragraph, names)`` of the first 主送 line among ``paragraphs``, or ``None``.

    Shared by level detection, the lint rules and the importer, so they agree on what
    the addressees are.
    """
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if not text.endswith((":", "：")) or len(text) > RECIPIENTS_MAX or _NOT_RECIPIENTS.search(text):
            continue
        names = split_names(text.rstrip(":："))
        if names and all(map(is_organ_name, names)):
            return paragraph, names
    return None


def _issuer_names(document: Document) -> tuple[list, list]:
    """(issuer name candidates, addressee names) from the title, stand-alone lines and the 主送 line."""
    names = []
    title = detect_title(document)
    if title:
        names.extend(split_names(re.split(r"关于|(?:19|20)\d{2}\s*年", title, maxsplit=1)[0]))
    body = [p for p in document.body() if p.part == "body"]
    edge = body[:HEAD_PARAGRAPHS] + body[-TAIL_PARAGRAPHS:]
    for paragraph in edge:
        text = paragraph.text.strip()
        if len(text) <= 40 and not _SENTENCE.search(text) and not text.endswith((":", "：")):
            names.extend(split_names(text))
    found = find_recipients(edge)
    return names, (found[1] if found else [])


def detect_level(document: Document) -> tuple[str, bool]:
    """``(level_id, joint)`` from the title, issuer and addressee lines (``body_patterns`` of each level).

    A report goes to the level above, so an issuer that looks no lower than its
    addressee (兴平市人民政府 → 咸阳市人民政府) is taken as one level below it.
    Falls back to ``county`` (the most common reporter) when nothing is found;
    :func:`find_level` tells the two cases apart.
    """
    level_id, joint = find_level(document)
    return (level_id or DEFAULT_LEVEL), joint


_CONGRESS = re.compile(r"人大常委会|人民代表大会常务委员会")


def find_level(document: Document) -> tuple[str | None, bool]:
    """Like :func:`detect_level`, but ``(None, False)`` when no issuer names a level."""
    names, addressees = _issuer_names(document)
    found = [(name, _level_of(name)) for name in names]
    found = [(name, lv) for name, lv in found if lv]
    if not found:
        return None, False
    party = any(is_party_name(name) for name, _ in found)
    government = any(not is_party_name(name) for name, _ in found)
    level_id = next((lv for name, lv in found if not is_party_name(name)), found[0][1])
    hierarchy = _ORDER[:4]
    # A report to a 人大常委会 goes to the body's own level (government → 同级党委、人大常委会),
    # so the addressees then say nothing about the level above.  A bare “××市人民政府” stays
    # ambiguous (county-level or prefecture-level city) and keeps the county reading (docs/lint.md).
    same_level = level_id != "city" and any(_CONGRESS.search(name) for name in addressees)
    targets = [] if same_level else [lv for lv in map(_level_of, addressees) if lv in hierarchy]
    if level_id in hierarchy and targets:
        above = min(hierarchy.index(t) for t in targets)
        if hierarchy.index(level_id) <= above < len(hierarchy) - 1:
            level_id = hierarchy[above + 1]
    joint = party and government and get_level(level_id).variant(True) is not None
    return level_id, joint
