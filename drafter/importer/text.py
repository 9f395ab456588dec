"""Text helpers of the importer: sentences, run-in lists (一是……二是……), titles, causes, statistics.

Headings, titles, dates and names are read by :mod:`drafter.analysis`, never here.
"""

from __future__ import annotations

import re

from drafter import levels
from drafter.analysis.headings import RUNIN_MARKER, parse_number
from drafter.document.model import Section
from drafter.text import simplified, simplify_long, units_pattern

# Bounded patterns only (a line of 100,000 characters must import in linear time).
_SENTENCE_END = re.compile(r"[。！？；!?;…]['’”」』）)]*$")
_RUNIN = RUNIN_MARKER
_CLAUSE_END = re.compile(r"[。；;！？!?]")
_COMMA = re.compile(r"[，,]")
_BROKEN = re.compile(r"[\u4e00-\u9fff]$")
STAT_CAPTION = re.compile(r"^(?P<name>.+)（单位：(?P<unit>[^）]+)）$")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
# “……共(计|有)…N件，其中……”: found from 共 (the lead before it is read backwards, bounded)
_TOTAL = re.compile(rf"共(?:计|有)?(?P<what>[^\d，。；,;]{{0,20}}?)(?P<total>\d{{1,12}}(?:\.\d{{1,6}})?)"
                    rf"(?P<unit>{units_pattern()})[，,]\s*其中[，,：:]?(?P<parts>[^。；;]{{1,400}})")
_LEAD = re.compile(r"[^，。；,;：:]{0,40}$")
_PART = re.compile(rf"^(?P<name>[^\d]{{1,20}}?)(?P<value>\d{{1,12}}(?:\.\d{{1,6}})?)(?P<unit>{units_pattern()})$")
_BRACKETED = re.compile(r"[（(][^（）()]{0,200}[）)]")
_CAUSE_LABEL = re.compile(r"^原因[：:]")
MAX_STAT_TEXT = 20000          # characters of one text searched for statistics
RUNIN_SPLIT = "按“一是……二是……”拆分，小标题取自该条的第一句"
MAX_TITLE = 80
SHORT_TITLE = 40


def is_sentence(text: str) -> bool:
    """Body text ends a sentence (or a lead-in ``……如下：``); headings, portal metadata and web junk do not."""
    text = text.strip()
    return bool(_SENTENCE_END.search(text)) or (
        len(text) > 20 and text.endswith(("：", ":")) and bool(re.search(r"[，,。]", text)))


def join_paragraphs(paras: list[str]) -> str | None:
    """Paragraphs → a data-file text (blank line between paragraphs), or None."""
    paras = [p.strip() for p in paras if p and p.strip()]
    return "\n\n".join(paras) + "\n" if paras else None


def split_runin(text: str) -> tuple[str, list[str]]:
    """``……：一是甲；二是乙。`` → (``……：``, [``甲；``, ``乙。``]); no split unless 一是、二是 follow in order."""
    cuts, expected = [], 1
    for match in _RUNIN.finditer(text):
        if parse_number(match.group("n")) == expected:
            cuts.append((match.start(), match.end()))
            expected += 1
    if len(cuts) < 2:
        return text, []
    lead = text[: cuts[0][0]].strip()
    pieces = [text[end: cuts[i + 1][0] if i + 1 < len(cuts) else len(text)].strip()
              for i, (_, end) in enumerate(cuts)]
    return lead, pieces


def rejoin(paras: list[str]) -> list[str]:
    """Rejoin a paragraph that a web copy broke mid-sentence (it ends in a Chinese character)."""
    out: list[str] = []
    for text in paras:
        if out and _BROKEN.search(out[-1]) and len(out[-1]) > SHORT_TITLE and not _RUNIN.match(text):
            out[-1] += text
        else:
            out.append(text)
    return out


def title_and_rest(piece: str) -> tuple[str, str]:
    """A short title from the first clause of ``piece``; the rest is its text."""
    match = _CLAUSE_END.search(piece)
    head, rest = (piece[: match.start()], piece[match.end():]) if match else (piece, "")
    if len(head) > SHORT_TITLE:
        comma = _COMMA.search(head)
        if comma and comma.start() <= MAX_TITLE:
            head, rest = head[: comma.start()], head[comma.end():] + (piece[match.start():] if match else "")
            rest = rest.lstrip("。；;")
    return head.strip().rstrip("，,：:")[:MAX_TITLE], rest.strip()


def heading_rest(section: Section) -> str:
    """Body text written on the heading's own line after its title (``（一）标题。正文……``)."""
    heading = section.heading
    text = heading.paragraph.text.strip(" \t\u00a0\u3000")
    after = text[len(heading.number_text):].lstrip() if text.startswith(heading.number_text) else text
    if after.startswith(heading.title):
        return after[len(heading.title):].lstrip("。：:；; \u3000").strip()
    return ""


