"""The word 法制 written where current usage is 法治 (法制宣传教育, 法制审查) — low severity.

党的十八届四中全会以来，“法治宣传教育”“法治思维”“法治审查”等一律写“法治”。本规则查找应写
“法治”却写成“法制”的常见词语（词表见 templates/common.yaml 的 lint.fazhi.terms），
不报告仍然正确的专有名称，如“法制办”“法制机构”“法制工作委员会”“重大执法决定法制审核”
（见 lint.fazhi.allowed）。每段报告一次。

不通过：

```text
广泛开展形式多样的法制宣传教育活动，配强法制审查力量。
```

通过：

```text
广泛开展形式多样的法治宣传教育活动，配强合法性审查力量；严格落实重大执法决定法制审核制度。
```
"""

from __future__ import annotations

from drafter import regex
from drafter.lint.finding import INFO
from drafter.lint.rules import _helpers as h

ID = "fazhi-drift"
CODE = "L23"
DEFAULT_SEVERITY = INFO
TITLE = "“法治”误写为“法制”"


_FAZHI = regex.compile("法制")


def _covered(text: str, start: int, end: int, allowed) -> bool:
    for word in allowed:
        pos = text.find(word, max(0, start - len(word)))
        while pos != -1 and pos <= end:
            if pos <= start and pos + len(word) >= min(end, start + 2):
                return True
            pos = text.find(word, pos + 1)
    return False


def check(ctx):
    spec = h.data()["fazhi"]
    terms = sorted(spec["terms"], key=len, reverse=True)
    allowed = spec["allowed"]
    for paragraph in h.corpus(ctx).paragraphs_matching(_FAZHI, simple=True):
        text = h.simplified(paragraph.text)
        hits = []
        for term in terms:
            pos = text.find(term)
            while pos != -1:
                if not _covered(text, pos, pos + len(term), allowed) and not any(
                        s <= pos < e for s, e, _ in hits):
                    hits.append((pos, pos + len(term), term))
                pos = text.find(term, pos + 1)
        if hits:
            hits.sort()
            start, end, term = hits[0]
            words = list(dict.fromkeys(t for _, _, t in hits))
            yield h.make(__name__, ctx, paragraph,
                         f"“{'”“'.join(words)}”中的“法制”宜写作“法治”",
                         "“法制”指法律制度，“法治”指依法治理；宣传教育、思维、审查等应写“法治”"
                         "（“法制办”“法制审核”等专有名称不改）",
                         excerpt=h.around(text, start, end), column=start + 1)
