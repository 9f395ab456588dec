"""A number was left blank: only spaces between 共/完成 and the unit (件、次、项……).

起草时先空着、准备稍后填写的数字常被遗忘，例如“共完成   件”。本规则查找“共、完成、计、制定的、
累计……”与量词“件、次、项、个、人、家、条……”之间只有空格的情况，空格包括普通空格、
不换行空格（U+00A0，从网页复制常带入）和全角空格（U+3000）。词表见 templates/common.yaml
的 lint.blank_number 和 lint.units。

不通过：

```text
市法制办共完成   件规范性文件合法性审查。
```

通过：

```text
市法制办共完成26件规范性文件合法性审查。
```
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.lint.finding import ERROR
from drafter.lint.rules import _helpers as h

ID = "blank-placeholder"
CODE = "L04"
DEFAULT_SEVERITY = ERROR
TITLE = "数字留空未填写"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    spec = h.data()["blank_number"]
    before = "|".join(map(re.escape, sorted(spec["before"], key=len, reverse=True)))
    units = h.units_pattern()
    return re.compile(rf"(?:{before})(?P<gap>[ \t\u00a0\u3000]+)(?:{units})")


def check(ctx):
    for paragraph, start, end, match in h.corpus(ctx).hits(_pattern(), simple=True):
        gap = match.group("gap")
        kinds = "、".join(sorted({"不换行空格" if c == "\u00a0" else "全角空格" if c == "\u3000" else "空格"
                                  for c in gap}))
        gap_column = start + match.start("gap") - match.start() + 1
        yield h.make(__name__, ctx, paragraph,
                     f"数字没有填写：“{match.group(0).replace(gap, '□')}”中间只有{kinds}",
                     "请填入实际数字；没有相应数据时请删去这句话",
                     excerpt=h.around(h.simplified(paragraph.text), start, end), column=gap_column)
