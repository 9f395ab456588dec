"""Cerberus's check of the schema itself, done once at build time instead of at every start.

Whenever a Cerberus ``Validator`` is built it validates the schema's own rules against
Cerberus's meta-schema (about 150 ms for ``schema.yaml``, more than the rest of ``drafter
validate``).  The shipped schema does not change between runs, so the check is done when the
schema is edited (``python -m drafter.data.schema_check``) and its *fingerprint* is recorded in
``schema.checked`` beside ``schema.yaml``.

At run time :func:`checked_schema` skips Cerberus's check only if the fingerprint of the schema in
hand equals the recorded one.  The fingerprint covers everything the check depends on: the whole
schema (after Cerberus's expansion, allowed values from ``templates/`` included), the validator
class's rules, check_with methods, types, coercers and default setters, and the Cerberus version.
Any change to one of them gives another fingerprint, and the schema is checked by Cerberus again,
exactly as without this file: a stale record can cost time, never correctness.
``tests/data/test_schema_check.py`` fails while the record is out of date.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from drafter.data.cerberus_import import cerberus  # before other cerberus imports
from cerberus.schema import DefinitionSchema

RECORD = Path(__file__).with_name("schema.checked")


def fingerprint(schema, validator_class) -> str:
    """A digest of the expanded schema, the validator's rules and the Cerberus version."""
    rules = {name: sorted(map(str, getattr(validator_class, name, ()) or ()))
             for name in ("validation_rules", "normalization_rules", "checkers", "coercers", "default_setters",
                          "types")}
    blob = json.dumps({"cerberus": cerberus.__version__, "class": validator_class.__name__, "rules": rules,
                       "schema": schema}, sort_keys=True, ensure_ascii=False, default=repr)
    from drafter.cache import sha256
    return sha256(blob.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def recorded() -> str | None:
    try:
        return RECORD.read_text(encoding="ascii").strip() or None
    except OSError:
        return None


class CheckedSchema(DefinitionSchema):
    """A Cerberus definition schema that skips the meta-schema check when it was done at build time."""

    _checked: dict | None = None

    def validate(self, schema=None):
        if schema is not None:
            checked = self._checked
            # While normalizing, Cerberus stores each field's rules again (``schema[field] = ...``),
            # which re-checks them: the very objects of the checked schema need no second check.
            if checked is not None and all(checked.get(key) is rules for key, rules in schema.items()):
                return
            if recorded() is not None and fingerprint(schema, type(self.validator)) == recorded():
                self._checked = schema
                return
        super().validate(schema)

    def copy(self):
        # Cerberus copies the root schema at every validate() (``__normalize_mapping``); a plain copy
        # would expand it and take its fingerprint again.  A copy of a checked schema holds the very
        # same (expanded, checked) rules, so it is the same object with its own top-level dict.
        if self._checked is None:
            return super().copy()
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.schema = self.schema.copy()
        return clone

    def __setitem__(self, key, value):
        # Normalizing stores each field's rules again; for the very rules already there (expanded and
        # checked) Cerberus would only expand and check them once more, for every document.
        if self._checked is not None and self.schema.get(key) is value:
            return
        super().__setitem__(key, value)


def checked_schema(validator, schema: dict) -> DefinitionSchema:
    """``schema`` as a definition schema for ``validator`` (checked by Cerberus unless recorded as checked)."""
    return CheckedSchema(validator, schema)


def record() -> str:
    """Check the current schema with Cerberus (raises ``SchemaError`` if it is wrong); record its fingerprint."""
    from drafter.data.validate import ReportValidator, raw_schema

    validator = ReportValidator()
    ReportValidator._valid_schemas.clear()          # Cerberus's own in-process memo: check for real
    definition = DefinitionSchema(validator, raw_schema())
    digest = fingerprint(definition.schema, ReportValidator)
    RECORD.write_text(digest + "\n", encoding="ascii")
    recorded.cache_clear()
    return digest


if __name__ == "__main__":
    print(f"{RECORD.name}: {record()}")
