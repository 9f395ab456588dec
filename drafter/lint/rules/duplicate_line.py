"""A title or paragraph appears twice (copy-and-paste leftovers).

同一个标题或同一段文字在报告中出现两次以上，多是复制粘贴时重复了。本规则查找完全相同的段落
（忽略空格，较短的段落不算），在重复出现处报告，并指出第一次出现的位置。

不通过：

```text
年度法治政府建设工作报告
年度法治政府建设工作报告
```

通过：每个标题和段落只出现一次。
"""

from __future__ import annotations

from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "duplicate-line"
CODE = "L21"
DEFAULT_SEVERITY = WARNING
TITLE = "标题或段落重复"

MIN_LENGTH = 8


def _where(paragraph) -> str:
    return f"第{paragraph.line}行" if paragraph.line is not None else f"第{paragraph.index + 1}段"


def check(ctx):
    seen: dict = {}
    for paragraph in h.text_paragraphs(ctx):
        key = "".join(paragraph.text.split())
        if len(key) < MIN_LENGTH or paragraph.table_cell is not None:
            continue
        if key in seen:
            yield h.make(__name__, ctx, paragraph, f"与{_where(seen[key])}的内容完全相同",
                         "请删除重复的标题或段落")
        else:
            seen[key] = paragraph
