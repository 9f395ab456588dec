"""The draft has no 主送机关 line or no 成文日期.

年度报告是上行文：标题之下应有主送机关（顶格，以全角冒号结尾），正文之后应有署名和成文日期
（《党政机关公文处理工作条例》、GB/T 9704-2012）。从网站复制的报告常常只剩正文，据此起草时
容易漏掉这些要素。本规则在报告开头找不到主送机关行、或全文找不到单独成行的成文日期时给出警告。
主送机关是否符合层级由规则 recipient 检查，日期的写法和期限由 date-form、date-late 检查。

不通过：

```text
青山县人民政府关于2024年法治政府建设情况的报告
2024年，我县……
```

通过：

```text
青山县人民政府关于2024年法治政府建设情况的报告
中共青山县委、青山县人大常委会：
2024年，我县……
青山县人民政府
2025年2月20日
```
"""

from __future__ import annotations

from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h
from drafter.lint.rules.recipient import recipients_line

ID = "missing-metadata"
CODE = "L16"
DEFAULT_SEVERITY = WARNING
TITLE = "缺少主送机关或成文日期"


def check(ctx):
    lines = h.body_lines(ctx)
    if not lines:
        return
    if recipients_line(ctx) is None:
        variant = ctx.level.variant(ctx.joint)
        example = "、".join(r.example for r in variant.recipients) if variant is not None and variant.recipients \
            else "中共××委、××人民政府"
        yield h.make(__name__, ctx, None, "报告开头没有主送机关",
                     f"请在标题下一行顶格写主送机关，以全角冒号结尾，如“{example}：”")
    if not h.date_lines(ctx):
        yield h.make(__name__, ctx, None, "报告没有成文日期",
                     "请在正文之后写署名，并在下一行写成文日期，如“2025年2月20日”")
