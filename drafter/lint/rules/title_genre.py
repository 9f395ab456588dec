"""The title is missing, uses the wrong genre (总结, 开展情况) or names no year.

年度报告的标题一般为“××关于N年法治政府建设情况的报告”（党政联合报告为“中共××委 ××人民政府
关于……的报告”）：写明报告年度，文种为“报告”。本规则检查：

- 找不到标题；
- 标题用了“总结”“工作总结”（年度报告不是工作总结）；
- 标题不以“报告”结尾（如“……工作开展情况”）；
- 标题中没有年份，或年份与报告年度不同。

不通过：

```text
年度法治政府建设(依法行政)工作总结
兴平市2020年法治政府建设工作开展情况
```

通过：

```text
兴平市人民政府关于2020年法治政府建设情况的报告
```
"""

from __future__ import annotations

from drafter import regex
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "title-genre"
CODE = "L20"
DEFAULT_SEVERITY = WARNING
TITLE = "标题缺失、文种不对或没有年份"

_YEAR = regex.compile(r"((?:19|20)\d{2})\s*年")
# "（征求意见稿）", "（送审稿）", "(草稿)" after a draft's title are not part of it.
_DRAFT_MARK = regex.compile(r"[（(][^（()）]{0,8}稿[）)]\s*$")


def _standard(ctx) -> str:
    variant = ctx.level.variant(ctx.joint)
    year = ctx.year if ctx.year is not None else "N"
    pattern = variant.title if variant is not None else "{body}关于{year}年法治政府建设情况的报告"
    return pattern.format(body="××", party_body="中共××委", year=year, next_year="").strip()


def check(ctx):
    paragraph = h.title_paragraph(ctx)
    standard = _standard(ctx)
    if paragraph is None:
        yield h.make(__name__, ctx, None, "没有找到报告标题",
                     f"请在正文前加上标题，如“{standard}”")
        return
    title = _DRAFT_MARK.sub("", h.simplified(ctx.title)).strip()
    genre = h.data()["title_genre"]
    wrong = next((word for word in genre["wrong"] if word in title), None)
    if wrong:
        yield h.make(__name__, ctx, paragraph, f"标题用了“{wrong}”，年度报告的文种是“{genre['genre']}”",
                     f"请改为“……情况的{genre['genre']}”，如“{standard}”")
    elif not title.rstrip("。").endswith(genre["genre"]):
        yield h.make(__name__, ctx, paragraph, f"标题没有以文种“{genre['genre']}”结尾",
                     f"请改为“……情况的{genre['genre']}”，如“{standard}”")
    elif "法治政府建设" not in title and "法治建设" not in title:
        yield h.make(__name__, ctx, paragraph, "标题是一份报告，但没有写明“法治政府建设”",
                     f"年度报告的标题应写明事由“法治政府建设情况”，如“{standard}”")
    years = [int(y) for y in _YEAR.findall(title)]
    if not years:
        yield h.make(__name__, ctx, paragraph, "标题中没有写明报告年度",
                     f"请在标题中写明年份，如“{standard}”")
    elif ctx.year is not None and ctx.year not in years:
        yield h.make(__name__, ctx, paragraph, f"标题写的是{years[0]}年，与报告年度{ctx.year}年不符",
                     "请核对标题中的年份")
