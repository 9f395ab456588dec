"""Plain-text drafts (.txt/.md) → :class:`~drafter.document.model.Document`.

One paragraph per non-empty line (web copies and the seed reports are written
that way); ``Paragraph.line`` is the 1-based line number.  The encoding is
detected: a BOM (UTF-8, UTF-16), else strict UTF-8, else GB18030 (a superset
of GBK and GB2312, which Chinese Windows editors save by default).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from drafter.document.model import Document, Paragraph
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
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError("无法识别文件的文字编码（既不是 UTF-8，也不是 GBK/GB18030）", path=path,
                     hint="请用记事本打开后“另存为”，编码选择 UTF-8")


def read_text(text: str, name: str = "<文本>") -> Document:
    """Build a document from a string: one paragraph per non-empty line."""
    paragraphs = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        stripped = raw.strip(_EDGE)
        if not stripped:
            continue
        offset = len(raw) - len(raw.lstrip(_EDGE))
        paragraphs.append(Paragraph(text=stripped, index=len(paragraphs), line=number, column_offset=offset))
    return Document(path=name, kind="text", paragraphs=paragraphs)


def read_text_file(path: Path | str) -> Document:
    """Read a .txt/.md draft; :class:`InputError` if it cannot be read or is not text."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise InputError(f"文本文件过大（{size // (1024 * 1024)} MB）", path=str(path),
                             hint="年度报告通常不超过 1 MB，请确认选择的文件是否正确")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"无法读取文件（{exc.strerror or exc}）", path=str(path),
                         hint="请检查文件是否存在、是否有读取权限") from exc
    if not data.strip():
        raise InputError("文件是空的", path=str(path), hint="请确认选择的是写好的报告草稿")
    document = read_text(decode(data, str(path)), name=str(path))
    if not document.paragraphs:
        raise InputError("文件中没有文字", path=str(path), hint="请确认选择的是写好的报告草稿")
    return document
