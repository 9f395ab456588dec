"""The form, generated from the one schema and the level definitions, and its data round trip.

:func:`form_spec` turns ``drafter/data/schema.yaml`` (through
:func:`drafter.data.validate.raw_schema`) into a JSON description the browser
builds the form from: field titles, help and examples from each field's
``meta``, enums with Chinese labels, repeatable blocks, and the five items in
each level's order.  No field is written out by hand anywhere.

:func:`from_form` is the way back: the browser's JSON (strings as typed) →
data typed by the schema, keys in schema order.  :func:`to_yaml` writes it in
the same readable form ``drafter init``/``import`` write, 
:func:`check` validates the form's data with the validator ``drafter validate`` uses.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from drafter import levels
from drafter.data.jsonschema import SCHEMA_FILE_NAME, enum_names
from drafter.data.loader import Loaded, load_text
from drafter.data.validate import TODO_MARK, Result, raw_schema, validate_loaded
from drafter.data.writer import dump
from drafter.errors import ERROR, Diagnostic, InputError
from drafter.web import notes

# Fields holding paragraphs (a blank line starts a new one) are text areas;
# these are the keys that drafter.render.context passes through paragraphs().
PARAGRAPH_KEYS = ("intro", "text", "cause")
# A dict with more fields than this keeps its optional fields folded away ("更多可选项"),
# except these, which decide what else the report needs (joint → party_body) or how it starts.
FOLD_OPTIONAL_OVER = 6
KEEP_SHOWN = ("joint", "party_body", "title")
_NUMBER = re.compile(r"^\s*-?\d+(\.\d+)?\s*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _titles() -> dict:
    """Field name → its Chinese title, for names with one title throughout the schema."""
    found: dict = {}

    def walk(rules: dict, key=None):
        title = (rules.get("meta") or {}).get("title")
        if key and title:
            found.setdefault(key, set()).add(title)
        if rules.get("type") == "dict":
            for name, sub in (rules.get("schema") or {}).items():
                walk(sub, name)
        elif rules.get("type") == "list" and rules.get("schema"):
            walk(rules["schema"], key)

    walk({"type": "dict", "schema": raw_schema()})
    return {key: next(iter(titles)) for key, titles in found.items() if len(titles) == 1}


def form_help(text: str, titles: dict) -> str:
    """A schema description as the form shows it: field names as their Chinese titles, no YAML syntax."""
    out = "".join(s for s in re.split(r"(?<=。)", text) if s and "“|”" not in s)
    out = re.sub(r"（[^（）]*[a-z_]+\.[a-z_]+[^（）]*）", "", out)          # “（取值同 measures.areas 的 kind）”
    out = re.sub(r"[，,]?取值见下表", "", out)                              # the table is in the docs, not here
    name = lambda m: f"“{titles[m.group(1)]}”" if m.group(1) in titles else m.group(0)  # noqa: E731
    out = re.sub(r"\s*(?<![A-Za-z_])([a-z_]+)\s*为\s*true", lambda m: "勾选" + name(m), out)
    out = re.sub(r"(^|[；。，])为\s*true\s*", r"\1勾选", out)
    return re.sub(r"\s*(?<![A-Za-z_])([a-z_]+)(?![A-Za-z_])\s*", name, out)


def _node(key, rules: dict, titles: dict) -> dict:
    meta = rules.get("meta") or {}
    kind = rules.get("type", "string")
    node = {"key": key, "title": meta.get("title") or str(key), "help": form_help(meta.get("description", ""), titles),
            "required": bool(rules.get("required")), "type": kind}
    if "example" in meta:
        example = meta["example"]
        node["example"] = "、".join(map(str, example)) if isinstance(example, list) else str(example)
    if kind == "dict":
        node["widget"] = "group"
        node["fields"] = [_node(name, sub, titles) for name, sub in (rules.get("schema") or {}).items()]
        node["fold"] = [f["key"] for f in node["fields"] if not f["required"] and f["key"] not in KEEP_SHOWN
                        ] if len(node["fields"]) > FOLD_OPTIONAL_OVER else []
    elif kind == "list":
        node["widget"] = "list"
        node["item"] = _node(None, rules.get("schema") or {"type": "string"}, titles)
        if not node["item"].get("title") or node["item"]["title"] == "None":
            node["item"]["title"] = node["title"]
        node["min"] = rules.get("minlength", 0)
    elif rules.get("allowed"):
        node["widget"] = "select"
        names = enum_names(str(key), rules["allowed"]) or {}
        node["choices"] = [[value, names.get(value, value)] for value in rules["allowed"]]
    elif kind == "boolean":
        node["widget"] = "checkbox"
    elif kind == "date":
        node["widget"] = "date"
    elif kind in ("integer", "number", "float"):
        node["widget"] = "number"
    elif key in PARAGRAPH_KEYS:
        node["widget"] = "textarea"
        node["help"] = (node["help"] + "空一行即另起一段。").lstrip()
    else:
        node["widget"] = "text"
    if "maxlength" in rules and kind == "string":
        node["maxlength"] = rules["maxlength"]
    return node


@lru_cache(maxsize=1)
def form_spec() -> dict:
    """The whole form: the data file's top-level fields and, per level, the order of the five items."""
    titles = _titles()
    fields = {name: _node(name, rules, titles) for name, rules in raw_schema().items()}
    all_levels = levels.all_levels()
    orders, items = {}, {}
    for level in all_levels.values():
        orders[level.id] = ["meta", "intro"] + [item.key for item in level.ordered_items()]
        for item in level.ordered_items():
            items[item.key] = {"marker": item.marker, "name": item.name, "rule": item.rule_text,
                               "heading": item.heading}
    return {"fields": fields, "orders": orders, "items": items, "todo": TODO_MARK,
            "default_order": ["meta", "intro", *levels.ITEM_KEYS]}


