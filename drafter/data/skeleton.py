"""The data-file skeleton written by ``drafter init``.

Built from the schema (field titles, descriptions, examples) and the level
definition (item order, title pattern, addressee roles, required areas), so
it never drifts from what validation expects.  Every value the user must
supply carries the 【待填写】 mark, which validation reports until replaced.
"""

from __future__ import annotations

from drafter import levels
from drafter.data.jsonschema import SCHEMA_FILE_NAME
from drafter.data.validate import TODO_MARK, rules_at
from drafter.data.writer import Comment, dump, scalar


def help_line(path: tuple) -> str:
    """A field's help as its comment says it: “标题：说明” (or the description alone where it starts
    with the title: “成文日期，写成……”, not “成文日期：成文日期，……”)."""
    meta = (rules_at(path) or {}).get("meta") or {}
    title, description = str(meta.get("title", path[-1] if path else "")), meta.get("description", "")
    if title and description.startswith(title):
        return description
    return f"{title}：{description}".rstrip("：")


def _help(path: tuple, extra: str | None = None) -> Comment:
    lines = [help_line(path)]
    if extra:
        lines.append(extra)
    return Comment(before=lines)


def _todo(what: str) -> str:
    return f"{TODO_MARK}{what}"


def _addressee(role) -> str:
    """A fixed addressee (党中央, 国务院) is written out; others are a mark with a neutral example."""
    if role.example == role.role:
        return role.example
    return _todo(f"{role.role}，如：{role.example}")


def _optional_lines(path: tuple, names: list[str], indent: str) -> list[str]:
    """Commented-out optional fields with their examples."""
    lines = ["", "以下为可选字段：需要时删去行首的“# ”并改为实际内容。"]
    for name in names:
        meta = (rules_at(path + (name,)) or {}).get("meta") or {}
        example = meta.get("example")
        if isinstance(example, list):
            lines.append(f"{indent}{name}:  # {meta.get('title', name)}")
            lines.extend(f"{indent}  - {scalar(v)}" for v in example)
        else:
            lines.append(f"{indent}{name}: {scalar(example) if example is not None else ''}"
                         f"  # {meta.get('title', name)}")
    return lines


def skeleton(level_id: str, year: int, joint: bool = False, body: str | None = None) -> str:
    """YAML text of a new data file for ``level_id`` and report ``year`` (``body`` filled in if given)."""
    level = levels.get_level(level_id)
    variant = level.variant(joint)
    if variant is None:
        from drafter.errors import DrafterError
        raise DrafterError(level.joint_unsupported or f"层级“{level.name}”没有这种报告形式",
                           hint="请去掉 --joint" if joint else "请加上 --joint")
    comments: dict = {}
    meta: dict = {"body": body or _todo("报告主体全称")}
    comments[("meta", "body")] = _help(("meta", "body"))
    meta["level"] = level.id
    comments[("meta", "level")] = _help(("meta", "level"), f"本文件按“{level.name}”（{level.description}）生成。")
    meta["joint"] = joint
    comments[("meta", "joint")] = _help(("meta", "joint"))
    if joint:
        meta["party_body"] = _todo("党委规范名称")
        comments[("meta", "party_body")] = _help(("meta", "party_body"))
    meta["year"] = year
    comments[("meta", "year")] = _help(("meta", "year"))
    meta["date"] = None
    deadline = variant.deadline.date_for(year)
    comments[("meta", "date")] = _help(
        ("meta", "date"), f"本层级应在 {deadline.year}年{deadline.month}月{deadline.day}日之前报送，例如 {year + 1}-02-20。")
    meta["recipients"] = [_addressee(r) for r in variant.recipients]
    comments[("meta", "recipients")] = _help(
        ("meta", "recipients"), f"{variant.name}应主送：" + "、".join(r.role for r in variant.recipients) + "。")
    if variant.cc:
        meta["cc"] = [_addressee(r) for r in variant.cc]
        comments[("meta", "cc")] = _help(("meta", "cc"), "不需要抄送的可整项删除。")
    optional = ["title", "doc_number", "signer", "issuer", "issue_date", "contact"]
    title_example = variant.title_for(body="（报告主体）", year=year, party_body="（党委名称）")
    data: dict = {"meta": meta, "intro": _todo("开头段落：概述本年度法治政府建设总体情况，以“现将有关情况报告如下。”结尾。")}
    opt = _optional_lines(("meta",), optional, "  ")
    opt.insert(2, f"不写 title 时标题自动生成为：{title_example}")
    comments[("intro",)] = Comment(before=opt + ["", _help(("intro",)).before[0]])

    kinds = levels.measure_kinds()
    areas = []
    for i, kind in enumerate(level.required_areas or ("other",)):
        areas.append({"kind": kind, "title": _todo(f"“{kinds[kind].name}”方面的小标题"),
                      "text": _todo(f"{kinds[kind].description}等方面的举措和成效。")})
        comments[("measures", "areas", i, "kind")] = Comment(
            before=[f"领域：{kinds[kind].name}（本层级必备）"] if i else
            ["每条举措一个小节，kind 为领域，可选值：" + "、".join(f"{k}（{v.name}）" for k, v in kinds.items()),
             f"领域：{kinds[kind].name}（本层级必备）"])
    sections = {
        "measures": {"areas": areas},
        "problems": {"items": [{"title": _todo("不足的概括"), "text": _todo("不足的具体表现"),
                                "cause": _todo("产生这条不足的原因（必须写明）")}]},
        "leadership": {"text": _todo("党政主要负责人履行推进法治建设第一责任人职责的情况")},
        "plan": {"year": year + 1, "items": [{"title": _todo(f"{year + 1}年的一项工作安排"), "text": _todo("具体措施")}]},
        "other": {"text": "无。"},
    }
    comments[("measures", "areas", 0, "title")] = Comment(
        before=["统计数据（可选）：在 text 下面加 stats，例如：",
                "stats:", "  - name: 行政复议案件", "    unit: 件", "    total: 13",
                "    parts: [{name: 维持, value: 10}, {name: 撤销, value: 3}]"])
    for item in level.ordered_items():
        data[item.key] = sections[item.key]
        comments[(item.key,)] = Comment(before=[
            "", f"{item.marker} {item.rule_text}",
            f"不写 title 时标题为：{item.heading_for(year)}"])
    comments[("other", "text")] = Comment(before=["没有其他需要报告的事项时写“无。”；有督察整改、示范创建等情况时在此写明。"])
    header = [f"yaml-language-server: $schema=./{SCHEMA_FILE_NAME}",
              f"{year}年法治政府建设年度报告 数据文件（{level.name}，{variant.name}）",
              "填写说明：把所有“【待填写】”替换为实际内容；多段文字在“|”下逐段书写，段与段之间空一行。",
              "编号（一、（一）1.）由程序自动生成，不要写在标题里。写完后运行：drafter validate 本文件名", ""]
    return dump(data, comments, header)
