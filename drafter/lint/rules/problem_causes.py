"""The problems section (item ②) lists shortcomings but gives no causes.

《规定》要求报告“存在的不足和原因”。本规则检查第②项的正文（不含标题）中是否有分析原因的用语
（“原因”“究其”“根源”“由于”等，见 templates/common.yaml 中 problems 的 cause_words）。
只罗列不足、不分析原因时给出警告；标题写了“原因”而正文没有分析原因时同样报告。

不通过：

```text
二、存在的问题
一是行政执法规范化需进一步加强；二是基层法治基础仍然薄弱。
```

通过：

```text
二、存在的不足和原因
一是行政执法规范化需进一步加强。主要原因是执法人员培训不够系统……
```
"""

from __future__ import annotations

from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "problem-causes"
CODE = "L02"
DEFAULT_SEVERITY = WARNING
TITLE = "“存在的不足”没有分析原因"


def check(ctx):
    section = h.item_section(ctx, "problems")
    if section is None:
        return
    item = ctx.level.items["problems"]
    words = item.cause_words
    body = " ".join(h.simplified(p.text) for p in section.all_paragraphs())
    if any(word in body for word in words):
        return
    heading = section.heading.paragraph
    promised = any(word in h.simplified(heading.text) for word in words)
    message = ("标题写了“原因”，但正文只罗列了不足，没有分析原因" if promised
               else "“存在的不足”部分只罗列了问题，没有分析原因")
    yield h.make(__name__, ctx, heading, message,
                 "请在每项不足之后写明原因，例如“主要原因是……”“究其原因……”")
