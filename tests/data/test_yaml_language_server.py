"""The exported schema in the real yaml-language-server (the server VS Code's YAML extension runs).

.ci/run installs it from npm; where it (or Node.js) is absent these tests are skipped.  With the
old Python-only pattern every doc_number was flagged “Invalid pattern”.
"""

from __future__ import annotations

import shutil

import pytest

from drafter.data.jsonschema import SCHEMA_FILE_NAME, json_schema_text
from drafter.data.validate import validate_file
from tests.conftest import EXAMPLES, example_files
from tests.data.yaml_ls import YamlLanguageServer, server_command

pytestmark = pytest.mark.skipif(server_command() is None, reason="yaml-language-server 或 Node.js 未安装")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("vscode")
    (root / SCHEMA_FILE_NAME).write_text(json_schema_text(), encoding="utf-8")
    ls = YamlLanguageServer(root)
    yield ls, root
    ls.close()


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
def test_examples_have_no_diagnostics(server, example):
    ls, root = server
    target = root / example.name
    text = example.read_text(encoding="utf-8")
    target.write_text(text, encoding="utf-8")
    assert ls.diagnostics(target, text) == []


def test_bad_values_get_chinese_messages_where_validate_puts_them(server, tmp_path):
    ls, root = server
    text = (EXAMPLES / "xingping-2020.yaml").read_text(encoding="utf-8")
    text = text.replace("兴政报〔2021〕3号", "兴政报[2021]3号", 1).replace("level: county", "level: 县级", 1)
    target = root / "bad.yaml"
    target.write_text(text, encoding="utf-8")
    found = {d["source"]: d for d in ls.diagnostics(target, text)}
    assert set(found) == {"yaml-schema: 发文字号", "yaml-schema: 层级"}
    number = found["yaml-schema: 发文字号"]
    assert number["message"].startswith("发文字号格式应为“机关代字〔年份〕序号号”")
    assert found["yaml-schema: 层级"]["message"].startswith("可选值：province（省级）")
    ours = next(d for d in validate_file(target).errors if d.field == "meta.doc_number")
    start = number["range"]["start"]
    assert (start["line"] + 1, start["character"] + 1) == (ours.line, ours.column)
