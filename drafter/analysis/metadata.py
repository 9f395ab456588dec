"""The report's metadata read from its text: title, 主送, 发文字号, 署名, 成文日期, year, issuer, level and joint.

Level and joint come from weighed evidence (:class:`Evidence`), strongest first:

* the issuer named in the title, in the 署名 at the end, or on a stand-alone line at the top;
* the subject of the opening sentence (“2023年，××镇坚持……”);
* a division code in a portal's 索引号 (330703000000/2022-…);
* the 主送 line (a report goes to the level above);
* the report's self-references, counted (我市/全市, 我县, 我镇, 本街道, 我局 …);
* a portal's 发布机构 line (weakest: a county's report is often published by its 司法局).

A name is read by :func:`read_name`: organ-type endings (部、厅、局、委、办、署、中心 …) make a
department; otherwise the place, after stripping 中共 / 中国共产党 / 委员会 / 人民政府 /
行政公署 / 办事处, is looked up in the divisions table (:mod:`drafter.analysis.divisions`).
The default level applies only when no cue at all was found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import NamedTuple

from drafter import regex
from drafter.analysis import divisions
from drafter.analysis.headings import is_title_style, is_toc_entry, recognise
from drafter.analysis.vocabulary import vocabulary as _vocab
from drafter.document.model import Document, Paragraph
from drafter.text import parse_date_line, simplified

DEFAULT_LEVEL = "county"
# On equal evidence (an ××市 not in the table): county-level cities outnumber prefecture-level ones.
_TIE_ORDER = ("county", "city", "township", "department", "province")
LEVEL_ORDER = ("province", "city", "county", "township", "department")
HEAD_PARAGRAPHS = 12          # how far into the document the title and issuer lines are looked for
TAIL_PARAGRAPHS = 25          # signature, date, 版记 and web junk lines at the end
MAX_LINE = 40                 # a stand-alone name line is at most this long
SCAN_LIMIT = 400              # characters of one paragraph a cue pattern looks at

# The cues in Chinese, as reports and import comments name them.
CUE_NAMES = {"title": "标题", "signature": "落款", "line": "单独成行的机关名称", "opening": "开头一句的主语",
             "index_code": "索引号中的区划代码", "recipients": "主送机关", "self_reference": "正文自称",
             "portal": "网站发布机构", "given": "指定"}
# Weights of the cues (the strongest decides; the sum per level breaks ties).
WEIGHTS = {"given": 100, "title": 10, "signature": 8, "opening": 5, "line": 4.5, "index_code": 4,
           "recipients": 3, "self_reference": 2, "portal": 1}

# Word lists are data (``analysis:`` in templates/common.yaml): organ-type endings, place endings
# and self-references with their levels, short 主送 names, portal labels, cover-letter and web
# lead-in words, title words, opening skip words and verbs.  drafter.analysis.vocabulary compiles
# them at first use (``_vocab()``).
_SPACES = " \t\u00a0\u3000"
_SENTENCE = regex.compile(r"[。，,；;！？!?]")
_YEAR = regex.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年")
_CN_YEAR = regex.compile(r"(二[〇○零]\s*[〇○零一二三四五六七八九]\s*[〇○零一二三四五六七八九])\s*年")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}
_FULL_DATE = regex.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月")
_NAME_SPLIT = regex.compile(r"[\s\u3000、，,]+")
_PARTY = regex.compile(r"^(?:中共|中国共产党)|党委$|党工委|党组$|党组\b|(?<![人大常])[省市县区州盟旗镇乡]委$")
_PARTY_PREFIX = regex.compile(r"^(?:中共|中国共产党)")
_WILDCARD = regex.compile(r"^[×xX＊*ＸｘXx○〇某]{1,4}")

# 主送 lines: organisation names separated by 、，, and ending in a colon.
RECIPIENTS_MAX = 60
_NOT_RECIPIENTS = regex.compile(r"[。；;！？]")

_INDEX_CODE = regex.compile(r"^(?P<code>\d{6})(?:\d{6})?[-/]")
# A cover page's date line (2024年3月, 二〇二四年三月): never part of the title.
_MONTH_LINE = regex.compile(r"^(?:(?:19|20)\d{2}|二[〇○零][〇○零一二三四五六七八九]{2})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月$")
_TIME_CLAUSE = regex.compile(r"^(?:(?:19|20)\d{2}\s*年(?:度)?(?:以来|来|中|里|内|上半年|全年)?|今年以来|今年来|一年来|过去一年|近年来"
                          r"|本年度|年内|[一二三四五六七八九十两]+年来|近[一二三四五六七八九十两]+年(?:来)?|过去[一二三四五六七八九十两]+年)$")


class NameReading(NamedTuple):
    """What a name says: its level (``None`` if unknown), whether it is a Party body, the division."""

    name: str
    level: str | None
    party: bool = False
    division: divisions.Division | None = None
    candidates: tuple = ()          # levels when ambiguous (an unknown ××市: city or county)


class Evidence(NamedTuple):
    """One cue for the level: ``cue`` (title, signature, line, opening, index_code, recipients,
    self_reference, portal, given), the ``text`` it was read from, the ``level`` it points to,
    its ``weight`` and the division found, if any."""

    cue: str
    text: str
    level: str
    weight: float
    division: str | None = None
    party: bool = False
    name: str | None = None

    def as_dict(self) -> dict:
        return {"cue": self.cue, "name": self.name, "party": self.party, "text": self.text, "level": self.level,
                "weight": self.weight, "division": self.division}


def is_party_name(name: str) -> bool:
    """Whether ``name`` is a Party body (中共××委, 中国共产党××委员会, ××党工委, ××党组), not a government."""
    name = simplified(name.strip())
    return bool(_PARTY.search(name)) and not _vocab().congress.search(name)


def is_organ_name(name: str) -> bool:
    """Whether ``name`` ends like an organ's name (××委, ××人民政府, ××局, 国务院 …)."""
    return bool(_vocab().organ.search(name))


