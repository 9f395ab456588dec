"""Examples converted to PDF by LibreOffice: page count, full pages, headings kept with their text.

Skips without LibreOffice; the page-fill checks also need poppler's ``pdftotext``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

import docx
import pytest

from drafter.render.build import HEADING_STYLES, LINES_PER_PAGE, MARGINS_MM
from drafter.render.context import build_context
from drafter.render.render import find_soffice

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice（soffice）未安装")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext（poppler）未安装")
MM = 72 / 25.4


def _pages(pdf) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


@pytest.fixture(scope="module")
def example_pdfs(session_pdfs, rendered_examples) -> dict:
    """example name → (validated document, .docx, .pdf), from the session's one LibreOffice run."""
    return {name: session_pdfs[name] for name in rendered_examples}


@dataclass
class Page:
    number: int
    fill: float                 # share of the type area's height down to the last line of text
    numbered: bool              # has a page number below the type area (the cover letter has none)
    lines: list                 # text of each line in the type area, top to bottom, spaces removed


def _layout(pdf) -> list[Page]:
    """Where the text sits on each page, read from the PDF (``pdftotext -bbox``), not from the .docx."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for number, page in enumerate(re.findall(r"<page (.*?)</page>", out, re.S), start=1):
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        top, bottom = MARGINS_MM["top"] * MM, height - MARGINS_MM["bottom"] * MM
        words = [(float(y0), float(y1), text) for y0, y1, text in
                 re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', page)]
        body = [w for w in words if w[1] <= bottom + 1]
        rows: dict = {}
        for y0, _, text in sorted(body):
            rows.setdefault(round(y0), []).append(text)
        lowest = max((y1 for _, y1, _ in body), default=top)
        pages.append(Page(number, (lowest - top) / (bottom - top), len(body) < len(words),
                          ["".join(row) for row in rows.values()]))
    return pages


@needs_soffice
def test_examples_convert_to_pdf_with_sane_page_count(example_pdfs):
    for document, _, pdf in example_pdfs.values():
        pages = _pages(pdf)
        # A report of a few thousand characters: 22 lines × 28 characters a page puts it at 3–25 pages.
        chars = sum(len(str(v)) for v in document.values())
        assert 2 <= pages <= 25, (pdf.name, pages)
        assert pages >= chars // (22 * 28 * 2), (pdf.name, pages, chars)
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
            assert "五、其他需要报告的情况" in text.replace(" ", "")
            assert "— 1 —" in text or "—1—" in text.replace(" ", "")


@needs_soffice
@needs_pdftotext
def test_every_page_but_the_last_is_full(example_pdfs):
    """No page is left part-empty: at most what a heading kept with its next line (keepNext) can leave.

    Widow/orphan control used to push a 2- or 3-line paragraph whole to the next page together with the
    headings kept with it, leaving four or five of the 22 lines empty (anshan-2023 page 1).  A heading
    chain 一、+（一）+1. with the first line after it needs four lines, so fewer than four may stay empty.
    """
    short = []
    for name, (document, _, pdf) in example_pdfs.items():
        pages = _layout(pdf)
        assert len(pages) == _pages(pdf), name
        # The end of the report (last paragraph of the 正文, 署名, 成文日期, 附注, room for the 版记) is kept whole:
        # when it moves to the last page, the page before may end early by up to its height.
        closing = build_context(document)[0]["body"][-1]
        start = "".join(closing["text"].split())[:6]
        moved = closing["closing"] and any(line.startswith(start) for line in pages[-1].lines[:4])   # after headings
        for page in pages[:-2] if moved else pages[:-1]:
            empty_lines = (1 - page.fill) * LINES_PER_PAGE
            if page.numbered and empty_lines >= 4:
                short.append(f"{name} page {page.number}: {page.fill:.0%} full, {empty_lines:.1f} lines empty")
        assert pages[-1].fill > 0, (name, "last page is empty")
    assert not short, short


@needs_soffice
@needs_pdftotext
def test_no_heading_ends_a_page(example_pdfs):
    """keepNext on headings still works: no page's last line is the end of a heading."""
    for name, (_, docx_path, pdf) in example_pdfs.items():
        d = docx.Document(str(docx_path))
        headings = ["".join(p.text.split()) for p in d.paragraphs if p.style.style_id in HEADING_STYLES]
        assert headings, name
        for page in _layout(pdf)[:-1]:
            if not page.lines:
                continue
            last = "".join(page.lines[-1].split())
            assert not any(h.endswith(last) for h in headings if len(last) >= 4), \
                (name, page.number, last)


@needs_soffice
def test_template_saved_by_another_office_suite_still_works(tmp_path, rendered_examples, office_copies):
    """LibreOffice re-saves a template with renamed style ids and quotes as &quot; inside tags."""
    from drafter.levels import get_level
    from drafter.render.build import template_name
    from drafter.render.check import check_template
    from drafter.render.render import render_report

    source = get_level("county").directory / template_name("single")
    resaved = tmp_path / "t.docx"                   # the county template saved again by LibreOffice
    resaved.write_bytes(office_copies.get("resaved-template").read_bytes())
    assert resaved.read_bytes() != source.read_bytes()
    assert [d for d in check_template(resaved) if d.is_error] == []
    document = next(doc for doc, _ in rendered_examples.values() if doc["meta"]["level"] == "county"
                    and not doc["meta"].get("joint"))
    render_report(document, tmp_path / "r.docx", template=resaved)
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    d = docx.Document(str(tmp_path / "r.docx"))
    paragraphs = [Paragraph(p, d._body) for p in d.element.body.iter(qn("w:p"))]
    names = [p.style.name for p in paragraphs]
    assert "公文一级标题" in names and "公文成文日期" in names
    signature = next(p for p in paragraphs if p.style.name == "公文署名首行")
    assert signature._p.pPr.ind is not None and signature._p.pPr.ind.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rightChars") is not None
    # LibreOffice saved the 版记's frame at a fixed height and position; the report still has it at the foot
    # of the last page.
    with_imprint = next(doc for doc, _ in rendered_examples.values() if doc["meta"]["level"] == "county"
                        and not doc["meta"].get("joint") and doc["meta"].get("issuer"))
    render_report(with_imprint, tmp_path / "imprint.docx", template=resaved)
    from drafter.render.render import convert_to_pdf
    from tests.render.layout import MM, read_pages
    pages = read_pages(convert_to_pdf([tmp_path / "imprint.docx"])[0])
    last = [ln for ln in pages[-1].body_lines() if ln.text.endswith("印发")]
    assert last and pages[-1].body_bottom - 10 * MM <= last[-1].y1 <= pages[-1].body_bottom + 1
