"""Turn a validated data document into the context a report template renders.

The context is deliberately flat and ready to print: every heading number is
generated here (via :mod:`drafter.numbering`), every multi-line text is split
into Word paragraphs (via :func:`drafter.text.paragraphs`), dates are written
the way GB/T 9704 wants them (2025年2月20日), statistics become table rows and
XML-illegal characters are removed (each removal is reported with the YAML
field it came from).  Templates therefore contain no logic beyond loops and
conditionals.

:data:`CONTEXT_FIELDS` is the contract between this module and the templates:
``drafter templates check`` compares a template's variables against it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from drafter import regex
from drafter import levels
from drafter.data.loader import format_field
from drafter.errors import WARNING, Diagnostic
from drafter.numbering import heading_number
from drafter.analysis.headings import strip_leading_number
from drafter.text import codepoint, illegal_xml_chars, paragraphs, strip_illegal_xml, zh_date

# Template variable → (Chinese description, data-file fields it carries).
CONTEXT_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "title": ("报告标题（未填写 meta.title 时按层级自动生成；较长时在“关于”前换行）", ("meta.title",)),
    "masthead": ("红头发文机关标志（联合报告为两行）", ("meta.body", "meta.party_body")),
    "red_header": ("是否印红头版头", ("meta.red_header",)),
    "doc_number": ("发文字号", ("meta.doc_number",)),
    "signers": ("签发人（多人用空格分隔）", ("meta.signer",)),
    "recipients": ("主送机关（已加全角冒号）", ("meta.recipients",)),
    "body": ("正文各段：开头段落和五项内容（标题、段落、表格）；closing 为真的段落（正文最后一段）与署名、成文日期排在同一页",
             ("intro", "measures", "problems", "leadership", "plan", "other")),
    "attachments": ("附件说明各行", ("meta.attachments",)),
    "signature": ("发文机关署名（每个机关一行）", ("meta.signature",)),
    "date": ("成文日期（如 2025年2月20日）", ("meta.date",)),
    "contact": ("附注（已加圆括号）", ("meta.contact",)),
    "imprint": ("是否印版记（有抄送机关或印发机关时为真）", ()),
    "cc": ("版记中的抄送机关（已加“抄送：”和句号）", ("meta.cc",)),
    "issuer": ("版记中的印发机关", ("meta.issuer",)),
    "issue_date": ("版记中的印发日期（如 2025年2月21日印发）", ("meta.issue_date",)),
    "cover_letter": ("报送函（没有时为空）：text 为各段函文", ("meta.cover_letter",)),
}

# Data fields that shape the document without being printed as such.
IMPLICIT_FIELDS = ("meta.level", "meta.joint", "meta.year")

_COLON = "："


def format_number(value) -> str:
    """13 → ``13``, 12.5 → ``12.5``, 3.0 → ``3``."""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:g}"
    return str(value)


@dataclass
class Builder:
    """Walks a validated document; collects warnings about removed characters."""

    source: str | None = None
    warnings: list = field(default_factory=list)

    def clean(self, value, path: tuple) -> str:
        """A string safe for XML; a warning names the field if something was removed."""
        text = "" if value is None else str(value)
        bad = illegal_xml_chars(text)
        if bad:
            self.warnings.append(Diagnostic(
                WARNING, f"已删除不可见的控制字符 {'、'.join(codepoint(c) for c in bad)}",
                hint="这些字符多为从网页或 PDF 复制带入，Word 无法打开含有它们的文件",
                path=self.source, field=format_field(path)))
            text = strip_illegal_xml(text)
        return text

    def paras(self, value, path: tuple) -> list[str]:
        return paragraphs(self.clean(value, path))


def _block(kind: str, text: str = "", number: str = "", **extra) -> dict:
    return {"kind": kind, "text": text, "number": number, "closing": False, **extra}


CLOSING_MAX_LINES = 16       # of the 22 lines of a page, for what must stay on the 署名's page


def mark_closing(blocks: list[dict], attachments: list[str], signature: list[str]) -> None:
    """Mark the last paragraph of the 正文 to be printed with the 署名 and 成文日期, on the same page.

    GB/T 9704 does not let the 署名 and 成文日期 stand alone on a page.  The template keeps the marked
    paragraph, the 附件说明, the 署名, the date and the 附注 in one block that is never split; a paragraph too
    long for that (the block would not fit a page) is left in the flow.
    """
    if not blocks or blocks[-1]["kind"] != "p":
        return
    lines = sum(-(-text_width(t) // LINE_CHARS) for t in [blocks[-1]["text"]] + attachments)
    lines += 1 + (1 if attachments else 0) + 2 + len(signature) + 1 + 1      # blank, 署名 space, 署名, date, 附注
    if lines <= CLOSING_MAX_LINES:
        blocks[-1]["closing"] = True


def _stat_table(b: Builder, stat: dict, path: tuple) -> dict:
    """One statistic as a two-column table: caption, header and rows."""
    name = b.clean(stat.get("name"), path + ("name",))
    unit = b.clean(stat.get("unit"), path + ("unit",))
    rows = []
    for i, part in enumerate(stat.get("parts") or []):
        rows.append({"name": b.clean(part.get("name"), path + ("parts", i, "name")),
                     "value": format_number(part.get("value"))})
    if stat.get("total") is not None:
        label = "合计" if rows and not stat.get("partial") else "总数"
        total = {"name": label, "value": format_number(stat["total"])}
        rows = [total] + rows if stat.get("partial") else rows + [total]
    for i, rate in enumerate(stat.get("rates") or []):
        rows.append({"name": b.clean(rate.get("name"), path + ("rates", i, "name")),
                     "value": format_number(rate.get("value")) + "%"})
    return _block("table", caption=f"{name}（单位：{unit}）", header=["项目", "数值"], rows=rows, source=path)


def _section(b: Builder, node: dict, path: tuple, level: int, n: int, out: list, *,
             title: str | None = None, child_key: str = "items") -> None:
    """A numbered heading, its paragraphs, tables and (recursively) its children."""
    heading = title if title is not None else b.clean(node.get("title"), path + ("title",))
    # A number typed into the title ("（一）加强……") is dropped: the template numbers every heading.
    out.append(_block(f"h{level}", strip_leading_number(heading), heading_number(level, n), source=path + ("title",)))
    out.extend(_block("p", p, source=path + ("text",)) for p in b.paras(node.get("text"), path + ("text",)))
    for i, stat in enumerate(node.get("stats") or []):
        out.append(_stat_table(b, stat, path + ("stats", i)))
    if "cause" in node:
        out.extend(_cause_paragraphs(b, node.get("cause"), path + ("cause",)))
    for i, child in enumerate(node.get(child_key) or []):
        _section(b, child, path + (child_key, i), level + 1, i + 1, out)


def _cause_paragraphs(b: Builder, cause, path: tuple) -> list[dict]:
    """The cause of a shortcoming, reading as a cause: “原因：……” unless it already says so."""
    words = levels.common_data()["items"]["problems"].get("cause_words") or []
    paras = b.paras(cause, path)
    if paras and not any(paras[0].startswith(w) for w in words):
        paras[0] = "原因" + _COLON + paras[0]
    return [_block("p", p, source=path) for p in paras]


def _item_heading(b: Builder, doc: dict, item: levels.Item, year: int) -> str:
    given = (doc.get(item.key) or {}).get("title")
    return b.clean(given, (item.key, "title")) if given else item.heading_for(year)


def body_blocks(b: Builder, doc: dict, level: levels.Level, year: int) -> list[dict]:
    """Intro paragraphs, then the five items in the level's order, every heading numbered."""
    out = [_block("p", p, source=("intro",)) for p in b.paras(doc.get("intro"), ("intro",))]
    for n, item in enumerate(level.ordered_items(), start=1):
        data = doc.get(item.key) or {}
        child_key = "areas" if item.key == "measures" else "items"
        # The item itself is level 1; its own text/children follow the generic walk.
        _section(b, data, (item.key,), 1, n, out, title=_item_heading(b, doc, item, year), child_key=child_key)
    return out


