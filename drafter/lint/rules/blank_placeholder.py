"""A number was left blank: only spaces between 共/完成 and the unit (件、次、项……).

起草时先空着、准备稍后填写的数字常被遗忘，例如“共完成   件”“全年办理法律援助案件  件，”
“培训执法人员   人次。”。本规则查找汉字与量词（件、次、项、个、人、家、条、人次、件次、家次……）
之间只有空格的情况：紧跟“共、完成、计、累计……”时量词后面接什么都算；其他汉字之后，量词后面须是
标点或行尾。空格包括普通空格、不换行空格（U+00A0，从网页复制常带入）和全角空格（U+3000）。
正文、表格、文本框、页眉和页脚都会检查。数字与量词之间的空格（“12 件”）不算留空，
由规则 cjk-digit-space 检查。词表见 templates/common.yaml 的 lint.blank_number 和 lint.units。

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

from drafter import regex
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
    return regex.compile(rf"(?:(?:{before})(?P<gap>[ \t\u00a0\u3000]{{1,40}})(?:{units})"
                      rf"|(?<=[\u4e00-\u9fff])(?P<gap2>[ \t\u00a0\u3000]{{1,40}})(?:{units})"
                      rf"(?=[，。；、,.;：:）)！？!?\n]|$))")


OTHER_PARTS = ("textbox", "header", "footer")
# Every match holds one of these spaces (the gap) and stays within its line.
_GAP = regex.compile(r"[ \t\u00a0\u3000]")


def _hits(ctx):
    """Matches in the report text (body and tables), then in text boxes, headers and footers."""
    yield from h.corpus(ctx).hits(_pattern(), simple=True, gate=_GAP)
    for paragraph in ctx.document.paragraphs:
        if paragraph.part in OTHER_PARTS:
            text = h.simplified(paragraph.text)
            for match in _pattern().finditer(text):
                yield paragraph, match.start(), match.end(), match


def check(ctx):
    for paragraph, start, end, match in _hits(ctx):
        gap = match.group("gap") or match.group("gap2")
        name = "gap" if match.group("gap") else "gap2"
        kinds = "、".join(sorted({"不换行空格" if c == "\u00a0" else "全角空格" if c == "\u3000" else "空格"
                                  for c in gap}))
        gap_column = start + match.start(name) - match.start() + 1
        yield h.make(__name__, ctx, paragraph,
                     f"数字没有填写：“{match.group(0).replace(gap, '□')}”中间只有{kinds}",
                     "请填入实际数字；没有相应数据时请删去这句话",
                     excerpt=h.around(h.simplified(paragraph.text), start, end), column=gap_column)
