"""JSON Schema (draft-07) generated from the Cerberus schema, for editors.

With the ``# yaml-language-server: $schema=...`` line in a data file, VS Code
(YAML extension) offers completion, hover help in Chinese and checks.
"""

from __future__ import annotations

import json
import re

from drafter import levels
from drafter.data.validate import DOC_NUMBER, raw_schema

SCHEMA_FILE_NAME = "drafter-report.schema.json"
SCHEMA_ID = "https://drafter.invalid/schemas/report.schema.json"

_TYPES = {"string": "string", "integer": "integer", "number": "number", "float": "number", "boolean": "boolean"}


def _description(meta: dict, allowed_names: dict | None) -> str:
    text = meta.get("description", "")
    if allowed_names:
        text += " 可选值：" + "；".join(f"{k}（{v}）" for k, v in allowed_names.items())
    if "example" in meta:
        example = meta["example"]
        shown = "、".join(map(str, example)) if isinstance(example, list) else str(example)
        text += f" 例如：{shown}"
    return text.strip()


def ecma_pattern(pattern: str) -> str:
    """A Python regex as an ECMAScript one (editors run patterns with JavaScript's RegExp).

    Named groups ``(?P<name>…)`` are Python-only: some JavaScript engines reject even the
    ``(?<name>…)`` spelling, so they become plain groups.  Anything else Python-only is a bug.
    """
    converted = re.sub(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>", "(", pattern)
    if re.search(r"\(\?P[=>]|\(\?[aiLmsux]+[):]|\\[AZ]", converted):
        raise ValueError(f"pattern is not ECMAScript: {pattern}")
    return converted


def enum_names(field: str, allowed: list) -> dict | None:
    """Chinese names of an enum's values (levels, measure kinds), for help texts and the web form."""
    if field == "level":
        return {lv.id: lv.name for lv in levels.all_levels().values()}
    if field == "kind":
        return {k: v.name for k, v in levels.measure_kinds().items()}
    return {a: a for a in allowed} if allowed else None


def convert(rules: dict, field: str = "") -> dict:
    """One Cerberus rules set → a JSON Schema fragment."""
    meta = rules.get("meta") or {}
    kind = rules.get("type")
    out: dict = {}
    if meta.get("title"):
        out["title"] = meta["title"]
    if kind == "dict":
        props = {name: convert(sub, name) for name, sub in (rules.get("schema") or {}).items()}
        out.update({"type": "object", "properties": props, "additionalProperties": False})
        required = [n for n, sub in (rules.get("schema") or {}).items() if sub.get("required")]
        if required:
            out["required"] = required
        deps = {n: list(sub["dependencies"]) for n, sub in (rules.get("schema") or {}).items()
                if isinstance(sub.get("dependencies"), list)}
        if deps:
            out["dependencies"] = deps
    elif kind == "list":
        out["type"] = "array"
        if rules.get("schema"):
            out["items"] = convert(rules["schema"], field)
        if "minlength" in rules:
            out["minItems"] = rules["minlength"]
    elif kind == "date":
        out.update({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                    "errorMessage": "日期请写成 2025-02-20 的形式（年-月-日，数字用半角）"})
    else:
        out["type"] = _TYPES.get(kind, "string")
        if kind == "string":
            if rules.get("empty") is False:
                out["minLength"] = 1
            if "maxlength" in rules:
                out["maxLength"] = rules["maxlength"]
        if "min" in rules:
            out["minimum"] = rules["min"]
        if "max" in rules:
            out["maximum"] = rules["max"]
    if rules.get("check_with") == "doc_number":
        # JSON Schema patterns are ECMAScript regexes (VS Code, check-jsonschema): no Python (?P<name>) groups.
        out["pattern"] = ecma_pattern(DOC_NUMBER.pattern)
        out["errorMessage"] = ("发文字号格式应为“机关代字〔年份〕序号号”：年份用六角括号〔〕、写全四位，"
                               "序号不编虚位、不加“第”，如“" + str(meta.get("example", "兴政发〔2025〕3号")) + "”")
    allowed = rules.get("allowed")
    names = enum_names(field, allowed) if allowed else None
    if allowed:
        out["enum"] = list(allowed)
        out["errorMessage"] = "可选值：" + "、".join(f"{k}（{v}）" if k != v else str(k) for k, v in names.items())
    if "default" in rules:
        out["default"] = rules["default"]
    description = _description(meta, names)
    if description:
        out["description"] = description
        out["markdownDescription"] = _markdown(meta, names)
    return out


def _markdown(meta: dict, allowed_names: dict | None) -> str:
    """The description for VS Code's hover: title in bold, choices as a list, example as code."""
    parts = []
    if meta.get("title"):
        parts.append(f"**{meta['title']}**")
    if meta.get("description"):
        parts.append(meta["description"])
    if allowed_names:
        parts.append("可选值：\n\n" + "\n".join(f"- `{k}`：{v}" for k, v in allowed_names.items()))
    if "example" in meta:
        example = meta["example"]
        shown = "、".join(f"`{v}`" for v in example) if isinstance(example, list) else f"`{example}`"
        parts.append(f"例如：{shown}")
    return "\n\n".join(parts)


def json_schema() -> dict:
    """The whole data-file JSON Schema."""
    schema = convert({"type": "dict", "schema": raw_schema()})
    schema.pop("title", None)
    return {"$schema": "http://json-schema.org/draft-07/schema#", "$id": SCHEMA_ID,
            "title": "法治政府建设年度报告数据文件（drafter）",
            "description": "drafter 数据文件的结构说明。由 drafter schema 根据校验规则自动生成，请勿手工修改。",
            **schema}


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
