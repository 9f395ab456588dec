"""The analysis word lists are data (templates/common.yaml `analysis:`), compiled at first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

from drafter.analysis import analyse
from drafter.document.text_reader import read_text
from drafter.levels import common_data

from tests.conftest import ROOT

SELF_WORDS = common_data()["analysis"]["self_reference"]["words"]


def test_importing_the_analysis_layer_reads_no_definitions():
    code = ("import drafter.analysis, drafter.analysis.metadata, drafter.levels as l, drafter.analysis.vocabulary as v\n"
            "print(l._common.cache_info().currsize, v.vocabulary.cache_info().currsize)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.split() == ["0", "0"], proc.stderr


@pytest.mark.parametrize("word", list(SELF_WORDS))
def test_each_self_reference_word_gives_its_levels(word):
    """A report that only calls itself 我<word>/全<word> is read as the levels common.yaml maps the word to."""
    text = "\n".join(["关于2023年法治政府建设情况的报告",
                      f"2023年，在上级的领导下，我{word}认真推进法治政府建设。",
                      f"全{word}共办理行政复议案件12件。我{word}将继续努力。"])
    reading = analyse(read_text(text))
    cues = [e for e in reading.level_evidence if e.cue == "self_reference"]
    assert [e.level for e in cues] == ["/".join(SELF_WORDS[word])]
    assert f"我{word}" in cues[0].text


PLACE_ENDS = common_data()["analysis"]["endings"]["place"]


@pytest.mark.parametrize("end", list(PLACE_ENDS))
def test_each_place_ending_gives_its_levels(end):
    """A place not in the divisions table is read by its ending, the longest first (××自治区 is not a 区)."""
    from drafter.analysis.metadata import read_name
    reading = read_name(f"××{end}人民政府")
    levels = tuple(PLACE_ENDS[end])
    assert (reading.level, reading.candidates) == ((levels[0], ()) if len(levels) == 1 else (None, levels))


BARE = common_data()["analysis"]["bare_recipients"]


@pytest.mark.parametrize("entry", BARE, ids=[e["starts"][0] for e in BARE])
def test_short_recipient_names_give_the_issuers_level(entry):
    """A report to 省政府 / 市委 … comes from the level below, as common.yaml says."""
    from drafter.analysis.metadata import _recipient_evidence
    for start in entry["starts"]:
        for then in entry.get("then") or [""]:
            (evidence,) = _recipient_evidence([start + then])
            assert evidence.level == entry["level"], start + then
