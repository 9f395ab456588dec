"""A report typed in Word: headings marked by Word's heading styles (no written numbers)."""

from __future__ import annotations

import docx

from drafter.document.model import Paragraph
from drafter.importer import import_file
from drafter.outline import recognise
from tests.conftest import seed_path


def _strip_number(text: str) -> tuple[int | None, str]:
    """(heading level, text without its written number) of a numbered heading, else (None, text)."""
    heading = recognise(Paragraph(text=text, index=0))
    if heading is None or heading.marker != "number":
        return None, text
    return heading.level, text[len(heading.number_text):]


def test_word_heading_styles_without_numbers(tmp_path):
    document = docx.Document()
    for line in seed_path("004").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        level, text = _strip_number(line)
        document.add_paragraph(text, style=f"Heading {level}" if level else None)
    path = tmp_path / "鞍山2023.docx"
    document.save(path)

    imported = import_file(path)
    data = imported.data
    assert data["meta"]["level"] == "city" and data["meta"]["joint"] is True
    assert len(data["measures"]["areas"]) == 10
    assert data["measures"]["areas"][3]["title"] == "严格规范公正文明执法稳步推进"
    assert data["measures"]["areas"][3]["kind"] == "enforcement"
    assert len(data["problems"]["items"]) == 3
    assert [i["title"] for i in data["plan"]["items"]][:2] == ["营造良好法治环境", "提高行政立法质量"]