# --- the browser's JSON → typed data ------------------------------------------------------------

def _text(value: str) -> str:
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    return text + "\n" if "\n" in text else text.strip()


def _convert(value, rules: dict, path: tuple = (), keep: frozenset = frozenset()):
    """Type ``value`` by ``rules``; empty values are dropped unless a comment in ``keep`` stands at them."""
    kind = rules.get("type")
    if kind == "dict" and isinstance(value, dict):
        schema = rules.get("schema") or {}
        out = {}
        for key in [k for k in schema if k in value] + [k for k in value if k not in schema]:
            sub = schema.get(key, {})
            converted = _convert(value[key], sub, path + (key,), keep)
            empty = converted is None or converted == "" or (converted == [] and not sub.get("required"))
            if empty and path + (key,) not in keep:
                continue
            out[key] = None if converted == "" else converted
        return out
    if kind == "list" and isinstance(value, list):
        item = rules.get("schema") or {}
        converted = (_convert(v, item, path + (i,), keep) for i, v in enumerate(value))
        return [c for c in converted if c is not None and c != ""]
    if isinstance(value, str):
        if kind in ("integer", "number", "float") and _NUMBER.match(value):
            number = float(value)
            return int(number) if number.is_integer() and "." not in value else number
        if kind == "date" and _DATE.match(value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                return value.strip()
        return _text(value)
    return value


def from_form_with_notes(data) -> tuple[dict, dict]:
    """(typed data in schema order, ``{path: Comment}``) from the form's JSON.

    Values the form left empty are dropped, except where a comment stands (``date:`` under
    “原文缺失，请补充：成文日期” keeps its place, and its comment, until it is filled in).
    """
    if not isinstance(data, dict):
        return {}, {}
    clean, comments = notes.detach(data)
    typed = _convert(clean, {"type": "dict", "schema": raw_schema()}, (), frozenset(comments))
    return typed, comments


def from_form(data) -> dict:
    """Typed data in schema order from the form's JSON (comments left out)."""
    return from_form_with_notes(data)[0]


def to_form(value):
    """Loaded data → JSON for the form (dates as ``YYYY-MM-DD``)."""
    if isinstance(value, dict):
        return {str(k): to_form(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_form(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_yaml(data: dict, comments: dict | None = None) -> str:
    """The data file text, in the form ``drafter init`` writes (schema line first).

    A header the file already had (``comments[notes.HEADER]``) is kept; the schema line is added if missing.
    """
    comments = dict(comments or {})
    own = comments.pop(notes.HEADER, None)
    modeline = f"yaml-language-server: $schema=./{SCHEMA_FILE_NAME}"
    if own is not None and own.before:
        header = list(own.before)
        if not any(line.startswith("yaml-language-server:") for line in header):
            header.insert(0, modeline)
    else:
        meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
        header = [modeline, f"{meta.get('year', '')}年法治政府建设年度报告 数据文件（在 drafter serve 中编辑保存）",
                  "多段文字在“|”下逐段书写，段与段之间空一行。可以与浏览器中的表单交替使用。"]
    return dump(data, comments, header=header + [""])


def check(form_data, name: str) -> tuple[dict, Result]:
    """Validate the form's data as ``drafter validate`` would: (typed data, result).

    The live check validates the typed data directly: the messages are the
    validator's own, and the form locates them by field, not by line.
    """
    data = from_form(form_data)
    return data, validate_loaded(Loaded(path=name, data=data))


def saved(form_data, name: str) -> tuple[str, Result]:
    """The file text for the form's data (comments included) and the validation of that text as loaded back."""
    data, comments = from_form_with_notes(form_data)
    text = to_yaml(data, comments)
    try:
        loaded = load_text(text, name)
    except InputError as exc:          # only an empty form: nothing worth a file yet
        return text, Result(path=name, diagnostics=[Diagnostic(ERROR, exc.message, exc.hint, path=name)])
    return text, validate_loaded(loaded)


def _schema_help(path: tuple, lines: list) -> bool:
    """True if every line is the field's own help as ``drafter init`` writes it (“标题：说明”): the form shows it."""
    path = tuple(p for p in path if not isinstance(p, int)) if path and not isinstance(path[-1], int) else path
    from drafter.data.skeleton import help_line
    own = help_line(path)
    return bool(lines) and all(line.strip() == own for line in lines)


def load_for_form(text: str, loaded: Loaded) -> dict:
    """The form's JSON for a loaded data file, its comments attached (see :mod:`drafter.web.notes`)."""
    return notes.attach(to_form(loaded.data), notes.extract(text, loaded), quiet=_schema_help)


def diagnostics_json(result: Result) -> list[dict]:
    return [{"severity": d.severity, "message": d.message, "hint": d.hint, "field": d.field,
             "line": d.line, "column": d.column} for d in result.diagnostics]
