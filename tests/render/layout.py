"""Reading the printed page back from a PDF: text lines with positions (``pdftotext -bbox``) and rules
drawn in a colour (``pdftoppm`` pixels).  Shared by the layout tests; no drafter code is used here."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field

MM = 72 / 25.4                   # PDF points per millimetre
TOP_MM, BOTTOM_MM = 37, 35       # GB/T 9704 天头 and the bottom margin (版心 225 mm high)


@dataclass
class Line:
    text: str                    # the words of one line, spaces removed
    x0: float                    # points from the left edge of the page
    x1: float
    y0: float                    # points from the top of the page
    y1: float
    words: list = field(default_factory=list)   # (x0, text) of each word


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list

    @property
    def body_bottom(self) -> float:
        """The lower edge of the 版心, in points from the top."""
        return self.height - BOTTOM_MM * MM

    def body_lines(self) -> list:
        """Lines inside the 版心 (the page number sits below it)."""
        return [ln for ln in self.lines if ln.y1 <= self.body_bottom + 2]

    def find(self, text: str) -> list:
        return [ln for ln in self.lines if text in ln.text]


def read_pages(pdf) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for number, page in enumerate(re.findall(r"<page (.*?)</page>", out, re.S), start=1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
        rows: dict = {}
        for x0, y0, x1, y1, text in sorted(words, key=lambda w: (round(w[3]), w[0])):
            rows.setdefault(round(y1), []).append((x0, y0, x1, y1, text))
        lines = []
        for row in rows.values():
            row.sort()
            lines.append(Line("".join(w[4] for w in row).replace(" ", ""), row[0][0], max(w[2] for w in row),
                              min(w[1] for w in row), max(w[3] for w in row), [(w[0], w[4]) for w in row]))
        lines.sort(key=lambda ln: ln.y1)
        pages.append(Page(number, width, height, lines))
    return pages


def page_count(pdf) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


@dataclass
class Rule:
    y: float                     # mm from the top of the page
    x: float                     # mm from the left edge
    length: float                # mm


_HIGH = bytes(1 if v > 170 else 0 for v in range(256))
_LOW = bytes(1 if v < 110 else 0 for v in range(256))
_DARK = bytes(1 if v < 90 else 0 for v in range(256))


def _pixel_rows(pdf, page: int, colour: str, dpi: int):
    """(width, height, rows) where each row is bytes with 1 for a pixel of ``colour`` ("red"/"black")."""
    data = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
                          capture_output=True, check=True).stdout
    magic, w, h, _, pixels = data.split(maxsplit=4)
    assert magic == b"P6"
    w, h = int(w), int(h)
    rows = []
    for y in range(h):
        row = pixels[y * w * 3:(y + 1) * w * 3]
        r, g, b = row[0::3], row[1::3], row[2::3]
        if colour == "red":
            masks = (r.translate(_HIGH), g.translate(_LOW), b.translate(_LOW))
        else:
            masks = (r.translate(_DARK), g.translate(_DARK), b.translate(_DARK))
        hit = int.from_bytes(masks[0], "big") & int.from_bytes(masks[1], "big") & int.from_bytes(masks[2], "big")
        rows.append(hit.to_bytes(w, "big"))
    return w, h, rows


def horizontal_rules(pdf, page: int, colour: str, min_mm: float = 100, dpi: int = 120) -> list[Rule]:
    """Horizontal runs of ``colour`` ("red" or "black") at least ``min_mm`` long, one per pixel row."""
    px_mm = 25.4 / dpi
    _, _, rows = _pixel_rows(pdf, page, colour, dpi)
    rules = []
    for y, row in enumerate(rows):
        runs = [m for m in re.finditer(rb"\x01+", row)]
        if runs:
            best = max(runs, key=lambda m: m.end() - m.start())
            if (best.end() - best.start()) * px_mm >= min_mm:
                rules.append(Rule(y * px_mm, best.start() * px_mm, (best.end() - best.start()) * px_mm))
    return rules


def colour_top(pdf, page: int, colour: str = "red", dpi: int = 120) -> float | None:
    """mm from the top of the page to the first pixel row holding ``colour``."""
    _, _, rows = _pixel_rows(pdf, page, colour, dpi)
    return next((y * 25.4 / dpi for y, row in enumerate(rows) if 1 in row), None)