def split_names(text: str) -> list[str]:
    """Organisation names written in one line, separated by 、，, or spaces."""
    return [n for n in _NAME_SPLIT.split(text) if n]


def _place_level(place: str) -> tuple[str | None, divisions.Division | None, tuple]:
    """Level of a place name (金华市金东区, 桂林市, 宁夏回族自治区, ××县) via the divisions table."""
    if not place:
        return None, None, ()
    if _vocab().township.search(place):
        return "township", divisions.innermost(place), ()
    hits = divisions.find_all(place)
    if hits and hits[-1][1] == len(place):
        division = divisions.innermost(place)
        return division.level, division, ()
    if not _vocab().place_end.search(place) or len(place) < 2:
        return None, None, ()
    # not in the table (anonymised or new): the level of its ending; an ××市 may be prefecture-level
    # or county-level (then candidates, not a level)
    levels = next(levels for end, levels in _vocab().place_levels if place.endswith(end))
    return (levels[0], None, ()) if len(levels) == 1 else (None, None, levels)


def read_name(name: str) -> NameReading:
    """Read one organ or place name (see the module docstring)."""
    original = simplified(name.strip(_SPACES))
    if not original or len(original) > MAX_LINE or _PUNCTUATION.search(original):
        return NameReading(name, None)
    if _vocab().self_reference.fullmatch(original):
        return NameReading(name, None)           # 我局, 本街道: a self-reference, counted elsewhere
    party = is_party_name(original)
    text = _PARTY_PREFIX.sub("", original)
    if not party and _vocab().department.search(text) and not _vocab().not_department.search(text):
        place = text
        if len(place) <= 1:
            return NameReading(name, None)
        return NameReading(name, "department", False, divisions.innermost(place))
    if party and text.endswith("党组"):
        return NameReading(name, "department", True)
    if _vocab().congress.search(text) or _vocab().central.match(text):
        return NameReading(name, None)
    if text.endswith(("街道办事处", "街道党工委", "党工委")):
        return NameReading(name, "township", party, divisions.innermost(text))
    place = text
    for _ in range(2):
        place = _vocab().government_suffix.sub("", place)
    if party and not text.endswith(("委员会", "委", "党委")):
        return NameReading(name, None)
    # a short Party name “中共××市委” → place ××市
    level, division, candidates = _place_level(place)
    if level is None and not candidates and party:
        level, division, candidates = _place_level(place + "市") if place else (None, None, ())
    if _WILDCARD.match(place) and level is None and not candidates:
        return NameReading(name, None)
    if level is None and not candidates:
        return NameReading(name, None)
    if len(place.lstrip("×xX＊*ＸｘXx○〇某")) <= 1 and division is None and not _WILDCARD.match(place):
        return NameReading(name, None)           # a bare jurisdiction word: 区, 市政府
    if not party and division is not None:
        hits = divisions.find_all(original)
        if hits and hits[0][0] > 0 and re.search(r"[^\u4e00-\u9fff]", original[:hits[0][0]]):
            name = original[hits[0][0]:]         # web junk glued before the name: “…www.××.com湖北省人民政府”
    return NameReading(name, level, party, division, candidates)


