"""Contradictory approximations: 近…余, 约…余, a decimal followed by 余.

“近200万元”是不到 200 万，“200余万元”是超过 200 万，“近200余万元”自相矛盾；
“约”与“余（多）”同用，意思重复；“428.6余万元”已精确到小数，再加“余”没有意义。
本规则查找这几种写法。

不通过：

```text
为受援人挽回经济损失近200余万元，为农民工挽回经济损失428.6余万元。
```

通过：

```text
为受援人挽回经济损失近200万元，为农民工挽回经济损失428.6万元。
```
"""

from __future__ import annotations

from drafter import regex
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "approximation"
CODE = "L09"
DEFAULT_SEVERITY = WARNING
TITLE = "概数用法矛盾（近……余、约……余、小数加“余”）"

_BOTH = regex.compile(r"(?P<pre>将近|接近|近(?<![最附靠邻贴]近)|大约|约(?<![节制公契预简隐条协邀违履]约))[ \t]*" + h.NUMBER + r"[ \t]*[万亿千百]?[ \t]*(?:余|多)")
_DECIMAL = regex.compile(r"(?<![\d.])\d{1,15}\.\d{1,15}[ \t]*余")


def check(ctx):
    corpus = h.corpus(ctx)
    for paragraph, start, end, match in corpus.hits(_BOTH):
        word, written = match.group("pre"), match.group(0)
        yield h.make(__name__, ctx, paragraph,
                     f"“{written}”中“{word}”与“余（多）”同时使用，意思矛盾或重复",
                     f"二者只留其一：写作“{written[len(word):].lstrip()}”或“{written[:-1].rstrip()}”",
                     excerpt=h.around(paragraph.text, start, end), column=start + 1)
    for paragraph, start, end, match in corpus.hits(_DECIMAL, gate="余"):
        yield h.make(__name__, ctx, paragraph,
                     f"“{match.group(0)}”已精确到小数，不宜再加“余”",
                     "去掉“余”，或改为整数概数（如“428余万元”）",
                     excerpt=h.around(paragraph.text, start, end), column=start + 1)
