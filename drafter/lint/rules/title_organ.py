"""The title names another organ than the signature (a report copied from another unit).

标题中“关于”之前的发文机关名称，应与落款署名的机关一致。两者完全不同，多半是照搬了其他单位的
报告只改了正文，或改了落款忘了改标题。本规则比较标题中的机关名称和文末落款中的机关名称
（文末几行中只有机关名称的短行），一个都对不上时给出警告。标题中没有机关名称（如
“关于2024年法治政府建设情况的报告”）或找不到落款时不检查。

不通过：

```text
彬州市人民政府关于2020年法治政府建设情况的报告
……
兴平市人民政府
2021年1月21日
```

通过：

```text
兴平市人民政府关于2020年法治政府建设情况的报告
……
兴平市人民政府
2021年1月21日
```
"""

from __future__ import annotations

from drafter import regex
from drafter.analysis.metadata import is_organ_name, split_names
from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "title-organ"
CODE = "L20"
DEFAULT_SEVERITY = WARNING
TITLE = "标题中的发文机关与落款不一致"

SIGNATURE_LINES = 8            # the 落款 is among the last lines of the body
_HEAD = regex.compile(r"关于|(?:19|20)\d{2}\s*年")
_SENTENCE = regex.compile(r"[。，,；;！？:：]")


def title_organs(title: str) -> list[str]:
    """The organ names written before “关于” (or the year) in a title."""
    head = _HEAD.split(title, maxsplit=1)[0] if _HEAD.search(title) else ""
    return [name for name in split_names(head) if is_organ_name(name)]


def signature_organs(paragraphs) -> list[str]:
    """Organ names on the short stand-alone lines at the end of the report (the 落款)."""
    names = []
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if not text or len(text) > 40 or _SENTENCE.search(text) or text.startswith("抄送"):
            continue
        found = split_names(text)
        if found and all(is_organ_name(n) for n in found):
            names.extend(found)
    return names


def mismatch(title: str, signature: list[str]) -> tuple[list, list] | None:
    """(title organs, signature organs) when the title names organs none of which signs; else None."""
    organs = title_organs(h.simplified(title))
    signed = [h.simplified(n) for n in signature]
    if not organs or not signed or set(organs) & set(signed):
        return None
    return organs, signed


def check(ctx):
    paragraph = h.title_paragraph(ctx)
    if paragraph is None:
        return
    body = [p for p in ctx.document.body() if p.part == "body" and p.index > paragraph.index]
    found = mismatch(ctx.title, signature_organs(body[-SIGNATURE_LINES:]))
    if found:
        organs, signed = found
        yield h.make(__name__, ctx, paragraph,
                     f"标题中的发文机关“{' '.join(organs)}”与落款“{' '.join(dict.fromkeys(signed))}”不一致",
                     "可能沿用了其他单位的报告：请把标题中的机关名称改为本单位（与落款一致）")
