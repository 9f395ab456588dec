"""A heading level is skipped (一、 followed directly by 1.), once per document.

公文标题的层次依次为“一、”“（一）”“1.”“（1）”。“一、”之下直接用“1.”，或“（一）”之下直接用“（1）”，
层次就跳过了一级。许多报告这样写，意思并不含糊，因此只作提示，全文只报告一次（在第一处），并给出次数。

不通过（给出提示）：

```text
四、2025年工作打算
1.配齐配强镇综合执法队伍
2.推进村规民约修订
```

通过：

```text
四、2025年工作打算
（一）配齐配强镇综合执法队伍
（二）推进村规民约修订
```
"""

from __future__ import annotations

from drafter.lint.finding import INFO
from drafter.lint.rules import _helpers as h
from drafter.numbering import heading_number

ID = "heading-level-skip"
CODE = "L12"
DEFAULT_SEVERITY = INFO
TITLE = "标题层次跳级（如“一、”下直接用“1.”）"


def _skipped(ctx) -> list:
    """Numbered headings whose parent is a numbered heading more than one level up."""
    out = []
    for node in h.headed_sections(ctx):
        parent = node.parent
        if (node.heading.marker == "number" and parent is not None and parent.heading is not None
                and parent.heading.marker == "number" and node.level > parent.level + 1):
            out.append(node)
    return out


def check(ctx):
    skipped = _skipped(ctx)
    if not skipped:
        return
    node = skipped[0]
    count = f"（全文共{len(skipped)}处）" if len(skipped) > 1 else ""
    expected = heading_number(node.parent.level + 1, 1)
    yield h.make(__name__, ctx, node.heading.paragraph,
                 f"标题层次跳级：“{node.parent.heading.number_text.strip()}”之下应先用“{expected}”一级，"
                 f"这里直接用了“{node.heading.number_text.strip()}”{count}",
                 "公文标题依次为“一、”“（一）”“1.”“（1）”；可把这一级改用“" + expected + "”这样的编号")
