"""A title or paragraph appears twice (copy-and-paste leftovers).

同一个标题或同一段文字在报告中出现两次以上，多是复制粘贴时重复了。本规则查找完全相同的段落
（忽略空格，较短的段落不算），在重复出现处报告，并指出第一次出现的位置。报送函和报告正文各有一份的
主送机关、署名和日期不算重复。

选项：min_length（参与比较的最短段落字数，默认 8）。

不通过：

```text
年度法治政府建设工作报告
年度法治政府建设工作报告
```

通过：每个标题和段落只出现一次。
"""

from __future__ import annotations

from drafter import regex
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h
from drafter.text import parse_date_line
from drafter.analysis.metadata import is_organ_name

ID = "duplicate-line"
CODE = "L21"
DEFAULT_SEVERITY = WARNING
TITLE = "标题或段落重复"

OPTIONS = {"min_length": {"type": "integer", "min": 1, "default": 8}}
MAX_SIGNATURE = 30
_PUNCTUATION = regex.compile(r"[。，,；;！？、（）()]")


def _metadata(text: str) -> bool:
    """主送 lines, signatures and dates, which a cover note and the report may both carry."""
    if text.endswith((":", "：")) or parse_date_line(text) is not None:
        return True
    names = text.split()
    return len(text) <= MAX_SIGNATURE and not _PUNCTUATION.search(text) and all(map(is_organ_name, names))


def _where(paragraph) -> str:
    return f"第{paragraph.line}行" if paragraph.line is not None else f"第{paragraph.index + 1}段"


def check(ctx):
    seen: dict = {}
    min_length = h.option(ctx, __name__, "min_length")
    for paragraph in h.text_paragraphs(ctx):
        key = "".join(paragraph.text.split())
        if len(key) < min_length or paragraph.table_cell is not None:
            continue
        if key in seen:
            if _metadata(paragraph.text.strip()):
                continue
            yield h.make(__name__, ctx, paragraph, f"与{_where(seen[key])}的内容完全相同",
                         "请删除重复的标题或段落")
        else:
            seen[key] = paragraph
