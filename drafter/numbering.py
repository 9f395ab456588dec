"""Chinese heading numbers: 一、 → （一） → 1. → （1）, formatting and parsing.

The renderer generates heading numbers with :func:`heading_number`; the
heading recogniser and the linter parse them with :func:`parse_cn_numeral`.
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_VALUES = {ch: i for i, ch in enumerate(_DIGITS)}
_VALUES.update({"〇": 0, "两": 2})
_UNITS = {"十": 10, "百": 100}


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (1 ≤ n ≤ 999)."""
    if not 1 <= n <= 999:
        raise ValueError(f"heading number out of range: {n}")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if ones:
        out += _DIGITS[ones]
    return out


def parse_cn_numeral(text: str) -> int | None:
    """Inverse of :func:`cn_numeral`; ``None`` if ``text`` is not a numeral."""
    if not text or any(ch not in _VALUES and ch not in _UNITS for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch in _VALUES:
            current = _VALUES[ch]
        else:
            total += (current or 1) * _UNITS[ch]
            current = 0
    total += current
    return total or None


# Heading levels of a 公文: 1 一、  2 （一）  3 1.  4 （1）
def heading_number(level: int, n: int) -> str:
    """The number prefix of the n-th heading at ``level`` (1–4), as GB/T 9704 practice writes it."""
    if level == 1:
        return f"{cn_numeral(n)}、"
    if level == 2:
        return f"（{cn_numeral(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"heading level out of range: {level}")