# --- lines --------------------------------------------------------------------------------------

def _clean(text: str) -> str:
    return text.strip(_SPACES)


def _is_sentence(text: str) -> bool:
    return bool(_SENTENCE.search(text))


def find_recipients(paragraphs) -> tuple[Paragraph, list] | None:
    """``(paragraph, names)`` of the first 主送 line among ``paragraphs``, or ``None``."""
    for paragraph in paragraphs:
        text = _clean(paragraph.text)
        if not text.endswith((":", "：")) or len(text) > RECIPIENTS_MAX or _NOT_RECIPIENTS.search(text):
            continue
        names = split_names(text.rstrip(":："))
        if names and all(map(is_organ_name, names)):
            return paragraph, names
    return None


def main_lines(document: Document, parts=("body",)) -> list[Paragraph]:
    """Non-empty stand-alone paragraphs of the main text (no TOC; no tables unless ``parts`` has them)."""
    return [p for p in document.body() if p.part in parts and (p.table_cell is None or "table" in parts)
            and _clean(p.text) and not is_toc_entry(p)]


def _first_sentence_index(lines: list[Paragraph], parts=("body",)) -> int:
    """Index (into ``lines``) of the first paragraph of body text: a long sentence or a heading."""
    for i, paragraph in enumerate(lines[:HEAD_PARAGRAPHS * 3]):
        text = _clean(paragraph.text)
        heading = recognise(paragraph, parts)
        if heading is not None and heading.marker in ("number", "runin"):
            return i
        if _is_sentence(text) and (len(text) > MAX_LINE or (len(text) > 15 and text.endswith("。"))) \
                and find_recipients([paragraph]) is None and not _vocab().cover.search(text[:80]) \
                and not (len(text) <= 80 and _vocab().web_lead.search(text)):
            return i
    return min(len(lines), HEAD_PARAGRAPHS)


def _tail_start(lines: list[Paragraph]) -> int:
    """Index (into ``lines``) where the closing lines (署名, 成文日期, 抄送, web junk) begin."""
    i = len(lines)
    while i > 0 and len(lines) - i < TAIL_PARAGRAPHS:
        text = _clean(lines[i - 1].text)
        if _is_sentence(text) and len(text) > MAX_LINE and parse_date_line(text) is None:
            break
        i -= 1
    return i


# --- cover letter, 版记, 签发人, 附注, red header ------------------------------------------------

_ISO_DATE = regex.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DOC_NUMBER_LOOSE = regex.compile(r"([^\s:：，,。]{1,12}?)[〔\[［【(（](\d{4})[〕\]］】)）]第?0*([1-9]\d{0,5})号")
_CC = regex.compile(r"^抄送[：:]\s*(?P<names>.{1,500}?)。?$")
# 印发日期, alone or after the 印发机关 on the same line (“××办公室<tab>2025年2月21日印发”)
_ISSUED = regex.compile(r"^(?:(?P<issuer>\S.{0,60}?)\s+)?(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*印发$")
_SIGNER = regex.compile(r"签发人[：:]\s*(?P<names>.{1,200})$")
_CONTACT = regex.compile(r"^[（(](.{1,500})[）)]$")
_PUNCTUATION = regex.compile(r"[、，,。；;：:！？“”\"（）()]")
_ATTACHMENT_LINE = regex.compile(r"^附\s*件\s*\d{0,2}$")
_SPACE_RUN = regex.compile(r"[ \t\u00a0\u3000]+")
_SENTENCE_END = regex.compile(r"[。！？]")
_CLAUSE_SPLIT = regex.compile(r"[，,；;：:]")
_YEAR_LEAD = regex.compile(r"(?:(?:19|20)\d{2}\s*年(?:度)?(?:以来|来|中|里|内)?)")


def is_cover_sentence(text: str) -> bool:
    """A cover letter's sentence (“现将……报上，请审阅。”)."""
    return bool(_vocab().cover.search(text[:200]))


