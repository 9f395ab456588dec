"""An ambiguous change of a rate: 败诉率降低10% (relative or percentage points?).

比率（败诉率、办结率、覆盖率……）的变化写成“降低10%”有两种理解：从 20% 降到 10%（降低 10 个
百分点），还是从 20% 降到 18%（相对降低 10%）。本规则在“……率……降低/提高 N%”且没有写
“个百分点”时给出提示。

不通过：

```text
行政案件败诉率较上一年度降低10%。
```

通过：

```text
行政案件败诉率为6.2%，较上一年度降低1.5个百分点。
```
"""

from __future__ import annotations

from drafter import regex
from drafter.lint.finding import INFO
from drafter.lint.rules import _helpers as h

ID = "rate-change"
CODE = "L19"
DEFAULT_SEVERITY = INFO
TITLE = "比率变化未说明是否为百分点"

RATE_NAME = 2
_RATE_CHANGE = regex.compile(r"率(?<![效频功]率)[^，,。；;：:%％\n]{0,12}?(?:降低|提高|下降|上升|提升|增长|减少|增加)了?[ \t]*"
                          r"(?:\d+(?:\.\d+)?)[ \t]*[%％]")


def check(ctx):
    for paragraph, start, end, match in h.corpus(ctx).hits(_RATE_CHANGE):
        shown = paragraph.text[max(0, start - RATE_NAME):end]       # include the rate's name (败诉率…)
        yield h.make(__name__, ctx, paragraph,
                     f"“{shown}”：比率的变化没有说明是百分点还是相对比例",
                     "请写明变化前后的比率，或写成“降低N个百分点”",
                     excerpt=h.around(paragraph.text, start, end), column=start + 1)
