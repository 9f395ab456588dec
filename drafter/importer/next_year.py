"""``drafter import --next-year``: this year's data file from last year's report."""

from __future__ import annotations

import datetime as dt

from drafter import levels
from drafter.data.validate import TODO_MARK
from drafter.importer.result import Imported, _ordered
from drafter.importer.text import _all_text, guess_kind


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
    meta["date"] = None                 # docs/import.md: this year's 成文日期 is left empty
    hint = f"去年的成文日期为 {last_date.isoformat()}" if isinstance(last_date, dt.date) else None
    new.gap(("meta", "date"), f"{year}年报告的成文日期（写成 {year + 1 if isinstance(year, int) else 'YYYY'}-02-20 的形式）"
            if isinstance(year, int) else "成文日期", hint)
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


def _paras(text) -> list[str]:
    from drafter.text import paragraphs
    return paragraphs(text) if isinstance(text, str) else []
