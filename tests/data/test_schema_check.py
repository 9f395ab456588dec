"""Cerberus's check of the schema is recorded at build time and cannot be trusted once stale."""

from __future__ import annotations

import copy

import pytest
from cerberus import SchemaError

from drafter.data import schema_check
from drafter.data.validate import ReportValidator, raw_schema, report_validator, validate_file

from tests.conftest import example_files


def _definition(schema):
    validator = ReportValidator()
    ReportValidator._valid_schemas.clear()      # Cerberus's in-process memo would hide a missing check
    return schema_check.checked_schema(validator, schema)


def test_the_record_matches_the_current_schema():
    validator = report_validator()
    current = schema_check.fingerprint(validator.schema.schema, ReportValidator)
    assert schema_check.recorded() == current, \
        "drafter/data/schema.checked 已过期：运行 python -m drafter.data.schema_check（它先让 Cerberus 检查 schema）"


def test_the_current_schema_passes_cerberus_own_check():
    from cerberus.schema import DefinitionSchema
    ReportValidator._valid_schemas.clear()
    DefinitionSchema(ReportValidator(), raw_schema())        # the full check, no record involved


@pytest.mark.parametrize("change", ["unknown rule", "wrong type name", "missing check_with"])
def test_a_changed_schema_is_checked_by_cerberus_again(change):
    schema = copy.deepcopy(raw_schema())
    year = schema["meta"]["schema"]["year"]
    if change == "unknown rule":
        year["maxlenght"] = 4
    elif change == "wrong type name":
        year["type"] = "integr"
    else:
        year["check_with"] = "no_such_check"
    with pytest.raises(SchemaError):
        _definition(schema)


def test_a_changed_validator_class_is_checked_again():
    class Other(ReportValidator):
        def _check_with_extra(self, field, value):
            pass

    assert schema_check.fingerprint(raw_schema(), Other) != schema_check.fingerprint(raw_schema(), ReportValidator)


def test_without_a_record_the_schema_is_checked(monkeypatch):
    schema = copy.deepcopy(raw_schema())
    schema["meta"]["schema"]["year"]["type"] = "integr"
    monkeypatch.setattr(schema_check, "recorded", lambda: None)
    with pytest.raises(SchemaError):
        _definition(schema)
    assert _definition(copy.deepcopy(raw_schema())).schema       # a good schema still passes, just slower


def test_normalizing_does_not_smuggle_in_unchecked_rules():
    """Cerberus stores rules again while normalizing; only the checked objects themselves are let through."""
    definition = _definition(copy.deepcopy(raw_schema()))
    definition["intro"] = definition["intro"]                    # the same rules: no check needed
    with pytest.raises(SchemaError):
        definition["intro"] = {"type": "strng"}


def test_the_shared_validator_gives_the_same_result_file_after_file(tmp_path):
    good = example_files()[0]
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text(encoding="utf-8").replace("\n  year: ", "\n  yaer: ", 1), encoding="utf-8")
    first_bad = [d.format() for d in validate_file(bad).diagnostics]
    assert any("yaer" in line for line in first_bad)
    assert validate_file(good).ok()
    assert [d.format() for d in validate_file(bad).diagnostics] == first_bad
    assert validate_file(good).ok()


def test_a_copy_of_the_checked_schema_is_neither_expanded_nor_fingerprinted_again(monkeypatch):
    """Cerberus copies the root schema at every validate(); the copy keeps the checked rules, and a
    change to it is still checked."""
    definition = report_validator().schema
    monkeypatch.setattr(schema_check, "fingerprint", lambda *a: pytest.fail("schema fingerprinted again"))
    clone = definition.copy()
    assert clone.schema == definition.schema and clone.schema is not definition.schema
    assert all(clone.schema[key] is rules for key, rules in definition.schema.items())
    assert validate_file(example_files()[0]).ok()
    clone["intro"] = clone["intro"]
    monkeypatch.undo()
    with pytest.raises(SchemaError):
        clone["intro"] = {"type": "strng"}
    assert "strng" not in str(definition.schema["intro"])        # the original is untouched
