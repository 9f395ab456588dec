"""Lint configuration (``.drafter.yaml``) and baseline files.

``.drafter.yaml`` is looked for in the draft's folder and its parents (or given
with ``--config``).  Its ``rules`` mapping turns rules on/off, changes their
severity and sets their options; ``level``/``joint``/``year`` fix what would
otherwise be detected; ``baseline`` names a baseline file.  Example::

    level: county
    joint: true
    rules:
      half-width-punctuation: off          # off / on
      deictic-time: info                   # a severity: error / warning / info
      blank-placeholder:                   # full form
        severity: error
        options: {...}                     # checked against the rule's OPTIONS schema

The same ``rules`` form may be given as ``lint: rules:`` in
``templates/common.yaml`` (project defaults), below the config file.

A baseline is a JSON file of accepted findings keyed by rule, file name and
excerpt (not paragraph numbers, so editing elsewhere keeps it valid).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from drafter.errors import InputError
from drafter.lint.finding import SEVERITIES

CONFIG_NAME = ".drafter.yaml"
BASELINE_VERSION = 1
_OFF = ("off", "false", "no", "disable", "关", "关闭")
_ON = ("on", "true", "yes", "enable", "开", "开启")


def _schema() -> dict:
    from drafter.levels import level_ids
    rule_value = {"anyof": [
        {"type": "boolean"},
        {"type": "string", "allowed": list(SEVERITIES) + list(_OFF) + list(_ON)},
        {"type": "dict", "schema": {"enabled": {"type": "boolean"},
                                    "severity": {"type": "string", "allowed": list(SEVERITIES)},
                                    "options": {"type": "dict"}}},
    ]}
    return {
        "level": {"type": "string", "allowed": level_ids()},
        "joint": {"type": "boolean"},
        "year": {"type": "integer", "min": 1990, "max": 2100},
        "baseline": {"type": "string"},
        "rules": {"type": "dict", "keysrules": {"type": "string"}, "valuesrules": rule_value},
    }


class RuleSetting(NamedTuple):
    enabled: bool
    severity: str
    options: dict


@dataclass
class LintConfig:
    """What ``.drafter.yaml`` (and the ``lint:`` section of common.yaml) say."""

    path: str | None = None
    level: str | None = None
    joint: bool | None = None
    year: int | None = None
    baseline: str | None = None
    rules: dict = field(default_factory=dict)        # rule id → normalised entry dict

    def setting(self, rule) -> RuleSetting:
        """Enabled flag, severity and options (defaults filled) for a rule module."""
        entry = {"enabled": True, "severity": rule.DEFAULT_SEVERITY, "options": {}}
        for source in (_project_defaults(), self.rules):
            raw = source.get(rule.ID)
            if raw:
                entry = {**entry, **{k: v for k, v in raw.items() if k != "options"},
                         "options": {**entry["options"], **raw.get("options", {})}}
        return RuleSetting(entry["enabled"], entry["severity"], rule_options(rule, entry["options"], self.path))


def _normalise_rule(value) -> dict:
    if isinstance(value, bool):
        return {"enabled": value}
    if isinstance(value, str):
        low = value.lower()
        if low in SEVERITIES:
            return {"enabled": True, "severity": low}
        return {"enabled": low in _ON}
    return dict(value or {})


def _check_rule_ids(rules: dict, where: str | None) -> None:
    from drafter.lint import registry
    known = [r.ID for r in registry.RULES]
    for rule_id in rules:
        if not isinstance(rule_id, str):
            raise InputError(f"配置中的规则名“{rule_id}”不是文字", path=where,
                             hint="rules 下每一项应写规则名，如“web-junk: off”；规则列表见 docs/lint.md")
        if rule_id not in known:
            import difflib
            guess = difflib.get_close_matches(rule_id, known, n=1)
            raise InputError(f"配置中的规则“{rule_id}”不存在", path=where,
                             hint=(f"是不是“{guess[0]}”？" if guess else "") + "规则列表见 docs/lint.md")


def rule_options(rule, options: dict, where: str | None = None) -> dict:
    """A rule's options validated against its ``OPTIONS`` Cerberus schema, with defaults."""
    schema = getattr(rule, "OPTIONS", None)
    if not schema:
        if options:
            raise InputError(f"规则“{rule.ID}”没有可设置的选项", path=where, hint="请删除该规则下的 options")
        return {}
    if not options and not any(spec.get("required") and "default" not in spec for spec in schema.values()):
        # Nothing set: the rule's own defaults (a test checks Cerberus agrees); lint need not load Cerberus.
        return {key: spec["default"] for key, spec in schema.items() if "default" in spec}
    from drafter.data.cerberus_import import cerberus
    validator = cerberus.Validator(schema)
    if not validator.validate(options or {}):
        raise InputError(f"规则“{rule.ID}”的选项写法不对：{_zh_errors(validator.errors)}", path=where,
                         hint=f"可用选项：{'、'.join(schema)}")
    return validator.document


