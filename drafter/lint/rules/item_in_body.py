"""A required content item (①–④) is only mentioned in the body text, without a heading of its own.

检查第①—④项是否有自己的标题。某一项只在其他部分的正文中顺带提及（例如第一责任人履职情况只是
“主要举措”中的一句话，下一年度安排只是结尾的一段话）时给出警告：审阅者难以找到，内容也往往过于单薄。
作为某一部分下的小标题（如“（五）党政主要负责人履行第一责任人职责情况”）视为已单列，不报告。

2019 年以前的报告不检查第③项（见 pre2019-item）。

不通过（第③项只是一句话）：

```text
一、主要举措和成效
（一）加强组织领导
……落实党政主要负责人履行推进法治建设第一责任人职责……
```

通过：

```text
三、党政主要负责人履行推进法治建设第一责任人职责情况
区委书记、区长……
```
"""

from __future__ import annotations

from drafter.lint.context import BODY
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h
from drafter.lint.rules.missing_item import expected_heading, items_with

ID = "item-in-body"
CODE = "L01"
DEFAULT_SEVERITY = WARNING
TITLE = "法定报告内容只在正文中提及，没有单列标题"


def check(ctx):
    for item, status in items_with(ctx, BODY):
        yield h.make(__name__, ctx, None,
                     f"第{item.marker}项“{item.name}”没有单列标题，只在正文中提及",
                     f"请单列一部分，标题如“{expected_heading(ctx, item.key)}”，写明{item.rule_text}",
                     location=status.location)
