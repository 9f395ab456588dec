"""A nested 一是……二是…… list reuses the markers of the list it sits in.

“一是……二是……”适合列举同一层次的几项内容。若“二是”这一项里又用“一是……二是……”
列举下一层内容，读者分不清层次。本规则在同一段中“一是、二是……”重新从头计数（或段落以
“二是”开头、段中又出现“一是”）时给出警告。

不通过：

```text
二是持续强化法治队伍建设。一是做好干部法治知识提升工作；二是积极推进执法证件申领工作。
```

通过（下一层改用“1.”“（1）”或“首先、其次”）：

```text
二是持续强化法治队伍建设。（1）做好干部法治知识提升工作；（2）积极推进执法证件申领工作。
```
"""

from __future__ import annotations

from drafter.analysis.headings import RUNIN_MARKER
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h
from drafter.numbering import parse_cn_numeral

ID = "runin-reuse"
CODE = "L12"
DEFAULT_SEVERITY = WARNING
TITLE = "“一是、二是”嵌套重复使用"

# A run-in marker at the start of the paragraph or after punctuation (the analysis layer's pattern).
_MARKER = RUNIN_MARKER


def _lists(ctx) -> list:
    """Paragraphs with two or more run-in markers (only these can restart a list)."""
    counts: dict = {}
    for paragraph, _, _, _ in h.corpus(ctx).hits(_MARKER, simple=True, gate="是"):
        entry = counts.setdefault(paragraph.index, [paragraph, 0])
        entry[1] += 1
    return [paragraph for paragraph, count in counts.values() if count >= 2]


def check(ctx):
    for paragraph in _lists(ctx):
        text = h.simplified(paragraph.text)
        numbers = [(parse_cn_numeral(m.group("n")), m) for m in _MARKER.finditer(text)]
        numbers = [(n, m) for n, m in numbers if n]
        previous = None
        for n, match in numbers:
            if previous is not None and n <= previous:
                yield h.make(__name__, ctx, paragraph,
                             f"“{match.group('n')}是”在同一段的列举中重复出现，“一是、二是”嵌套使用，层次不清",
                             "下一层的列举请改用“1.”“（1）”或“首先、其次”等，或拆分为几段",
                             excerpt=h.around(text, match.start("n"), match.end()))
                break
            previous = n
