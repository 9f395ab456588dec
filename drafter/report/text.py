"""The text report (default): Chinese, grouped by file, coloured on a terminal."""

from __future__ import annotations

import click

from drafter.levels import get_level
from drafter.lint.finding import ERROR, INFO, SEVERITY_ZH, WARNING
from drafter.report import STATUS_ZH
from drafter.text import terminal_safe

COLOURS = {ERROR: "red", WARNING: "yellow", INFO: "cyan"}
STATUS_MARK = {"section": "√", "subsection": "△", "body": "△", "missing": "×"}


def evidence_zh(evidence) -> str:
    """“标题“兴平市人民政府……”（兴平市，县级）” — the cue that decided the level."""
    from drafter.analysis import divisions
    from drafter.analysis.metadata import CUE_NAMES

    text = evidence.name or evidence.text
    found = divisions.lookup(evidence.division) if evidence.division else []
    kind = {"province": "省级", "prefecture": "地级", "county": "县级"}.get(found[0].kind) if found else None
    where = f"，{evidence.division}为{kind}行政区划" if kind else ""
    return f"{CUE_NAMES.get(evidence.cue, evidence.cue)}“{text}”{where}"


def _style(text: str, colour: bool, **kw) -> str:
    text = terminal_safe(text)
    return click.style(text, **kw) if colour else text


def file_report(result, colour: bool = False) -> list[str]:
    lines = [_style(result.path, colour, bold=True)]
    if result.error is not None:
        error = result.error
        where = f"{error.format()}" if error.path and error.path != result.path else (
            error.message + (f"（{error.hint}）" if error.hint else ""))
        text = "  无法检查：" + where
        return lines + [_style(text, colour, fg="red")]
    level = get_level(result.level)
    head = f"  层级：{level.name}（{result.level}）"
    if result.level_source == "default":
        head += "（标题、落款和正文中都没有可判断层级的线索，假定为此层级；可用 --level 指定）"
    elif result.level_source == "detected" and result.analysis is not None and result.analysis.level_evidence:
        head += f"（依据：{evidence_zh(result.analysis.level_evidence[0])}）"
    head += f"　年度：{result.year}年" if result.year else "　年度：未识别（可用 --year 指定）"
    head += "　联合报告" if result.joint else ""
    lines.append(terminal_safe(head))
    for item in level.ordered_items():
        status = result.items.get(item.key)
        if status is None:
            continue
        where = f"：{status.heading}" if status.heading else (
            f"：{status.location.describe()}" if status.location is not None else "")
        lines.append(terminal_safe(f"  {item.marker} {item.name}　{STATUS_MARK[status.status]} "
                                   f"{STATUS_ZH[status.status]}{where}"))
    if not result.findings:
        lines.append(_style("  未发现问题。", colour, fg="green"))
    else:
        lines.append("  发现问题：" + "，".join(f"{SEVERITY_ZH[s]} {result.count(s)} 处" for s in (ERROR, WARNING, INFO)))
    previous = None
    for finding in result.findings:
        label = _style(f"{SEVERITY_ZH[finding.severity]}", colour, fg=COLOURS[finding.severity], bold=True)
        where = finding.location.describe() or "全文"
        if where != previous:                       # several problems in one place: the place once
            lines.append(terminal_safe(f"  {where}"))
            previous = where
        lines.append(f"    {label} [{finding.rule}] {terminal_safe(finding.message)}")
        if finding.hint:
            lines.append(terminal_safe(f"    修改建议：{finding.hint}"))
    return lines


def summary(results) -> str:
    counts = {s: sum(r.count(s) for r in results) for s in (ERROR, WARNING, INFO)}
    unreadable = sum(1 for r in results if r.error is not None)
    text = f"共检查 {len(results)} 个文件：错误 {counts[ERROR]} 处，警告 {counts[WARNING]} 处，提示 {counts[INFO]} 处"
    if unreadable:
        text += f"；{unreadable} 个文件无法检查"
    return text + "。"


def render(results, colour: bool = False) -> str:
    out = []
    for result in results:
        out.extend(file_report(result, colour))   # every piece from the draft passes terminal_safe
        out.append("")
    out.append(summary(results))
    return "\n".join(out) + "\n"