def doc_number_parts(text: str) -> tuple[str, str, str, str] | None:
    """(as written, organ code, year, number) of a 发文字号 in any bracket style, or ``None``."""
    match = _DOC_NUMBER_LOOSE.search(text[:200])
    return (match.group(0), match.group(1), match.group(2), match.group(3)) if match else None


def cc_names(text: str) -> list[str] | None:
    """The names of a 版记 “抄送：……” line, or ``None``."""
    match = _CC.match(text)
    return [n for n in re.split(r"[，,、]", match.group("names")) if n.strip()] if match else None


def issue_line(text: str) -> tuple[str | None, dt.date | None] | None:
    """``(印发机关 or None, 印发日期)`` of a 版记 line “[××办公室  ]2025年2月20日印发”, or ``None``."""
    match = _ISSUED.match(text[:120])
    if not match:
        return None
    return match.group("issuer"), _safe_date(match.group("y"), match.group("m"), match.group("d"))


def signer_names(text: str) -> list[str] | None:
    """The names after “签发人：”, or ``None``."""
    match = _SIGNER.search(text)
    return split_names(match.group("names")) if match else None


def contact_note(text: str) -> str | None:
    """A 附注 in brackets (“（联系人：……）”), or ``None``."""
    match = _CONTACT.match(text)
    return match.group(1) if match else None


def is_masthead(text: str) -> bool:
    """The red header's 发文机关标志 (“××人民政府文件”, or “文件” beside a joint masthead)."""
    return text.endswith("文件") and len(text) <= 30


def is_imprint_line(text: str) -> bool:
    """A 版记 or 附注 line (抄送, 印发, 签发人, bracketed note)."""
    return bool(_CC.match(text) or _ISSUED.match(text) or _SIGNER.search(text) or _CONTACT.match(text))


def web_date(text: str) -> dt.date | None:
    """A web page's ISO date (2022-03-03) in a line: a publication date, never a 成文日期."""
    match = _ISO_DATE.search(text)
    return _safe_date(*match.groups()) if match else None


def _safe_date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


# --- title --------------------------------------------------------------------------------------

MAX_TITLE = 80


def _title_format(paragraph: Paragraph, body_size: float | None) -> bool:
    """Whether a paragraph is formatted as a title: title style, centred, bold or larger than the body."""
    if is_title_style(paragraph.style):
        return True
    fmt = paragraph.format
    if fmt is None:
        return False
    if fmt.alignment == "center":
        return True
    if paragraph.bold or fmt.bold:
        return True
    return bool(fmt.size_pt and body_size and fmt.size_pt >= body_size + 2)


def _title_text_ok(text: str) -> bool:
    return (0 < len(text) <= MAX_TITLE and not text.endswith((">", "›", "»", "》>")) and "当前位置" not in text
            and ":" not in text and "：" not in text and not text.endswith((":", "：")) and not _SENTENCE.search(text)
            and parse_date_line(text) is None and not _MONTH_LINE.match(text) and doc_number_parts(text) is None
            and not _ATTACHMENT_LINE.match(text)
            and not text.endswith("文件")
            and not _vocab().portal.match(text))


def _body_size(lines: list[Paragraph]) -> float | None:
    sizes = Counter(p.format.size_pt for p in lines if p.format is not None and p.format.size_pt
                    and len(p.text) > MAX_LINE)
    return sizes.most_common(1)[0][0] if sizes else None


def _names_only(text: str) -> bool:
    names = split_names(text)
    return bool(names) and all(read_name(n).level or read_name(n).candidates for n in names)


