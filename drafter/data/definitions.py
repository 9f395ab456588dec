"""Check the definition files users edit (``level.yaml``, ``common.yaml``) against a schema.

A misspelt key (``item_ordr:``) used to be ignored silently.  Each file is read by the same
loader as data files (positions, input-method pre-scan) and validated with Cerberus; problems
are :class:`~drafter.errors.Diagnostic` values located ``file:line:col``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from drafter.data.cerberus_import import cerberus  # before other cerberus imports
from cerberus import errors as ce  # noqa: E402

from drafter.data.loader import load_text, read_text
from drafter.errors import ERROR, Diagnostic, InputError

KINDS = {"level": "层级定义文件", "common": "共用定义文件"}


@lru_cache(maxsize=1)
def _schemas() -> dict:
    text = resources.files("drafter.data").joinpath("definitions.yaml").read_text(encoding="utf-8")
    return {k: v for k, v in yaml.safe_load(text).items() if not k.startswith("_")}


def _message(error: ce.ValidationError, schema: dict) -> tuple[str, str | None]:
    from drafter.data.validate import TYPE_ZH, _suggest
    path = tuple(error.document_path)
    # a list entry is named after its list: “cty”不是“州”的可选值, not “0”
    named = [part for part in path if not isinstance(part, int)]
    name = str(named[-1]) if named else ""
    if error.code == ce.UNKNOWN_FIELD.code:
        allowed = _allowed_here(error, schema)
        guess = _suggest(name, allowed) if allowed else None
        return (f"未知的键“{name}”",
                (f"是不是“{guess}”？" if guess else "") + ("此处可用的键：" + "、".join(allowed) if allowed else "请删除它"))
    if error.code == ce.REQUIRED_FIELD.code:
        return f"缺少必需的键“{name}”", "请对照 drafter 自带的 templates/ 中的同名文件补齐"
    if error.code == ce.BAD_TYPE.code:
        expected = error.constraint if isinstance(error.constraint, str) else error.constraint[0]
        return f"“{name}”应为{TYPE_ZH.get(expected, expected)}", None
    if error.code == ce.UNALLOWED_VALUE.code:
        return f"“{error.value}”不是“{name}”的可选值", "可选：" + "、".join(map(str, error.constraint))
    if error.code in (ce.EMPTY_NOT_ALLOWED.code, ce.NOT_NULLABLE.code):
        return f"“{name}”没有填写", None
    if error.code in (ce.MIN_VALUE.code, ce.MAX_VALUE.code):
        return f"“{name}”超出范围（{error.value}）", None
    if error.code == ce.REGEX_MISMATCH.code:
        return f"“{name}”的写法不对：{error.value}", "只用小写英文字母、数字、“-”和“_”"
    return f"“{name}”不符合要求（{error.rule}）", None


def _allowed_here(error: ce.ValidationError, schema: dict) -> list:
    """The keys allowed in the mapping that holds the unknown one."""
    rules = {"type": "dict", "schema": schema}
    for part in error.document_path[:-1]:
        if "schema" in rules and isinstance(part, str) and rules.get("type") == "dict":
            rules = rules["schema"].get(part, {})
        elif "valuesrules" in rules:
            rules = rules["valuesrules"]
        elif "schema" in rules and isinstance(part, int):
            rules = rules["schema"]
        else:
            return []
    return list((rules.get("schema") or {}).keys()) if isinstance(rules.get("schema"), dict) else []


def check_text(text: str, name: str, kind: str) -> list[Diagnostic]:
    """Every problem in a definition file's text; raises :class:`InputError` if it is not YAML."""
    schema = _schemas()[kind]
    from drafter.data.validate import keys_of, leaf_errors
    loaded = load_text(text, name, keys=keys_of(schema))
    if not isinstance(loaded.data, dict):
        return [Diagnostic(ERROR, f"{KINDS[kind]}的内容应为“键: 值”形式", path=name, line=1, column=1)]
    validator = cerberus.Validator(schema)
    validator.validate(loaded.data)
    out = list(loaded.diagnostics)
    for error in leaf_errors(validator._errors):
        if error.code == ce.BAD_TYPE_FOR_SCHEMA.code:
            continue
        message, hint = _message(error, schema)
        out.append(loaded.diagnostic(ERROR, tuple(error.document_path), message, hint,
                                     key=error.code == ce.UNKNOWN_FIELD.code))
    return sorted(out, key=Diagnostic.sort_key)


def check_file(path: Path | str, kind: str) -> list[Diagnostic]:
    text, notes = read_text(path)
    return notes + check_text(text, str(path), kind)


def load_checked(path: Path | str, kind: str) -> dict:
    """The data of a definition file; :class:`InputError` carrying every problem if it has any."""
    text, _ = read_text(path)
    problems = [d for d in check_text(text, str(path), kind) if d.is_error]
    if problems:
        first = problems[0]
        raise InputError(f"{KINDS[kind]}有误：{first.message}", hint=first.hint, path=first.path,
                         line=first.line, column=first.column, field=first.field, diagnostics=problems)
    return yaml.safe_load(text)


__all__ = ["check_file", "check_text", "load_checked"]
