"""Slips a Chinese input method makes in the data file: the right line, column, character and fix.

Each case edits one line of examples/xingping-2020.yaml, as a user typing in Notepad would.
"""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES

SOURCE = (EXAMPLES / "xingping-2020.yaml").read_text(encoding="utf-8")


def edited(tmp_path, old: str, new: str):
    assert SOURCE.count(old) >= 1, old
    text = SOURCE.replace(old, new, 1)
    path = tmp_path / "兴平2020.yaml"
    path.write_text(text, encoding="utf-8")
    line = text[: text.index(new)].count("\n") + 1
    return path, line


def only_error_line(out: str) -> str:
    lines = [l for l in out.splitlines() if ": 错误：" in l]
    assert len(lines) == 1, out
    return lines[0]


def test_full_width_colon_after_a_key(tmp_path, run_cli):
    path, line = edited(tmp_path, "  body: 兴平市人民政府\n", "  body：兴平市人民政府\n")
    result = run_cli("validate", path)
    assert result.code == 2
    error = only_error_line(result.out + result.err)
    assert error.startswith(f"{path}:{line}:7: meta.body: 错误：第{line}行：字段名 body 后面是全角冒号“：”")
    assert "请改为半角冒号“:”并加一个空格" in error
    assert "文字中的冒号请用全角" not in result.out + result.err


def test_no_space_after_the_colon(tmp_path, run_cli):
    path, line = edited(tmp_path, "  year: 2020\n", "  year:2020\n")
    result = run_cli("validate", path)
    assert result.code == 2
    error = only_error_line(result.out + result.err)
    assert error.startswith(f"{path}:{line}:7: meta.year: 错误：")
    assert "冒号“:”之后缺少空格" in error and "year: 2020" in error
    assert "缺少冒号" not in error


def test_full_width_space_indentation_is_named(tmp_path, run_cli):
    path, line = edited(tmp_path, "  level: county\n", "\u3000level: county\n")
    result = run_cli("validate", path)
    assert result.code == 2
    error = only_error_line(result.out + result.err)
    assert error.startswith(f"{path}:{line}:1: meta.level: 错误：")
    assert "全角空格（U+3000）" in error and "半角空格" in error
    assert "缩进不一致" not in error


def test_no_break_space_indentation_is_named(tmp_path, run_cli):
    path, line = edited(tmp_path, "  level: county\n", " \u00a0level: county\n")
    result = run_cli("validate", path)
    assert result.code == 2
    error = only_error_line(result.out + result.err)
    assert error.startswith(f"{path}:{line}:2: ") and "不换行空格（U+00A0）" in error


def test_full_width_space_inside_a_text_block_is_content(tmp_path, run_cli):
    path, _ = edited(tmp_path, "intro: |\n  2020年", "intro: |\n  \u3000\u30002020年")
    result = run_cli("validate", path)
    assert result.code == 0, result.out + result.err


def test_list_item_indented_one_level_too_little(tmp_path, run_cli):
    path, line = edited(tmp_path, "    - 中共兴平市委\n", "  - 中共兴平市委\n")
    result = run_cli("validate", path)
    assert result.code == 2
    error = only_error_line(result.out + result.err)
    assert error.startswith(f"{path}:{line}:3: meta.recipients: 错误：")
    assert f"第{line}行和第{line + 1}行的列表项“-”没有上下对齐" in error
    assert "“中共兴平市委 - 兴平市人大常委会”" in error
    assert "数据有效" not in result.out


def test_accidental_list_join_in_a_list_item(tmp_path, run_cli):
    path, line = edited(tmp_path, "    - 中共兴平市委\n", "    - 中共兴平市委 - 兴平市人大常委会\n")
    result = run_cli("validate", path)
    assert result.code == 1
    error = only_error_line(result.out)
    assert error.startswith(f"{path}:{line}:7: meta.recipients[1]: 错误：")
    assert "像是两项被连成了一项" in error


def test_full_width_digits(tmp_path, run_cli):
    path, line = edited(tmp_path, "              total: 14\n", "              total: １４\n")
    result = run_cli("validate", path)
    assert result.code == 1
    error = only_error_line(result.out)
    assert error.startswith(f"{path}:{line}:22: measures.areas[2].items[2].stats[1].total: 错误：")
    assert "“１４”是全角数字：请改为半角数字 14" in error
    assert "%" not in error