def find_title(lines: list[Paragraph], head_end: int, recipients: Paragraph | None = None) -> list[Paragraph]:
    """The title block: the first title-formatted paragraph(s) before the 主送 or first sentence.

    In a .docx: a title style, centred, bold or larger text; up to three consecutive such
    paragraphs are one title (“中共××市委 ××市人民政府” / “关于2023年……的报告”).  In plain
    text: a short line that names the report (法治, 报告, 总结 …), joined with a following
    line that completes it.
    """
    if recipients is not None and recipients in lines:
        before = lines.index(recipients)
        block = find_title(lines[:before], before) if before else []
        if block:
            return block                           # the title above the 主送 …
        lines = lines[before + 1:]                 # … else a cover letter first, the report's title after it
        head_end = max(head_end - before - 1, 1)
    head = lines[:max(head_end, 1)][:HEAD_PARAGRAPHS]
    candidates = [(i, p) for i, p in enumerate(head) if _title_text_ok(_clean(p.text))
                  and not ((h := recognise(p, ("body", "table"))) is not None and h.marker in ("number", "runin", "letter"))]
    if any(p.format is not None for p in head):
        block = _formatted_title(head, candidates, _body_size(lines))
        if block:
            return block
    # plain text, or a .docx whose title is not formatted: a line naming 法治 work (or an issuer line
    # followed by “关于……”) first, else a line naming a report
    for words in (_vocab().title_subject, _vocab().title_genre):
        for i, paragraph in candidates:
            text = _clean(paragraph.text)
            if _names_only(text):
                if i + 1 < len(head) and _clean(head[i + 1].text).startswith("关于") \
                        and _title_text_ok(_clean(head[i + 1].text)):
                    return [paragraph, head[i + 1]]
            elif words.search(simplified(text)) and len(text) >= 6:
                return [paragraph]
    return []


def _formatted_title(head: list, candidates: list, body_size) -> list:
    """The first title-formatted block among ``candidates`` (see :func:`find_title`)."""
    for i, paragraph in candidates:
        text = _clean(paragraph.text)
        if paragraph.format is None or not _title_format(paragraph, body_size):
            continue
        block = [paragraph]
        for nxt in head[i + 1:i + 3]:
            t = _clean(nxt.text)
            if not (_title_text_ok(t) and _title_format(nxt, body_size)) or find_recipients([nxt]):
                break
            if t == _clean(block[-1].text) or _vocab().complete_title.search(simplified(_clean(block[-1].text))):
                break                              # a repeated title, or one that is complete
            if nxt.format is not None and nxt.format.alignment != paragraph.format.alignment:
                break
            if _names_only(t) and not _names_only(text):
                break                              # a 署名-like line under the title
            block.append(nxt)
        if all(_names_only(_clean(p.text)) for p in block):
            continue                               # organ lines only (red-header masthead, 署名)
        return block
    return []


def title_text(block: list[Paragraph]) -> str | None:
    """The title's text: the block's paragraphs joined (a manual line break removed)."""
    if not block:
        return None
    parts = [_clean(p.text).replace("\n", "").strip("《》") for p in block]
    joined = parts[0]
    for part in parts[1:]:
        joined += ("" if part.startswith("关于") or not _names_only(joined) else " ") + part
    return joined


def issuer_part(title: str) -> str:
    """The part of a title that names the issuer: before 关于 / the year / 法治 … (or after a leading year)."""
    title = title.strip("《》“”\"")
    simple = simplified(title)
    cut = regex.compile(r"(?:19|20)\d{2}\s*[-—–~至]\s*(?:19|20)\d{2}\s*年度?|(?:19|20)\d{2}\s*年度?|关于|法治|依法行政"
                     r"|二[〇○零][〇○零一二三四五六七八九]{2}\s*年度?"
                     r"|年度|(?<!街道)工作(?!委员会)|情况")
    start = 0
    for match in cut.finditer(simple):
        if match.start() > start and simple[start:match.start()].strip(_SPACES):
            return title[start:match.start()].strip(_SPACES)
        start = match.end()
    return title[start:].strip(_SPACES) if start < len(title) and not cut.search(simple, start) else ""


# --- dates and year -----------------------------------------------------------------------------

def find_date(lines: list[Paragraph]) -> tuple[dt.date | None, Paragraph | None]:
    """The 成文日期: a date line among the last paragraphs, whatever its indentation."""
    for paragraph in reversed(lines[-TAIL_PARAGRAPHS - 4:]):
        text = _SPACE_RUN.sub("", paragraph.text)
        date = parse_date_line(text)
        if date is not None:
            return date, paragraph
    return None, None


