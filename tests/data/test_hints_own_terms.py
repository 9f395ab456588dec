"""Hints and init comments speak in the user's own terms: their body, level and year; neutral ×× otherwise."""

from __future__ import annotations

import re

import pytest
import yaml

from drafter import levels
from tests.conftest import EXAMPLES

SOURCE = (EXAMPLES / "xingping-2020.yaml").read_text(encoding="utf-8")
OTHER_PLACES = re.compile("兴平|鞍山|咸阳|金东|金华|涪陵|辽宁|重庆")


def write(tmp_path, text, name="安平.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_recipient_example_uses_the_files_own_body(tmp_path, run_cli):
    text = SOURCE.replace("兴平", "安平").replace("市人民政府", "县人民政府").replace("中共安平市委", "中共安平县委")
    text = text.replace("    - 中共安平县委\n", "", 1)
    path = write(tmp_path, text)
    result = run_cli("validate", "--strict", path)
    assert result.code == 1
    line = text[: text.index("  recipients:")].count("\n") + 1
    (warning,) = [l for l in result.out.splitlines() if "meta.recipients" in l]
    assert warning.startswith(f"{path}:{line + 1}:5: meta.recipients: 警告：主送机关中没有“同级党委”")
    assert warning.endswith("（例如：中共安平县委）")
    assert not OTHER_PLACES.search(warning)


def test_missing_party_body_example_uses_the_files_own_place(tmp_path, run_cli):
    text = SOURCE.replace("  joint: false\n", "  joint: true\n", 1)
    result = run_cli("validate", write(tmp_path, text))
    assert result.code == 1
    (error,) = [l for l in result.out.splitlines() if "联合报告必须写明党委名称" in l]
    assert "party_body: 中共兴平市委" in error


@pytest.mark.parametrize("level_id", levels.level_ids())
@pytest.mark.parametrize("joint", [False, True])
def test_init_comments_are_neutral_and_not_doubled(tmp_path, run_cli, level_id, joint):
    args = ["init", "--level", level_id, "--year", "2024", "-o", tmp_path / "2024.yaml"] + (["--joint"] if joint else [])
    result = run_cli(*args)
    if levels.get_level(level_id).variant(joint) is None:
        return
    assert result.code == 0, result.err
    text = (tmp_path / "2024.yaml").read_text(encoding="utf-8")
    assert not OTHER_PLACES.search(text), OTHER_PLACES.search(text).group(0)
    assert "成文日期：成文日期" not in text
    assert not re.search(r"(\w{2,})：\1", text)


def test_province_joint_recipients_come_pre_filled(tmp_path, run_cli):
    result = run_cli("init", "--level", "province", "--year", "2024", "--joint", "-o", tmp_path / "p.yaml")
    assert result.code == 0
    data = yaml.safe_load((tmp_path / "p.yaml").read_text(encoding="utf-8"))
    assert data["meta"]["recipients"] == ["党中央", "国务院"]
    assert data["meta"]["cc"] == ["中央全面依法治国委员会办公室"]


def test_late_date_names_the_variant_once(tmp_path):
    from drafter.data.validate import validate_file
    text = SOURCE.replace("  body: 兴平市人民政府\n", "  body: 兴平市司法局\n", 1)
    text = text.replace("  level: county\n", "  level: department\n", 1)
    text = text.replace("    - 兴平市人大常委会\n", "    - 兴平市人民政府\n", 1)
    text = text.replace("  date: 2021-01-21\n", "  date: 2021-03-20\n", 1).replace("issue_date: 2021-01-22", "issue_date: 2021-03-20")
    result = validate_file(write(tmp_path, text, "late.yaml"))
    assert not result.errors, [d.format() for d in result.errors]
    (late,) = [d for d in result.warnings if "晚于报送期限" in d.message]
    assert "（政府部门报告）" in late.message and "政府部门政府部门" not in late.message


def test_empty_other_text_says_write_wu(tmp_path, run_cli):
    text = SOURCE
    start = text.index("other:\n")
    text = text[:start] + "other:\n  text: \"\"\n"
    path = write(tmp_path, text, "other.yaml")
    result = run_cli("validate", path)
    assert result.code == 1
    line = text.count("\n")
    (error,) = [l for l in result.out.splitlines() if "other.text" in l]
    assert error.startswith(f"{path}:{line}:9: other.text: 错误：")
    assert error.endswith("（没有其他需要报告的情况时写“无。”）")