def test_quoted_year(tmp_path, run_cli):
    path, line = edited(tmp_path, "  year: 2020\n", '  year: "2020"\n')
    result = run_cli("validate", path)
    assert result.code == 1
    error = only_error_line(result.out)
    assert error.startswith(f"{path}:{line}:9: meta.year: 错误：")
    assert "请去掉引号，写成 year: 2020" in error
    assert "%" not in error


def test_every_slip_is_listed_at_once(tmp_path, run_cli):
    text = SOURCE.replace("  body: 兴平市人民政府\n", "  body：兴平市人民政府\n", 1)
    text = text.replace("  year: 2020\n", "  year:2020\n", 1)
    path = tmp_path / "two.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("validate", path)
    assert result.code == 2
    errors = [l for l in (result.out + result.err).splitlines() if ": 错误：" in l]
    assert [e.split(": ")[1] for e in errors] == ["meta.body", "meta.year"]


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_have_no_slips(example):
    from drafter.data.prescan import prescan
    from drafter.data.validate import schema_keys
    assert prescan(example.read_text(encoding="utf-8"), str(example), schema_keys()) == []


def test_syntax_errors_share_the_diagnostic_format(tmp_path, run_cli):
    path, line = edited(tmp_path, "  joint: false\n", "  joint: [false\n")
    result = run_cli("validate", path)
    assert result.code == 2
    error = only_error_line(result.out + result.err)
    assert error.startswith(f"{path}:{line + 1}:7: meta.year: 错误：YAML 格式错误：方括号列表没有正确结束")
    # YAML notices only on the next line; the message also names where the bracket was opened
    column = SOURCE.splitlines()[line - 1].index("false") + 1
    assert f"（第{line}行第{column}列的“[”没有结束）" in error


@pytest.mark.parametrize("old, new, opener", [('  joint: false\n', '  joint: {false\n', "{"),
                                              ('  joint: false\n', '  joint: "false\n', '"'),
                                              ('  joint: false\n', "  joint: 'false\n", "'")])
def test_an_unclosed_bracket_or_quote_is_named_where_it_opens(tmp_path, run_cli, old, new, opener):
    path, line = edited(tmp_path, old, new)
    result = run_cli("validate", path)
    assert result.code == 2
    error = only_error_line(result.out + result.err)
    assert f"（第{line}行第10列的“{opener}”没有结束）" in error, error


def test_an_indentation_error_names_no_opener(tmp_path, run_cli):
    """A block mapping's start is not a bracket: nothing is said about where it "opened"."""
    path, _ = edited(tmp_path, "  joint: false\n", "  joint: false\n   stray: 1\n")
    result = run_cli("validate", path)
    assert result.code == 2
    assert "没有结束" not in only_error_line(result.out + result.err)


def test_full_width_space_starting_a_continued_text_is_content(tmp_path, run_cli):
    path, _ = edited(tmp_path, "  contact: 联系人：赵敏，电话：029-12345678\n",
                     "  contact: 联系人：赵敏，\n    \u3000电话：029-12345678\n")
    result = run_cli("validate", path)
    assert result.code == 0, result.out + result.err


def test_slip_after_a_block_in_a_list_item_is_found(tmp_path, run_cli):
    """“- text: |” then a sibling key of the same item: the block ends there, so its slips are seen."""
    text = SOURCE.replace("other:\n", "other:\n  items:\n    - text: |\n        第一段。\n      title：小标题\n", 1)
    path = tmp_path / "item.yaml"
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("      title：小标题")].count("\n") + 1
    result = run_cli("validate", path)
    assert result.code == 2
    assert f"{path}:{line}:12: other.items[1].title: 错误：第{line}行：字段名 title 后面是全角冒号“：”" in result.out + result.err


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_field_names_from_the_raw_text_match_the_parsed_file(example):
    """The pre-scan names fields (list items included) exactly as validate does."""
    from drafter.data.loader import format_field, load_text
    from drafter.data.prescan import field_at
    text = example.read_text(encoding="utf-8")
    loaded = load_text(text, str(example))
    for path, (line, _column) in loaded.keys.items():
        assert field_at(text, line) == format_field(path), (line, path)


def test_date_with_a_time_in_the_shared_format(tmp_path, run_cli):
    path, line = edited(tmp_path, "  date: 2021-01-21\n", "  date: 2021-01-21 10:00:00\n")
    result = run_cli("validate", path)
    assert result.code == 1
    error = only_error_line(result.out)
    assert error.startswith(f"{path}:{line}:9: meta.date: 错误：")
    assert "带有时间" in error and "2021-01-21" in error