def find_year(title: str | None, lines: list[Paragraph], first_body: int, date: dt.date | None,
              document: Document) -> tuple[int | None, str | None]:
    """The report year and its source: title, opening sentences, 成文日期 (Jan–Apr) minus one, body."""
    if title:
        match = _YEAR.search(title)
        if match:
            return int(match.group(1)), "title"
        match = _CN_YEAR.search(title)             # 二〇二三年度……
        if match:
            return int("".join(_CN_DIGIT[c] for c in match.group(1) if c in _CN_DIGIT)), "title"
    for paragraph in lines[first_body:first_body + 3]:
        text = paragraph.text[:SCAN_LIMIT]
        if _is_sentence(text):
            for match in _YEAR.finditer(text):
                if not _FULL_DATE.match(text, match.start()):
                    return int(match.group(1)), "opening"
    if date is not None and date.month <= 4:
        return date.year - 1, "date"
    counts = Counter()
    for paragraph in document.body():
        text = paragraph.text[:SCAN_LIMIT * 5]
        if parse_date_line(re.sub(r"\s+", "", text)) is None:
            counts.update(int(m.group(1)) for m in _YEAR.finditer(text) if not _FULL_DATE.match(text, m.start()))
    return (counts.most_common(1)[0][0], "body") if counts else (None, None)


# --- level --------------------------------------------------------------------------------------

def opening_subject(text: str) -> str | None:
    """The subject of an opening sentence: “2023年，××镇坚持……” → ××镇 (``None`` if none)."""
    original = text[:SCAN_LIMIT]
    simple = simplified(original)                  # same offsets: the name is returned as written
    sentence_end = _SENTENCE_END.search(simple)
    sentence = simple[:sentence_end.start()] if sentence_end else simple
    position = 0
    for clause in _CLAUSE_SPLIT.split(sentence)[:6]:
        start = position + len(clause) - len(clause.lstrip(_SPACES))
        position += len(clause) + 1
        clause = _clean(clause)
        if not clause or _TIME_CLAUSE.match(clause) or clause.startswith(_vocab().opening_skip):
            continue
        lead = _YEAR_LEAD.match(clause)
        if lead:
            clause, start = clause[lead.end():], start + lead.end()
        if _vocab().self_reference.match(clause):
            return None                            # 我镇在……: a self-reference, counted elsewhere
        for match in _vocab().verbs.finditer(clause[:30]):
            head = clause[:match.start()]
            if head and (read_name(head).level or read_name(head).candidates):
                return original[start:start + len(head)]
        return None
    return None


def _evidence_from_name(cue: str, name: str, text: str, weight: float) -> Evidence | None:
    reading = read_name(name)
    levels = (reading.level,) if reading.level else reading.candidates
    if not levels:
        return None
    division = reading.division.name if reading.division else None
    return Evidence(cue=cue, text=text, level=levels[0] if len(levels) == 1 else "/".join(levels),
                    weight=weight, division=division, party=reading.party, name=reading.name)


class LevelReading(NamedTuple):
    level: str | None
    joint: bool
    evidence: list
    issuer: str | None = None
    party_issuer: str | None = None


def _portal_context(lines: list[Paragraph], i: int) -> bool:
    near = lines[max(0, i - 2):i + 3]
    return any(_vocab().portal.match(_clean(p.text)) for p in near if p is not lines[i])


def gather_evidence(document: Document, lines: list[Paragraph], title: str | None, title_block: list,
                    first_body: int, tail_start: int, recipients: list) -> list[Evidence]:
    """Every level cue found in the document (unsorted)."""
    evidence: list[Evidence] = []
    if title:
        for name in split_names(issuer_part(title)):
            if (e := _evidence_from_name("title", name, title, WEIGHTS["title"])) is not None:
                evidence.append(e)
    in_title = {id(p) for p in title_block}
    for i, paragraph in enumerate(lines[:first_body]):
        text = _clean(paragraph.text)
        if id(paragraph) in in_title:
            continue
        if (m := _vocab().portal_label.match(text)) is not None:
            for name in split_names(m.group("name")):
                if (e := _evidence_from_name("portal", name, text, WEIGHTS["portal"])) is not None:
                    evidence.append(e)
            continue
        if (m := _INDEX_CODE.match(text)) is not None and (division := divisions.by_code(m.group("code"))):
            evidence.append(Evidence("index_code", text, division.level, WEIGHTS["index_code"], division.name,
                                     name=division.name))
            continue
        if len(text) > MAX_LINE or _is_sentence(text) or text.endswith((":", "：")):
            continue
        cue = "portal" if _portal_context(lines, i) else "line"
        for name in split_names(text):
            if (e := _evidence_from_name(cue, name, text, WEIGHTS[cue])) is not None:
                evidence.append(e)
    for paragraph in lines[tail_start:]:
        text = _clean(paragraph.text)
        if len(text) > MAX_LINE or _is_sentence(text) or text.endswith((":", "：")) or _vocab().portal.match(text):
            continue
        for name in split_names(text):
            if (e := _evidence_from_name("signature", name, text, WEIGHTS["signature"])) is not None:
                evidence.append(e)
    opening = []
    for paragraph in lines[first_body:first_body + 6]:     # the sentences before the first heading
        heading = recognise(paragraph, ("body", "table"))
        if heading is not None and heading.marker in ("number", "outline"):
            break
        if _is_sentence(paragraph.text):
            opening.append(paragraph)
    for paragraph in opening[:4]:
        subject = opening_subject(paragraph.text)
        if subject and (e := _evidence_from_name("opening", subject, _clean(paragraph.text)[:40],
                                                 WEIGHTS["opening"])) is not None:
            evidence.append(e)
            break
    evidence.extend(_recipient_evidence(recipients))
    evidence.extend(_self_references(document))
    return evidence


