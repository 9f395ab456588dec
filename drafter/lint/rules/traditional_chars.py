"""Traditional characters in a report for the mainland.

报送大陆各级机关的报告应使用规范汉字（简体）。从港澳台或繁体网站复制、或经繁简转换软件处理过的
文字会混入繁体字。本规则统计全文中只用于繁体的字（繁简对照表取自 OpenCC，见 drafter/data/traditional.tsv），
占汉字总数的比例超过阈值时报告一次，列出部分繁体字及对应的简体字。

选项：share（比例阈值，默认 0.01）、min_count（最少个数，默认 10）。

不通过：

```text
現將我市年度法治政府建設工作總結如下
```

通过：

```text
现将我市2024年法治政府建设情况报告如下
```
"""

from __future__ import annotations

from drafter import regex
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "traditional-chars"
CODE = "L15"
DEFAULT_SEVERITY = WARNING
TITLE = "使用了繁体字"

_DEFAULTS = h.data()["traditional_threshold"]
OPTIONS = {
    "share": {"type": "float", "min": 0, "max": 1, "default": float(_DEFAULTS["share"])},
    "min_count": {"type": "integer", "min": 1, "default": int(_DEFAULTS["min_count"])},
}
_HAN = regex.compile(f"[{h.CJK}]+")
SHOWN = 8


def check(ctx):
    corpus = h.corpus(ctx)
    present = corpus.traditional            # usually empty: nothing more to do
    if not present:
        return
    text = corpus.text
    firsts = sorted((text.find(c), c) for c in present)
    found = {c: text.count(c) for _, c in firsts}        # in order of first occurrence
    count = sum(found.values())
    if count < h.option(ctx, __name__, "min_count"):
        return
    total = sum(map(len, _HAN.findall(text)))
    if count / max(total, 1) <= h.option(ctx, __name__, "share"):
        return
    first = corpus.paragraphs[corpus.locate(firsts[0][0])]
    common = sorted(found, key=lambda c: -found[c])[:SHOWN]
    pairs = "、".join(f"{c}→{h.simplified(c)}" for c in common)
    yield h.make(__name__, ctx, first,
                 f"全文有{count}个繁体字（占汉字的{count / total:.0%}），如{pairs}",
                 "请用 Word 的“审阅→中文简繁转换→繁转简”（WPS：“审阅→繁转简”）转换为简体，再逐处核对")
