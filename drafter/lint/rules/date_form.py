"""The 成文日期 is written in Chinese numerals (二〇二四年) or with zero padding (03月).

GB/T 9704-2012 规定成文日期用阿拉伯数字将年、月、日标全，年份写全，月、日不编虚位，
如“2025年2月20日”。旧的写法“二〇二五年二月二十日”和补零的“2025年02月20日”都不符合。
本规则检查单独成行的日期（即成文日期）。

不通过：

```text
二〇二五年二月二十日
2025年02月20日
```

通过：

```text
2025年2月20日
```
"""

from __future__ import annotations

from drafter import regex
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "date-form"
CODE = "L16"
DEFAULT_SEVERITY = WARNING
TITLE = "成文日期写法不规范"

_CN = "〇零一二三四五六七八九十"
_CHINESE_DATE = regex.compile(rf"^[{_CN}]{{4}}\s*年\s*[{_CN}]{{1,2}}\s*月\s*[{_CN}]{{1,3}}\s*日$")
_PADDED = regex.compile(r"^(?:19|20)\d{2}\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日$")


def check(ctx):
    for paragraph in h.body_lines(ctx):
        text = paragraph.text.strip()
        if len(text) > 16:
            continue
        if _CHINESE_DATE.match(text):
            yield h.make(__name__, ctx, paragraph, f"成文日期“{text}”用了汉字数字",
                         "成文日期应使用阿拉伯数字，如“2025年2月20日”")
            continue
        match = _PADDED.match(text)
        if match and (match.group("m").startswith("0") or match.group("d").startswith("0")):
            yield h.make(__name__, ctx, paragraph, f"成文日期“{text}”的月或日前补了0",
                         "月、日不编虚位，如“2025年2月20日”")
        elif match and " " in text:
            yield h.make(__name__, ctx, paragraph, f"成文日期“{text}”中有空格", "请删去空格")
