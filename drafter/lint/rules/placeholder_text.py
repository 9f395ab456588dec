"""Placeholders and anonymisation marks left in the draft (XX, ××, **, 某某, {{ }}).

检查草稿中残留的占位符和匿名标记：“XX”“××”“**”“某某”“x名”“X月X日”、模板标记“{{ }}”“{% %}”、
“【待填写】”等（规则见 templates/common.yaml 的 lint.placeholders）。这些内容说明文字还没有写完，
或者是从别处的范文、匿名化的网页上复制来的。每段只报告一次。

不通过：

```text
XX镇共召开专题会议*次，**市人民政府……
```

通过：

```text
城关镇共召开专题会议4次，兴平市人民政府……
```
"""

from __future__ import annotations

from functools import lru_cache

from drafter import regex
from drafter.lint.finding import ERROR
from drafter.lint.rules import _helpers as h

ID = "placeholder-text"
CODE = "L05"
DEFAULT_SEVERITY = ERROR
TITLE = "残留占位符或匿名标记"


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    return tuple((entry["label"], regex.compile(entry["pattern"])) for entry in h.data()["placeholders"])


# Every placeholder pattern needs one of these; scanning for them first is fast.
_PREFILTER = regex.compile(r"[XxＸｘ×╳✕*＊某{}【]|此处填写")


def _markdown_bold(text: str) -> bool:
    return text.startswith(("**", "__")) and text.endswith(("**", "__"))


def check(ctx):
    for paragraph in h.corpus(ctx).paragraphs_matching(_PREFILTER):
        text = paragraph.text
        hits = []
        for label, pattern in _patterns():
            if label == "**" and _markdown_bold(text.strip()):
                continue
            hits.extend((m.start(), m.end(), label) for m in pattern.finditer(text))
        if not hits:
            continue
        hits.sort()
        start, end, label = hits[0]
        labels = []
        for _, _, item in hits:
            if item not in labels:
                labels.append(item)
        count = f"，本段共{len(hits)}处" if len(hits) > 1 else ""
        yield h.make(__name__, ctx, paragraph,
                     f"残留占位符或匿名标记（{'、'.join(labels)}）：“{text[start:end]}”{count}",
                     "请换成实际的名称、数字或日期；范文中的内容请改写为本单位的实际情况",
                     excerpt=h.around(text, start, end), column=start + 1)
