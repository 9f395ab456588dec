"""Plain-text drafts (.txt/.md) → :class:`~drafter.document.model.Document`.

One paragraph per non-empty line (web copies and the seed reports are written
that way); ``Paragraph.line`` is the 1-based line number.  The encoding is
detected: a BOM (UTF-8, UTF-16), else strict UTF-8, else GB18030 (a superset
of GBK and GB2312, which Chinese Windows editors save by default) — unless the bytes are
also valid Big5 (traditional-Chinese Windows), when ``charset-normalizer`` (imported only
then) decides between the two.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from drafter import regex
from drafter.document.model import MAX_PARAGRAPHS, Document, Paragraph, too_many_paragraphs
from drafter.errors import InputError

# Leading/trailing characters that only indent a line by hand.
# (U+2000–U+200A and U+202F/U+205F: the en/em/thin spaces web pages indent with.)
_EDGE = " \t\u3000\u00a0\ufeff\r\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
MAX_TEXT_BYTES = 50 * 1024 * 1024

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, path: str = "<文本>") -> str:
    """Decode a text file's bytes, detecting the encoding; raise :class:`InputError` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"文件以 {encoding.upper()} 标记开头，但内容无法按该编码读取", path=path,
                                 hint="请用记事本或 WPS 打开后“另存为”UTF-8 编码的文本文件") from exc
    if b"\x00" in data[:4096]:
        raise InputError("文件不是文本文件（含二进制数据）", path=path,
                         hint="请提供 .docx 或 .txt 文件；Word 文档请保存为 .docx")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _is_big5(data):
        return data.decode("big5")
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    raise InputError("无法识别文件的文字编码（既不是 UTF-8，也不是 GBK/GB18030）", path=path,
                     hint="请用记事本打开后“另存为”，编码选择 UTF-8")


def _is_big5(data: bytes) -> bool:
    """Whether non-UTF-8 bytes are Big5 rather than GB18030 (both decode many byte strings)."""
    try:
        data.decode("big5")
    except UnicodeDecodeError:
        return False
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=["gb18030", "big5"]).best()
    return best is not None and best.encoding == "big5"


def read_text(text: str, name: str = "<文本>") -> Document:
    """Build a document from a string: one paragraph per non-empty line."""
    paragraphs = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        stripped = raw.strip(_EDGE)
        if not stripped:
            continue
        offset = len(raw) - len(raw.lstrip(_EDGE))
        if len(paragraphs) >= MAX_PARAGRAPHS:
            raise too_many_paragraphs(name)
        paragraphs.append(Paragraph(text=stripped, index=len(paragraphs), line=number, column_offset=offset))
    return Document(path=name, kind="text", paragraphs=paragraphs)


_MD_HEADING = regex.compile(r"^(#{1,6})[ \t]+")


def _markdown_headings(document: Document) -> None:
    """Headings in a .md draft: ``#`` is the title, ``##`` a level-1 heading, ``###`` level 2, …; the marks go."""
    for paragraph in document.paragraphs:
        match = _MD_HEADING.match(paragraph.text)
        if match and match.end() < len(paragraph.text):
            depth = len(match.group(1))
            paragraph.outline_level = depth - 2 if depth > 1 else None
            paragraph.column_offset += match.end()
            paragraph.text = paragraph.text[match.end():]


def read_text_file(path: Path | str) -> Document:
    """Read a .txt/.md draft; :class:`InputError` if it cannot be read or is not text."""
    from drafter.fsutil import read_input

    path = Path(path)
    data = read_input(path, limit=MAX_TEXT_BYTES, what="文本文件")
    if not data.strip():
        raise InputError("文件是空的", path=str(path), hint="请确认选择的是写好的报告草稿")
    document = read_text(decode(data, str(path)), name=str(path))
    if path.suffix.lower() == ".md":
        _markdown_headings(document)
    if not document.paragraphs:
        raise InputError("文件中没有文字", path=str(path), hint="请确认选择的是写好的报告草稿")
    return document


# --- text extracted from a PDF ------------------------------------------------------------------

_SENTENCE_END = "。！？；：:!?;"
FULL_SHARE = 0.85          # a line at least this share of the full width does not end its paragraph
_PAGE_NUMBER = regex.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$")
# pdftotext puts a space where a PDF switches fonts, e.g. between a digit and a Chinese character.
_FONT_SWITCH_SPACE = regex.compile(r"(?<=[\u4e00-\u9fff\uff00-\uffef\u3000-\u303f]) (?=[0-9A-Za-z])|"
                                r"(?<=[0-9A-Za-z]) (?=[\u4e00-\u9fff\uff00-\uffef\u3000-\u303f])")


def _width(line: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in line)


def reflow(lines) -> list[str]:
    """Join the wrapped lines of a page (text extracted from a PDF) back into paragraphs.

    A full line has about the same width throughout a page; a paragraph ends
    at a short line, before a heading, or where a sentence ends and the next
    line is a little shorter (its first-line indent).
    Page numbers are dropped and the spaces a PDF leaves where fonts switch
    (between a Chinese character and a digit) are removed.
    """
    from drafter.analysis.headings import recognise

    cleaned = [_FONT_SWITCH_SPACE.sub("", line.strip(_EDGE)) for line in lines]
    cleaned = [line for line in cleaned if line and not _PAGE_NUMBER.match(line)]
    widths = sorted(_width(line) for line in cleaned)
    full = widths[int(len(widths) * 0.9)] if widths else 0
    paragraphs: list[list[str]] = []        # each paragraph's lines, joined once at the end (linear)
    previous_full = False
    for line in cleaned:
        recognised = recognise(Paragraph(text=line, index=0))
        heading = recognised is not None and recognised.marker != "runin"
        width = _width(line)
        indented = FULL_SHARE * full <= width <= full - 1
        starts_new = (not paragraphs or not previous_full or heading
                      or (paragraphs[-1][-1][-1] in _SENTENCE_END and (indented or recognised is not None)))
        if starts_new:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
        previous_full = width >= FULL_SHARE * full and not heading
    return ["".join(lines) for lines in paragraphs]


def read_pdf_text(text: str, name: str) -> Document:
    """A document from text extracted from a PDF: paragraphs reflowed, numbered as paragraphs (no lines)."""
    document = read_text("\n".join(reflow(text.splitlines())), name=name)
    for paragraph in document.paragraphs:
        paragraph.line = None
        paragraph.column_offset = 0
    return document
