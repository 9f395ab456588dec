"""The heading recogniser and the section tree.

A heading is recognised, in this order, by

* its number as written: ``一、`` (level 1), ``（一）`` (2), ``1.`` (3), ``（1）`` (4),
  tolerating half-width brackets, ``、``/``.``/``．`` variants and stray spaces
  (``一、 ``, ``(一)``, ``（一）、``, ``1、``, ``1．``);
* its outline level (``w:outlineLvl``) or heading style (``Heading 1``/``标题 1``) —
  unless it is a long sentence ending in “。” (body text that carries a level);
* a short, stand-alone bold paragraph that is not centred (a title is centred).

Never headings: table-of-contents entries (``toc N`` styles, TOC fields and content
controls, lines ending in a tab or leader dots and a page number), the lines of a
附件 list (附件：1．… / 2．…) and the title block.  A lettered list item (``a)``,
``(a)``, ``b.``) is a heading with marker ``letter`` placed half a level below its
parent, so the ``1)`` ``2)`` under each letter start their own sequence.

A run-in ``一是……`` is recognised with marker ``runin`` but never opens a section.
"""

from __future__ import annotations

import re

from drafter import regex
from drafter.document.model import Heading, Paragraph, Section
from drafter.numbering import parse_cn_numeral

_CN = "零〇一二三四五六七八九十百两"
_SP = r"[ \t\u00a0\u3000]*"
# (level, pattern); group "n" is the number.  Order matters: bracketed forms first.
_NUMBER_FORMS = (
    (2, regex.compile(rf"^[（(]{_SP}(?P<n>[{_CN}]+){_SP}[）)]{_SP}[、，,.．:：]?{_SP}")),
    (4, regex.compile(rf"^[（(]{_SP}(?P<n>\d{{1,3}}){_SP}[）)]{_SP}[、，,.．:：]?{_SP}")),
    (1, regex.compile(rf"^(?P<n>[{_CN}]+){_SP}[、.．]{_SP}")),
    (3, regex.compile(rf"^(?P<n>\d{{1,3}}){_SP}(?:[、]|[.．](?!\d)){_SP}")),
    # A missing opening bracket ("一）", "1)") is still that level's heading (and a form defect).
    (2, regex.compile(rf"^(?P<n>[{_CN}]+){_SP}[）)]{_SP}")),
    (4, regex.compile(rf"^(?P<n>\d{{1,3}}){_SP}[）)]{_SP}")),
)
# A run-in list marker (一是……二是……) at the start of a text or after punctuation or a space;
# shared by the recogniser, the importer's run-in split and the runin-reuse rule.
RUNIN_MARKER = regex.compile(r"(?:^|(?<=[。；;：:，,！？!?\n \t\u3000]))[ \t\u3000]*(?P<n>[一二三四五六七八九十]{1,3})是")
_RUNIN = RUNIN_MARKER
_STYLE_LEVEL = regex.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_CN_STYLE_LEVEL = regex.compile(r"^([一二三四五六七八九])级标题$")      # 公文 templates: 一级标题, 二级标题, …
# A title style: Word's Title/标题, and the custom styles of 公文 templates (公文标题, 文件标题, 大标题, 主标题).
# Case-insensitive for "title" only: Chinese characters have no case, and IGNORECASE over the whole
# CJK range costs ~2 ms of compiling at every start.
_TITLE_STYLES = regex.compile(r"^(?:(?i:title)|(?:(?!副|小|子|分|[一二三四五六七八九]级)[\u4e00-\u9fff]){0,4}标题)$")


def is_title_style(style: str | None) -> bool:
    """Word's Title/标题 and the custom title styles of 公文 templates (公文标题, 文件标题, 大标题 …);
    not 副标题, 小标题 or heading levels (标题 1, 一级标题)."""
    return bool(style) and _TITLE_STYLES.match(style.strip()) is not None and "目录" not in style
# Table-of-contents entry styles: "toc 1", "TOC 2", "目录 1", "TOC Heading"/"目录标题".
_TOC_STYLES = regex.compile(r"^(?:toc|目录)\s*(?:\d|heading|标题)|^(?:toc heading|目录标题)$", re.IGNORECASE)
# A TOC line as text: title, then a tab or leader dots, then a page number.
_TOC_LINE = regex.compile(r"(?:\t|[.．·…‥…·・]{3,}|[ 　]{4,})[ 　]*\d{1,4}$")
# A lettered list item: a) (a) （a） a. a．
_LETTER = regex.compile(rf"^(?:[（(]{_SP}(?P<a>[a-zA-Z]){_SP}[）)]|(?P<b>[a-zA-Z]){_SP}(?:[）)]|[.．](?![a-zA-Z0-9])))"
                     rf"{_SP}(?=[\u4e00-\u9fff“《（(])")
# 附件 lines: “附件：” (the list follows) or “附件1：××” / “附件：1．××”.
_ATTACHMENTS = regex.compile(r"^附\s*件\s*\d*\s*[:：]?")
# Body text that carries an outline level: a long sentence ending in a full stop.
LONG_SENTENCE = 40
# A run-in heading ends at the first full stop or colon; the rest is body text.
_TITLE_END = regex.compile(r"[。：:！？；]")
MAX_BOLD_HEADING = 40
MAX_TITLE = 80
HEADING_PARTS = ("body",)
MAX_LEVEL = 4


def parse_number(text: str) -> int | None:
    """The value of a heading number as written: "12" → 12, "十二" → 12; ``None`` if neither."""
    return int(text) if text.isdigit() else parse_cn_numeral(text)


_number = parse_number


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


