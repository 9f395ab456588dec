"""Spaces between Chinese characters and digits, or before punctuation.

中文公文中汉字与数字之间不加空格，标点前也不加空格。多余的空格多是从网页或表格复制带入的，
打印出来像漏了字。本规则查找汉字与数字之间、数字与汉字之间以及标点之前的空格
（包括不换行空格和全角空格）。数字留空（如“共完成   件”）由规则 blank-placeholder 报告。每段报告一次。

不通过：

```text
成功组织实施 2022年度国家统一法律职业资格考试，不予受理1件 ，决定维持3件。
```

通过：

```text
成功组织实施2022年度国家统一法律职业资格考试，不予受理1件，决定维持3件。
```
"""

from __future__ import annotations

import re

from drafter.lint.finding import INFO
from drafter.lint.rules import _helpers as h

ID = "cjk-digit-space"
CODE = "L13"
DEFAULT_SEVERITY = INFO
TITLE = "汉字与数字之间或标点前有空格"

_SP = "[ \u00a0\u3000]+"
_SPACE = re.compile(rf"(?<=[{h.CJK}]){_SP}(?=\d)|(?<=\d){_SP}(?=[{h.CJK}])|(?<=\S){_SP}(?=[，,。；;：:、！？）)])")


def check(ctx):
    for paragraph in h.text_paragraphs(ctx):
        text = paragraph.text
        matches = list(_SPACE.finditer(text))
        if matches:
            first = matches[0]
            count = f"（本段{len(matches)}处）" if len(matches) > 1 else ""
            yield h.make(__name__, ctx, paragraph, f"汉字、数字或标点之间有多余的空格{count}",
                         "请删去空格",
                         excerpt=h.around(text, first.start(), first.end()).replace("\u00a0", " "),
                         column=first.start() + 1)
