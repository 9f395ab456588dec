"""Heading numbers are written in a non-standard form.

公文各级标题的编号依次为“一、”“（一）”“1.”“（1）”（GB/T 9704 的惯例）。本规则检查手工输入的编号：

- “一、 ”编号后多了空格；
- 一级标题用“一.”或“一．”；
- 二级、四级标题用半角括号“(一)”“(1)”，或全角半角混用“(一）”；
- 括号后又加顿号或点，如“（一）、”；
- 三级标题用“1、”；
- 缺少左括号，如“一）”；
- 编号重复写了两遍，如“（一）（一）加强组织领导”（多为 Word 自动编号之后又手工输入了编号）。

同一种问题在全文只报告一次（在第一次出现处），并给出出现次数。Word 自动编号生成的编号不检查。

不通过：

```text
一、 加强组织领导
(一)完善制度体系
1、健全决策机制
```

通过：

```text
一、加强组织领导
（一）完善制度体系
1.健全决策机制
```
"""

from __future__ import annotations

from drafter import regex
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h
from drafter.analysis.headings import leading_number

ID = "heading-form"
CODE = "L12"
DEFAULT_SEVERITY = WARNING
TITLE = "标题编号写法不规范"

_SPACE = "[ \t\u00a0\u3000]"
_CN = "一二三四五六七八九十"
# (kind, levels, pattern on the number as written, message, hint)
_CHECKS = (
    ("space", (1, 2, 3, 4), regex.compile(rf"{_SPACE}+$|^{_SPACE}|[（(]{_SPACE}|{_SPACE}[）)]"),
     "标题编号后（或括号内）有多余的空格", "删去编号中的空格，如“一、加强组织领导”"),
    ("dot1", (1,), regex.compile(r"^[一二三四五六七八九十百]+[.．]"),
     "一级标题编号用了“.”", "一级标题编号应为“一、”"),
    ("halfwidth", (2, 4), regex.compile(r"^\(.*\)|^\(|\)"),
     "标题编号用了半角括号“( )”", "二级、四级标题编号应使用全角括号，如“（一）”“（1）”"),
    ("trailing", (2, 4), regex.compile(r"[）)]\s*[、，,.．:：]"),
     "括号编号后又加了标点，如“（一）、”", "括号编号后不加顿号或点，如“（一）完善制度体系”"),
    ("comma3", (3,), regex.compile(r"^\d+\s*、"),
     "三级标题编号用了顿号“1、”", "三级标题编号应为“1.”"),
)
_MISSING_OPEN = regex.compile(rf"^[{_CN}\d]{{1,3}}[)）](?!\s*$)")


def check(ctx):
    found: dict = {}
    for node in h.headed_sections(ctx):
        heading = node.heading
        if heading.marker == "number":
            rest = heading.paragraph.text.strip(" \t\u00a0\u3000")[len(heading.number_text):]
            again = leading_number(rest)
            if again is not None:
                found.setdefault("doubled", ("标题编号重复写了两遍，如“" + heading.number_text.strip() + again.strip() + "”",
                                             "删去手工输入的编号，只保留一个（用了 Word 自动编号时删去文字中的编号）",
                                             []))[2].append(heading.paragraph)
        if heading.marker != "number" or heading.paragraph.number:
            continue
        for kind, levels, pattern, message, hint in _CHECKS:
            if node.level in levels and pattern.search(heading.number_text):
                found.setdefault(kind, (message, hint, []))[2].append(heading.paragraph)
    for paragraph in h.text_paragraphs(ctx):
        if paragraph.part == "body" and _MISSING_OPEN.match(paragraph.text) and not paragraph.number:
            found.setdefault("open", ("标题编号缺少左括号，如“一）”", "应写成“（一）”“（1）”", []))[2].append(paragraph)
    for message, hint, paragraphs in found.values():
        paragraphs.sort(key=lambda p: p.index)
        count = f"（全文共{len(paragraphs)}处）" if len(paragraphs) > 1 else ""
        yield h.make(__name__, ctx, paragraphs[0], message + count, hint)
