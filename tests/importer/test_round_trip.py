"""Round trip: every example → ``drafter render`` (.docx) → ``drafter import`` → the same data.

The imported file has the same sections, headings, paragraphs (and causes) as the example,
validates, and renders to the same text.  Statistics come back from drafter's own tables
(rates keep name and value; their numerator/from/to cannot be read back from a table).
"""

from __future__ import annotations

import pytest
import yaml

from drafter.data.validate import validate_file
from drafter.document.read import read_document
from drafter.importer import import_file
from drafter.levels import get_level
from drafter.render.context import build_context
from drafter.render.render import load_template, locate_template, render_to_file
from tests.conftest import example_files
from tests.importer.helpers import sections_of

META_KEPT = ("body", "level", "joint", "party_body", "year", "title", "doc_number", "signer", "date",
             "recipients", "cc", "issuer", "issue_date", "contact", "cover_letter")


def render(data_path, target):
    document = validate_file(data_path).document
    level = get_level(document["meta"]["level"])
    template, level = locate_template(level, bool(document["meta"].get("joint")))
    context, _ = build_context(document, level=level, source=str(data_path))
    return render_to_file(load_template(template), context, target, force=True)


def texts(docx) -> list[str]:
    return [p.text for p in read_document(docx).paragraphs if p.part != "footer"]


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
def test_example_render_import_round_trip(example, tmp_path):
    original = yaml.safe_load(example.read_text(encoding="utf-8"))
    first = render(example, tmp_path / "first.docx")

    imported = import_file(first)
    data_file = tmp_path / "imported.yaml"
    data_file.write_text(imported.yaml(), encoding="utf-8")
    result = validate_file(data_file)
    assert result.errors == [], "\n".join(d.format() for d in result.errors)
    # nothing drafter itself wrote is reported as dropped text (the title's manual line break included)
    assert imported.ignored == []

    again = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    assert sections_of(again) == sections_of(original)
    for key in META_KEPT:
        assert again["meta"].get(key) == original["meta"].get(key), key
    assert bool(again["meta"].get("red_header")) == bool(original["meta"].get("red_header"))
    original_stats = [len(a.get("stats") or []) for a in original["measures"]["areas"]]
    assert [len(a.get("stats") or []) for a in again["measures"]["areas"]] == original_stats

    second = render(data_file, tmp_path / "second.docx")
    assert texts(second) == texts(first)
