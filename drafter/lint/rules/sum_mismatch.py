"""Parts that do not add up to the stated total, and percentages that do not match their figures.

核对报告中可以核对的数字：

- 总数后列出的构成项，只有明确是全部构成时才核对是否相等：用“分别为”列举，
  括号中直接列出（如“12件（保留7件，修改3件，废止2件）”），或以“其余N件”结尾；
  各项之和与总数不等时报告。
- “包括”列举的可能只是一部分：各项之和大于总数时才报告。
- “其中”列举的只是一部分，而且可能相互重叠，不相加；但其中任何一项大于总数时报告。
- 分项后紧接“占P%”“占总数的P%”时，按分项÷总数重新计算；
- “由A个缩减至B个，压缩P%”“从A户下降至B户，降幅P%”这样的变化率，按数字重新计算，
  允许±0.5个百分点的四舍五入误差。

带“余”“多”“近”“约”的概数不核对。

不通过：

```text
办理行政复议案件13件，其中不予受理1件，维持3件，撤销3件，其余5件正在办理中。
窗口由52个缩减至32个，压缩45%。
```

通过：

```text
办理行政复议案件13件，其中不予受理1件，维持3件，撤销3件，撤回3件，其余3件正在办理中。
窗口由52个缩减至32个，压缩38.5%。
```
"""

from __future__ import annotations

import itertools

from drafter import regex
from drafter.lint.finding import ERROR
from drafter.lint.rules import _helpers as h

ID = "sum-mismatch"
CODE = "L08"
DEFAULT_SEVERITY = ERROR
TITLE = "分项之和与总数不符，或百分比算错"

TOLERANCE_PP = 0.5
_UNITS = h.units_pattern()
_NUMBER = regex.compile(rf"(?P<approx>近|约|大约|将近)?(?P<value>{h.NUMBER})\s*(?P<more>余|多)?\s*(?P<unit>{_UNITS})")
MAX_NUMBERS = 200        # figures of one sentence considered as a total and its parts
_SENTENCE = regex.compile(r"[^。；;！？!?]+")
_EXHAUSTIVE = regex.compile(r"^\s*[，,：:]?\s*(?:分别为|分别是)")
_INCLUDING = regex.compile(r"^\s*[，,：:]?\s*(?:包括|包含)")
# How a list of parts relates to its total.
EQUAL, AT_MOST, EACH_AT_MOST = "equal", "at most", "each at most"
_SUBSET = regex.compile(r"^\s*[，,：:]?\s*其中")
_REST = regex.compile(r"(?:其余|剩余|余下)(?:的)?\s*$")
_CHANGE = regex.compile(
    rf"(?:由|从)\s*(?P<a>{h.NUMBER})\s*(?P<ua>{_UNITS})?[^，,。；;\d]{{0,8}}?"
    r"(?:减少|缩减|压缩|精简|整合|合并|下降|降低|降|减|增加|增长|上升|提高|提升|增)(?:至|到|为)\s*"
    rf"(?P<b>{h.NUMBER})\s*(?P<ub>{_UNITS})?[^。；;\d]{{0,12}}?"
    rf"(?:压缩|降幅|下降|减少|降低|增幅|增长|提高|提升|上升|缩减)(?:了|达到|达|为)?\s*(?P<p>{h.NUMBER})\s*[%％]")


# “，占总数的17%” right after a part: the part's share of the total.
_SHARE = regex.compile(rf"\s*[，,]?\s*占(?:比|[^，,。；;%％\d]{{0,8}}?的)?\s*(?P<p>{h.NUMBER})\s*[%％]")


def _fmt(value: float) -> str:
    return f"{value:g}"


def _numbers(text: str, start: int = 0, end: int | None = None) -> list:
    return list(itertools.islice(_NUMBER.finditer(text, start, len(text) if end is None else end), MAX_NUMBERS))


def _exact(match) -> bool:
    return not (match.group("approx") or match.group("more"))


def _closing(text: str, start: int) -> int | None:
    depth = 0
    for i in range(start, len(text)):
        if text[i] in "（(":
            depth += 1
        elif text[i] in "）)":
            depth -= 1
            if depth == 0:
                return i
    return None


