"""`drafter init`, `drafter schema`, the examples, the generated docs and the package."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile

import jsonschema
import pytest
import yaml

from drafter import levels
from drafter.data import docs
from drafter.data.jsonschema import SCHEMA_FILE_NAME, json_schema, json_schema_text
from drafter.data.validate import TODO_MARK, validate_file

from tests.conftest import EXAMPLES, ROOT, example_files


def _jsonable(value):
    """What a YAML 1.2 editor sees: dates are strings."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("level_id", levels.level_ids())
@pytest.mark.parametrize("joint", [False, True])
def test_init_skeleton_per_level(tmp_path, run_cli, level_id, joint):
    level = levels.get_level(level_id)
    args = ["init", "--level", level_id, "--year", "2024", "-o", tmp_path / "2024.yaml"]
    if joint:
        args.append("--joint")
    result = run_cli(*args)
    if level.variant(joint) is None:
        assert result.code == 2 and "联合报告" in result.err
        assert not (tmp_path / "2024.yaml").exists()
        return
    assert result.code == 0, result.err
    text = (tmp_path / "2024.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=./{SCHEMA_FILE_NAME}\n")
    assert (tmp_path / SCHEMA_FILE_NAME).read_text(encoding="utf-8") == json_schema_text()
    # the skeleton is structurally right: the only errors are the marks still to fill in and the date
    outcome = validate_file(tmp_path / "2024.yaml")
    assert outcome.errors
    for d in outcome.errors:
        assert "尚未填写" in d.message or d.field == "meta.date", d.format()
    # once filled in, it validates
    filled = text.replace(TODO_MARK, "").replace("  date:\n", "  date: 2025-02-20\n")
    recipients = [r.example for r in level.variant(joint).recipients]
    for role, example in zip(level.variant(joint).recipients, recipients):
        filled = filled.replace(f"{role.role}，如：{example}", example)
    filled = filled.replace("××", "青山")        # a user writes the real names where the examples are neutral
    (tmp_path / "filled.yaml").write_text(filled, encoding="utf-8")
    outcome = validate_file(tmp_path / "filled.yaml")
    assert outcome.ok(), [d.format() for d in outcome.diagnostics]
    # items follow the level's order
    data = yaml.safe_load(filled)
    assert [k for k in data if k in levels.ITEM_KEYS] == list(level.item_order)


def test_init_never_overwrites_without_force(tmp_path, run_cli):
    target = tmp_path / "2024.yaml"
    target.write_text("我的数据\n", encoding="utf-8")
    result = run_cli("init", "--level", "county", "--year", "2024", "-o", target)
    assert result.code == 2 and "文件已存在" in result.err
    assert target.read_text(encoding="utf-8") == "我的数据\n"
    assert run_cli("init", "--level", "county", "--year", "2024", "-o", target, "--force").code == 0
    assert "meta:" in target.read_text(encoding="utf-8")


def test_init_rejects_unknown_level_in_chinese(tmp_path, run_cli):
    result = run_cli("init", "--level", "village", "--year", "2024", "-o", tmp_path / "x.yaml")
    assert result.code == 2 and "没有层级“village”" in result.err and "county（县级）" in result.err


def test_schema_command_matches_committed_copy(tmp_path, run_cli):
    result = run_cli("schema")
    assert result.code == 0
    assert json.loads(result.out) == json_schema()
    assert (EXAMPLES / SCHEMA_FILE_NAME).read_text(encoding="utf-8") == json_schema_text(), \
        "examples/drafter-report.schema.json 已过期：运行 drafter schema -o examples/drafter-report.schema.json"
    assert run_cli("schema", "-o", tmp_path / "s.json").code == 0
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == json_schema()


def test_json_schema_is_a_valid_draft7_schema():
    jsonschema.Draft7Validator.check_schema(json_schema())


def test_json_schema_patterns_are_ecmascript_and_check_the_doc_number():
    """Editors (VS Code) and check-jsonschema read ``pattern`` as an ECMAScript regex: Python-only
    syntax such as named groups ``(?P<name>...)`` makes them reject the whole schema."""
    patterns = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                patterns.append(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json_schema())
    assert patterns and not [p for p in patterns if "(?P" in p or "(?<" in p or "(?#" in p]
    doc_number = json_schema()["properties"]["meta"]["properties"]["doc_number"]["pattern"]
    validator = jsonschema.Draft7Validator({"type": "string", "pattern": doc_number})
    assert validator.is_valid("兴政发〔2021〕3号") and not validator.is_valid("兴政发[2021]3号")


def test_examples_exist_one_per_seed():
    assert len(example_files()) == 5


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_example_is_valid(path):
    result = validate_file(path)
    assert result.ok(), [d.format() for d in result.diagnostics]
    assert path.read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema=./{SCHEMA_FILE_NAME}")


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_json_schema_accepts_example(path):
    data = _jsonable(yaml.safe_load(path.read_text(encoding="utf-8")))
    jsonschema.Draft7Validator(json_schema()).validate(data)


def test_json_schema_rejects_what_validation_rejects():
    data = _jsonable(yaml.safe_load(example_files()[0].read_text(encoding="utf-8")))
    validator = jsonschema.Draft7Validator(json_schema())
    bad = json.loads(json.dumps(data))
    bad["meta"]["year"] = "2024年"
    bad["meta"]["titel"] = "x"
    del bad["other"]
    messages = {e.validator for e in validator.iter_errors(bad)}
    assert {"type", "additionalProperties", "required"} <= messages


def test_data_reference_doc_is_up_to_date():
    committed = (ROOT / "docs" / "data-reference.md").read_text(encoding="utf-8")
    assert committed == docs.reference(), "docs/data-reference.md 已过期：运行 python -m drafter.data.docs"


def test_python_m_drafter_and_help_in_chinese(run_process, run_cli):
    result = run_process("--help")
    assert result.code == 0 and "用法：drafter" in result.out and "命令：" in result.out
    for command in ("validate", "init", "schema"):
        sub = run_cli(command, "--help")
        assert sub.code == 0 and "用法：drafter " + command in sub.out and "选项：" in sub.out
        assert "Show this message" not in sub.out


def test_wheel_ships_the_templates(tmp_path):
    """`pip install .` outside the repo works: the wheel carries templates/ as package data.

    The build backend from the test extra is used directly (no isolated build environment to set up
    each run); that the build requirements suffice is shown by every `pip install` of the project."""
    import importlib.util
    if importlib.util.find_spec("hatchling") is not None:       # the PEP 517 hook pip would call, without pip
        proc = subprocess.run([sys.executable, "-c", "import sys, hatchling.build as b; b.build_wheel(sys.argv[1])",
                               str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    else:
        proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                               str(ROOT)], capture_output=True, text=True)
    if proc.returncode != 0 and "hatchling" in proc.stderr and "No matching distribution" in proc.stderr:
        pytest.skip("构建后端 hatchling 无法获取（离线环境）")
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob("drafter-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for level_id in levels.level_ids():
        assert f"drafter/templates/{level_id}/level.yaml" in names
    assert "drafter/templates/common.yaml" in names
    assert "drafter/data/schema.yaml" in names and "drafter/data/schema.checked" in names
