"""The exported JSON Schema works in editors: its patterns are ECMAScript, checked with a JS regex engine.

VS Code's YAML extension (yaml-language-server) runs ``pattern`` with JavaScript's RegExp; a
Python-only construct such as ``(?P<name>…)`` makes it drop every diagnostic or flag every value.
``regress`` is an ECMAScript regex engine (the one the Rust and Python JSON Schema tools use).
"""

from __future__ import annotations

import json
import shutil
import subprocess

import jsonschema
import pytest
import yaml

regress = pytest.importorskip("regress")

from drafter.data.jsonschema import json_schema  # noqa: E402
from drafter.data.validate import DOC_NUMBER  # noqa: E402
from tests.conftest import EXAMPLES, example_files  # noqa: E402


def _walk(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}/{i}")


def patterns(schema) -> dict:
    return {path: value for path, key, value in _walk(schema) if key == "pattern"}


def test_every_pattern_compiles_as_ecmascript():
    found = patterns(json_schema())
    assert found, "the schema has patterns"
    for path, pattern in found.items():
        regress.Regex(pattern, "u")          # raises RegressError on anything JavaScript rejects


def test_doc_number_pattern_means_the_same_in_javascript():
    (pattern,) = [p for path, p in patterns(json_schema()).items() if path.endswith("doc_number")]
    js = regress.Regex(pattern, "u")
    samples = ["兴政发〔2025〕3号", "鞍委〔2024〕17号", "兴政报〔2021〕3号", "兴政发[2025]3号", "兴政发〔25〕3号",
               "兴政发〔2025〕第3号", "兴政发〔2025〕03号", "兴政发〔2025〕3", "兴 政发〔2025〕3号"]
    for sample in samples:
        assert (js.find(sample) is not None) == bool(DOC_NUMBER.match(sample)), sample


def _ecma_validator():
    def pattern(validator, value, instance, schema):
        if validator.is_type(instance, "string") and regress.Regex(value, "u").find(instance) is None:
            yield jsonschema.ValidationError(schema.get("errorMessage") or f"{instance!r} does not match {value!r}")
    return jsonschema.validators.extend(jsonschema.Draft7Validator, {"pattern": pattern})


def _as_json(value):
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
def test_examples_pass_with_javascript_regex_semantics(path):
    data = _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert list(_ecma_validator()(json_schema()).iter_errors(data)) == []


def test_a_bad_doc_number_gets_the_chinese_error_message():
    data = _as_json(yaml.safe_load((EXAMPLES / "xingping-2020.yaml").read_text(encoding="utf-8")))
    data["meta"]["doc_number"] = "兴政报[2021]3号"
    (error,) = _ecma_validator()(json_schema()).iter_errors(data)
    assert error.message.startswith("发文字号格式应为“机关代字〔年份〕序号号”")


def test_chinese_hover_and_error_texts():
    meta = json_schema()["properties"]["meta"]["properties"]
    assert meta["level"]["errorMessage"].startswith("可选值：province（省级）")
    assert meta["body"]["markdownDescription"].startswith("**报告主体**")
    assert "`××县人民政府`" in meta["body"]["markdownDescription"]
    assert meta["date"]["errorMessage"].startswith("日期请写成 2025-02-20")


@pytest.mark.skipif(shutil.which("node") is None, reason="没有安装 Node.js")
def test_patterns_compile_in_node():
    """The same check with the JavaScript engine VS Code itself runs (V8), where Node.js is installed."""
    script = "const ps = JSON.parse(require('fs').readFileSync(0, 'utf8')); for (const p of ps) new RegExp(p, 'u');"
    proc = subprocess.run(["node", "-e", script], input=json.dumps(list(patterns(json_schema()).values())),
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
