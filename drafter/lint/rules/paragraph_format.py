"""Body paragraphs without a two-character first-line indent, or with an unusual fixed line spacing.

公文正文每段首行缩进 2 个字，行距一般为固定值 28～29 磅左右（每页 22 行）。本规则检查 .docx
正文段落的首行缩进（按“字符”或按磅值换算）和固定行距（允许 26～31 磅，见 templates/common.yaml
的 lint.format.body）。用“多倍行距”或文档网格控制行距的不检查。为避免误报，只在有相当比例
（默认 30%）的正文段落不符合时报告一次。只检查 .docx 文件。

不通过：正文顶格、没有首行缩进；或行距为固定值 20 磅。

通过：“段落→特殊格式→首行缩进 2 字符”，行距“固定值 28 磅”。
"""

from __future__ import annotations

from drafter.lint.finding import INFO
from drafter.lint.rules import _helpers as h
from drafter.lint.rules.fonts import _groups

ID = "paragraph-format"
CODE = "F03"
DEFAULT_SEVERITY = INFO
TITLE = "正文首行缩进或行距不符合公文格式"

INDENT_TOLERANCE_CHARS = 0.5


def _indent_chars(paragraph, size: float) -> float | None:
    fmt = paragraph.format
    if fmt.first_line_indent_chars is not None:
        return fmt.first_line_indent_chars
    if fmt.first_line_indent_pt is not None:
        return fmt.first_line_indent_pt / (fmt.size_pt or size)
    return 0.0


def check(ctx):
    if ctx.document.kind != "docx":
        return
    body = _groups(ctx).get("正文")
    if not body:
        return
    spec = h.data()["format"]
    paragraphs = body[1]
    size, chars = spec["body"]["size"], spec["body"]["indent_chars"]
    wrong = [p for p in paragraphs
             if abs(_indent_chars(p, size) - chars) > INDENT_TOLERANCE_CHARS
             and not p.text.startswith(("\u3000\u3000", "  "))]
    if paragraphs and len(wrong) / len(paragraphs) > spec["share"]:
        first = wrong[0]
        yield h.make(__name__, ctx, first,
                     f"正文首行缩进约{_indent_chars(first, size):.1f}字，应为{chars}字（{len(wrong)}/{len(paragraphs)}段）",
                     f"请选中正文，在“段落→特殊格式”中设为“首行缩进 {chars} 字符”")
    low, high = spec["body"]["line_spacing"]
    fixed = [p for p in paragraphs if p.format.line_spacing_rule == "exact" and p.format.line_spacing_pt]
    wrong = [p for p in fixed if not low <= p.format.line_spacing_pt <= high]
    if fixed and len(wrong) / len(paragraphs) > spec["share"]:
        first = wrong[0]
        yield h.make(__name__, ctx, first,
                     f"正文行距为固定值{first.format.line_spacing_pt:g}磅，公文一般为28～29磅（{len(wrong)}/{len(paragraphs)}段）",
                     "请在“段落→行距”中设为“固定值 28 磅”，或按每页22行设置文档网格")