def _recipient_evidence(recipients: list) -> list[Evidence]:
    """A report goes to the level above: 咸阳市人民政府 (city) → the issuer is a county; 省政府 → a city;
    党中央、国务院 → a province."""
    if any(_vocab().congress.search(n) for n in recipients):
        return []                     # to its own 人大常委会: same level, says nothing about the level above
    hierarchy = LEVEL_ORDER[:4]
    found = []
    for name in recipients:
        below = next((level for pattern, level in _vocab().bare_recipients if pattern.match(name)), None)
        if below is None:
            reading = read_name(name)
            if reading.level in hierarchy and hierarchy.index(reading.level) + 1 < len(hierarchy):
                below = hierarchy[hierarchy.index(reading.level) + 1]
        if below is not None:
            found.append(Evidence("recipients", name, below, WEIGHTS["recipients"], name=None))
    return found[:1]


def _self_references(document: Document) -> list[Evidence]:
    """How the report calls itself (我市/全市, 我县, 本街道, 我局 …), counted: the most used decides."""
    counts: Counter = Counter()
    written: Counter = Counter()
    for paragraph in document.body()[:400]:
        for match in _vocab().self_reference.finditer(simplified(paragraph.text[:SCAN_LIMIT * 3])):
            counts[match.group(1)] += 1
            written[match.group(0)] += 1
    if not counts:
        return []
    total = sum(counts.values())
    word, n = counts.most_common(1)[0]
    levels = _vocab().self_levels[word]
    weight = WEIGHTS["self_reference"] * min(1.0, n / max(total, 1) + 0.25)
    label = "、".join(f"{w}×{c}" for w, c in written.most_common(4))
    return [Evidence("self_reference", label, "/".join(levels), round(weight, 2))]


def decide_level(evidence: list[Evidence]) -> LevelReading:
    """The level the evidence supports most, whether the report is joint, and the issuer names."""
    if not evidence:
        return LevelReading(None, False, [])
    scores: Counter = Counter()
    best: dict = {}
    for e in evidence:
        levels = e.level.split("/")
        for level in levels:
            scores[level] += e.weight / len(levels) if len(levels) > 1 else e.weight
            best[level] = max(best.get(level, 0), e.weight)
    # the strongest single cue decides; the sums break ties (and resolve ××市 city/county)
    level = max(scores, key=lambda lv: (best[lv], scores[lv], -_TIE_ORDER.index(lv)))
    ordered = sorted(evidence, key=lambda e: (level not in e.level.split("/"), -e.weight))
    decisive = [e for e in evidence if e.cue in ("title", "signature", "line") and level in e.level.split("/")]
    party = next((e.name for e in decisive if e.party), None)
    government = next((e.name for e in decisive if not e.party), None)
    joint = party is not None and government is not None and level != "department"
    organ = next((e.name for e in decisive if not e.party and is_organ_name(e.name)), None)
    issuer = organ or government or next((e.name for e in ordered if not e.party and e.name
                                 and level in e.level.split("/") and e.cue != "portal"), None)
    if issuer is None:
        issuer = next((e.name for e in ordered if e.name and not e.party and level in e.level.split("/")), None)
    if party is None:
        party = next((e.name for e in ordered if e.party and e.name and level in e.level.split("/")), None)
    return LevelReading(level, joint, ordered, issuer, party)
