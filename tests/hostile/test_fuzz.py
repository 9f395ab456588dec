"""The fuzzers, a small seeded sample (benchmarks/fuzz_hostile.py runs many more).

No exit 3, no traceback, no run past its time bound or memory cap, no broken
output; only a data file that validates renders; what import writes reads back.
"""

from __future__ import annotations

import random

import pytest

from tests.hostile import fuzz
from tests.hostile.harness import run_batch

SEED = 20260601


@pytest.mark.parametrize("seed", [SEED])
def test_data_field_type_confusion(tmp_path, seed):
    cases = fuzz.data_field_cases(tmp_path, random.Random(seed), 40)
    outcomes = run_batch([argv for argv, _ in cases], tmp_path)
    assert fuzz.check_pairs(cases, outcomes) == []


@pytest.mark.parametrize("seed", [SEED])
def test_draft_mutation(tmp_path, seed):
    cases = fuzz.draft_cases(tmp_path, random.Random(seed), 30)
    outcomes = run_batch([argv for argv, _ in cases], tmp_path)
    assert fuzz.check_drafts(cases, outcomes) == []


@pytest.mark.parametrize("seed", [SEED])
def test_template_mutation(tmp_path, seed):
    cases = fuzz.template_cases(tmp_path, random.Random(seed), 20)
    outcomes = run_batch([argv for argv, _ in cases], tmp_path)
    assert fuzz.check_templates(cases, outcomes) == []
