"""A pre-2019 report lacks items ③/⑤, which the 2019 规定 introduced: a hint only.

《法治政府建设与责任落实督察工作规定》自 2019 年 4 月起施行。此前年度的报告没有单列
第③项（党政主要负责人履行第一责任人职责情况）和第⑤项（其他需要报告的情况）是正常的，
因此只作提示；若以这份报告为基础起草新年度的报告，需要补上这两项。

不通过（给出提示）：2018 年度的报告没有“第一责任人”相关的标题，也没有“其他需要报告的情况”。

通过：2018 年度的报告单列了这两项；2019 年及以后的报告不由本规则检查（由 missing-item、
item-in-body、missing-other-item 检查）。
"""

from __future__ import annotations

from drafter.lint.context import BODY, MISSING
from drafter.lint.finding import INFO
from drafter.lint.rules import _helpers as h
from drafter.lint.rules.missing_item import required, required_from

ID = "pre2019-item"
CODE = "L01"
DEFAULT_SEVERITY = INFO
TITLE = "2019年以前的报告没有单列第③、⑤项（仅提示）"


def check(ctx):
    if ctx.year is None:
        return
    for key in ctx.level.item_order:
        status = ctx.items.get(key)
        if required(ctx, key) or status is None or status.status not in (BODY, MISSING):
            continue
        item = ctx.level.items[key]
        since = required_from(key)
        yield h.make(__name__, ctx, None,
                     f"{ctx.year}年度报告没有单列第{item.marker}项“{item.name}”（当时《规定》尚未施行）",
                     f"以本报告为基础起草{since}年及以后的报告时，请增加“{item.heading_for(ctx.year)}”",
                     location=status.location)
