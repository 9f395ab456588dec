"""The rule contract: every registered rule has an id, code, severity, Chinese title and documentation."""

import re

import cerberus
import pytest

from drafter.errors import DrafterError
from drafter.lint import docs, registry
from drafter.lint.finding import SEVERITIES
from drafter.lint.rules import _helpers

HAN = re.compile("[\u4e00-\u9fff]")


@pytest.mark.parametrize("rule", registry.RULES, ids=registry.ids())
def test_contract(rule):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.ID)
    assert re.fullmatch(r"[LDF]\d\d", rule.CODE)
    assert rule.DEFAULT_SEVERITY in SEVERITIES
    assert HAN.search(rule.TITLE)
    assert callable(rule.check)
    first, chinese = docs.summary(rule), docs.documentation(rule)
    assert re.match(r"[A-Z]", first) and len(re.findall(r"[A-Za-z]{2,}", first)) >= 3, "English summary line"
    assert len(HAN.findall(chinese)) > 40, "Chinese user documentation follows"
    assert "通过" in chinese, "with a failing and a passing example"


@pytest.mark.parametrize("rule", [r for r in registry.RULES if getattr(r, "OPTIONS", None)],
                         ids=lambda r: r.ID)
def test_options_are_a_cerberus_schema_with_defaults(rule):
    validator = cerberus.Validator(rule.OPTIONS)
    assert validator.validate({})
    assert set(validator.document) == set(rule.OPTIONS)


def test_ids_unique_and_lookup():
    assert len(set(registry.ids())) == len(registry.RULES) >= 20
    assert registry.get("web-junk").CODE == "L14"
    assert [r.ID for r in registry.by_code("l16")] == ["missing-metadata", "doc-number", "date-form"]
    with pytest.raises(DrafterError) as err:
        registry.get("web-junks")
    assert "web-junk" in err.value.hint


def test_every_rule_module_is_registered():
    from pathlib import Path
    folder = Path(_helpers.__file__).parent
    modules = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert modules == {r.__name__.rsplit(".", 1)[1] for r in registry.RULES}


def test_committed_docs_are_up_to_date():
    assert docs.OUTPUT.read_text(encoding="utf-8") == docs.reference(), \
        "docs/lint-rules.md is stale: run python -m drafter.lint.docs"


def test_docs_list_every_rule():
    text = docs.reference()
    for rule in registry.RULES:
        assert f"## {rule.ID}：{rule.TITLE}" in text


def test_traditional_table_is_one_to_one_and_keeps_offsets():
    from drafter.text import _traditional_table

    table = _traditional_table()
    assert len(table) > 3000                      # OpenCC's table, not a hand-made list
    assert all(chr(k) != v for k, v in table.items())
    text = "現將我市年度工作總結如下"
    assert _helpers.simplified(text) == "现将我市年度工作总结如下"
    assert not set("现将我市年度工作总结如下法治政府建设") & _helpers.traditional_chars()


def test_unwrap_joins_chinese_lines_but_keeps_code_and_lists():
    text = "第一行\n接着写\n\n- 一项\n- 二项\n\n```text\n一、 甲\n(一)乙\n```\nuse\nWord"
    assert docs.unwrap(text) == "第一行接着写\n\n- 一项\n- 二项\n\n```text\n一、 甲\n(一)乙\n```\nuse Word"


def test_lint_vocabulary_in_common_yaml_is_well_formed():
    """Editing templates/common.yaml's lint: section must not break a rule: every pattern compiles."""
    data = _helpers.data()
    patterns = [e["pattern"] for e in data["placeholders"] + data["deictic"]]
    patterns += data["web_junk"]["labels"] + data["web_junk"]["lines"] + data["web_junk"]["inline"]
    patterns += data["requests"] + [data["key_documents"]["outline"]["pattern"]]
    patterns += [e["pattern"] for e in data["key_documents"]["names"]]
    for pattern in patterns:
        re.compile(pattern)
    assert all(isinstance(w, str) and w for w in data["blank_number"]["before"] + data["units"])
    assert all(isinstance(w, str) and w for w in data["web_junk"]["phrases"] + data["fazhi"]["terms"])
    assert {"仿宋", "黑体", "楷体", "小标宋"} <= set(data["fonts"])
    assert set(data["format"]["headings"].values()) <= set(data["fonts"])


def test_docs_module_entry_point_writes_the_reference(tmp_path):
    import subprocess
    import sys
    target = tmp_path / "lint-rules.md"
    proc = subprocess.run([sys.executable, "-m", "drafter.lint.docs", str(target)], capture_output=True,
                          text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert target.read_text(encoding="utf-8") == docs.reference()


def test_traditional_table_leaves_characters_simplified_text_uses():
    # 乾 (乾隆) and 藉 (慰藉) are also simplified characters: never folded; 於 reads as 于
    assert not set("乾藉著") & _helpers.traditional_chars()
    assert _helpers.simplified("徹底檢討復興") == "彻底检讨复兴"


def test_seed_002_traditional_characters_all_fold(seeds_dir):
    """Round 1's hand-made table left 31 characters of seed 002 (89 places) unfolded."""
    text = (seeds_dir / "002_396d8bd3c87aa2dc.txt").read_text(encoding="utf-8")
    folded = _helpers.simplify_long(text)
    assert not set("側償內別刪塢崗彌懲揮樹檳欄疇礙積納紮綁繞膠蓋薦註諧貼賃遊銜饋駁") & set(folded)
    assert "规范性文件" in folded and "法治政府建设" in folded


def test_long_texts_fold_exactly_as_the_table_says():
    """simplify_long replaces character by character; the result is one translate() pass of the table,
    also where a replacement is itself a traditional character (苧 is both)."""
    from drafter.text import _traditional_table

    table = _traditional_table()
    every = "".join(chr(code) for code in table)
    chained = next(chr(code) for code, simple in table.items() if ord(simple) in table)
    for text in ("法治" + every[:200] + "建设\n" + every[::-7], chained + "与" + table[ord(chained)] + "乾",
                 "没有繁体字的一段话。", every):
        assert _helpers.simplify_long(text) == text.translate(table)
        assert _helpers.traditional_in(text) == {c for c in text if ord(c) in table}
