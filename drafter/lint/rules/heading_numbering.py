"""Heading numbers skip, repeat or do not start at one.

检查同一部分下同级标题的编号是否连续：从“一、”“（一）”“1.”“（1）”开始，依次递增，
不跳号、不重号。Word 自动编号的标题按显示出来的编号检查。

不通过：

```text
一、主要举措和成效
二、存在的不足和原因
四、下一年度主要安排
```

通过：

```text
一、主要举措和成效
二、存在的不足和原因
三、下一年度主要安排
```
"""

from __future__ import annotations

from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h
from drafter.numbering import heading_number

ID = "heading-numbering"
CODE = "L12"
DEFAULT_SEVERITY = WARNING
TITLE = "标题编号跳号、重号或不从一开始"


def _label(level: int, n: int) -> str:
    try:
        return heading_number(level, n)
    except ValueError:
        return str(n)


def check(ctx):
    for parent in ctx.outline.walk():
        numbered = [c for c in parent.children
                    if c.heading is not None and c.heading.marker == "number" and c.heading.number]
        by_level: dict = {}
        for child in numbered:
            by_level.setdefault(child.level, []).append(child)
        for level, children in by_level.items():
            expected = 1
            for child in children:
                n = child.heading.number
                paragraph = child.heading.paragraph
                if n == expected:
                    expected += 1
                    continue
                if n < expected:
                    message = f"标题编号“{_label(level, n)}”与前面的编号重复或倒序（此处应为“{_label(level, expected)}”）"
                elif expected == 1:
                    message = f"同级标题从“{_label(level, n)}”开始，没有从“{_label(level, 1)}”开始"
                else:
                    message = f"标题编号跳号：应为“{_label(level, expected)}”，写的是“{_label(level, n)}”"
                yield h.make(__name__, ctx, paragraph, message,
                             "请按顺序重新编号（一、二、三……），或检查是否漏掉、多出一部分")
                expected = n + 1
