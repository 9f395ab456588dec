"""The analysis layer reads report openings as a reviewer would (tests/analysis/openings.yaml).

The openings were written for these tests in the style of published reports from every
level and organ type; each carries the reading a reviewer gives it.
"""

from pathlib import Path

import pytest
import yaml

from drafter.analysis import analyse
from drafter.document.text_reader import read_text

CASES = yaml.safe_load((Path(__file__).parent / "openings.yaml").read_text(encoding="utf-8"))


def test_the_corpus_covers_every_level_and_is_large_enough():
    assert len(CASES) >= 60
    assert {case["level"] for case in CASES} == {"province", "city", "county", "township", "department"}
    assert len({case["id"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_opening_is_read_right(case):
    result = analyse(read_text(case["text"]))
    got = {"issuer": result.issuer, "level": result.level, "joint": result.joint, "year": result.year,
           "title": result.title}
    expected = {key: case[key] for key in got}
    assert got == expected
    assert result.level_source == case.get("level_source", "detected")
    if result.level_source == "detected":
        assert result.level_evidence and result.level in result.level_evidence[0].level.split("/")
