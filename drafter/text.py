"""Plain-text helpers shared by validation, rendering, linting and import.

The data file convention: in a multi-line text a blank line starts a new
paragraph; single line breaks inside a paragraph are joined without inserting a
space (Chinese has none), except between two Latin letters or digits.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from drafter import regex

# Characters that XML 1.0 forbids (Word refuses a file that contains them).
_ILLEGAL_XML = regex.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Spaces a user may type at the start of a line to indent it by hand.
_EDGE_SPACES = " \t\u3000\u00a0"
_BLANK_LINE = regex.compile(r"\n[ \t\u3000\u00a0]*\n")
_LATIN = regex.compile(r"[A-Za-z0-9]")


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


# Characters a terminal acts on instead of showing: C0 controls (ESC starts colour, title and
# clear-screen sequences), DEL, C1 controls (U+009B is an 8-bit CSI), and the bidi overrides that
# reorder what is shown.  Tab and newline are kept.
_TERMINAL_UNSAFE = regex.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match) -> str:
    code = ord(m.group(0))
    if code < 0x20:
        return chr(0x2400 + code)            # ␛ for ESC, ␌ for a form feed …
    if code == 0x7F:
        return "\u2421"                      # ␡
    return f"<U+{code:04X}>"


def terminal_safe(text: str) -> str:
    """``text`` with every character a terminal would act on shown as a visible symbol instead.

    The one sanitiser for anything taken from a user's file (excerpts, names,
    file names) and printed: a draft cannot change the window title, clear the
    screen or hide text.
    """
    return _TERMINAL_UNSAFE.sub(_visible, text) if isinstance(text, str) else text


def excerpt(text: str, limit: int = 24) -> str:
    """A short one-line excerpt for messages."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- traditional characters -------------------------------------------------
# The traditional → simplified pairs are OpenCC's table, generated into package data
# (drafter/data/traditional.tsv, by scripts/gen_traditional.py; Apache-2.0, see its header).
# Matching vocabulary on a report written in traditional characters reads it as
# simplified; replacement keeps every offset.

TRADITIONAL_TABLE = "traditional.tsv"


def table_columns(path) -> tuple[list[str], list[str]]:
    """The two columns of a generated table of drafter's (``# `` header lines, then ``first<TAB>second`` rows),
    split in C: the divisions and the traditional characters are read at the start of most commands."""
    text = path.read_text(encoding="utf-8")
    start = 0
    while text.startswith("#", start):                    # the header comment
        start = text.index("\n", start) + 1
    fields = text[start:].split()
    if len(fields) % 2:
        raise ValueError(f"{path.name}: every row is two fields separated by a tab")
    return fields[0::2], fields[1::2]


@lru_cache(maxsize=1)
def _traditional_pairs() -> tuple[str, str]:
    """The table's traditional characters and, at the same positions, their simplified forms."""
    from pathlib import Path

    traditional, simple = table_columns(Path(__file__).resolve().parent / "data" / TRADITIONAL_TABLE)
    if any(len(c) != 1 for c in traditional) or any(len(c) != 1 for c in simple):
        raise ValueError(f"{TRADITIONAL_TABLE}: every row is one character, a tab and one character")
    return "".join(traditional), "".join(simple)


@lru_cache(maxsize=1)
def _traditional_table() -> dict:
    traditional, simplified_ = _traditional_pairs()
    return dict(zip(map(ord, traditional), simplified_))


@lru_cache(maxsize=1)
def _traditional_set() -> frozenset:
    return frozenset(_traditional_pairs()[0])


def traditional_chars() -> frozenset:
    """Characters used only in traditional Chinese (the keys of the folding table)."""
    return _traditional_set()


@lru_cache(maxsize=8192)
def simplified(text: str) -> str:
    """``text`` with traditional-only characters read as simplified (same length, offsets stay valid).

    Cached: every rule that matches vocabulary asks for the same paragraphs.
    """
    return text if _traditional_set().isdisjoint(text) else text.translate(_traditional_table())


def traditional_in(text: str) -> set:
    """The traditional-only characters that occur in ``text`` (one pass in C)."""
    return _traditional_set().intersection(text)


def simplify_long(text: str, present: set | None = None) -> str:
    """:func:`simplified` for a long text (not cached); ``present`` is :func:`traditional_in` if known.

    Few distinct characters need replacing, so each is replaced on its own (``str.translate``
    looks up every character of the text); where a replacement is itself to be replaced, one
    ``translate`` pass keeps the result the same.
    """
    if present is None:
        present = traditional_in(text)
    if not present:
        return text
    table = _traditional_table()
    if any(table[ord(c)] in present for c in present):
        return text.translate(table)
    for c in present:
        text = text.replace(c, table[ord(c)])
    return text


@lru_cache(maxsize=1)
def units_pattern() -> str:
    """The measure words (``lint.units`` in templates/common.yaml) as a regex alternation, longest first."""
    from drafter.levels import common_data

    units = (common_data().get("lint") or {}).get("units") or []
    return "|".join(map(re.escape, sorted(units, key=len, reverse=True)))


# --- dates -------------------------------------------------------------------
# GB/T 9704: 成文日期 in Arabic numerals, year in full, no padding (2025年2月20日).
# Drafts also write them in Chinese numerals (二〇二五年二月二十日), which lint flags.

_DATE_LINE = regex.compile(r"^(?P<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
                        r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$")
DATE_LINE_LENGTH = 16                  # a stand-alone 成文日期 line is at most this long
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def zh_date(value: _dt.date) -> str:
    """``2025-02-20`` → ``2025年2月20日``."""
    return f"{value.year}年{value.month}月{value.day}日"


def _date_number(text: str) -> int | None:
    from drafter.numbering import parse_cn_numeral

    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in _CN_DIGITS for c in text):
        return int("".join(_CN_DIGITS[c] for c in text))
    return parse_cn_numeral(text)


def parse_date_line(text: str) -> _dt.date | None:
    """The date of a stand-alone date line (“2025年2月20日”, also in Chinese numerals), else None."""
    match = _DATE_LINE.match(text.strip())
    if not match:
        return None
    try:
        return _dt.date(_date_number(match.group("y")), _date_number(match.group("m")), _date_number(match.group("d")))
    except (TypeError, ValueError):
        return None


# 发文字号: 机关代字〔YYYY〕N号 (here, not in drafter.data.validate, so that lint does not load Cerberus)
DOC_NUMBER = regex.compile(r"^(?P<prefix>[^〔〕\s]+)〔(?P<year>\d{4})〕(?P<serial>[1-9]\d*)号$")


def doc_number_problem(value: str) -> str | None:
    """A Chinese explanation of what is wrong with a 发文字号, or None."""
    if DOC_NUMBER.match(value):
        return None
    if re.search(r"[\[\]【】()（）〈〉<>]", value) and re.search(r"\d{4}", value):
        return "发文字号的年份应使用六角括号〔〕（如“鞍委〔2024〕17号”），不能用[]、【】或()"
    if re.search(r"〔\d{2}〕", value):
        return "发文字号的年份应写全四位（如〔2024〕，不能写成〔24〕）"
    if "第" in value:
        return "发文字号的序号前不加“第”（如“17号”）"
    if re.search(r"〕0\d*号", value):
        return "发文字号的序号不编虚位（如“7号”，不能写成“07号”）"
    if not value.endswith("号"):
        return "发文字号应以“号”结尾（如“鞍委〔2024〕17号”）"
    return "发文字号格式应为“机关代字〔年份〕序号号”，如“鞍委〔2024〕17号”"
