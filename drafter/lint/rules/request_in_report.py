"""A request (请示事项) inside a report: 望能, 恳请, 请予批准.

《党政机关公文处理工作条例》要求报告中不得夹带请示事项。需要上级解决的问题应另行请示，
报告中只陈述情况。本规则查找“望能”“恳请”“请予批准”“请予支持”“建议上级”等请求用语
（词表见 templates/common.yaml 的 lint.requests）。

不通过：

```text
部分执法人员对执法程序不熟悉，望能定期开展业务培训。
```

通过：

```text
部分执法人员对执法程序不熟悉。下一年度将联系区级业务部门开展执法程序培训。
```
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter import regex
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "request-in-report"
CODE = "L11"
DEFAULT_SEVERITY = WARNING
TITLE = "报告中夹带请示事项"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    return regex.compile("|".join(f"(?:{p})" for p in h.data()["requests"]))


def check(ctx):
    reported = set()
    for paragraph, start, end, match in h.corpus(ctx).hits(_pattern(), simple=True):
        if paragraph.index in reported:
            continue
        reported.add(paragraph.index)
        yield h.make(__name__, ctx, paragraph,
                     f"报告中夹带了请示事项：“{match.group(0)}”",
                     "报告只陈述情况，不提请求；需要上级支持的事项请另行请示，"
                     "或改写为本单位下一步的工作安排",
                     excerpt=h.around(h.simplified(paragraph.text), start, end), column=start + 1)
