"""Generate docs/lint-rules.md (Chinese rules reference) from the rule modules.

Each rule's id, catalogue code, title, default severity and options come from
the module; its documentation is the module docstring (the English summary
line is left out, the Chinese text follows).  Run ``python -m drafter.lint.docs``
after changing a rule; a test checks that the committed file is up to date.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from drafter.lint.finding import SEVERITY_ZH

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "lint-rules.md"

# Catalogue prefixes: L = content and wording (regulatory research catalogue L01–L23),
# D = the .docx file itself, F = GB/T 9704-2012 layout.
CODE_GROUPS = {"L": "内容和文字", "D": "文档状态", "F": "版式（GB/T 9704-2012）"}
TYPE_ZH = {"integer": "整数", "float": "小数", "number": "数字", "string": "文字", "boolean": "是/否",
           "list": "列表"}


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def documentation(rule) -> str:
    """The Chinese part of a rule's docstring (everything after the English summary line), unwrapped."""
    doc = inspect.cleandoc(rule.__doc__ or "")
    _, _, rest = doc.partition("\n")
    return unwrap(rest.strip())


def unwrap(text: str) -> str:
    """Join the hard-wrapped lines of each Markdown paragraph or list item without a space.

    Chinese has no spaces between words, and Markdown renders a line break inside a
    paragraph as one; code fences and list items keep their own lines.
    """
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
            out.append(line)
            continue
        joinable = (not fenced and out and out[-1].strip() and line.strip() and not out[-1].startswith("```")
                    and not line.lstrip().startswith(("- ", "|")) and not out[-1].lstrip().startswith("|"))
        if joinable:
            glue = " " if out[-1][-1:].isascii() and out[-1][-1:].isalnum() and line[:1].isascii() \
                and line[:1].isalnum() else ""
            out[-1] += glue + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def summary(rule) -> str:
    """The English summary line of a rule's docstring."""
    return inspect.cleandoc(rule.__doc__ or "").partition("\n")[0].strip()


def _options(rule) -> list[str]:
    schema = getattr(rule, "OPTIONS", None) or {}
    if not schema:
        return []
    out = ["", "| 选项 | 类型 | 默认值 | 范围 |", "|---|---|---|---|"]
    for name, spec in schema.items():
        bounds = [f"≥ {spec['min']}" if "min" in spec else "", f"≤ {spec['max']}" if "max" in spec else ""]
        out.append(f"| `{name}` | {TYPE_ZH.get(spec.get('type'), spec.get('type', ''))} | `{spec.get('default')}` | "
                   f"{_cell('，'.join(b for b in bounds if b))} |")
    return out


def reference() -> str:
    """The whole docs/lint-rules.md text."""
    from drafter.lint import registry

    rules = registry.RULES
    out = [
        "# 草稿检查规则一览（drafter lint）",
        "",
        "<!-- 本文件由 python -m drafter.lint.docs 根据 drafter/lint/rules/ 生成，请勿手工修改。 -->",
        "",
        f"`drafter lint` 共有 {len(rules)} 条检查规则。每条规则有固定的规则编号（如 `missing-item`），"
        "在检查结果、JSON/SARIF 输出和配置文件 `.drafter.yaml` 中都用这个编号；"
        "在配置文件中可以关闭某条规则、修改它的严重程度或设置选项（见 [lint.md](lint.md)）。",
        "",
        "严重程度：**错误**（报送前必须改正）、**警告**（应当改正，个别情况可保留）、**提示**（供参考）。",
        "目录编号的字母：" + "；".join(f"{k} = {v}" for k, v in CODE_GROUPS.items()) + "。",
        "规则使用的词表（占位符、网页残留用语、繁体字、字体别名等）在 `templates/common.yaml` 的 `lint:` 部分，"
        "可按本地情况增删。",
        "",
        "| 规则编号 | 目录 | 检查内容 | 默认严重程度 |",
        "|---|---|---|---|",
    ]
    for rule in rules:
        out.append(f"| [`{rule.ID}`](#{rule.ID}) | {rule.CODE} | {_cell(rule.TITLE)} | "
                   f"{SEVERITY_ZH[rule.DEFAULT_SEVERITY]} |")
    for rule in rules:
        out += ["", f'<a id="{rule.ID}"></a>', "", f"## {rule.ID}：{rule.TITLE}", "",
                f"- 目录：{rule.CODE}（{CODE_GROUPS.get(rule.CODE[:1], '')}）",
                f"- 默认严重程度：{SEVERITY_ZH[rule.DEFAULT_SEVERITY]}（`{rule.DEFAULT_SEVERITY}`）"]
        out += _options(rule)
        out += ["", documentation(rule)]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> None:
    """Write the reference to ``argv[0]`` (default: docs/lint-rules.md of the checkout)."""
    from drafter.fsutil import write_text

    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else OUTPUT
    write_text(target, reference())
    print(f"已生成 {target}")


if __name__ == "__main__":
    main()
