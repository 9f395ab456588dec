"""`.drafter.yaml`: discovery, validation with Chinese errors, rule settings; baseline files."""

from __future__ import annotations

import json

import pytest

from drafter.document.text_reader import read_text
from drafter.errors import InputError
from drafter.lint import registry
from drafter.lint.config import (baseline_json, baseline_key, find_config, load_config, parse_config,
                                 read_baseline)
from drafter.lint.runner import lint_document

DRAFT = "一、2024年主要举措和成效\n正文。\n二、2025年工作安排\n正文。"


def test_found_in_the_folder_or_its_parents(tmp_path):
    (tmp_path / ".drafter.yaml").write_text("level: township\n", encoding="utf-8")
    sub = tmp_path / "各部门" / "司法局"
    sub.mkdir(parents=True)
    draft = sub / "报告.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    assert find_config(draft) == tmp_path / ".drafter.yaml"
    assert load_config(find_config(draft)).level == "township"


def test_rule_value_forms():
    config = parse_config({"rules": {"missing-item": "off", "item-in-body": "warning",
                                     "web-junk": {"severity": "info"}, "blank-placeholder": True}})
    by_id = {rule.ID: rule for rule in registry.RULES}
    assert not config.setting(by_id["missing-item"]).enabled
    assert config.setting(by_id["item-in-body"]).severity == "warning"
    assert config.setting(by_id["web-junk"]).severity == "info"
    assert config.setting(by_id["blank-placeholder"]).enabled


def test_rule_options_are_validated_and_defaulted():
    with_options = [rule for rule in registry.RULES if getattr(rule, "OPTIONS", None)]
    if not with_options:
        pytest.skip("no rule declares options")
    rule = with_options[0]
    setting = parse_config({}).setting(rule)
    for name, spec in rule.OPTIONS.items():
        if "default" in spec:
            assert setting.options[name] == spec["default"]
    with pytest.raises(InputError) as info:
        parse_config({"rules": {rule.ID: {"options": {"no_such_option": 1}}}})
    assert "选项" in info.value.message and "no_such_option" in info.value.message


@pytest.mark.parametrize("data,words", [
    ({"level": "village"}, "level"),
    ({"year": "二〇二四"}, "year"),
    ({"rules": {"missing-itme": "off"}}, "missing-item"),            # suggestion in the hint
    ({"rules": {"missing-item": "loud"}}, "off"),
    ({"colour": True}, "未知设置项"),
    (["level", "county"], "键: 值"),
])
def test_bad_config_is_explained_in_chinese(data, words):
    with pytest.raises(InputError) as info:
        parse_config(data, "x/.drafter.yaml")
    error = info.value
    assert words in error.message + (error.hint or "")
    assert error.path == "x/.drafter.yaml"


def test_yaml_syntax_error_has_a_line(tmp_path):
    path = tmp_path / ".drafter.yaml"
    path.write_text("rules:\n  missing-item: off\n level: county\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_config(path)
    assert info.value.line == 3


def test_baseline_round_trip(tmp_path):
    result = lint_document(read_text(DRAFT, name=str(tmp_path / "报告.txt")), level="county", year=2024)
    assert result.findings
    path = tmp_path / "baseline.json"
    path.write_text(baseline_json([result]), encoding="utf-8")
    data = json.loads(path.read_text("utf-8"))
    assert data["version"] == 1 and {e["file"] for e in data["findings"]} == {"报告.txt"}
    accepted = read_baseline(path)
    assert all(baseline_key(result.path, f) in accepted for f in result.findings)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError):
        read_baseline(path)


def test_baseline_in_config_is_relative_to_it(tmp_path):
    path = tmp_path / ".drafter.yaml"
    path.write_text("baseline: 基线.json\n", encoding="utf-8")
    assert load_config(path).baseline == str(tmp_path / "基线.json")


@pytest.mark.parametrize("text,line", [
    ("level: county\nrules:\n  missing-item: off\n  missing-itme: off\n", 4),
    ("year: 2024\nlevel: village\n", 2),
    ("rules:\n  missing-item: loud\n", 2),
])
def test_config_errors_point_at_their_line(tmp_path, text, line):
    path = tmp_path / ".drafter.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_config(path)
    assert info.value.line == line and info.value.path == str(path)
    assert f"{path}:{line}:" in info.value.format()


def test_empty_config_is_all_defaults(tmp_path):
    path = tmp_path / ".drafter.yaml"
    path.write_text("# 暂时没有设置\n", encoding="utf-8")
    config = load_config(path)
    assert (config.level, config.year, config.rules) == (None, None, {})


def test_config_errors_speak_plainly(tmp_path):
    """No Cerberus internals ("anyof definition …") in the message; a misspelt rule is named first."""
    import pytest

    from drafter.errors import InputError
    from drafter.lint.config import load_config

    path = tmp_path / ".drafter.yaml"
    path.write_text("rules:\n  web-junkk: off\n  blank-placeholder: {severity: fatal}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_config(path)
    assert "“web-junkk”不存在" in caught.value.message and "web-junk" in caught.value.hint
    assert caught.value.line == 2
    path.write_text("rules:\n  blank-placeholder: {severity: fatal}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_config(path)
    assert "anyof" not in caught.value.message and "definition" not in caught.value.message
    assert "应写 off、on、error、warning、info" in caught.value.message
    assert caught.value.line == 2
