"""The plan section (item ④) names a year other than the year after the report year.

第④项是“下一年度”的安排：报告年度为 N 时，安排应写 N+1 年。本规则检查第④项的标题和
其中各级小标题里写的年份（不含书名号中的文件名称和“2021—2025年”这样的年份区间），以及以
“N年，我们将……”这类句子开头、却写了 N+1 以外年份的段落，与 N+1 不同时报告错误——多为沿用
上一年的报告忘了改年份。需要知道报告年度（从标题或正文识别，或用 --year 指定）。

不通过（2024 年度报告）：

```text
三、2024年重点工作安排
```

通过：

```text
三、2025年重点工作安排
```
"""

from __future__ import annotations

from drafter import regex
from drafter.lint.finding import ERROR
from drafter.lint.rules import _helpers as h

ID = "plan-year"
CODE = "L03"
DEFAULT_SEVERITY = ERROR
TITLE = "下一年度安排写错年份"

# A plan paragraph opening with "YYYY年，…将…" says which year it plans for.
_OPENING = regex.compile(r"^(?P<year>(?:19|20)\d{2})\s*年(?:度)?[，,]?[^。；;]{0,20}?将")


def check(ctx):
    section = h.item_section(ctx, "plan")
    if section is None or ctx.year is None:
        return
    expected = ctx.year + 1
    for node in section.walk():
        if node.heading is None:
            continue
        paragraph = node.heading.paragraph
        for found, match in h.other_years(node.heading.title, expected):
            yield h.make(__name__, ctx, paragraph,
                         f"下一年度安排的标题写的是{found}年，报告年度是{ctx.year}年，应为{expected}年",
                         f"请把“{found}年”改为“{expected}年”；若报告年度识别有误，请用 --year 指定")
        for paragraph in node.paragraphs:
            match = _OPENING.match(h.simplified(paragraph.text))
            if match and int(match.group("year")) != expected:
                yield h.make(__name__, ctx, paragraph,
                             f"下一年度安排写的是“{match.group(0)}”，报告年度是{ctx.year}年，应为{expected}年",
                             f"请把“{match.group('year')}年”改为“{expected}年”；若报告年度识别有误，请用 --year 指定",
                             excerpt=h.short_text(paragraph.text))
