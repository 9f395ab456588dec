"""Examples converted to PDF by LibreOffice have a sane number of pages (skips without LibreOffice)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from drafter.render.render import convert_to_pdf, find_soffice


def _pages(pdf) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice（soffice）未安装")
def test_examples_convert_to_pdf_with_sane_page_count(rendered_examples, tmp_path):
    copies = []
    for name, (_, docx_path) in rendered_examples.items():
        copy = tmp_path / docx_path.name
        copy.write_bytes(docx_path.read_bytes())
        copies.append(copy)
    pdfs = convert_to_pdf(copies)
    assert [p.suffix for p in pdfs] == [".pdf"] * len(copies)
    for pdf, (document, _) in zip(pdfs, rendered_examples.values()):
        pages = _pages(pdf)
        # A report of a few thousand characters: 22 lines × 28 characters a page puts it at 3–25 pages.
        chars = sum(len(str(v)) for v in document.values())
        assert 2 <= pages <= 25, (pdf.name, pages)
        assert pages >= chars // (22 * 28 * 2), (pdf.name, pages, chars)
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
            assert "五、其他需要报告的情况" in text.replace(" ", "")
            assert "— 1 —" in text or "—1—" in text.replace(" ", "")