def is_toc_entry(paragraph: Paragraph) -> bool:
    """Whether ``paragraph`` is a table-of-contents entry (TOC style, field or content control, or a TOC line)."""
    if getattr(paragraph, "toc", False):
        return True
    if paragraph.style and _TOC_STYLES.match(paragraph.style.strip()):
        return True
    text = paragraph.text.rstrip(" \u00a0")
    return len(text) <= 120 and _TOC_LINE.search(text) is not None and "。" not in text


def _letter_value(match: re.Match) -> int:
    letter = (match.group("a") or match.group("b")).lower()
    return ord(letter) - ord("a") + 1


def recognise(paragraph: Paragraph, parts=HEADING_PARTS) -> Heading | None:
    """The heading this paragraph is, or ``None`` for body text (see module docstring).

    Levels: 1 一、, 2 （一）, 3 1., 4 （1）; an outline level or heading style
    gives its own level (capped at 4); a bold heading gets level 1 here and is
    placed by :func:`build_outline`; a run-in 一是 has level 5 and marker ``runin``.
    Only body paragraphs (not tables, headers, footers, notes) can be headings.
    """
    text = paragraph.text.strip(" \t\u00a0\u3000")
    if not text or paragraph.part not in parts or is_toc_entry(paragraph):
        return None
    for level, pattern in _NUMBER_FORMS:
        match = pattern.match(text)
        if match and match.end() < len(text):
            return Heading(paragraph=paragraph, level=level, number=_number(match.group("n")),
                           number_text=match.group(0), title=_title_of(text[match.end():]), marker="number")
    match = _LETTER.match(text)
    if match and match.end() < len(text):
        return Heading(paragraph=paragraph, level=MAX_LEVEL, number=_letter_value(match), number_text=match.group(0),
                       title=_title_of(text[match.end():]), marker="letter")
    outline = paragraph.outline_level if paragraph.outline_level is not None else style_level(paragraph.style)
    long_sentence = len(text) > LONG_SENTENCE and text.endswith(("。", "；", ";"))
    if outline is not None and 0 <= outline < 9 and not long_sentence:
        return Heading(paragraph=paragraph, level=min(outline + 1, MAX_LEVEL), number=None, number_text="",
                       title=_title_of(text), marker="outline")
    match = _RUNIN.match(text)
    if match and _number(match.group("n")):
        return Heading(paragraph=paragraph, level=MAX_LEVEL + 1, number=_number(match.group("n")),
                       number_text=match.group(0), title=_title_of(text[match.end():]), marker="runin")
    centred = paragraph.format is not None and paragraph.format.alignment == "center"
    if (paragraph.bold and not centred and len(text) <= MAX_BOLD_HEADING and not _TITLE_END.search(text[-1])
            and not _ATTACHMENTS.match(text)
            and not is_title_style(paragraph.style)):
        return Heading(paragraph=paragraph, level=1, number=None, number_text="", title=text, marker="bold")
    return None


LAYOUT_TABLE_SHARE = 0.8


def text_parts(paragraphs) -> tuple:
    """The parts that hold the report's running text: ``("body",)``, or ``("body", "table")`` when
    most of the text sits in tables (a web page pasted into Word keeps its layout table)."""
    body = sum(len(p.text) for p in paragraphs if p.part == "body")
    table = sum(len(p.text) for p in paragraphs if p.part == "table")
    return ("body", "table") if table > LAYOUT_TABLE_SHARE * (body + table) and table > 200 else ("body",)


def attachment_list(paragraphs) -> set:
    """Indices of the paragraphs of 附件 lists: a “附件：” line and the numbered lines right after it."""
    found = set()
    in_list = False
    for paragraph in paragraphs:
        text = paragraph.text.strip(" \t\u00a0\u3000")
        if paragraph.part not in ("body", "table"):
            continue
        if _ATTACHMENTS.match(text) and len(text) <= 80 and "。" not in text:
            found.add(paragraph.index)
            in_list = True
            continue
        if in_list and text and len(text) <= 80 and "。" not in text and re.match(r"^\d{1,2}\s*[.．、]", text):
            found.add(paragraph.index)
            continue
        in_list = False
    return found


def build_outline(paragraphs, skip=(), parts=HEADING_PARTS) -> Section:
    """The section tree of ``paragraphs`` (document order); root has heading ``None``, level 0.

    Skipped levels are tolerated (a ``1.`` directly under ``一、`` is its child);
    a bold heading without number sits one level below the last numbered or
    outline heading above it; a lettered item (a) b)) sits half a level below its
    parent, so numbers under it restart.  Run-in ``一是``, table/header/footer text,
    TOC entries, 附件 lists and the paragraphs whose indices are in ``skip`` (the
    title block) stay body paragraphs.  ``parts`` are the parts whose paragraphs can be
    headings (``body``; also ``table`` when the whole report sits in a layout table).
    """
    paragraphs = list(paragraphs)
    skip = set(skip) | attachment_list(paragraphs)
    root = Section(heading=None, level=0)
    stack = [root]
    strong_level = 0            # level of the last numbered/outline heading
    for paragraph in paragraphs:
        heading = None if paragraph.index in skip else recognise(paragraph, parts)
        if heading is None or heading.marker == "runin":
            stack[-1].paragraphs.append(paragraph)
            continue
        if heading.marker == "bold":
            heading.level = min(strong_level + 1, MAX_LEVEL) if strong_level else 1
        elif heading.marker == "letter":
            while any(n.heading is not None and n.heading.marker == "letter" for n in stack):
                stack.pop()
            heading.level = stack[-1].level + 0.5
        else:
            strong_level = heading.level
        while stack[-1].level >= heading.level:
            stack.pop()
        node = Section(heading=heading, level=heading.level, parent=stack[-1])
        stack[-1].children.append(node)
        stack.append(node)
    return root
