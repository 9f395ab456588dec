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


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice（soffice）未安装")
def test_template_saved_by_another_office_suite_still_works(tmp_path, rendered_examples):
    """LibreOffice re-saves a template with renamed style ids and quotes as &quot; inside tags."""
    from drafter.levels import get_level
    from drafter.render.build import template_name
    from drafter.render.check import check_template
    from drafter.render.render import render_report

    source = get_level("county").directory / template_name("single")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "t.docx").write_bytes(source.read_bytes())
    subprocess.run([find_soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "out"),
                    str(tmp_path / "in" / "t.docx")], capture_output=True, timeout=120, check=True)
    resaved = tmp_path / "out" / "t.docx"
    assert [d for d in check_template(resaved) if d.is_error] == []
    document = next(doc for doc, _ in rendered_examples.values() if doc["meta"]["level"] == "county"
                    and not doc["meta"].get("joint"))
    render_report(document, tmp_path / "r.docx", template=resaved)
    import docx
    d = docx.Document(str(tmp_path / "r.docx"))
    names = [p.style.name for p in d.paragraphs]
    assert "公文一级标题" in names and "公文成文日期" in names
    signature = next(p for p in d.paragraphs if p.style.name == "公文署名首行")
    assert signature._p.pPr.ind is not None and signature._p.pPr.ind.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rightChars") is not None
