"""Web page or portal leftovers pasted into the draft (扫一扫, 分享到, 来源/作者/点击, 42:18).

从政府网站或范文网站复制报告时，常把网页上的零碎内容一起带入：“扫一扫手机查看当前页面”
“分享文章到”“当前位置”“如有侵权，联系删除”“版权属于”、镜像网站的网址（政府网站 gov.cn 除外）；门户网站信息栏（索引号、发布机构、
“主动公开”、发布日期“2022-03-03”、“来源：…作者：…点击：”）；以及不可能的时间（如“42:18”）。
本规则逐段查找这些内容（繁体字写法同样识别），每段报告一次。词表见 templates/common.yaml 的
lint.web_junk。

不通过：

```text
时间:2024-03-15 42:18来源:法治调研督察科作者:法治调研督察科点击:
扫一扫手机查看当前页面
```

通过：报告正文中没有网页信息栏和网页按钮文字。
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter import regex
from drafter.lint.finding import ERROR
from drafter.lint.rules import _helpers as h

ID = "web-junk"
CODE = "L14"
DEFAULT_SEVERITY = ERROR
TITLE = "残留网页内容"

# A short line that starts with a portal label is metadata even with one label.
SHORT_LINE = 40
_STAMP = regex.compile(r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s*(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2})?")
_CLOCK = regex.compile(r"(?<![\d:])(?P<h>\d{1,2}):(?P<m>\d{2})(?![\d:])")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple:
    spec = h.data()["web_junk"]
    phrases = regex.compile("|".join(re.escape(p) for p in sorted(spec["phrases"], key=len, reverse=True)))
    labels = regex.compile("|".join(f"(?:{p})" for p in spec["labels"]))
    lines = regex.compile("|".join(f"(?:{p})" for p in spec["lines"]))
    inline = regex.compile("|".join(f"(?:{p})" for p in spec["inline"]))
    return phrases, labels, lines, inline


def _reasons(text: str, cell: bool = False) -> list[str]:
    phrases, labels, lines, inline = _vocabulary()
    reasons = [f"“{m.group(0)}”" for m in phrases.finditer(text)]
    reasons.extend(f"网址“{m.group(0)}”" for m in inline.finditer(text))
    found = list({m.group(0): m for m in labels.finditer(text)}.values())
    if len(found) >= 2 or (found and not cell and len(text) <= SHORT_LINE and found[0].start() == 0):
        reasons.extend(f"“{m.group(0)}”" for m in found)
    if not reasons and not cell and len(text) <= SHORT_LINE and lines.search(text):
        reasons.append("网站信息栏")
    if ":" not in text and "：" not in text:
        return reasons
    stamp = _STAMP.search(text)
    if stamp:
        reasons.append(f"发布时间“{stamp.group(0)}”")
    for clock in _CLOCK.finditer(text):
        if (int(clock.group("h")) > 23 or int(clock.group("m")) > 59) and (stamp or found):
            reasons.append(f"不存在的时间“{clock.group(0)}”")
    return reasons


# Labels and time stamps need a colon, web addresses "www." or "http": a fast first scan.
_QUICK = regex.compile(r"[:：]|www\.|https?:")


def _candidates(ctx) -> list:
    """Paragraphs that may be junk: short ones, ones with a colon or web address, ones with a phrase."""
    corpus = h.corpus(ctx)
    found = {p.index: p for p in corpus.paragraphs_matching(_QUICK, simple=True)}
    for phrase in h.data()["web_junk"]["phrases"]:
        start = corpus.simple.find(phrase)
        while start != -1:
            paragraph = corpus.paragraphs[corpus.locate(start)]
            found[paragraph.index] = paragraph
            start = corpus.simple.find(phrase, start + 1)
    headings = h.heading_indices(ctx)
    found.update((p.index, p) for p in corpus.paragraphs
                 if len(p.text) <= SHORT_LINE + 2 and p.table_cell is None and p.index not in headings)
    return [found[i] for i in sorted(found)]


def check(ctx):
    for paragraph in _candidates(ctx):
        text = h.simplified(paragraph.text.strip())
        reasons = _reasons(text, cell=paragraph.table_cell is not None)
        if reasons:
            yield h.make(__name__, ctx, paragraph,
                         f"疑似从网页复制带入的内容（{'、'.join(dict.fromkeys(reasons))}）",
                         "请删除这一行；网页上的信息栏、按钮和版权声明不属于报告正文")
