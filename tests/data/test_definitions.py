"""level.yaml and common.yaml are checked on load and by `drafter templates check`."""

from __future__ import annotations

import shutil

from drafter.data.definitions import check_file
from drafter.levels import templates_root


def copy_level(tmp_path, level="county"):
    target = tmp_path / level
    shutil.copytree(templates_root() / level, target)
    return target


def test_shipped_definitions_are_clean():
    root = templates_root()
    assert check_file(root / "common.yaml", "common") == []
    for path in sorted(root.glob("*/level.yaml")):
        assert check_file(path, "level") == [], path


def test_each_shipped_level_lives_in_the_folder_named_after_its_id():
    """``get_level`` and ``level_ids`` find a shipped level by its folder's name, without reading the others."""
    from drafter import levels

    assert levels.level_ids() == list(levels.all_levels()) == ["province", "city", "county", "township", "department"]
    for level_id, level in levels.all_levels().items():
        assert level.directory.name == level_id == level.id
        assert levels.get_level(level_id) is level


def test_misspelt_key_is_located_and_named(tmp_path, run_cli):
    folder = copy_level(tmp_path)
    level_file = folder / "level.yaml"
    text = level_file.read_text(encoding="utf-8")
    assert "\nrequired_areas:" in text
    level_file.write_text(text.replace("\nrequired_areas:", "\nitem_ordr: [measures]\nrequired_areas:", 1), encoding="utf-8")
    line = text[: text.index("\nrequired_areas:")].count("\n") + 2
    result = run_cli("templates", "check", folder)
    assert result.code == 1
    (error,) = [l for l in result.out.splitlines() if ": 错误：" in l]
    assert error.startswith(f"{level_file}:{line}:1: item_ordr: 错误：未知的键“item_ordr”（是不是“item_order”？")
    # and rendering with the folder stops with the same message instead of ignoring the key
    from tests.conftest import EXAMPLES
    rendered = run_cli("render", EXAMPLES / "xingping-2020.yaml", "--template", folder, "-o", tmp_path / "r.docx")
    assert rendered.code == 2 and "未知的键“item_ordr”" in rendered.out + rendered.err
    assert not (tmp_path / "r.docx").exists()


def test_wrong_value_in_a_variant(tmp_path):
    folder = copy_level(tmp_path)
    level_file = folder / "level.yaml"
    text = level_file.read_text(encoding="utf-8")
    level_file.write_text(text.replace("deadline: {month: 3, day: 1}", "deadline: {month: 13, day: 1}", 1),
                          encoding="utf-8")
    (problem,) = check_file(level_file, "level")
    assert problem.field.startswith("variants.") and problem.field.endswith(".deadline.month")
    assert problem.line == text[: text.index("deadline: {month: 3")].count("\n") + 1
    assert "超出范围（13）" in problem.message


def test_full_width_colon_in_a_definition_file(tmp_path, run_cli):
    folder = copy_level(tmp_path)
    level_file = folder / "level.yaml"
    text = level_file.read_text(encoding="utf-8")
    level_file.write_text(text.replace("\nname: 县级\n", "\nname：县级\n", 1), encoding="utf-8")
    result = run_cli("templates", "check", folder)
    assert result.code == 1
    line = text[: text.index("\nname: 县级")].count("\n") + 2
    assert f"{level_file}:{line}:5: name: 错误：第{line}行：字段名 name 后面是全角冒号“：”" in result.out


def test_common_yaml_misspelt_key(tmp_path):
    common = tmp_path / "common.yaml"
    text = (templates_root() / "common.yaml").read_text(encoding="utf-8")
    common.write_text(text.replace("\nmeasure_kinds:", "\nmeasure_kind:", 1), encoding="utf-8")
    problems = check_file(common, "common")
    messages = [p.message for p in problems]
    assert "未知的键“measure_kind”" in messages and "缺少必需的键“measure_kinds”" in messages


def test_common_yaml_analysis_typos_are_located(tmp_path):
    """The analysis vocabulary is checked like the rest: a misspelt list or level id is found at its line."""
    common = tmp_path / "common.yaml"
    text = (templates_root() / "common.yaml").read_text(encoding="utf-8")
    assert "\n    township: [镇," in text and "      街道: [township]\n" in text
    broken = text.replace("\n    township: [镇,", "\n    townships: [镇,", 1).replace("      街道: [township]\n", "      街道: [twnship]\n", 1)
    common.write_text(broken, encoding="utf-8")
    problems = check_file(common, "common")
    by_message = {p.message: p for p in problems}
    assert "未知的键“townships”" in by_message and "缺少必需的键“township”" in by_message
    assert by_message["未知的键“townships”"].line == text[: text.index("\n    township: [镇,")].count("\n") + 2
    (level_problem,) = [p for p in problems if "twnship" in p.message]
    assert level_problem.line == text[: text.index("      街道: [township]")].count("\n") + 1
    assert level_problem.field.startswith("analysis.self_reference.words")
    assert level_problem.message == "“twnship”不是“街道”的可选值"
    assert level_problem.hint == "可选：province、city、county、township、department"


def test_common_yaml_without_analysis_section(tmp_path):
    common = tmp_path / "common.yaml"
    text = (templates_root() / "common.yaml").read_text(encoding="utf-8")
    common.write_text(text[: text.index("\nanalysis:")] + "\n", encoding="utf-8")
    assert "缺少必需的键“analysis”" in [p.message for p in check_file(common, "common")]


def test_level_folder_from_an_older_version_still_loads(tmp_path):
    """body_patterns is no longer read, but template folders that still have it must load unchanged."""
    from drafter.levels import load_level
    folder = copy_level(tmp_path)
    level_file = folder / "level.yaml"
    text = level_file.read_text(encoding="utf-8")
    assert "body_patterns" not in text
    level_file.write_text(text.replace("\nrequired_areas:", '\nbody_patterns: ["县人民政府$"]\nrequired_areas:', 1),
                          encoding="utf-8")
    assert check_file(level_file, "level") == []
    assert load_level(folder).id == "county"