def _has_any(text: str, words) -> bool:
    text = simplified(text)
    return any(w in text for w in words)


# --- measure kinds ----------------------------------------------------------------------------

def kind_scores(title: str, text: str) -> dict:
    """Keyword score per measure kind: hits in the title weigh ten times hits in the text."""
    scores = {}
    title, text = simplified(title), simplify_long(text)
    for key, kind in levels.measure_kinds().items():
        score = sum(10 for w in kind.keywords if w in title) + sum(text.count(w) for w in kind.keywords)
        if score:
            scores[key] = score
    return scores


def guess_kind(title: str, text: str) -> tuple[str, str]:
    """(kind, reason in Chinese) for a measures area."""
    kinds = levels.measure_kinds()
    scores = kind_scores(title, text)
    if not scores:
        return "other", "标题和正文中没有可判断领域的用词，暂归“其他”"
    best = max(scores, key=lambda k: (scores[k], -list(kinds).index(k)))
    where = "标题" if _has_any(title, kinds[best].keywords) else "正文"
    return best, f"按{where}用词猜测为“{kinds[best].name}”"


def stats_in_text(text: str) -> list[dict]:
    """“共N件，其中甲a件、乙b件” → stats, only where the parts add up to the total exactly."""
    found = []
    text = (text or "")[:MAX_STAT_TEXT]
    for m in _TOTAL.finditer(text):
        unit = m.group("unit")
        parts = []
        for piece in re.split(r"[，,、]", _BRACKETED.sub("", m.group("parts"))):
            pm = _PART.match(piece.strip())
            if not pm or pm.group("unit") != unit:
                parts = []
                break
            parts.append({"name": pm.group("name").strip(), "value": _num(pm.group("value"))})
        total = _num(m.group("total"))
        if len(parts) < 2 or abs(sum(p["value"] for p in parts) - total) > 1e-9:
            continue
        lead = _LEAD.search(text, max(0, m.start() - 40), m.start())
        lead_text = lead.group(0) if lead else ""
        name = m.group("what").strip() or re.split(r"[\s、]", lead_text.strip())[-1][-12:]
        name = re.sub(r"^(全年|全市|全区|全县|累计)", "", name)
        if name:
            found.append({"name": name, "unit": unit, "total": total, "parts": parts})
    return found


def stat_from_table(cells: list) -> dict | None:
    """A stat from a two-column table laid out as :mod:`drafter.render.context` renders it, else None."""
    rows: dict = {}
    for p in cells:
        rows.setdefault(p.table_cell[1], []).append(p.text.strip())
    ordered = [rows[k] for k in sorted(rows)]
    if len(ordered) < 3 or len(ordered[0]) != 1 or not (m := STAT_CAPTION.match(ordered[0][0])):
        return None
    stat: dict = {"name": m.group("name"), "unit": m.group("unit")}
    parts, rates = [], []
    for row in ordered[2:]:
        if len(row) != 2:
            return None
        name, value = row
        if value.endswith("%") and _NUMBER.match(value[:-1]):
            rates.append({"name": name, "value": _num(value[:-1])})
        elif not _NUMBER.match(value):
            return None
        elif name in ("合计", "总数") and "total" not in stat:
            stat["total"] = _num(value)
            if name == "总数" and parts == [] and len(ordered) > 3:
                stat["partial"] = True
        else:
            parts.append({"name": name, "value": _num(value)})
    if parts:
        stat["parts"] = parts
    if stat.get("partial") and not parts:
        del stat["partial"]
    if rates:
        stat["rates"] = rates
    return stat


def _num(text: str):
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def split_cause(paras: list[str]) -> tuple[list[str], list[str]]:
    """(what the shortcoming is, its cause): from a paragraph labelled 原因 or opening with a
    cause word, else from the first sentence using a cause word (``cause_words`` of templates/)."""
    words = levels.common_data()["items"]["problems"].get("cause_words") or []
    for i, text in enumerate(paras):
        if _CAUSE_LABEL.match(text):
            return paras[:i], [_CAUSE_LABEL.sub("", text, count=1)] + paras[i + 1:]
        if any(text.startswith(w) for w in words):
            return paras[:i], paras[i:]
    for i, text in enumerate(paras):
        sentences = re.findall(r"[^。！？]*[。！？]?", text)
        pos = 0
        for sentence in sentences:
            if sentence and _has_any(sentence, words):
                before = text[:pos].strip()
                return paras[:i] + ([before] if before else []), [text[pos:].strip()] + paras[i + 1:]
            pos += len(sentence)
    return paras, []




def _all_text(node: dict) -> str:
    out = [node.get("title") or "", node.get("text") or ""]
    out += [_all_text(i) for i in node.get("items") or []]
    return "\n".join(out)
