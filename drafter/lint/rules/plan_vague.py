"""The plan section (item ④) is vague: it names no year and lists no tasks.

第④项应写明下一年度的具体安排。本规则在第④项既没有写明下一年度（如“2025年”“下一年度”），
又没有分条列出任务（小标题，或“一是……二是……”）时给出警告。

不通过：

```text
三、下一步工作打算
我们将继续坚持……推动法治政府建设再上新台阶。
```

通过：

```text
三、2025年推进法治政府建设的主要安排
（一）深化行政执法体制改革……
（二）……
```
"""

from __future__ import annotations

import re

from drafter import regex
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "plan-vague"
CODE = "L03"
DEFAULT_SEVERITY = WARNING
TITLE = "下一年度安排没有年份也没有具体任务"

_RUNIN = regex.compile(r"(?:^|[。；;：:，,])\s*[一二三四五]是", re.M)


def check(ctx):
    section = h.item_section(ctx, "plan")
    if section is None:
        return
    if any(node.heading is not None for node in section.children):
        return
    texts = [h.simplified(section.heading.paragraph.text)] + [h.simplified(p.text) for p in section.all_paragraphs()]
    joined = "\n".join(texts)
    if ctx.year is not None and re.search(rf"{ctx.year + 1}\s*年", joined):
        return
    if any(word in joined for word in h.data()["next_year_words"]):
        return
    if len(_RUNIN.findall(joined)) >= 2:
        return
    year = f"{ctx.year + 1}年" if ctx.year is not None else "下一年度"
    yield h.make(__name__, ctx, section.heading.paragraph,
                 "下一年度安排没有写明年度，也没有分条列出具体任务",
                 f"请在标题中写明“{year}”，并分条列出下一年度的重点任务")
