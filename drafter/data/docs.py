"""Generate docs/data-reference.md (Chinese) from the schema and the level data.

Run ``python -m drafter.data.docs`` after changing the schema or templates/;
a test checks that the committed file is up to date, so docs cannot drift.
"""

from __future__ import annotations

import sys
from pathlib import Path

from drafter import levels
from drafter.data.validate import raw_schema

TYPE_ZH = {"string": "文字", "integer": "整数", "number": "数字", "boolean": "是/否（true/false）",
           "date": "日期（2025-02-20）", "list": "列表", "dict": "字段组"}
OUTPUT = Path("docs") / "data-reference.md"


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _rows(rules: dict, prefix: str, out: list):
    for name, sub in (rules.get("schema") or {}).items():
        meta = sub.get("meta") or {}
        kind = sub.get("type", "")
        type_text = TYPE_ZH.get(kind, kind)
        if kind == "list" and isinstance(sub.get("schema"), dict):
            inner = sub["schema"].get("type", "")
            type_text = f"列表（每项为{TYPE_ZH.get(inner, inner)}）"
        example = meta.get("example", "")
        if isinstance(example, bool):
            example = "true" if example else "false"
        elif isinstance(example, list):
            example = "、".join(map(str, example))
        required = "必填" if sub.get("required") else "可选"
        allowed = sub.get("allowed")
        desc = meta.get("description", "")
        if allowed and name == "level":
            desc += " 取值见下文“层级”。"
        elif allowed and name == "kind":
            desc += " 取值见下文“举措领域”。"
        out.append(f"| `{prefix}{name}` | {_cell(meta.get('title', ''))} | {type_text} | {required} | "
                   f"{_cell(desc)} | {_cell(example)} |")
        child = sub.get("schema")
        if kind == "dict" and child:
            _rows(sub, f"{prefix}{name}.", out)
        elif kind == "list" and isinstance(child, dict) and child.get("type") == "dict":
            _rows(child, f"{prefix}{name}[].", out)


def reference() -> str:
    """The whole Markdown text of the data file reference."""
    out = ["# 数据文件参考", "",
           "> 本文件由 `python -m drafter.data.docs` 根据校验规则（drafter/data/schema.yaml）和层级定义（templates/）"
           "自动生成，请勿手工修改。", "",
           "一份报告对应一个 YAML 数据文件。最外层有七个部分：`meta`（报告信息）、`intro`（开头段落）和五项法定内容 "
           "`measures`、`problems`、`leadership`、`plan`、`other`。字段名中的 `[]` 表示列表中的每一项。", "",
           "书写约定：多段文字用 `|` 开头的文字块书写，**空一行即另起一段**；段内换行会被自动连接，不插入空格。"
           "标题中不要写“一、”“（一）”“1.”等编号，编号由程序按层级定义自动生成。", ""]
    schema = raw_schema()
    for top, rules in schema.items():
        meta = rules.get("meta") or {}
        out += [f"## `{top}`：{meta.get('title', top)}", "", meta.get("description", ""), ""]
        out += ["| 字段 | 名称 | 类型 | 必填 | 说明 | 示例 |", "|---|---|---|---|---|---|"]
        if rules.get("type") == "dict":
            _rows(rules, f"{top}.", out)
        else:
            out.append(f"| `{top}` | {_cell(meta.get('title', ''))} | {TYPE_ZH.get(rules.get('type'), '')} | "
                       f"{'必填' if rules.get('required') else '可选'} | {_cell(meta.get('description', ''))} | "
                       f"{_cell(meta.get('example', ''))} |")
        out.append("")
    out += ["## 层级", "", "`meta.level` 的取值。各层级的要求保存在 `templates/<层级>/level.yaml` 中。", "",
            "| 取值 | 层级 | 适用于 | 报告形式 | 主送 | 报送期限（次年） | 必备举措领域 |", "|---|---|---|---|---|---|---|"]
    kinds = levels.measure_kinds()
    for level in levels.all_levels().values():
        for variant in level.variants.values():
            form = f"{variant.name}（joint: {'true' if variant.key == 'joint' else 'false'}）"
            out.append(f"| `{level.id}` | {level.name} | {_cell(level.description)} | {form} | "
                       f"{'、'.join(r.role for r in variant.recipients)} | {variant.deadline.describe()}之前 | "
                       f"{'、'.join(kinds[k].name for k in level.required_areas)} |")
    out += ["", "## 举措领域", "", "`measures.areas[].kind` 的取值。", "", "| 取值 | 领域 | 包括 |", "|---|---|---|"]
    for key, kind in kinds.items():
        out.append(f"| `{key}` | {kind.name} | {_cell(kind.description)} |")
    out += ["", "## 检查规则", "",
            "`drafter validate` 除检查字段和类型外，还做以下核对（错误使退出码为 1；警告不影响，除非加 `--strict`）：", "",
            "- 统计数据：各项之和应等于总数（`partial: true` 时不超过总数）；比率按数字重新计算核对，允许四舍五入误差。",
            "- 下一年度安排的年度应为报告年度加一；标题中的年份应与所写内容的年度一致。",
            "- 成文日期应在报告年度结束之后；晚于层级的报送期限或恰为期限当天时给出警告；印发日期不早于成文日期。",
            "- 发文字号应形如“鞍委〔2024〕17号”：六角括号、年份写全四位、序号不加“第”、不编虚位。",
            "- 联合报告必须写党委名称；主送机关应与层级要求相符（警告）；层级要求的举措领域必须齐备。",
            "- 仍含“【待填写】”提示文字的字段视为未填写；含有不可见控制字符的文字给出警告。",
            "- 文件为 GBK 编码时按 GBK 读取并给出警告；同一字段重复出现、未知字段、类型不对都会逐条列出。",
            "- 输入法造成的错误在读取前先找出，指明行、列和字符：字段名后的全角冒号“：”、冒号后缺少空格、"
            "用全角空格缩进、同一列表的“-”没有对齐（两项会被连成“甲 - 乙”）；全角数字、加了引号的数字给出对应的改法。",
            "- 标题中的年份与报告年度不同是错误；标题开头写了编号（如“（一）”）给出警告，生成时删去；"
            "写了发文字号或签发人但没有红头和报送函（不会印出）、红头和报送函同时使用（版头印两次）给出警告。",
            "- 没有错误时，再按生成后的样子用 `drafter lint` 的内容规则检查文字（占位符、留空的数字、其他年份、"
            "标题与落款的机关不一致、网页残留、半角标点等，见 [lint-rules.md](lint-rules.md)），问题报在对应字段，"
            "并注明规则编号。", ""]
    return "\n".join(out)


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    target.write_text(reference(), encoding="utf-8")
    print(f"已写入 {target}")


if __name__ == "__main__":
    main()
