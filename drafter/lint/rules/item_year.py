"""A heading outside the plan names a year other than the report year.

年度报告的第①—③项写的是报告年度（N 年）的情况。本规则检查第④项（下一年度安排）以外的标题，
以及正文前以“N年，”“N年以来”开头的导语，写了 N 年以外的年份时给出警告——多为沿用往年报告
没有改年份。书名号中的文件名称（如《2023年度工作要点》）和“2021—2025年”这样的年份区间不算。
需要知道报告年度。

不通过（2024 年度报告）：

```text
一、2023年主要举措和成效
```

通过：

```text
一、2024年主要举措和成效
```
"""

from __future__ import annotations

from drafter import regex
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "item-year"
CODE = "L06"
DEFAULT_SEVERITY = WARNING
TITLE = "标题或导语中的年份不是报告年度"

# An introduction opening "2023年，…" or "2023年以来…" names the year it reports on.
_INTRO = regex.compile(r"^(?P<year>(?:19|20)\d{2})\s*年(?:度)?(?:[，,]|以来)")


def check(ctx):
    if ctx.year is None:
        return
    plan = h.plan_indices(ctx)
    title = h.title_paragraph(ctx)
    for node in h.headed_sections(ctx):
        paragraph = node.heading.paragraph
        if paragraph.index in plan or (title is not None and paragraph.index == title.index):
            continue
        for found, match in h.other_years(node.heading.title, ctx.year):
            yield h.make(__name__, ctx, paragraph,
                         f"标题写的是{found}年，而报告年度是{ctx.year}年",
                         f"请确认是否应为“{ctx.year}年”（可能沿用了往年的报告）；若报告年度识别有误，请用 --year 指定")
            break
    for paragraph in ctx.outline.paragraphs:                  # before the first heading
        match = _INTRO.match(h.simplified(paragraph.text))
        if match and int(match.group("year")) != ctx.year:
            yield h.make(__name__, ctx, paragraph,
                         f"导语写的是“{match.group(0)}”，而报告年度是{ctx.year}年",
                         f"请确认是否应为“{ctx.year}年”（可能沿用了往年的报告）；若报告年度识别有误，请用 --year 指定",
                         excerpt=h.short_text(paragraph.text))
