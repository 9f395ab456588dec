"""Key documents cited under a wrong name (纲要 years, 督查 for 督察, 法制 for 法治).

法治政府建设年度报告常引用几份重要文件，其名称容易写错：
《法治政府建设实施纲要（2015—2020年）》《法治政府建设实施纲要（2021—2025年）》的起止年份、
一字线“—”和“年”字；《法治政府建设与责任落实督察工作规定》的“督察”（不是“督查”）；
以及这些文件名称中的“法治”（不是“法制”）。规范名称见 templates/common.yaml 的
lint.key_documents。繁体字写法同样检查。

不通过：

```text
深入贯彻《法治政府建设实施纲要（2020-2025年）》和《法治政府建设与责任落实督查工作规定》。
```

通过：

```text
深入贯彻《法治政府建设实施纲要（2021—2025年）》和《法治政府建设与责任落实督察工作规定》。
```
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter import regex
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "document-name"
CODE = "L07"
DEFAULT_SEVERITY = WARNING
TITLE = "重要文件名称写错"

DASH = "—"


@lru_cache(maxsize=1)
def _spec() -> tuple:
    spec = h.data()["key_documents"]
    outline = spec["outline"]
    names = tuple((entry["name"], regex.compile(entry["pattern"])) for entry in spec["names"])
    return outline["name"], tuple(tuple(e) for e in outline["editions"]), regex.compile(outline["pattern"]), names


def _outline_problems(match, editions) -> list[str]:
    problems = []
    if match.group("zhi") != "治":
        problems.append("“法制”应为“法治”")
    start = int(match.group("start"))
    end = int(match.group("end")) if match.group("end") else None
    if (start, end) not in editions:
        known = "、".join(f"{a}—{b}年" for a, b in editions)
        problems.append(f"起止年份应为{known}之一")
    elif match.group("sep") != DASH:
        problems.append(f"年份之间应使用一字线“{DASH}”")
    if not match.group("nian") and end is not None:
        problems.append("年份后缺少“年”字")
    return problems


@lru_cache(maxsize=1)
def _any() -> re.Pattern:
    """Every key document pattern at once: finds the paragraphs worth checking."""
    _, _, outline_pattern, names = _spec()
    return regex.compile("|".join(f"(?:{p.pattern})" for p in [outline_pattern] + [p for _, p in names]))


def check(ctx):
    name, editions, outline_pattern, names = _spec()
    for paragraph in h.corpus(ctx).paragraphs_matching(_any(), simple=True):
        text = h.simplified(paragraph.text)
        for match in outline_pattern.finditer(text):
            problems = _outline_problems(match, editions)
            if problems:
                start, end = editions[-1] if int(match.group("start")) > editions[0][0] else editions[0]
                yield h.make(__name__, ctx, paragraph,
                             f"《{name}》的名称写法有误（{'；'.join(problems)}）：“{match.group(0)}”",
                             f"规范名称为《{name}（{start}{DASH}{end}年）》",
                             excerpt=h.around(text, match.start(), match.end(), 2), column=match.start() + 1)
        for canonical, pattern in names:
            for match in pattern.finditer(text):
                if match.group(0) != canonical:
                    yield h.make(__name__, ctx, paragraph, f"文件名称写错：“{match.group(0)}”",
                                 f"规范名称为《{canonical}》",
                                 excerpt=h.around(text, match.start(), match.end(), 2), column=match.start() + 1)