def _attachments(b: Builder, names: list) -> list[str]:
    """附件说明 lines: “附件：名称”, or “附件：1.名称” then “2.名称” … for several.

    A tab follows each number: the template's hanging indent stops there, so a wrapped name lines up with
    its own first character whatever the width of the digits.
    """
    names = [b.clean(x, ("meta", "attachments", i)) for i, x in enumerate(names or [])]
    if len(names) == 1:
        return [f"附件{_COLON}{names[0]}"]
    return [(f"附件{_COLON}" if i == 0 else "") + f"{i + 1}.\t{name}" for i, name in enumerate(names)]


TITLE_LINE_CHARS = 20        # 2号 characters in the 156 mm type area
LINE_CHARS = 28              # 3号 characters in a line of the 版心


def text_width(text: str) -> float:
    """Width in characters: CJK and full-width forms 1, Latin letters, digits and spaces ½."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)


# Where a title may break, best first (GB/T 9704-2012 7.3.1: 回行时要做到词意完整，排列对称，长短适宜):
# between the organ names of a joint title, before “关于”, then between the phrases of the subject.
ORGAN_BREAK, GUANYU_BREAK, CONJUNCTION_BREAK, PHRASE_BREAK, UNIT_BREAK = 0, 1, 2, 3, 8
_CONJUNCTION_BEFORE = regex.compile(r"(?=[和及暨]\d{4}年)")
_PHRASE_BEFORE = regex.compile(r"(?=法治政府建设|法治建设|依法行政|工作情况|情况的报告|的报告$)")
_PHRASE_AFTER = regex.compile(r"\d{4}年度|\d{4}年(?!度)")
# Inside a long organ name, between its administrative units (重庆市|涪陵区|人民政府): only if nothing else fits.
_UNIT_AFTER = regex.compile(r"(?:自治区|自治州|自治县|[省市州盟县区旗镇乡])(?=[^委人政办党]|人民政府|委员会)")


def _title_breaks(title: str, organs: tuple) -> dict[int, int]:
    """Position → cost of breaking the title before that character."""
    breaks: dict[int, int] = {}

    def add(pos: int, cost: int) -> None:
        if 0 < pos < len(title):
            breaks[pos] = min(cost, breaks.get(pos, cost))

    guanyu = title.find("关于")
    head_end = guanyu if guanyu > 0 else len(title)
    for m in re.finditer(r"\s+", title[:head_end]):
        add(m.end(), ORGAN_BREAK)
    for organ in organs:
        at = title.find(organ) if organ else -1
        if 0 <= at < head_end and at + len(organ) < head_end:
            add(at + len(organ), ORGAN_BREAK)
    add(guanyu, GUANYU_BREAK)
    for m in _CONJUNCTION_BEFORE.finditer(title, max(guanyu, 0)):
        add(m.start(), CONJUNCTION_BREAK)
    for m in _PHRASE_BEFORE.finditer(title, max(guanyu, 0)):
        add(m.start(), PHRASE_BREAK)
    for m in _PHRASE_AFTER.finditer(title, max(guanyu, 0)):
        add(m.end(), PHRASE_BREAK)
    for m in _UNIT_AFTER.finditer(title[:head_end]):
        add(m.end(), UNIT_BREAK)
    return breaks


def title_lines(title: str, organs: tuple = ()) -> list[str]:
    """The lines of a title too long for one line, broken where GB/T 9704 wants it.

    Breaks keep words whole: between the organ names (``organs``, or a space between them), then before
    “关于”, then between the phrases of the subject; a long organ name breaks between its administrative
    units only when nothing else fits.  Of the splits whose lines all fit, the one with the fewest breaks
    inside an organ name wins, then the one with the fewest lines, then the one with the better breaks,
    then the one with the most even line lengths.
    """
    title = title.strip()
    if text_width(title) <= TITLE_LINE_CHARS:
        return [title]
    breaks = _title_breaks(title, tuple(o for o in organs if o))
    good = sorted(breaks, key=lambda pos: breaks[pos])[:14]         # bounded search
    best = None
    segments: dict = {}                  # (start, end) → (line, width): at most 16 × 16 of them

    def segment(a: int, b: int) -> tuple[str, float]:
        found = segments.get((a, b))
        if found is None:
            line = title[a:b].strip()
            found = segments[a, b] = (line, text_width(line))
        return found

    for n in range(1, len(good) + 1):
        for chosen in itertools.combinations(sorted(good), n):
            pieces = [segment(a, b) for a, b in zip((0,) + chosen, chosen + (len(title),))]
            lines = [line for line, _ in pieces]
            widths = [width for _, width in pieces]
            if not all(lines) or max(widths) > TITLE_LINE_CHARS:
                continue
            cost = (sum(1 for pos in chosen if breaks[pos] >= UNIT_BREAK), len(lines),
                    sum(breaks[pos] for pos in chosen), max(widths) - min(widths))
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None and best[0][0] == 0:
            break            # more breaks mean more lines: a split of n + 1 lines cannot cost less
    return best[1] if best else _fill_lines(title)


def _fill_lines(title: str) -> list[str]:
    """Last resort (a single word longer than a line): full lines, as Word would wrap them."""
    lines, line = [], ""
    for ch in title:
        if text_width(line + ch) > TITLE_LINE_CHARS:
            lines.append(line.strip())
            line = ""
        line += ch
    return [x for x in lines + [line.strip()] if x]


def default_title(meta: dict, level: levels.Level) -> str:
    """The title pattern of the level's variant (validation guarantees the variant exists)."""
    variant = level.variant(bool(meta.get("joint"))) or level.variant(False)
    return variant.title_for(body=meta.get("body", ""), year=meta["year"], party_body=meta.get("party_body"))


