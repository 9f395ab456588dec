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