def _zh_errors(errors: dict, prefix: str = "") -> str:
    """Cerberus's error tree as short Chinese text."""
    out = []
    for key, messages in errors.items():
        name = f"{prefix}{key}"
        if any(isinstance(m, str) and ("no definitions validate" in m or "more than one rule validate" in m)
               for m in messages):
            # an "anyof" failure: say what may be written, not which alternative failed how
            out.append(f"“{name}”应写 off、on、error、warning、info，或含 enabled/severity/options 的设置")
            continue
        for message in messages:
            if isinstance(message, dict):
                out.append(_zh_errors(message, name + "."))
                continue
            text = str(message)
            if text.startswith("unknown field"):
                text = "未知设置项"
            elif text.startswith("must be of"):
                text = "类型不对（应为" + text.replace("must be of ", "").replace(" type", "") + "）"
            elif text.startswith("unallowed value"):
                text = "不是可选值"
            elif "no definitions validate" in text or "none or more than one rule validate" in text:
                text = "应写 off、on、error、warning、info，或含 enabled/severity/options 的设置"
            elif text.startswith(("min value", "max value")):
                text = "数值超出范围"
            out.append(f"“{name}”{text}")
    return "；".join(out)


def _project_defaults() -> dict:
    from drafter.levels import common_data
    section = common_data().get("lint") or {}
    rules = section.get("rules") if isinstance(section, dict) else None
    return {k: _normalise_rule(v) for k, v in (rules or {}).items()}


def _first_error_path(errors: dict, prefix: tuple = ()) -> tuple:
    """The data path of the first error in Cerberus's error tree."""
    for key, messages in errors.items():
        for message in messages:
            if isinstance(message, dict):
                return _first_error_path(message, prefix + (key,))
        return prefix + (key,)
    return prefix


def parse_config(data, path: str | None = None, position=None) -> LintConfig:
    """Validate the loaded YAML of a config file; :class:`InputError` in Chinese if wrong.

    ``position(data_path, key=False)`` gives the 1-based (line, column) of a
    setting, so an error can point at its line.
    """
    def fail(message: str, hint: str, where: tuple = (), key: bool = False):
        line, column = (position(where, key=key) or (None, None)) if position and where else (None, None)
        return InputError(message, path=path, hint=hint, line=line, column=column)

    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("配置文件的内容应为“键: 值”形式", path=path, hint="示例见 docs/lint.md 的“配置”一节")
    from drafter.data.cerberus_import import cerberus
    if isinstance(data.get("rules"), dict):          # a misspelt rule name is the likeliest mistake
        try:
            _check_rule_ids(data["rules"], path)
        except InputError as exc:
            rule_id = next((r for r in data["rules"] if f"“{r}”" in exc.message), None)
            if rule_id is not None and position is not None:
                exc.line, exc.column = position(("rules", rule_id), key=True) or (None, None)
            raise
    validator = cerberus.Validator(_schema())
    if not validator.validate(data):
        where = _first_error_path(validator.errors)
        hint = ("例如“web-junk: off”或“blank-placeholder: {severity: warning}”（见 docs/lint.md）"
                if where[:1] == ("rules",) else "可用设置：level、joint、year、baseline、rules（见 docs/lint.md）")
        raise fail(f"配置文件写法不对：{_zh_errors(validator.errors)}", hint, where)
    rules = {k: _normalise_rule(v) for k, v in (data.get("rules") or {}).items()}
    try:
        _check_rule_ids(rules, path)
        config = LintConfig(path=path, level=data.get("level"), joint=data.get("joint"), year=data.get("year"),
                            baseline=data.get("baseline"), rules=rules)
        from drafter.lint import registry
        for rule in registry.RULES:                  # option errors surface when the config is read
            if rule.ID in rules:
                config.setting(rule)
    except InputError as exc:
        rule_id = next((r for r in rules if f"“{r}”" in exc.message), None)
        if rule_id is not None and position is not None:
            exc.line, exc.column = position(("rules", rule_id), key=True) or (None, None)
        raise
    return config


def load_config(path: Path | str) -> LintConfig:
    """Read and validate a ``.drafter.yaml`` (errors point at the line of the setting)."""
    import yaml
    from drafter.data.loader import FAST_LOADER, load_text, read_text
    text, _ = read_text(path)
    position = None
    if any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        position = load_text(text, str(path)).position      # bounded first: depth, size, aliases
    try:
        data = yaml.load(text, Loader=FAST_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError("配置文件不是有效的 YAML", path=str(path), line=mark.line + 1 if mark else None,
                         hint="请检查缩进和冒号（冒号后要有空格）") from exc
    config = parse_config(data, str(path), position)
    if config.baseline and not Path(config.baseline).is_absolute():
        config.baseline = str(Path(path).parent / config.baseline)
    return config


def find_config(start: Path | str) -> Path | None:
    """The nearest ``.drafter.yaml`` in ``start`` (a file's folder or a folder) or its parents."""
    start = Path(start).resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


# --- baseline ---------------------------------------------------------------------------------

def baseline_key(path: str, finding) -> tuple:
    """What identifies an accepted finding: rule, file name, excerpt."""
    return (finding.rule, Path(path).name, finding.location.excerpt)


def read_baseline(path: Path | str) -> set:
    """The accepted findings in a baseline file."""
    from drafter.data.loader import read_text
    text, _ = read_text(path)
    try:
        import json

        data = json.loads(text)
        entries = data["findings"]
        return {(e["rule"], e["file"], e["excerpt"]) for e in entries}
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise InputError("基线文件格式不对", path=str(path),
                         hint="基线文件应由 drafter lint --write-baseline 生成，请重新生成") from exc


def baseline_json(results) -> str:
    """A baseline file's text accepting every finding in ``results`` (file results)."""
    entries = sorted({baseline_key(r.path, f) for r in results for f in r.findings})
    data = {"version": BASELINE_VERSION, "description": "drafter lint 基线：这些问题已确认接受，不再报告",
            "findings": [{"rule": rule, "file": name, "excerpt": excerpt} for rule, name, excerpt in entries]}
    from drafter.report import json_text
    return json_text(data)
