"""The 主送机关 does not match the level (e.g. only the government, not the Party committee).

《法治政府建设与责任落实督察工作规定》规定了各级报告的报送对象，例如县级政府向同级党委和
人大常委会报告，县委和县政府联合向上一级党委和政府报告，政府部门向本级党委和政府报告
（各层级的要求见 templates/<层级>/level.yaml 的 recipients）。本规则找到报告开头以冒号结尾的
主送机关行，检查其中是否包含该层级要求的每一类机关。

不通过（县级政府的报告）：

```text
咸阳市人民政府：
```

通过（县级政府的报告）：

```text
中共兴平市委、兴平市人大常委会：
```
"""

from __future__ import annotations

from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h
from drafter.analysis.metadata import find_recipients

ID = "recipient"
CODE = "L17"
DEFAULT_SEVERITY = WARNING
TITLE = "主送机关与报告层级不符"

HEAD = 12


def recipients_line(ctx):
    """(paragraph, names) of the 主送 line near the start of the report, or None (the analysis' reading)."""
    if ctx.analysis is not None:
        analysis = ctx.analysis
        return (analysis.recipients_paragraph, analysis.recipients) if analysis.recipients_paragraph else None
    return find_recipients(h.body_lines(ctx)[:HEAD])


def check(ctx):
    variant = ctx.level.variant(ctx.joint)
    found = recipients_line(ctx)
    if variant is None or found is None:
        return
    paragraph, names = found
    missing = [role for role in variant.recipients if role.match and not any(role.matches(n) for n in names)]
    if missing:
        roles = "、".join(r.role for r in variant.recipients)
        yield h.make(__name__, ctx, paragraph,
                     f"主送机关中没有{'、'.join('“' + r.role + '”' for r in missing)}"
                     f"（{variant.name}应主送{roles}）",
                     "请补充，例如：" + "、".join(r.example for r in missing)
                     + "；若层级识别有误，请用 --level 指定")
