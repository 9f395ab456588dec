"""What `drafter lint` loads: not Cerberus unless a rule option is set; rule defaults as Cerberus fills them."""

from __future__ import annotations

import subprocess
import sys

import cerberus
import pytest

from drafter.lint import registry
from drafter.lint.config import rule_options

from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "lint" / "corpus"


@pytest.mark.parametrize("rule", [r for r in registry.RULES if getattr(r, "OPTIONS", None)], ids=lambda r: r.ID)
def test_default_options_are_what_cerberus_fills_in(rule):
    validator = cerberus.Validator(rule.OPTIONS)
    assert validator.validate({}), validator.errors
    assert rule_options(rule, {}) == validator.document
    first = next(iter(rule.OPTIONS))
    assert rule_options(rule, {first: rule.OPTIONS[first]["default"]}) == validator.document


def test_lint_does_not_load_cerberus_or_the_data_validator():
    """Nor PyYAML, once the level definitions are in drafter's cache (this session's, see conftest), nor pickle
    (the cache keeps parsed YAML with marshal)."""
    from drafter import levels
    for path in [ROOT / "templates" / "common.yaml", *(ROOT / "templates").glob("*/level.yaml")]:
        # parsed and checked, so the test does not depend on which tests ran before
        levels._read_yaml(path, "common" if path.name == "common.yaml" else "level")
    code = ("import sys\nfrom drafter.cli import main\n"
            "try:\n    main(['lint', sys.argv[1]])\nexcept SystemExit as e:\n    code = e.code\n"
            "print('LOADED', sorted(m for m in sys.modules if m.startswith(('cerberus', 'drafter.data.validate'))"
            " or m in ('yaml', 'pickle')), code, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code, str(CORPUS / "qingshan-2024.txt")], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT)
    assert "LOADED [] 0" in proc.stderr, proc.stderr
