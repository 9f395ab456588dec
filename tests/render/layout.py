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


def horizontal_rules(pdf, page: int, colour: str, min_mm: float = 100, dpi: int = 150) -> list[Rule]:
    """Horizontal runs of ``colour`` ("red" or "black") at least ``min_mm`` long, one per pixel row."""
    data = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
                          capture_output=True, check=True).stdout
    magic, w, h, _, pixels = data.split(maxsplit=4)
    assert magic == b"P6"
    w, h = int(w), int(h)
    if colour == "red":
        def hit(r, g, b): return r > 170 and g < 110 and b < 110
    else:
        def hit(r, g, b): return r < 90 and g < 90 and b < 90
    px_mm = 25.4 / dpi
    rules = []
    for y in range(h):
        row = pixels[y * w * 3:(y + 1) * w * 3]
        best = run = start = best_start = 0
        for x in range(w):
            if hit(row[3 * x], row[3 * x + 1], row[3 * x + 2]):
                if run == 0:
                    start = x
                run += 1
                if run > best:
                    best, best_start = run, start
            else:
                run = 0
        if best * px_mm >= min_mm:
            rules.append(Rule(y * px_mm, best_start * px_mm, best * px_mm))
    return rules


def colour_top(pdf, page: int, colour: str = "red", dpi: int = 150) -> float | None:
    """mm from the top of the page to the first pixel row holding ``colour``."""
    data = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
                          capture_output=True, check=True).stdout
    _, w, h, _, pixels = data.split(maxsplit=4)
    w, h = int(w), int(h)
    for y in range(h):
        row = pixels[y * w * 3:(y + 1) * w * 3]
        if any(row[i] > 170 and row[i + 1] < 110 and row[i + 2] < 110 for i in range(0, len(row), 3)):
            return y * 25.4 / dpi
    return None
