"""Import an existing report (e.g. last year's) into a data file.

Document → :func:`drafter.outline.build_outline` → this module maps the
section tree onto the data model (``meta``, ``intro``, ``measures``,
``problems``, ``leadership``, ``plan``, ``other``) and writes it with
:func:`drafter.data.writer.dump`.  Every guess gets an end-of-line comment
starting with ``待核对``; every item the source lacks gets the
:data:`~drafter.data.validate.TODO_MARK` in its required field and a comment
``原文缺失，请补充`` so ``drafter validate`` lists exactly what remains.

Recognition vocabulary (item heading words, cause words, measure-kind
keywords, title patterns) is read from ``templates/`` via :mod:`drafter.levels`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from drafter import levels, outline
from drafter.data.jsonschema import SCHEMA_FILE_NAME
from drafter.data.validate import TODO_MARK, rules_at
from drafter.data.writer import Comment, dump
from drafter.document.model import Document, Section
from drafter.errors import InputError
from drafter.text import parse_date_line, simplified, simplify_long, units_pattern

CHECK = "待核对"
MISSING = "原文缺失，请补充"

_SENTENCE_END = re.compile(r"[。！？；!?;…]['’”」』）)]*$")
_CN_NUM = "一二三四五六七八九十"
_RUNIN = re.compile(rf"(?:^|(?<=[。；;：:！？!?，,]))[ \u3000]*(?P<n>[{_CN_NUM}]+)是")
_CLAUSE_END = re.compile(r"[。；;！？!?]")
_COMMA = re.compile(r"[，,]")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DOC_NUMBER_LOOSE = re.compile(r"([^\s:：，,。]{1,12}?)[〔\[［【(（](\d{4})[〕\]］】)）]第?0*([1-9]\d*)号")
_COVER_WORDS = ("报来", "报上", "报送", "随文", "请审阅", "请审示", "请审议")
_BROKEN = re.compile(r"[\u4e00-\u9fff]$")
_CC = re.compile(r"^抄送[：:]\s*(?P<names>.+?)。?$")
# 印发日期, alone or after the 印发机关 on the same line (“××办公室<tab>2025年2月21日印发”)
_ISSUED = re.compile(r"^(?:(?P<issuer>\S.*?)\s+)?(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*印发$")
_SIGNER = re.compile(r"签发人[：:]\s*(?P<names>.+)$")
_STAT_CAPTION = re.compile(r"^(?P<name>.+)（单位：(?P<unit>[^）]+)）$")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_CONTACT = re.compile(r"^[（(](.+)[）)]$")
_TOTAL = re.compile(rf"(?P<lead>[^，。；,;：:]*?)共(?:计|有)?(?P<what>[^\d，。；,;]{{0,20}}?)(?P<total>\d+(?:\.\d+)?)"
                    rf"(?P<unit>{units_pattern()})[，,]\s*其中[，,：:]?(?P<parts>[^。；;]+)")
_PART = re.compile(rf"^(?P<name>[^\d]{{1,20}}?)(?P<value>\d+(?:\.\d+)?)(?P<unit>{units_pattern()})$")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_CAUSE_LABEL = re.compile(r"^原因[：:]")
_BODY_IN_TEXT = re.compile(r"([\u4e00-\u9fff*＊]{2,20}?(?:人民政府|街道办事处|行政公署))")
RUNIN_SPLIT = "按“一是……二是……”拆分，小标题取自该条的第一句"
MAX_TITLE = 80
SHORT_TITLE = 40


# --- results -----------------------------------------------------------------------------------

@dataclass
class Imported:
    """An imported data tree with its comments, and what was found / is missing (Chinese)."""

    data: dict
    comments: dict = field(default_factory=dict)
    found: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    guesses: int = 0
    ignored: list = field(default_factory=list)
    source: str = ""
    next_year: bool = False

    def guess(self, path: tuple, why: str) -> None:
        self.guesses += 1
        comment = self.comments.setdefault(path, Comment())
        comment.eol = f"{CHECK}：{why}" if not comment.eol else f"{comment.eol}；{why}"

    def gap(self, path: tuple, what: str, hint: str | None = None) -> None:
        self.missing.append(what)
        comment = self.comments.setdefault(path, Comment())
        comment.before.append(f"{MISSING}：{what}" + (f"。{hint}" if hint else ""))

    def note(self, path: tuple, line: str) -> None:
        self.comments.setdefault(path, Comment()).before.append(line)

    def yaml(self) -> str:
        """The data file text (schema line, header, data in schema order, comments)."""
        meta = self.data.get("meta", {})
        what = "今年的数据文件（由去年的报告生成）" if self.next_year else "导入的数据文件"
        header = [f"yaml-language-server: $schema=./{SCHEMA_FILE_NAME}",
                  f"{meta.get('year', '')}年法治政府建设年度报告 {what}；来源：{Path(self.source).name}",
                  f"“{CHECK}”标出程序猜测的内容，请逐一核对；“{MISSING}”处原文没有，请按提示补写，"
                  f"并把所有“{TODO_MARK}”替换为实际内容。",
                  "完成后运行：drafter validate 本文件名", ""]
        return dump(self.data, self.comments, header)


# --- small text helpers ---------------------------------------------------------------------------

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
        if outline._number(match.group("n")) == expected:
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


def is_organisation(name: str) -> bool:
    """A name that looks like a reporting body or an addressee (patterns from templates/)."""
    for level in levels.all_levels().values():
        if level.matches_body(name):
            return True
        for variant in level.variants.values():
            if any(a.matches(name) for a in variant.recipients + variant.cc):
                return True
    return False


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


# --- the importer ---------------------------------------------------------------------------------

class _Importer:
    def __init__(self, document: Document, level_id: str | None):
        self.document = document
        self.paragraphs = [p for p in document.body() if p.text.strip()]
        self.skip: set = set()
        # drafter's own statistics tables, if any, are the statistics; else “共N件，其中……” in the text
        self.has_tables = any(p.part == "table" and _STAT_CAPTION.match(p.text.strip()) for p in self.paragraphs)
        self.text_stats = 0
        self.tail = self._tail()
        self.root = outline.build_outline([p for p in self.paragraphs if id(p) not in self.skip])
        detected, joint = outline.detect_level(document)
        self.level_given = level_id is not None
        self.level = levels.get_level(level_id or detected)
        if self.level.variant(joint) is None:
            joint = False
        self.joint = joint
        self.year = outline.detect_year(document)
        self.result = Imported(data={}, source=document.path)

    # -- structure helpers

    def _tail(self) -> list:
        """Trailing lines after the last sentence (signature, date, imprint, web junk); not section text."""
        tail = []
        for paragraph in reversed(self.paragraphs):
            text = paragraph.text.strip()
            if (is_sentence(text) and not _CC.match(text)) or outline.recognise(paragraph) is not None:
                break
            tail.append(paragraph)
            self.skip.add(id(paragraph))
        return list(reversed(tail))

    def texts(self, section: Section, fold: bool = False, rest: bool = True) -> list[str]:
        """Paragraph texts of a section (run-in text after its heading first); ``fold`` adds subsections.

        Table text is left out (drafter's own statistics tables are read by :meth:`stats`)."""
        out = [heading_rest(section)] if rest and section.heading is not None else []
        out += [p.text.strip() for p in section.paragraphs if id(p) not in self.skip and p.part != "table"]
        if fold:
            for child in section.children:
                out.append(child.heading.paragraph.text.strip())
                out.extend(self.texts(child, fold=True, rest=False))
        return rejoin([t for t in out if t])

    def stats(self, section: Section) -> list:
        """Statistics tables as drafter renders them: caption “名称（单位：件）”, 项目/数值, rows."""
        tables: dict = {}
        for p in section.paragraphs:
            if p.part == "table" and p.table_cell is not None:
                tables.setdefault(p.table_cell[0], []).append(p)
        return [stat for cells in tables.values() if (stat := stat_from_table(cells)) is not None]

    def node(self, section: Section, depth: int, stats: bool = False) -> dict:
        """``{title, text, items}`` for a section; below ``depth`` more levels the text is folded in."""
        result = {"title": section.title or TODO_MARK + "小标题"}
        text = join_paragraphs(self.texts(section, fold=depth <= 0))
        if text:
            result["text"] = text
        found = self.stats(section) if stats else []
        if stats and not found and not self.has_tables:
            found = stats_in_text(result.get("text"))
            self.text_stats += len(found)
        if found:
            result["stats"] = found
        if depth > 0 and section.children:
            result["items"] = [self.node(c, depth - 1, stats and depth > 1) for c in section.children]
        return result

    def classify(self, section: Section) -> str | None:
        """The item a top-level heading names (item ① last: its words are the most generic)."""
        items = self.level.items
        for key in ("problems", "leadership", "plan", "other", "measures"):
            if _has_any(section.title, items[key].heading_words):
                return key
        return None

    # -- metadata

    def meta(self, front: list, intro_start: int) -> dict:
        """``meta`` from the lines before the first heading and after the last sentence."""
        meta: dict = {}
        title = (outline.detect_title(self.document) or "").replace("\n", "") or None   # a manual line break
        lines = [p.text.strip() for p in front] + [p.text.strip() for p in self.tail]
        orgs = self._bodies(meta, title, lines, intro_start)
        self._level_and_year(meta)
        self._title(meta, title)
        self._doc_number(meta, lines)
        self._date(meta, lines)
        self._imprint(meta, lines)
        recipients = self._recipients(meta, list(front) + list(self.tail))
        cover = self._cover(meta, front)
        self.result.ignored.extend(
            t for t in lines if not is_sentence(t) and t not in orgs and t.replace("\n", "") != title
            and t not in recipients
            and not (_imprint_line(t) or _masthead_line(t) or parse_date_line(t) or _DOC_NUMBER_LOOSE.search(t) or t in cover
                     or t.endswith((":", "："))))
        return meta

    def _bodies(self, meta: dict, title: str | None, lines: list[str], intro_start: int) -> list[str]:
        """``body`` and ``party_body`` from the title's issuer names, stand-alone lines, else the intro."""
        r = self.result
        names: list[str] = []
        if title:
            names += _names(re.split(r"关于|(?:19|20)\d{2}\s*年", title, maxsplit=1)[0])
        for text in lines:
            if len(text) <= 30 and not is_sentence(text) and not text.endswith((":", "：")):
                names += _names(text)
        orgs = [n for n in names if is_organisation(n)]
        party = next((n for n in orgs if outline.is_party_name(n)), None)
        body = next((n for n in orgs if not outline.is_party_name(n)), None)
        if body is None:
            match = _BODY_IN_TEXT.search(" ".join(p.text for p in self.paragraphs[intro_start:intro_start + 2]))
            body = match.group(1) if match else None
        if body:
            meta["body"] = body
            r.guess(("meta", "body"), "从标题、落款或开头段落中识别")
        else:
            meta["body"] = TODO_MARK + "报告主体全称"
            r.gap(("meta", "body"), "报告主体（发文机关）名称")
        if self.joint:
            meta["party_body"] = party or TODO_MARK + "党委规范名称"
            if not party:
                r.gap(("meta", "party_body"), "党委名称")
        return orgs

    def _level_and_year(self, meta: dict) -> None:
        r = self.result
        meta["level"] = self.level.id
        if not self.level_given:
            r.guess(("meta", "level"), f"按名称识别为“{self.level.name}”；不对时改为 "
                    + "、".join(levels.level_ids()) + " 之一，或导入时加 --level")
        meta["joint"] = self.joint
        if self.joint:
            r.guess(("meta", "joint"), "标题或落款同时有党委和政府，识别为党政联合报告")
        if self.year:
            meta["year"] = self.year
            title = outline.detect_title(self.document) or ""
            if str(self.year) not in title:
                r.guess(("meta", "year"), "标题中没有年份，按正文中的年份推断")
        else:
            meta["year"] = TODO_MARK
            r.gap(("meta", "year"), "报告年度")

    def _title(self, meta: dict, title: str | None) -> None:
        """Keep the original title only where it differs from the generated one and reads as a report."""
        if not title:
            return
        year = self.year or 0
        standard = self.level.variant(self.joint).title_for(body=meta["body"], year=year,
                                                             party_body=meta.get("party_body"))
        if title == standard:
            return
        if str(year) in title and title.endswith("报告"):
            meta["title"] = title
            self.result.note(("meta", "title"), f"原报告标题；删去本行则使用自动生成的标题：{standard}")
        else:
            self.result.note(("meta", "level"), f"原标题“{title}”不是“……关于{year}年……情况的报告”的写法，"
                                                f"已改用自动生成的标题（可在 level 之后加 title: 自行填写）")

    def _doc_number(self, meta: dict, lines: list[str]) -> None:
        for text in lines:
            match = _DOC_NUMBER_LOOSE.search(text)
            if match:
                meta["doc_number"] = f"{match.group(1)}〔{match.group(2)}〕{match.group(3)}号"
                if meta["doc_number"] not in text:
                    self.result.guess(("meta", "doc_number"), f"原文写作“{match.group(0)}”，已改为规范写法")
                return

    def _date(self, meta: dict, lines: list[str]) -> None:
        """成文日期 from a stand-alone date line (the signature's); a web page's date is no 成文日期."""
        signed = next((d for t in lines if (d := parse_date_line(t))), None)
        published = next((_date(*m.groups()) for t in lines
                          if not parse_date_line(t) and (m := _ISO_DATE.search(t))), None)
        meta["date"] = signed
        if signed:
            self.result.guess(("meta", "date"), "取自落款日期")
        else:
            extra = f"原文只有网页发布日期 {published.isoformat()}（公开日期，不是成文日期）" if published else None
            self.result.gap(("meta", "date"), "成文日期（写成 2025-02-20 的形式）", extra)

    def _recipients(self, meta: dict, paragraphs: list) -> list[str]:
        """主送: the line outline.find_recipients recognises (the same one lint checks)."""
        variant = self.level.variant(self.joint)
        roles = f"{variant.name}应主送" + "、".join(a.role for a in variant.recipients)
        found = outline.find_recipients(paragraphs)
        if found:
            names = found[1]
            meta["recipients"] = names
            self.result.guess(("meta", "recipients"), f"取自原文“{'、'.join(names)}：”；{roles}")
            return names
        meta["recipients"] = [f"{TODO_MARK}{a.role}，如：{a.example}" for a in variant.recipients]
        self.result.gap(("meta", "recipients"), "主送机关", roles)
        return []

    def _cover(self, meta: dict, front: list) -> list[str]:
        """A cover letter (“现将……报上，请审阅。”) before the report."""
        r = self.result
        cover = [p.text.strip() for p in front if is_sentence(p.text) and _has_any(p.text, _COVER_WORDS)]
        if cover:
            meta["cover_letter"] = {"text": join_paragraphs(cover)}
            r.guess(("meta", "cover_letter"), "原文开头的报送函")
            if meta.pop("red_header", None):           # the masthead belongs to the cover letter
                r.comments.pop(("meta", "red_header"), None)
                r.guesses -= 1
        return cover

    def _imprint(self, meta: dict, lines: list[str]) -> None:
        """签发人, 抄送, 印发机关和印发日期, 红头 (a masthead line “××文件”)."""
        r = self.result
        for i, text in enumerate(lines):
            if (m := _SIGNER.search(text)) and "signer" not in meta:
                meta["signer"] = _names(m.group("names"))
            elif (m := _CC.match(text)) and "cc" not in meta:
                meta["cc"] = [n for n in re.split(r"[，,、]", m.group("names")) if n.strip()]
            elif (m := _ISSUED.match(text)) and "issue_date" not in meta:
                if m.group("issuer") and is_organisation(m.group("issuer")):
                    meta["issuer"] = m.group("issuer")
                elif i and is_organisation(lines[i - 1]):
                    meta["issuer"] = lines[i - 1]
                meta["issue_date"] = _date(m.group("y"), m.group("m"), m.group("d"))
            elif (m := _CONTACT.match(text)) and "contact" not in meta and any(map(parse_date_line, lines[:i])):
                meta["contact"] = m.group(1)
            elif _masthead_line(text) and "red_header" not in meta:
                meta["red_header"] = True
                r.guess(("meta", "red_header"), f"原文首页有发文机关标志“{text}”")

    # -- the five items

    def run(self) -> Imported:
        r = self.result
        root = self.root
        tops = [c for c in root.children if c.heading is not None]
        front = [p for p in root.paragraphs if id(p) not in self.skip]
        intro_paras = [p for p in front if is_sentence(p.text) and not _has_any(p.text, _COVER_WORDS)]
        intro_start = self.paragraphs.index(intro_paras[0]) if intro_paras else 0
        data = {"meta": self.meta(front, intro_start)}
        intro = join_paragraphs([p.text for p in intro_paras])
        if intro:
            data["intro"] = intro
            r.found.append("开头段落")
        else:
            data["intro"] = TODO_MARK + "开头段落：概述本年度法治政府建设总体情况，以“现将有关情况报告如下。”结尾。"
            r.gap(("intro",), "开头段落")
        keyed: dict[str, list] = {k: [] for k in levels.ITEM_KEYS}
        seen_later = False
        for section in tops:
            key = self.classify(section)
            if key is None:
                key = "other" if seen_later else "measures"
            elif key != "measures":
                seen_later = True
            keyed[key].append(section)
        plan_paras = [] if keyed["plan"] else self._trailing_plan(tops)
        sections = {
            "measures": self.measures(keyed["measures"]),
            "problems": self.problems(keyed["problems"]),
            "leadership": self.simple("leadership", keyed["leadership"]),
            "plan": self.plan(keyed["plan"], plan_paras),
            "other": self.simple("other", keyed["other"]),
        }
        for item in self.level.ordered_items():
            data[item.key] = sections[item.key]
        r.data = _ordered(data)
        return r

    def _trailing_plan(self, tops: list) -> list[str]:
        """Forward-looking closing paragraphs of a report without a plan section (moved to ``plan``)."""
        if not tops:
            return []
        node = tops[-1]
        while node.children:
            node = node.children[-1]
        words = self.level.items["plan"].body_words
        next_year = re.compile(rf"{(self.year or 0) + 1}年(?!\d{{1,2}}月)")
        taken = []
        for paragraph in reversed([p for p in node.paragraphs if id(p) not in self.skip]):
            if _has_any(paragraph.text, words) or next_year.search(paragraph.text):
                taken.append(paragraph)
            else:
                break
        for paragraph in taken:
            self.skip.add(id(paragraph))
        return [p.text.strip() for p in reversed(taken)]

    def _title_for(self, key: str, section: Section, path: tuple, out: dict) -> None:
        standard = self.level.items[key].heading_for(self.year or 0)
        if section.title and section.title != standard:
            out["title"] = section.title
            self.result.note(path + ("title",), f"原文标题；删去本行则使用标准标题：{standard}")

    def measures(self, sections: list) -> dict:
        r = self.result
        out: dict = {}
        areas: list = []
        for section in sections:
            if self.classify(section) == "measures":
                self._title_for("measures", section, ("measures",), out)
                text = join_paragraphs(self.texts(section))
                if section.children:
                    if text:
                        out["text"] = text
                    areas += [self.node(c, 2, stats=True) for c in section.children]
                else:
                    areas += self._runin_nodes(section, out)
            else:
                areas.append(self.node(section, 2, stats=True))
        if not areas:
            kinds = levels.measure_kinds()
            for kind in self.level.required_areas or ("other",):
                areas.append({"kind": kind, "title": f"{TODO_MARK}“{kinds[kind].name}”方面的小标题",
                              "text": f"{TODO_MARK}{kinds[kind].description}等方面的举措和成效。"})
            out["areas"] = areas
            r.gap(("measures",), "主要举措和成效")
            return out
        r.found.append(f"主要举措和成效（{len(areas)}条）")
        self._mark_runin(areas, ("measures", "areas"))
        out["areas"] = [self._with_kind(a, i) for i, a in enumerate(areas)]
        self._required_kinds(out["areas"])
        for i, area in enumerate(out["areas"]):
            if area["title"].startswith(TODO_MARK):
                r.gap(("measures", "areas", i, "title"), "举措的小标题", "原文这部分没有分条，全文放在 text 中，可按领域拆成几条")
        if not self.has_tables:
            why = "由正文中的“共……其中……”识别（各项之和等于总数）；生成文档时会排成表格，不需要可删除"
            for i, area in enumerate(out["areas"]):
                if area.get("stats"):
                    r.guess(("measures", "areas", i, "stats"), why)
                for j, item in enumerate(area.get("items") or []):
                    if item.get("stats"):
                        r.guess(("measures", "areas", i, "items", j, "stats"), why)
        return out

    def _runin_nodes(self, section: Section, out: dict) -> list:
        """Areas from ``一是……`` paragraphs of a section without sub-headings; else one area."""
        paras = self.texts(section)
        lead, nodes = [], []
        for text in paras:
            match = _RUNIN.match(text)
            if match:
                title, rest = title_and_rest(text[match.end():])
                nodes.append({"title": title, "text": rest, "_runin": True})
            elif nodes:
                nodes[-1]["text"] = (nodes[-1]["text"] + "\n\n" + text).strip()
            else:
                lead.append(text)
        if len(nodes) < 2:
            return [{"title": TODO_MARK + "小标题", "text": join_paragraphs(paras) or TODO_MARK}]
        if lead:
            out["text"] = join_paragraphs(lead)
        for node in nodes:
            node["text"] = join_paragraphs(node["text"].split("\n\n"))
            if not node["text"]:
                del node["text"]
        return nodes

    def _mark_runin(self, nodes: list, path: tuple) -> None:
        for i, node in enumerate(nodes):
            if node.pop("_runin", False):
                self.result.guess(path + (i, "title"), RUNIN_SPLIT)

    def _with_kind(self, area: dict, index: int) -> dict:
        kind, why = guess_kind(area["title"], _all_text(area))
        self.result.guess(("measures", "areas", index, "kind"), why)
        return {"kind": kind, **area}

    def _required_kinds(self, areas: list) -> None:
        """Tag a subsection (or re-tag a spare area) with a required kind no area has."""
        kinds = levels.measure_kinds()
        for need in self.level.required_areas:
            present = {a["kind"] for a in areas} | {i.get("kind") for a in areas for i in a.get("items") or []}
            if need in present:
                continue
            best = None
            for i, area in enumerate(areas):
                for j, item in enumerate(area.get("items") or []):
                    score = kind_scores(item["title"], _all_text(item)).get(need, 0)
                    if score and (best is None or score > best[0]):
                        best = (score, i, j)
            if best:
                _, i, j = best
                item = areas[i]["items"][j]
                areas[i]["items"][j] = {"title": item["title"], "kind": need,
                                        **{k: v for k, v in item.items() if k != "title"}}
                self.result.guess(("measures", "areas", i, "items", j, "kind"),
                                  f"本层级必备“{kinds[need].name}”领域，按用词把这一要点归入该领域")
                continue
            counts = {k: sum(1 for a in areas if a["kind"] == k) for k in present}
            spare = [(kind_scores(a["title"], _all_text(a)).get(need, 0), i) for i, a in enumerate(areas)
                     if a["kind"] not in self.level.required_areas or counts[a["kind"]] > 1]
            spare = [s for s in spare if s[0]]
            if spare:
                _, i = max(spare)
                areas[i]["kind"] = need
                self.result.comments[("measures", "areas", i, "kind")].eol = (
                    f"{CHECK}：本层级必备“{kinds[need].name}”领域，按用词把这一条归入该领域")

    def problems(self, sections: list) -> dict:
        r = self.result
        out: dict = {}
        items: list = []
        lead: list = []
        for section in sections:
            self._title_for("problems", section, ("problems",), out)
            for text in self.texts(section):
                head, pieces = split_runin(text)
                if pieces:
                    lead.append(head)
                    for piece in pieces:
                        title, rest = title_and_rest(piece)
                        items.append({"title": title, "paras": [rest] if rest else [], "_runin": True})
                elif items and not section.children:
                    items[-1]["paras"].append(text)
                else:
                    lead.append(text)
            for child in section.children:
                items.append({"title": child.title, "paras": self.texts(child, fold=True)})
        if lead and join_paragraphs(lead):
            out["text"] = join_paragraphs(lead)
        if not items and lead and sections:
            items = [{"title": TODO_MARK + "不足的概括", "paras": lead}]
            out.pop("text", None)
            r.gap(("problems", "items", 0, "title"), "不足的小标题", "原文没有分条，整段作为一条不足，可拆成几条")
        if not items:
            out["items"] = [{"title": TODO_MARK + "不足的概括", "text": TODO_MARK + "不足的具体表现",
                             "cause": TODO_MARK + "产生这条不足的原因（必须写明）"}]
            r.gap(("problems",), "存在的不足和原因", "应逐条写明不足及其原因")
            return out
        r.found.append(f"存在的不足（{len(items)}条）")
        out["items"] = []
        causes = 0
        for i, item in enumerate(items):
            text, cause = split_cause(item["paras"])
            entry = {"title": item["title"]}
            if item.get("_runin"):
                r.guess(("problems", "items", i, "title"), RUNIN_SPLIT)
            if text:
                entry["text"] = join_paragraphs(text)
            if cause:
                entry["cause"] = join_paragraphs(cause)
                causes += 1
                r.guess(("problems", "items", i, "cause"), "按“原因”等用语从原文中分出")
            else:
                entry["cause"] = TODO_MARK + "产生这条不足的原因（原文未写明）"
                r.note(("problems", "items", i, "cause"), f"{MISSING}：原文没有写明这条不足的原因")
            out["items"].append(entry)
        if causes < len(items):
            r.missing.append(f"不足的原因（{len(items) - causes}条未写明）")
        return out

    def simple(self, key: str, sections: list) -> dict:
        """``leadership`` / ``other``: text plus optional titled items."""
        r = self.result
        item = self.level.items[key]
        out: dict = {}
        if not sections:
            out["text"] = TODO_MARK + ("党政主要负责人履行推进法治建设第一责任人职责的情况" if key == "leadership"
                                       else "其他需要报告的情况（没有时写“无。”）")
            status = outline.classify_items(self.root, self.document, self.level, self.year).get(key)
            hint = None
            if status is not None and status.location is not None:
                hint = f"原文在{status.location.describe()}提到了有关内容，可据此扩写"
            elif key == "other":
                hint = "没有其他需要报告的事项时写“无。”；有督察整改、示范创建等情况时写明"
            r.gap((key,), item.name, hint)
            return out
        texts: list = []
        items: list = []
        for section in sections:
            self._title_for(key, section, (key,), out)
            texts += self.texts(section)
            items += [self.node(c, 0) for c in section.children]
        out["text"] = join_paragraphs(texts) or TODO_MARK + "本项的总述"
        if not join_paragraphs(texts):
            r.gap((key, "text"), f"{item.name}的总述")
        if items:
            out["items"] = items
        r.found.append(item.name)
        return out

    def plan(self, sections: list, loose: list[str]) -> dict:
        r = self.result
        out: dict = {"year": self.year + 1} if self.year else {}
        items: list = []
        lead: list = []
        for section in sections:
            self._title_for("plan", section, ("plan",), out)
            if section.children:
                lead += self.texts(section)
                items += [self.node(c, 1) for c in section.children]
            else:
                nodes = self._runin_nodes(section, out)
                if nodes and not nodes[0]["title"].startswith(TODO_MARK):
                    items += nodes
                    lead += [out.pop("text")] if "text" in out else []
                else:
                    lead += self.texts(section)
        lead += loose
        if lead and join_paragraphs(lead):
            out["text"] = join_paragraphs(lead)
        if loose:
            r.guess(("plan", "text"), "原文没有“下一年度安排”一节，这段取自原文结尾的展望")
        if items:
            self._mark_runin(items, ("plan", "items"))
            out["items"] = items
            r.found.append(f"下一年度安排（{len(items)}条）")
        else:
            out["items"] = [{"title": TODO_MARK + (f"{self.year + 1}年的" if self.year else "下一年度的") + "一项工作安排",
                             "text": TODO_MARK + "具体措施"}]
            r.gap(("plan", "items"), "下一年度的具体工作安排", "应分条写明" if lead else None)
        return out


def stats_in_text(text: str) -> list[dict]:
    """“共N件，其中甲a件、乙b件” → stats, only where the parts add up to the total exactly."""
    found = []
    for m in _TOTAL.finditer(text or ""):
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
        name = m.group("what").strip() or re.split(r"[\s、]", m.group("lead").strip())[-1][-12:]
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
    if len(ordered) < 3 or len(ordered[0]) != 1 or not (m := _STAT_CAPTION.match(ordered[0][0])):
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


def _names(text: str) -> list[str]:
    return [n for n in re.split(r"[\s\u3000、，,]+", text) if n]


def _masthead_line(text: str) -> bool:
    """The red header's 发文机关标志 (“××人民政府文件”, or “文件” beside a joint masthead)."""
    return text.endswith("文件") and len(text) <= 30


def _imprint_line(text: str) -> bool:
    return bool(_CC.match(text) or _ISSUED.match(text) or _SIGNER.search(text) or _CONTACT.match(text))


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _all_text(node: dict) -> str:
    out = [node.get("title") or "", node.get("text") or ""]
    out += [_all_text(i) for i in node.get("items") or []]
    return "\n".join(out)


def _ordered(value, path: tuple = ()):
    """Dict keys in schema order (unknown keys last, in their order); top-level order kept."""
    if isinstance(value, list):
        return [_ordered(v, path + (i,)) for i, v in enumerate(value)]
    if not isinstance(value, dict):
        return value
    rules = rules_at(path) if path else None
    order = list(((rules or {}).get("schema") or {}).keys()) if rules and rules.get("type") == "dict" else []
    keys = sorted(value, key=lambda k: order.index(k) if k in order else len(order)) if order else list(value)
    return {k: _ordered(value[k], path + (k,)) for k in keys}


# --- next year ---------------------------------------------------------------------------------------

def to_next_year(last: Imported) -> Imported:
    """This year's data file from last year's: plan → prompts for measures, problems → prompts."""
    old = last.data
    meta = dict(old["meta"])
    year = meta["year"] + 1 if isinstance(meta.get("year"), int) else meta.get("year")
    new = Imported(data={}, source=last.source, next_year=True)
    level = levels.get_level(meta["level"])
    kinds = levels.measure_kinds()
    for path, comment in last.comments.items():
        if path[:1] == ("meta",) and path[1] in ("body", "level", "joint", "party_body", "recipients", "signer",
                                                  "cc", "issuer", "contact"):
            new.comments[path] = comment
    meta["year"] = year
    last_date = old["meta"].get("date")
    meta["date"] = _one_year_later(last_date) if isinstance(last_date, dt.date) else None
    if meta["date"]:
        new.guess(("meta", "date"), f"按去年的成文日期 {last_date.isoformat()} 顺延一年，请改为实际成文日期")
    else:
        new.gap(("meta", "date"), f"{year}年报告的成文日期" if isinstance(year, int) else "成文日期")
    if meta.get("doc_number"):
        new.note(("meta", "date"), f"去年的发文字号为 {meta.pop('doc_number')}，今年的请按编号规则另行填写（meta.doc_number）")
    meta.pop("issue_date", None)
    if isinstance(meta.get("title"), str) and isinstance(year, int):
        meta["title"] = meta["title"].replace(f"{year - 1}年", f"{year}年")
        new.guess(("meta", "title"), "沿用去年的标题，年份已改")
    if meta.get("signer"):
        new.guess(("meta", "signer"), "沿用去年的签发人")
    if meta.get("cover_letter"):
        meta["cover_letter"] = {"text": TODO_MARK + "报送函正文（不写 text 则自动生成）"}
    data = {"meta": meta}
    data["intro"] = TODO_MARK + "开头段落：概述本年度法治政府建设总体情况，以“现将有关情况报告如下。”结尾。"
    new.note(("intro",), "去年的开头段落（供参考）：")
    for para in _paras(old.get("intro")):
        new.note(("intro",), "  " + para)
    # measures: last year's plan items become this year's areas
    plan = old.get("plan") or {}
    areas = []
    for i, item in enumerate(p for p in plan.get("items") or [] if TODO_MARK not in p.get("title", "")):
        kind, why = guess_kind(item["title"], _all_text(item))
        areas.append({"kind": kind, "title": item["title"],
                      "text": f"{TODO_MARK}对照去年的安排，写今年落实的举措和取得的成效（有数字的写明数字）。"})
        new.guess(("measures", "areas", i, "kind"), why)
        new.note(("measures", "areas", i), f"去年安排：{item['title']}")
        for para in _paras(item.get("text")):
            new.note(("measures", "areas", i), "  " + para)
    present = {a["kind"] for a in areas}
    for kind in level.required_areas:
        if kind not in present:
            i = len(areas)
            areas.append({"kind": kind, "title": f"{TODO_MARK}“{kinds[kind].name}”方面的小标题",
                          "text": f"{TODO_MARK}{kinds[kind].description}等方面的举措和成效。"})
            new.note(("measures", "areas", i), f"本层级必备领域：{kinds[kind].name}")
    if not areas:
        areas.append({"kind": "other", "title": TODO_MARK + "举措的小标题", "text": TODO_MARK + "举措和成效"})
    if plan.get("text"):
        new.note(("measures",), "去年对今年的总体安排：")
        for para in _paras(plan.get("text")):
            new.note(("measures",), "  " + para)
    new.note(("measures",), "以下各条由去年报告的“下一年度安排”生成：请写今年落实的情况，小标题可改写。")
    data["measures"] = {"areas": areas}
    # problems: last year's shortcomings become prompts
    old_items = [p for p in (old.get("problems") or {}).get("items") or [] if TODO_MARK not in p.get("title", "")]
    items = []
    for i, problem in enumerate(old_items or [None]):
        items.append({"title": TODO_MARK + "今年仍存在的不足的概括", "text": TODO_MARK + "不足的具体表现",
                      "cause": TODO_MARK + "产生这条不足的原因（必须写明）"})
        if problem:
            new.note(("problems", "items", i), f"去年的不足：{problem['title']}"
                     + (f"（{_paras(problem.get('text'))[0]}）" if problem.get("text") else ""))
            new.note(("problems", "items", i), "今年已整改的，把整改情况写进上面的举措；仍未解决的写在这里并写明原因。")
    data["problems"] = {"items": items}
    data["leadership"] = {"text": TODO_MARK + "党政主要负责人履行推进法治建设第一责任人职责的情况"}
    data["other"] = {"text": TODO_MARK + "其他需要报告的情况（没有时写“无。”）"}
    next_plan = (year + 1) if isinstance(year, int) else None
    data["plan"] = {"year": next_plan} if next_plan else {}
    data["plan"]["items"] = [{"title": TODO_MARK + f"{next_plan or '下一'}年的一项工作安排", "text": TODO_MARK + "具体措施"}]
    ordered = {"meta": data["meta"], "intro": data["intro"]}
    for item in level.ordered_items():
        ordered[item.key] = data[item.key]
        new.note((item.key,), f"{item.marker} {item.rule_text}")
    new.data = _ordered(ordered)
    new.found = [f"去年的{f}" for f in last.found]
    new.missing += ["开头段落", "各条举措的正文", "存在的不足和原因", level.items["leadership"].name,
                    f"{next_plan or '下一'}年的主要安排", level.items["other"].name]
    return new


def _one_year_later(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:                          # 29 February
        return day.replace(year=day.year + 1, day=28)


def _paras(text) -> list[str]:
    from drafter.text import paragraphs
    return paragraphs(text) if isinstance(text, str) else []


# --- entry points ------------------------------------------------------------------------------------

def import_document(document: Document, *, level_id: str | None = None, next_year: bool = False) -> Imported:
    """Map a read document onto the data model (and, with ``next_year``, turn it into next year's)."""
    if not any(p.text.strip() for p in document.body()):
        raise InputError("文件中没有正文文字", path=document.path, hint="请确认选择的是写好的报告")
    imported = _Importer(document, level_id).run()
    return to_next_year(imported) if next_year else imported


def import_file(path: Path | str, *, level_id: str | None = None, next_year: bool = False) -> Imported:
    """Read a report (.docx/.txt/.md, .doc/.wps via LibreOffice) and import it."""
    from drafter.document.read import read_document
    return import_document(read_document(path), level_id=level_id, next_year=next_year)
