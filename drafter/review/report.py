"""The review as JSON (for other tools) and as a short Chinese summary for the terminal."""

from __future__ import annotations

import json
from pathlib import Path

from drafter.review import core
from drafter.review.collect import MISSING

VERSION = 1


def _rel(path: str, folder: str) -> str:
    try:
        return Path(path).relative_to(folder).as_posix()
    except ValueError:
        return Path(path).as_posix()


def review_dict(review) -> dict:
    """The JSON structure (documented in docs/review.md)."""
    units = []
    for row in review.rows:
        main = row.main
        units.append({
            "name": row.label, "in_roster": row.unit is not None, "level": row.level, "status": row.status,
            "contact": row.unit.contact if row.unit else None,
            "files": [{"path": _rel(f.path, review.folder), "evidence": m.evidence, "by_file_name": m.by_file_name,
                       "candidates": [u.name for u in m.candidates], "readable": f.error is None}
                      for f, m in zip(row.files, row.matches)],
            "year": main.year if main else None, "year_problem": row.year_problem,
            "items": dict(main.items) if main else {},
            "errors": row.count("error"), "warnings": row.count("warning"), "top_problems": row.top_problems(),
            "date": main.date if main else None, "deadline": (review.deadline or main.deadline) if main else None,
            "late": row.late,
        })
    files = []
    for result in review.results:
        data = result.as_dict()
        data["path"] = _rel(result.path, review.folder)
        if data["annotated"]:
            data["annotated"] = Path(data["annotated"]).as_posix()
        files.append(data)
    stats = [dict(r.stat(), contributions=[{"unit": c.unit, "file": _rel(c.file, review.folder), "origin": c.origin,
                                            "total": c.total, "parts": c.parts} for c in r.contributions],
                  notes=r.notes) for r in review.rolled]
    return {"version": VERSION, "folder": Path(review.folder).as_posix(), "year": review.year,
            "year_source": review.year_source, "roster": review.roster is not None, "summary": summary_counts(review),
            "units": units, "files": files, "stats": stats}


def render_json(review) -> str:
    return json.dumps(review_dict(review), ensure_ascii=False, indent=2) + "\n"


def summary_counts(review) -> dict:
    expected = [r for r in review.rows if r.status != core.UNMATCHED]
    # with a roster, the figures are about the roster's units (unmatched files are counted apart)
    readable = [r for r in (expected if review.roster is not None else review.rows) if r.main is not None]
    return {
        "units": len(expected) if review.roster is not None else len(review.rows),
        "submitted": sum(1 for r in expected if r.files),
        "missing": len(review.missing),
        "reports_missing_items": sum(1 for r in readable if MISSING in r.main.items.values()),
        "missing_items": sum(list(r.main.items.values()).count(MISSING) for r in readable),
        "late": sum(1 for r in readable if r.late),
        "wrong_year": sum(1 for r in readable if r.year_problem),
        "with_errors": sum(1 for r in readable if r.count("error")),
        "unreadable": len(review.unreadable),
        "unmatched": len(review.unmatched),
        "duplicates": len(review.duplicates),
        "files": len(review.results),
    }


def summary_text(review) -> list[str]:
    """A few Chinese lines: N submitted of M, missing units, missing items, late, unreadable, to check by hand."""
    c = summary_counts(review)
    lines = []
    if review.roster is not None:
        line = f"名单中 {c['units']} 个单位，已提交 {c['submitted']} 个，未提交 {c['missing']} 个"
        if review.missing:
            names = "、".join(r.label for r in review.missing[:10]) + ("等" if len(review.missing) > 10 else "")
            line += f"（{names}）"
        lines.append(line + "。")
    else:
        lines.append(f"共 {c['files']} 个文件，来自 {c['units']} 个单位（未提供名单，按报告中的发文机关归并）。")
    year = f"{review.year}年度" if review.year else "年度未识别"
    lines.append(f"审查{year}报告：{c['reports_missing_items']} 份缺少必备内容（共缺 {c['missing_items']} 项），"
                 f"{c['with_errors']} 份有错误，{c['late']} 份成文日期逾期，{c['wrong_year']} 份年度不符。")
    extra = []
    if c["unreadable"]:
        extra.append(f"{c['unreadable']} 个文件无法读取")
    if c["unmatched"]:
        extra.append(f"{c['unmatched']} 个文件未对应名单中的单位")
    if c["duplicates"]:
        extra.append(f"{c['duplicates']} 个单位有多份文件")
    if extra:
        lines.append("需要人工确认：" + "，".join(extra) + "。")
    if review.rolled:
        lines.append(f"统计汇总：{len(review.rolled)} 项指标。")
    return lines
