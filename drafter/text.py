"""Plain-text helpers shared by validation, rendering, linting and import.

The data file convention: in a multi-line text a blank line starts a new
paragraph; single line breaks inside a paragraph are joined without inserting a
space (Chinese has none), except between two Latin letters or digits.
"""

from __future__ import annotations

import re

# Characters that XML 1.0 forbids (Word refuses a file that contains them).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Spaces a user may type at the start of a line to indent it by hand.
_EDGE_SPACES = " \t\u3000\u00a0"
_BLANK_LINE = re.compile(r"\n[ \t\u3000\u00a0]*\n")
_LATIN = re.compile(r"[A-Za-z0-9]")


def paragraphs(text: str | None) -> list[str]:
    """Split a data-file text into paragraphs (blank line = new paragraph)."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    result = []
    for block in _BLANK_LINE.split(text):
        lines = [line.strip(_EDGE_SPACES) for line in block.split("\n")]
        joined = ""
        for line in lines:
            if not line:
                continue
            if joined and _LATIN.match(joined[-1]) and _LATIN.match(line[0]):
                joined += " "
            joined += line
        if joined:
            result.append(joined)
    return result


def illegal_xml_chars(text: str) -> list[str]:
    """Return the distinct XML-illegal characters in ``text`` (in order)."""
    seen: list[str] = []
    for ch in _ILLEGAL_XML.findall(text):
        if ch not in seen:
            seen.append(ch)
    return seen


def strip_illegal_xml(text: str) -> str:
    """Remove characters that XML 1.0 (and so Word) does not allow."""
    return _ILLEGAL_XML.sub("", text)


def codepoint(ch: str) -> str:
    """``U+000C`` style name of a character."""
    return f"U+{ord(ch):04X}"


def excerpt(text: str, limit: int = 24) -> str:
    """A short one-line excerpt for messages."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