def _breakdowns(sentence: str):
    """(total match, part matches, mode) for each total followed by a list of parts (mode: EQUAL, …)."""
    numbers = _numbers(sentence)
    for i, total in enumerate(numbers):
        after = sentence[total.end():]
        unit = total.group("unit")
        stripped = after.lstrip()
        if stripped[:1] in "（(":
            open_at = total.end() + (len(after) - len(stripped))
            close = _closing(sentence, open_at)
            if close is None:
                continue
            inner = sentence[open_at + 1:close]
            parts = [m for m in _numbers(sentence, open_at + 1, close) if m.group("unit") == unit]
            yield total, parts, EACH_AT_MOST if inner.lstrip().startswith("其中") else EQUAL
            continue
        rest = [m for m in numbers[i + 1:] if m.group("unit") == unit]
        last = _rest_index(sentence, total.end(), rest)
        if _EXHAUSTIVE.match(after):
            yield total, rest, EQUAL
        elif last is not None and (_SUBSET.match(after) or not any(
                m.group("unit") == unit for m in numbers[:i])):
            # A list closed by “其余N件” adds up to the first total of the sentence (or the one before 其中).
            yield total, rest[:last + 1], EQUAL
        elif _INCLUDING.match(after):
            yield total, rest, AT_MOST
        elif _SUBSET.match(after):
            yield total, rest, EACH_AT_MOST


def _rest_index(sentence: str, start: int, parts: list) -> int | None:
    """Index of the first part written as “其余N件” (the list ends there), or None."""
    for j, part in enumerate(parts):
        if _REST.search(sentence[start:part.start()]):
            return j
        start = part.end()
    return None


def _check_sums(ctx, paragraph, text):
    for sentence_match in _SENTENCE.finditer(text):
        sentence = sentence_match.group(0)
        for total, parts, mode in _breakdowns(sentence):
            if not parts or (mode != EACH_AT_MOST and len(parts) < 2):
                continue
            if not _exact(total) or not all(_exact(p) for p in parts):
                continue
            value = float(total.group("value"))
            unit = total.group("unit")
            values = [float(p.group("value")) for p in parts]
            listing = "+".join(_fmt(v) for v in values)
            where = h.around(text, sentence_match.start() + total.start(), sentence_match.start() + parts[-1].end(), 4)
            if mode == EQUAL and abs(sum(values) - value) > 1e-6:
                yield h.make(__name__, ctx, paragraph,
                             f"各分项之和{_fmt(sum(values))}{unit}（{listing}）与总数{_fmt(value)}{unit}不符",
                             "请核对总数和各分项数字", excerpt=where)
            if mode == AT_MOST and sum(values) > value + 1e-6:
                yield h.make(__name__, ctx, paragraph,
                             f"“包括”的各项之和{_fmt(sum(values))}{unit}（{listing}）超过总数{_fmt(value)}{unit}",
                             "请核对总数和各分项数字", excerpt=where)
            yield from _check_shares(ctx, paragraph, text, sentence_match.start(), sentence, total, parts)
            if mode == EACH_AT_MOST:
                big = [v for v in values if v > value + 1e-6]
                if big:
                    yield h.make(__name__, ctx, paragraph,
                                 f"“其中”的分项{_fmt(big[0])}{unit}大于总数{_fmt(value)}{unit}",
                                 "请核对总数和分项数字", excerpt=where)


def _check_shares(ctx, paragraph, text, offset, sentence, total, parts):
    value = float(total.group("value"))
    if value == 0:
        return
    for part in parts:
        share = _SHARE.match(sentence, part.end())
        if not share:
            continue
        computed = float(part.group("value")) / value * 100
        written = float(share.group("p"))
        if abs(computed - written) > TOLERANCE_PP:
            yield h.make(__name__, ctx, paragraph,
                         f"占比写的是{_fmt(written)}%，按{part.group(0)}÷{total.group(0)}计算应为{computed:.1f}%",
                         "请核对百分比或所依据的数字",
                         excerpt=h.around(text, offset + part.start(), offset + share.end(), 2))


def _check_changes(ctx, paragraph, text):
    for match in _CHANGE.finditer(text):
        a, b, p = float(match.group("a")), float(match.group("b")), float(match.group("p"))
        if a == 0:
            continue
        computed = abs(a - b) / a * 100
        if abs(computed - p) > TOLERANCE_PP:
            yield h.make(__name__, ctx, paragraph,
                         f"变化率写的是{_fmt(p)}%，按“{_fmt(a)}→{_fmt(b)}”计算应为{computed:.1f}%",
                         "请核对百分比或前后两个数字", excerpt=h.around(text, match.start(), match.end(), 2))


# Paragraphs worth parsing: a figure followed by a breakdown, a 其余 term, or a change 由/从 A.
_QUICK = regex.compile(rf"\d[ \t]*(?:{_UNITS})[ \t]*(?:[（(]|[，,：:]?[ \t]*(?:其中|包括|包含|分别))"
                    r"|其余|剩余|余下|[由从][ \t]*\d")


def check(ctx):
    for paragraph in h.corpus(ctx).paragraphs_matching(_QUICK):
        text = paragraph.text[:h.MAX_PARAGRAPH_SCAN]
        yield from _check_sums(ctx, paragraph, text)
        yield from _check_changes(ctx, paragraph, text)
