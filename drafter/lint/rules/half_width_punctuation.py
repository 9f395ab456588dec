"""Half-width punctuation in Chinese text: , : ; ( ) ? ! next to Chinese characters.

中文公文使用全角标点（，：；（）？！）。从网页复制或在英文输入法下输入的文字常带有半角标点。
本规则查找紧挨汉字的半角逗号、冒号、分号、问号、叹号和括号（标题编号“(一)”由规则
heading-form 检查，不重复报告）。出现在 3 段以内时逐段报告；更多时在第一处汇总报告一次，
以免刷屏。

选项：per_paragraph_limit（逐段报告的最多段数，默认 3；设为 0 则总是汇总报告）。

不通过：

```text
2024年,我市召开常务会议(扩大)12次:研究……
```

通过：

```text
2024年，我市召开常务会议（扩大）12次：研究……
```
"""

from __future__ import annotations

from drafter import regex
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "half-width-punctuation"
CODE = "L12"
DEFAULT_SEVERITY = WARNING
TITLE = "中文中使用了半角标点"

OPTIONS = {"per_paragraph_limit": {"type": "integer", "min": 0, "default": 3}}
_C = h.CJK + "“”‘’《》、。"
# A half-width mark with a Chinese character on its left; or , ; : ( with one on its right; or a ")"
# after a digit with one on its right.  Each branch starts with the mark itself, so the scan is fast.
_MARK = regex.compile(rf"[,:;?!()](?<=[{_C}][,:;?!()])|[,;:(](?=[{_C}])|\)(?=[{_C}])(?<=\d\))")
_URL = regex.compile(r"(?:https?://|www\.)[\x21-\x7e]+")
_WORDS = {",": "逗号", ":": "冒号", ";": "分号", "?": "问号", "!": "叹号", "(": "括号", ")": "括号"}


def _skip(ctx, paragraph) -> int:
    """Characters at the start of a heading taken by its number (checked by heading-form)."""
    node = h.section_of(ctx, paragraph)
    if node.heading is not None and node.heading.paragraph.index == paragraph.index:
        return len(node.heading.number_text)
    return 0


def _marks(ctx) -> list:
    """[(paragraph, first mark's start, [marks]), …] for paragraphs with half-width marks, in order."""
    hits = []
    for paragraph in h.corpus(ctx).paragraphs_matching(_MARK):
        text = paragraph.text
        skip = _skip(ctx, paragraph)
        if "/" in text or "www" in text:
            urls = [u.span() for u in _URL.finditer(text)]
            spans = [m for m in _MARK.finditer(text, skip) if not any(a <= m.start() < b for a, b in urls)]
            if spans:
                hits.append((paragraph, spans[0].start(), [m.group(0) for m in spans]))
            continue
        first = _MARK.search(text, skip)
        if first is not None:
            hits.append((paragraph, first.start(), _MARK.findall(text, skip)))
    return hits


def check(ctx):
    hits = _marks(ctx)
    if not hits:
        return
    if len(hits) <= h.option(ctx, __name__, "per_paragraph_limit"):
        for paragraph, start, matches in hits:
            marks = "、".join(dict.fromkeys(_WORDS[m] for m in matches))
            yield h.make(__name__, ctx, paragraph,
                         f"中文中使用了半角{marks}（本段{len(matches)}处）",
                         "请改为全角标点：，：；（）？！",
                         excerpt=h.around(paragraph.text, start, start + 1), column=start + 1)
        return
    total = sum(len(m) for _, _, m in hits)
    paragraph, start, _ = hits[0]
    marks = "、".join(dict.fromkeys(_WORDS[m] for _, _, ms in hits for m in dict.fromkeys(ms)))
    end = start + 1
    yield h.make(__name__, ctx, paragraph,
                 f"全文有{len(hits)}段共{total}处在中文中使用了半角{marks}",
                 "请改为全角标点：，：；（）？！（可用 Word/WPS 的“查找和替换”逐个替换）",
                 excerpt=h.around(paragraph.text, start, end), column=start + 1)
