"""The roll-up (统计汇总): statistics with the same name and measure unit added up across units.

Data files give exact statistics; drafts give only what the importer recognises
reliably (drafter's own statistics tables, or “共N件，其中甲a件、乙b件” sentences
whose parts add up), marked as extracted from text.  Within one unit a data
file's figure wins over a draft's for the same statistic, so nothing is counted
twice.  Rates (percentages) are not added up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.review.roster import normalise

ORIGIN_ZH = {"data": "数据文件", "table": "报告中的统计表", "text": "正文“共……其中……”"}


def _num(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _clean(value):
    """Sums of floats without binary noise (0.1 + 0.2 → 0.3); integers stay integers."""
    if isinstance(value, float):
        value = round(value, 6)
        return int(value) if value.is_integer() else value
    return value


@dataclass
class Contribution:
    unit: str
    file: str
    origin: str
    total: float | None
    parts: dict                            # part name → value


@dataclass
class Rolled:
    """One statistic added up across units."""

    name: str
    unit: str
    total: float | None = None
    parts: list = field(default_factory=list)        # [(part name, value, [unit names])]
    contributions: list = field(default_factory=list)
    notes: list = field(default_factory=list)       # Chinese remarks: unit mismatch, parts not covering total
    partial: bool = False

    @property
    def origins(self) -> list:
        return list(dict.fromkeys(c.origin for c in self.contributions))

    @property
    def from_text_only(self) -> bool:
        return all(c.origin != "data" for c in self.contributions)

    def stat(self) -> dict:
        """As a data-file stat (``measures[].stats`` entry)."""
        out = {"name": self.name, "unit": self.unit}
        if self.total is not None:
            out["total"] = self.total
        if self.parts:
            out["parts"] = [{"name": n, "value": v} for n, v, _ in self.parts]
        if self.partial and self.total is not None and self.parts:
            out["partial"] = True
        return out


def roll_up(units: list) -> list[Rolled]:
    """``units``: ``[(unit label, [FileResult …])]`` in roster order → rolled statistics, in first-seen order."""
    groups: dict = {}
    names_units: dict = {}
    for label, files in units:
        taken: dict = {}
        for result in sorted(files, key=lambda r: (r.kind != "data", r.path)):
            for stat in result.stats:
                key = (normalise(stat["name"]), stat["unit"].strip())
                if key in taken or not (_num(stat.get("total")) or stat.get("parts")):
                    continue
                parts = {p["name"]: p["value"] for p in stat.get("parts") or []
                         if isinstance(p, dict) and isinstance(p.get("name"), str) and _num(p.get("value"))}
                total = stat.get("total") if _num(stat.get("total")) else None
                if total is None and not stat.get("partial") and parts:
                    total = sum(parts.values())
                taken[key] = Contribution(label, result.path, stat.get("origin", "data"), total, parts)
                groups.setdefault(key, Rolled(name=stat["name"].strip(), unit=stat["unit"].strip()))
                names_units.setdefault(key[0], []).append(key[1])
        for key, contribution in taken.items():
            groups[key].contributions.append(contribution)
    out = []
    for (name_key, unit), rolled in groups.items():
        totals = [c.total for c in rolled.contributions]
        if all(t is not None for t in totals):
            rolled.total = _clean(sum(totals))
        else:
            missing = [c.unit for c in rolled.contributions if c.total is None]
            rolled.total = _clean(sum(t for t in totals if t is not None)) if any(t is not None for t in totals) else None
            rolled.notes.append(f"{'、'.join(missing)}未填总数，合计只含已填总数的单位")
        part_names = list(dict.fromkeys(n for c in rolled.contributions for n in c.parts))
        for part in part_names:
            who = [c for c in rolled.contributions if part in c.parts]
            rolled.parts.append((part, _clean(sum(c.parts[part] for c in who)), [c.unit for c in who]))
        if rolled.parts and rolled.total is not None:
            parts_sum = _clean(sum(v for _, v, _ in rolled.parts))
            if abs(parts_sum - rolled.total) > 1e-6:
                rolled.partial = True
                if parts_sum > rolled.total:
                    rolled.notes.append(f"各分项之和{parts_sum}大于合计{rolled.total}，请核对各单位的数字")
                else:
                    rolled.notes.append(f"各分项之和{parts_sum}小于合计{rolled.total}（有的单位未分项或只列了部分）")
        others = sorted(set(names_units[name_key]) - {unit})
        if others:
            rolled.notes.append(f"同名指标在其他单位以“{'”“'.join(others)}”计量，未与本行相加，请统一计量单位")
        out.append(rolled)
    return out


def fragment_yaml(rolled: list, *, year: int | None, sources: int) -> str:
    """The ``--stats-out`` fragment: a ``stats:`` list for ``measures.areas[].stats``, each entry's sources in a comment."""
    from drafter.data.writer import Comment, dump

    stats, comments = [], {}
    for i, r in enumerate(rolled):
        stats.append(r.stat())
        lines = [f"{r.name}：" + "、".join(f"{c.unit}{_fmt(c.total)}{r.unit}（{ORIGIN_ZH[c.origin]}）"
                                          if c.total is not None else f"{c.unit}（{ORIGIN_ZH[c.origin]}，未填总数）"
                                          for c in r.contributions)]
        if r.from_text_only:
            lines.append("以上数字由程序从报告正文中提取，请与各单位核对")
        lines += r.notes
        comments[("stats", i)] = Comment(before=lines)
    what = f"{year}年度" if year else ""
    header = [f"drafter review 汇总统计（{what}{sources}个单位）：同名称、同计量单位的数字已相加。",
              "用法：把 stats: 下面的各项复制到数据文件 measures.areas[].stats 中（注意缩进），再运行 drafter validate。",
              "每项上方的注释列出各单位的数字和来源；比率（百分数）不能相加，未列入。", ""]
    return dump({"stats": stats}, comments, header)


def _fmt(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
