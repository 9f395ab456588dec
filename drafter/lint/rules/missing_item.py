"""A required content item (①–④) is missing from the report.

检查年度报告是否包含《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）要求的内容：
①主要举措和成效、②存在的不足和原因、③党政主要负责人履行推进法治建设第一责任人职责情况、
④下一年度主要安排。某一项既没有标题，正文中也没有提及时报告错误。

识别时使用 templates/common.yaml 中各项的标题用词和正文用词（如“存在的问题”“短板”“下一步”），
不要求与标准标题一字不差，也不要求顺序（政府部门的报告常把第③项放在最前）。
第⑤项“其他需要报告的情况”由规则 missing-other-item 检查。
2019 年以前的报告（《规定》尚未施行）不要求第③项，由规则 pre2019-item 给出提示。

不通过（全文没有“不足”“问题”“短板”等内容）：

```text
一、2024年主要举措和成效
……
二、2025年工作安排
……
```

通过：

```text
一、2024年主要举措和成效
二、存在的不足和原因
三、党政主要负责人履行推进法治建设第一责任人职责情况
四、2025年工作安排
```
"""

from __future__ import annotations

from drafter.lint.context import MISSING
from drafter.lint.finding import ERROR
from drafter.lint.rules import _helpers as h

ID = "missing-item"
CODE = "L01"
DEFAULT_SEVERITY = ERROR
TITLE = "缺少法定报告内容（第①—④项）"

CHECKED = ("measures", "problems", "leadership", "plan")


def required_from(key: str) -> int | None:
    """The first report year for which item ``key`` is required (lint.items_required_from), or None."""
    return h.data()["items_required_from"].get(key)


def required(ctx, key: str) -> bool:
    """Whether item ``key`` is required of this report (unknown year: yes)."""
    since = required_from(key)
    return ctx.year is None or since is None or ctx.year >= since


def expected_heading(ctx, key: str) -> str:
    item = ctx.level.items[key]
    return item.heading_for(ctx.year) if ctx.year is not None else item.name


def items_with(ctx, status: str):
    """(item, ItemStatus) of items ①–④ with this status that the report must have (see pre2019-item)."""
    for key in ctx.level.item_order:
        found = ctx.items.get(key)
        if key in CHECKED and found is not None and found.status == status and required(ctx, key):
            yield ctx.level.items[key], found


def check(ctx):
    for item, _ in items_with(ctx, MISSING):
        yield h.make(__name__, ctx, None,
                     f"缺少第{item.marker}项“{item.name}”：全文既没有相应的标题，也没有相关表述",
                     f"年度报告应写明“{item.rule_text}”；请增加一部分，标题如“{expected_heading(ctx, item.key)}”")
