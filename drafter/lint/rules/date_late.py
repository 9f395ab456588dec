"""The 成文日期 is after the level's submission deadline, on it, or inside the report year.

年度报告应在次年的报送期限之前成文报送：一般为 3 月 1 日之前，省委和省政府向党中央、国务院报告为
4 月 1 日之前（期限见 templates/<层级>/level.yaml）。本规则检查单独成行的成文日期：晚于期限时报告；
恰为期限当天时也提醒（规定为“之前”）；早于报告年度结束时报告（年度报告应在年度结束后成文）。
需要知道报告年度。

不通过（2024 年度的县级报告）：

```text
2025年3月15日
```

通过：

```text
2025年2月20日
```
"""

from __future__ import annotations

import datetime as dt

from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h
from drafter.text import zh_date

ID = "date-late"
CODE = "L18"
DEFAULT_SEVERITY = WARNING
TITLE = "成文日期晚于报送期限"

def check(ctx):
    variant = ctx.level.variant(ctx.joint)
    if ctx.year is None or variant is None:
        return
    deadline = variant.deadline.date_for(ctx.year)
    for paragraph, date in h.date_lines(ctx):
        if date <= dt.date(ctx.year, 12, 31):
            yield h.make(__name__, ctx, paragraph,
                         f"成文日期{zh_date(date)}在报告年度{ctx.year}年结束之前",
                         f"年度报告应在{ctx.year + 1}年年初成文；请核对日期或报告年度（可用 --year 指定）")
        elif date > deadline:
            yield h.make(__name__, ctx, paragraph,
                         f"成文日期{zh_date(date)}晚于报送期限{zh_date(deadline)}（{variant.name}）",
                         "请尽早成文报送；如确已逾期，请在报送时说明原因")
        elif date == deadline:
            yield h.make(__name__, ctx, paragraph, f"成文日期恰为报送期限当天（{zh_date(deadline)}）",
                         f"规定为“{variant.deadline.describe()}之前”报送，建议提前成文")
