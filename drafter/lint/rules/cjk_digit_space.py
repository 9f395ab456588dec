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

from drafter import regex
from drafter.lint.finding import INFO
from drafter.lint.rules import _helpers as h

ID = "cjk-digit-space"
CODE = "L13"
DEFAULT_SEVERITY = INFO
TITLE = "汉字与数字之间或标点前有空格"

_SPACE = regex.compile("[ \u00a0\u3000]+")
_HAN = regex.compile(f"[{h.CJK}]")
_PUNCTUATION = "，,。；;：:、！？）)"


def _misplaced(text: str, start: int, end: int) -> bool:
    """Spaces between a Chinese character and a digit (either order), or before punctuation."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if not before or not after:
        return False
    if (_HAN.match(before) and after.isdigit()) or (before.isdigit() and _HAN.match(after)):
        return True
    return after in _PUNCTUATION


def check(ctx):
    grouped: dict = {}
    for paragraph, start, end, _ in h.corpus(ctx).hits(_SPACE):
        if not _misplaced(paragraph.text, start, end):
            continue
        grouped.setdefault(paragraph.index, (paragraph, []))[1].append((start, end))
    for paragraph, spans in grouped.values():
        start, end = spans[0]
        count = f"（本段{len(spans)}处）" if len(spans) > 1 else ""
        yield h.make(__name__, ctx, paragraph, f"汉字、数字或标点之间有多余的空格{count}",
                     "请删去空格",
                     excerpt=h.around(paragraph.text, start, end).replace("\u00a0", " "), column=start + 1)