def default_signature(meta: dict) -> list[str]:
    if meta.get("joint") and meta.get("party_body"):
        return [meta["party_body"], meta["body"]]
    return [meta["body"]]


def build_context(doc: dict, *, level: levels.Level | None = None, source: str | None = None
                  ) -> tuple[dict, list[Diagnostic]]:
    """The template context for a validated document, and warnings about removed characters.

    ``level`` defaults to the shipped level named in ``meta.level``; a local
    template folder may pass its own (e.g. with a different item order).
    """
    b = Builder(source=source)
    meta = doc["meta"]
    level = level or levels.get_level(meta["level"])
    year = meta["year"]

    def m(key, default=None):
        value = meta.get(key, default)
        return b.clean(value, ("meta", key)) if isinstance(value, str) else value

    joint = bool(meta.get("joint"))
    title = m("title") or b.clean(default_title(meta, level), ("meta", "body"))
    masthead = [m("party_body"), m("body")] if joint and meta.get("party_body") else [m("body")]
    signature = meta.get("signature") or default_signature(meta)
    signature = [b.clean(s, ("meta", "signature", i)) for i, s in enumerate(signature)]
    date = zh_date(meta["date"])
    cc = [b.clean(x, ("meta", "cc", i)) for i, x in enumerate(meta.get("cc") or [])]
    issuer = m("issuer") or ""
    issue_date = meta.get("issue_date") or (meta["date"] if issuer else None)
    cover = None
    if meta.get("cover_letter") is not None:
        text = (meta.get("cover_letter") or {}).get("text")
        paras = b.paras(text, ("meta", "cover_letter", "text")) if text else \
            [f"现将《{title}》随文报上，请审阅。"]
        cover = {"text": paras}
    context = {
        "title": "\n".join(title_lines(title, tuple(masthead))),       # line breaks where it should wrap
        "masthead": masthead,
        "red_header": bool(meta.get("red_header")),
        "doc_number": m("doc_number") or "",
        "signers": " ".join(b.clean(s, ("meta", "signer", i)) for i, s in enumerate(meta.get("signer") or [])),
        "recipients": "、".join(b.clean(r, ("meta", "recipients", i))
                               for i, r in enumerate(meta.get("recipients") or [])) + _COLON,
        "body": body_blocks(b, doc, level, year),
        "attachments": _attachments(b, meta.get("attachments")),
        "signature": signature,
        "date": date,
        "contact": f"（{m('contact')}）" if meta.get("contact") else "",
        "imprint": bool(cc or issuer),
        "cc": f"抄送{_COLON}{'，'.join(cc)}。" if cc else "",
        "issuer": issuer,
        "issue_date": f"{zh_date(issue_date)}印发" if issue_date and issuer else "",
        "cover_letter": cover,
    }
    mark_closing(context["body"], context["attachments"], signature)
    return context, b.warnings

