"""The document model: plain dataclasses and NamedTuples (immutable records), no XML.

Readers (``docx_reader``, ``text_reader``) turn a draft into a
:class:`Document`; the analysis layer (:mod:`drafter.analysis`) builds the
section tree; lint rules and the importer only ever see these types, so the
same rules run on .txt and .docx and a test can build a model in a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Location(NamedTuple):
    """Where something is: a paragraph (and for text files a line), with context.

    ``index`` is the paragraph's position in document order (0-based);
    ``line``/``column`` are 1-based and set for text files; ``heading_path``
    holds the titles of the enclosing sections; ``part`` is one of ``body``,
    ``table``, ``header``, ``footer``, ``footnote``, ``textbox``, ``comment``.
    """

    index: int | None = None
    line: int | None = None
    column: int | None = None
    heading_path: tuple = ()
    excerpt: str = ""
    part: str = "body"

    def as_dict(self) -> dict:
        """The JSON form (paragraph number 1-based), as in the lint JSON report."""
        return {"paragraph": None if self.index is None else self.index + 1, "line": self.line,
                "column": self.column, "part": self.part, "heading_path": list(self.heading_path),
                "excerpt": self.excerpt}

    def describe(self) -> str:
        """Chinese description, e.g. ``第12段（一、主要举措和成效→（二）……）“……”``."""
        where = {"header": "页眉", "footer": "页脚", "footnote": "脚注", "textbox": "文本框",
                 "comment": "批注", "table": "表格"}.get(self.part, "")
        if self.line is not None:
            where += f"第{self.line}行"
        elif self.index is not None:
            where += f"第{self.index + 1}段"
        if self.heading_path:
            where += "（" + "→".join(self.heading_path) + "）"
        if self.excerpt:
            where += f"“{self.excerpt}”"
        return where


class Format(NamedTuple):
    """Resolved paragraph formatting of a .docx paragraph (None = unknown).

    Fonts are resolved through the style chain (direct → style → basedOn →
    docDefaults → theme); ``font_east_asia`` is what Chinese text uses.
    """

    font_east_asia: str | None = None
    font_ascii: str | None = None
    size_pt: float | None = None
    bold: bool | None = None
    alignment: str | None = None          # left, center, right, both, distribute
    first_line_indent_chars: float | None = None
    first_line_indent_pt: float | None = None
    line_spacing_pt: float | None = None   # exact/at-least spacing in points
    line_spacing_rule: str | None = None   # exact, atLeast, auto


@dataclass
class Paragraph:
    """A run of text in document order: a body paragraph, a table cell paragraph, etc.

    ``text`` is what a reader sees, including a Word auto-number (``number``)
    evaluated from numbering.xml.  ``outline_level`` is 0-based (0 = 标题 1)
    from ``w:outlineLvl`` or a heading style; ``style`` is the style's name.
    """

    text: str
    index: int
    number: str = ""
    style: str | None = None
    outline_level: int | None = None
    bold: bool = False
    part: str = "body"
    line: int | None = None
    table_cell: tuple | None = None        # (table index, row, column) for table text
    format: Format | None = None
    source: object = field(default=None, repr=False, compare=False)  # reader's handle (for annotate)
    column_offset: int = 0                 # text files: characters of indentation stripped from the line
    toc: bool = False                      # inside a table of contents (TOC field or content control)

    def location(self, heading_path: tuple = (), excerpt: str | None = None, column: int | None = None) -> Location:
        """A location; ``column`` is 1-based within ``text`` (shifted by ``column_offset`` for the file)."""
        from drafter.text import excerpt as make_excerpt
        if column is not None and self.line is not None:
            column += self.column_offset
        return Location(index=self.index, line=self.line, column=column, heading_path=heading_path,
                        excerpt=make_excerpt(self.text) if excerpt is None else excerpt, part=self.part)


@dataclass
class PageSetup:
    """Section page setup of a .docx, in millimetres."""

    width_mm: float | None = None
    height_mm: float | None = None
    top_mm: float | None = None
    bottom_mm: float | None = None
    left_mm: float | None = None
    right_mm: float | None = None
    lines_per_page: int | None = None
    chars_per_line: int | None = None


#: The most paragraphs a draft may have (a 200-page report has a few thousand); readers stop beyond it.
MAX_PARAGRAPHS = 100_000


def too_many_paragraphs(path: str):
    """The InputError a reader raises when a draft exceeds :data:`MAX_PARAGRAPHS`."""
    from drafter.errors import InputError
    return InputError(f"文件中的段落过多（超过{MAX_PARAGRAPHS}段），已停止读取", path=path,
                      hint="一份年度报告通常不超过几千段；请确认选对了文件（限制见 docs/limits.md）")


@dataclass
class Document:
    """A draft read into memory."""

    path: str
    kind: str                                   # "docx" or "text"
    paragraphs: list = field(default_factory=list)
    pages: list = field(default_factory=list)   # PageSetup per section (docx)
    tracked_changes: int = 0                    # unaccepted insertions/deletions
    comments: int = 0                           # leftover Word comments
    properties: dict = field(default_factory=dict)  # core/custom properties (docx)
    source: object = field(default=None, repr=False, compare=False)
    _body: tuple = field(default=(None, None), repr=False, compare=False)

    def body(self) -> list:
        """Paragraphs of the main text (body and tables), in order.

        Every rule asks for it; it is computed once per paragraph list (a new or
        resized list is noticed).  Callers must not modify the returned list.
        """
        key = (id(self.paragraphs), len(self.paragraphs))
        if self._body[0] != key:
            self._body = (key, [p for p in self.paragraphs if p.part in ("body", "table")])
        return self._body[1]


@dataclass
class Heading:
    """A recognised heading: its level (1 = 一、 … 4 = （1）), number and title.

    ``marker`` tells how it was recognised: ``number`` (一、/（一）/1./（1）),
    ``outline`` (outline level or heading style), ``bold`` (a short bold
    stand-alone paragraph), ``letter`` (a) b) …, placed half a level below its
    parent) or ``runin`` (一是…).  ``number_text`` is the number
    as written (e.g. ``"一、 "``), ``title`` the text without it.
    """

    paragraph: Paragraph
    level: int
    number: int | None
    number_text: str
    title: str
    marker: str


@dataclass
class Section:
    """A node of the section tree: a heading, its body paragraphs and subsections."""

    heading: Heading | None
    level: int
    paragraphs: list = field(default_factory=list)
    children: list = field(default_factory=list)
    parent: "Section | None" = field(default=None, repr=False, compare=False)

    @property
    def title(self) -> str:
        return self.heading.title if self.heading else ""

    def path(self) -> tuple:
        """Heading texts from the top down to this section (number as written + title, without run-in body text)."""
        node, out = self, []
        while node is not None and node.heading is not None:
            heading = node.heading
            out.append((heading.number_text.strip() + heading.title) or heading.paragraph.text.strip())
            node = node.parent
        return tuple(reversed(out))

    def walk(self):
        """This section and all below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def all_paragraphs(self) -> list:
        """Body paragraphs of this section and every subsection, in order (headings excluded)."""
        out = list(self.paragraphs)
        for child in self.children:
            out.append(child.heading.paragraph) if child.heading else None
            out.extend(child.all_paragraphs())
        return sorted(out, key=lambda p: p.index)
