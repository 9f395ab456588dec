"""Relative or partial-year time words in a report on a finished year (今年, 截至目前, 至11月30日).

年度报告在报告年度结束之后报送、公开，读者看到“今年”“今年以来”“截至目前”时无法确定指哪一年、
哪一天；“至11月30日”说明数据没有覆盖全年；“将在12月底之前完成”说明文字写于年底之前，
报送前没有更新。本规则查找这些用语（词表见 templates/common.yaml 的 lint.deictic；
“目前”只在后面紧跟数字时报告；“将于……”在下一年度安排中不报告）。

不通过：

```text
今年以来，共开展法治巡察3轮。截至目前，已整改到位。
```

通过：

```text
2024年，共开展法治巡察3轮。截至2024年12月31日，已全部整改到位。
```
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter import regex
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "deictic-time"
CODE = "L10"
DEFAULT_SEVERITY = WARNING
TITLE = "时间表述不确定或不是全年"


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    return tuple((regex.compile(e["pattern"], re.M), e["hint"], bool(e.get("outside_plan")))
                 for e in h.data()["deictic"])


def check(ctx):
    plan = h.plan_indices(ctx)
    corpus = h.corpus(ctx)
    taken: dict = {}                      # paragraph index → spans already reported
    year = f"（报告年度为{ctx.year}年）" if ctx.year is not None else ""
    for pattern, hint, outside_plan in _patterns():
        for paragraph, start, end, match in corpus.hits(pattern, simple=True):
            if outside_plan and paragraph.index in plan:
                continue
            spans = taken.setdefault(paragraph.index, [])
            if any(a < end and start < b for a, b in spans):
                continue
            spans.append((start, end))
            yield h.make(__name__, ctx, paragraph,
                         f"“{match.group(0)}”在年度报告中指代不明或不是全年{year}",
                         hint, excerpt=h.around(h.simplified(paragraph.text), start, end), column=start + 1)
