"""Item ⑤ (其他需要报告的情况) is missing.

检查报告是否有第⑤项“其他需要报告的情况”。《规定》要求报告这一项；没有需要报告的事项时，
也宜写明“无”，以表明已经考虑过（例如督察整改、示范创建、重大事项等）。
2019 年以前的报告不要求这一项（见 pre2019-item）。

不通过：全文没有“其他需要报告的情况”。

通过：

```text
五、其他需要报告的情况
无。
```
"""

from __future__ import annotations

from drafter.lint.context import MISSING
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h
from drafter.lint.rules.missing_item import required

ID = "missing-other-item"
CODE = "L01"
DEFAULT_SEVERITY = WARNING
TITLE = "缺少第⑤项“其他需要报告的情况”"


def check(ctx):
    status = ctx.items.get("other")
    if status is None or status.status != MISSING or not required(ctx, "other"):
        return
    item = ctx.level.items["other"]
    yield h.make(__name__, ctx, None, f"缺少第{item.marker}项“{item.name}”",
                 f"请在报告末尾增加“{item.heading}”一部分；没有需要报告的事项时写“无”")
