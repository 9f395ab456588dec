"""Map a draft onto the data model, reading it only through :mod:`drafter.analysis`.

Document → :func:`drafter.analysis.analyse` (issuer, level, joint, year, title, 主送,
成文日期, the five items) → this module maps the section tree onto the data model (``meta``,
``intro``, ``measures``, ``problems``, ``leadership``, ``plan``, ``other``).  Every guess gets an
end-of-line comment starting with ``待核对``; every item the source really lacks gets the
:data:`~drafter.data.validate.TODO_MARK` in its required field and a comment ``原文缺失，请补充``
(an item the source mentions without a section of its own gets a ``待核对`` note instead).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from drafter import levels
from drafter.analysis import analyse
from drafter.analysis.headings import build_outline, recognise, text_parts
from drafter.analysis.items import MISSING as ITEM_MISSING
from drafter.analysis.metadata import (CUE_NAMES, cc_names, contact_note, doc_number_parts, find_recipients, is_cover_sentence,
                                       is_imprint_line, is_masthead, is_organ_name, issue_line, read_name,
                                       signer_names, split_names, web_date)
from drafter.data.validate import TODO_MARK
from drafter.document.model import Document, Section
from drafter.errors import InputError
from drafter.importer.next_year import to_next_year
from drafter.importer.result import CHECK, MISSING, Imported, _ordered  # noqa: F401
from drafter.importer.text import (RUNIN_SPLIT, _RUNIN, STAT_CAPTION, _all_text, _has_any, guess_kind,  # noqa: F401
                                   heading_rest, is_sentence, join_paragraphs, kind_scores, rejoin, split_cause,
                                   split_runin, stat_from_table, stats_in_text, title_and_rest)
from drafter.text import parse_date_line

_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def _date_line(text: str):
    """The date of a stand-alone date line, whatever its spacing."""
    return parse_date_line(_SPACES.sub("", text)) if len(text) <= 60 else None


def _is_organisation(name: str) -> bool:
    """A name the analysis reads as an organ (its level is known) or that ends like one (主送/抄送)."""
    reading = read_name(name)
    return bool(reading.level or reading.candidates) or is_organ_name(name)


# --- the importer ---------------------------------------------------------------------------------

class _Importer:
    def __init__(self, document: Document, level_id: str | None):
        self.document = document
        self.analysis = analyse(document, level=level_id)
        self.paragraphs = [p for p in document.body() if p.text.strip()]
        self.skip: set = set()
        # drafter's own statistics tables, if any, are the statistics; else “共N件，其中……” in the text
        self.has_tables = any(p.part == "table" and STAT_CAPTION.match(p.text.strip()) for p in self.paragraphs)
        self.text_stats = 0
        self.tail = self._tail()
        title_block = {p.index for p in self.analysis.title_paragraphs}
        self.parts = text_parts(self.paragraphs)        # ("body", "table") when the report sits in a layout table
        self.root = build_outline([p for p in self.paragraphs if id(p) not in self.skip], skip=title_block,
                                  parts=self.parts)
        self.level_given = level_id is not None
        self.level = self.analysis.level_def
        self.joint = self.analysis.joint
        self.year = self.analysis.year
        self.result = Imported(data={}, source=document.path)

    # -- structure helpers

    def _tail(self) -> list:
        """Trailing lines after the last sentence (signature, date, imprint, web junk); not section text."""
        tail = []
        for paragraph in reversed(self.paragraphs):
            text = paragraph.text.strip()
            if (is_sentence(text) and cc_names(text) is None) or recognise(paragraph) is not None:
                break
            tail.append(paragraph)
            self.skip.add(id(paragraph))
        return list(reversed(tail))

    def texts(self, section: Section, fold: bool = False, rest: bool = True) -> list[str]:
        """Paragraph texts of a section (run-in text after its heading first); ``fold`` adds subsections.

        Table text is left out (drafter's own statistics tables are read by :meth:`stats`)."""
        out = [heading_rest(section)] if rest and section.heading is not None else []
        out += [p.text.strip() for p in section.paragraphs if id(p) not in self.skip
                and (p.part != "table" or "table" in self.parts)]
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
        title = (self.analysis.title or "").replace("\n", "") or None   # a manual line break
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
            and not (is_imprint_line(t) or is_masthead(t) or _date_line(t) or doc_number_parts(t) or t in cover
                     or t.endswith((":", "："))))
        return meta

    def _bodies(self, meta: dict, title: str | None, lines: list[str], intro_start: int) -> list[str]:
        """``body`` and ``party_body`` as the analysis read them (title, 署名, opening sentence —
        never a portal's 发布机构 line); returns the organisation names of the stand-alone lines."""
        r = self.result
        analysis = self.analysis
        orgs = [n for text in lines if len(text) <= 30 and not is_sentence(text) and not text.endswith((":", "："))
                for n in split_names(text) if _is_organisation(n)]
        body = analysis.issuer
        if body:
            meta["body"] = body
            cue = next((e for e in analysis.level_evidence if e.name == body), None)
            r.guess(("meta", "body"), f"取自{CUE_NAMES.get(cue.cue, '原文') if cue else '原文'}；请写全称")
        else:
            meta["body"] = TODO_MARK + "报告主体全称"
            r.gap(("meta", "body"), "报告主体（发文机关）名称")
        if self.joint:
            party = analysis.party_issuer
            meta["party_body"] = party or TODO_MARK + "党委规范名称"
            if not party:
                r.gap(("meta", "party_body"), "党委名称")
        return orgs

    def _level_and_year(self, meta: dict) -> None:
        r = self.result
        meta["level"] = self.level.id
        if not self.level_given:
            decided = self.analysis.level_evidence[0] if self.analysis.level_evidence else None
            why = (f"按{CUE_NAMES.get(decided.cue, decided.cue)}“{decided.name or decided.text}”识别为“{self.level.name}”"
                   if decided is not None and self.analysis.level_source == "detected"
                   else f"原文没有可判断层级的线索，假定为“{self.level.name}”")
            r.guess(("meta", "level"), why + "；不对时改为 " + "、".join(levels.level_ids()) + " 之一，或导入时加 --level")
        meta["joint"] = self.joint
        if self.joint:
            r.guess(("meta", "joint"), "标题或落款同时有党委和政府，识别为党政联合报告")
        if self.year:
            meta["year"] = self.year
            source = self.analysis.year_source
            if source == "opening":
                r.guess(("meta", "year"), "标题中没有年份，取自开头一句")
            elif source == "date":
                r.guess(("meta", "year"), "标题和开头都没有年份，按成文日期的前一年推断")
            elif source == "body":
                r.guess(("meta", "year"), "标题和开头都没有年份，按正文中最常出现的年份推断")
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
        for text in ([self.analysis.doc_number] if self.analysis.doc_number else []) + lines:
            parts = doc_number_parts(text)
            if parts:
                written, organ, year, number = parts
                meta["doc_number"] = f"{organ}〔{year}〕{number}号"
                if meta["doc_number"] not in text:
                    self.result.guess(("meta", "doc_number"), f"原文写作“{written}”，已改为规范写法")
                return

    def _date(self, meta: dict, lines: list[str]) -> None:
        """成文日期 from a stand-alone date line (the signature's); a web page's date is no 成文日期."""
        signed = self.analysis.date
        published = next((d for t in lines if not _date_line(t) and (d := web_date(t))), None)
        meta["date"] = signed
        if signed:
            self.result.guess(("meta", "date"), "取自落款日期")
        else:
            extra = f"原文只有网页发布日期 {published.isoformat()}（公开日期，不是成文日期）" if published else None
            self.result.gap(("meta", "date"), "成文日期（写成 2025-02-20 的形式）", extra)

    def _recipients(self, meta: dict, paragraphs: list) -> list[str]:
        """主送: the line the analysis recognises (the same one lint checks)."""
        variant = self.level.variant(self.joint)
        roles = f"{variant.name}应主送" + "、".join(a.role for a in variant.recipients)
        found = (self.analysis.recipients_paragraph, self.analysis.recipients) if self.analysis.recipients \
            else find_recipients(paragraphs)
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
        cover = [p.text.strip() for p in front if is_sentence(p.text) and is_cover_sentence(p.text)]
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
            if (names := signer_names(text)) is not None and "signer" not in meta:
                meta["signer"] = names
            elif (names := cc_names(text)) is not None and "cc" not in meta:
                meta["cc"] = names
            elif (issued := issue_line(text)) is not None and "issue_date" not in meta:
                issuer, meta["issue_date"] = issued      # 印发机关 on the same line or the line above
                if issuer and _is_organisation(issuer):
                    meta["issuer"] = issuer
                elif i and _is_organisation(lines[i - 1]):
                    meta["issuer"] = lines[i - 1]
            elif (note := contact_note(text)) is not None and "contact" not in meta and any(map(_date_line, lines[:i])):
                meta["contact"] = note
            elif is_masthead(text) and "red_header" not in meta:
                meta["red_header"] = True
                r.guess(("meta", "red_header"), f"原文首页有发文机关标志“{text}”")

    # -- the five items

    def run(self) -> Imported:
        r = self.result
        root = self.root
        tops = [c for c in root.children if c.heading is not None]
        front = [p for p in root.paragraphs if id(p) not in self.skip]
        intro_paras = [p for p in front if is_sentence(p.text) and not is_cover_sentence(p.text)]
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
            status = self.analysis.items.get("problems")
            if status is not None and status.status != ITEM_MISSING and status.location is not None:
                r.note(("problems",), f"{CHECK}：原文没有单列“存在的不足和原因”，在{status.location.describe()}"
                                      f"提到了不足，请据此逐条写明不足及其原因")
                r.guesses += 1
                return out
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
            status = self.analysis.items.get(key)
            if status is not None and status.status != ITEM_MISSING and status.location is not None:
                # not a section of its own, but the source does report on it: no “原文缺失”
                r.note((key,), f"{CHECK}：原文没有单列“{item.name}”，在{status.location.describe()}"
                               f"提到了有关内容，请据此整理成本项")
                r.guesses += 1
                return out
            hint = None
            if key == "other":
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




# --- entry points ---

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
