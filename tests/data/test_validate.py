"""`drafter validate`: every kind of bad input gets a located Chinese message and the right exit code."""

from __future__ import annotations

import re
import time

import pytest

from drafter.data.validate import validate_file

from .valid_report import VALID


def write(tmp_path, text: str, name: str = "report.yaml", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_valid_file_passes(tmp_path, run_process):
    path = write(tmp_path, VALID)
    result = run_process("validate", path)
    assert result.code == 0, result.out + result.err
    assert "数据有效" in result.out


def test_every_error_is_reported_at_once_with_file_line_column_field(tmp_path, run_cli):
    text = replace(VALID, "year: 2024", "year: 2024年")
    text = replace(text, "      title: 严格规范公正文明执法", "      titel: 严格规范公正文明执法")
    text = replace(text, "total: 13", "total: 13件")
    path = write(tmp_path, text)
    result = run_cli("validate", path)
    assert result.code == 1
    lines = [l for l in result.out.splitlines() if ": 错误：" in l]
    assert len(lines) >= 3
    year_line = next(l for l in lines if "meta.year" in l)
    assert year_line.startswith(f"{path}:{line_of(text, 'year: 2024年')}:9: meta.year: 错误：")
    assert "只写数字 2024，不带“年”" in year_line and "unit" not in year_line
    unknown = next(l for l in lines if "titel" in l)
    assert "未知字段“titel”" in unknown and "是不是“title”" in unknown
    assert f":{line_of(text, 'titel:')}:" in unknown
    total = next(l for l in lines if ".total" in l)
    assert "measures.areas[3].stats[1].total" in total
    assert "只写数字 13，单位“件”写在 unit 字段" in total


def test_duplicate_keys_report_both_lines(tmp_path, run_cli):
    text = replace(VALID, "  year: 2024\n", "  year: 2024\n  year: 2023\n")
    path = write(tmp_path, text)
    result = run_cli("validate", path)
    assert result.code == 1
    first = line_of(text, "year: 2024")
    assert f"第{first}行和第{first + 1}行" in result.out
    assert "meta.year" in result.out and "重复" in result.out


def test_missing_required_fields_and_cause(tmp_path):
    text = replace(VALID, "      cause: 主要是培训覆盖面不够。\n", "")
    text = replace(text, "other:\n  text: 无。\n", "")
    result = validate_file(write(tmp_path, text))
    messages = [d.format() for d in result.errors]
    assert any("problems.items[1].cause" in m and "缺少必填字段“cause”（原因）" in m for m in messages)
    assert any(m.split(": ")[1] == "other" and "缺少必填字段“other”" in m for m in messages)


def test_wrong_level_lists_choices(tmp_path):
    result = validate_file(write(tmp_path, replace(VALID, "level: county", "level: 县级")))
    (error,) = [d for d in result.errors if d.field == "meta.level"]
    assert "不是“层级”的可选值" in error.message
    assert "county（县级）" in error.hint and "township（乡镇（街道））" in error.hint


def test_parts_must_add_up_and_rates_must_match(tmp_path):
    text = replace(VALID, "{name: 正在办理, value: 3}", "{name: 正在办理, value: 4}")
    text = replace(text, "value: 23.1}", "value: 30}")
    result = validate_file(write(tmp_path, text))
    fields = {d.field: d.message for d in result.errors}
    assert "14件不等于总数13件" in fields["measures.areas[3].stats[1].total"]
    assert "应为23.08%" in fields["measures.areas[3].stats[1].rates[1].value"]


def test_rates_tolerate_rounding_and_partial_lists(tmp_path):
    text = replace(VALID, "value: 23.1}", "value: 23}")
    text = replace(text, "total: 13\n", "total: 20\n          partial: true\n")
    result = validate_file(write(tmp_path, text))
    # 3/20 = 15% → 23 is wrong, but the partial sum 13 ≤ 20 is fine
    assert not any(d.field.endswith(".total") for d in result.errors if d.field)
    text = replace(VALID, "value: 23.1}", "value: 23}")  # 3/13 = 23.08 → "23" is correctly rounded
    assert validate_file(write(tmp_path, text)).ok()


def test_change_rate_from_to(tmp_path):
    text = replace(VALID, "            - {name: 撤销率, part: 撤销, value: 23.1}",
                   "            - {name: 撤销率, part: 撤销, value: 23.1}\n"
                   "            - {name: 窗口压缩率, from: 52, to: 32, value: 38.5}")
    assert validate_file(write(tmp_path, text)).ok()
    bad = replace(text, "value: 38.5}", "value: 40}")
    result = validate_file(write(tmp_path, bad))
    assert any("由52变为32" in d.message for d in result.errors)


def test_plan_year_must_be_next_year(tmp_path):
    text = replace(VALID, "  year: 2025\n", "  year: 2026\n  title: 2026年工作安排\n")
    result = validate_file(write(tmp_path, text))
    fields = {d.field for d in result.errors}
    assert {"plan.year", "plan.title"} <= fields


def test_date_rules(tmp_path):
    result = validate_file(write(tmp_path, replace(VALID, "date: 2025-02-20", "date: 2024-12-30")))
    assert any(d.field == "meta.date" and "不在报告年度2024年结束之后" in d.message for d in result.errors)
    late = validate_file(write(tmp_path, replace(VALID, "date: 2025-02-20", "date: 2025-03-15")))
    assert late.ok() and not late.ok(strict=True)
    assert any("晚于报送期限2025年3月1日" in d.message for d in late.warnings)
    boundary = validate_file(write(tmp_path, replace(VALID, "date: 2025-02-20", "date: 2025-03-01")))
    assert any("恰为报送期限当天" in d.message for d in boundary.warnings)
    bad_date = validate_file(write(tmp_path, replace(VALID, "date: 2025-02-20", "date: 2025-02-30")))
    assert any(d.field == "meta.date" and "不是有效的日期" in d.message for d in bad_date.errors)
    chinese = validate_file(write(tmp_path, replace(VALID, "date: 2025-02-20", "date: 2025年2月20日")))
    assert any(d.field == "meta.date" and "2025-02-20" in d.hint for d in chinese.errors)


@pytest.mark.parametrize("number, needle", [
    ("示政发[2025]3号", "六角括号"),
    ("示政发【2025】3号", "六角括号"),
    ("示政发〔25〕3号", "写全四位"),
    ("示政发〔2025〕第3号", "不加“第”"),
    ("示政发〔2025〕03号", "不编虚位"),
])
def test_doc_number_form(tmp_path, number, needle):
    result = validate_file(write(tmp_path, replace(VALID, "示政发〔2025〕3号", number)))
    (error,) = [d for d in result.errors if d.field == "meta.doc_number"]
    assert needle in error.message


def test_joint_report_needs_party_body(tmp_path):
    result = validate_file(write(tmp_path, replace(VALID, "  level: county\n", "  level: county\n  joint: true\n")))
    assert any(d.field == "meta.joint" and "党委名称" in d.message for d in result.errors)


def test_required_areas_of_the_level(tmp_path):
    text = replace(VALID, "    - kind: disputes", "    - kind: society")
    result = validate_file(write(tmp_path, text))
    assert any(d.field == "measures.areas" and "矛盾纠纷化解" in d.message and "kind: disputes" in d.hint
               for d in result.errors)
    township = replace(replace(text, "level: county", "level: township"), "    - kind: enforcement",
                       "    - kind: other")
    result = validate_file(write(tmp_path, township))
    missing = {d.message for d in result.errors if d.field == "measures.areas"}
    assert len(missing) == 2  # township requires enforcement and disputes, not institutions


def test_recipients_should_match_the_level(tmp_path):
    result = validate_file(write(tmp_path, replace(VALID, "    - 示例县人大常委会\n", "")))
    assert result.ok()
    assert any("同级人大常委会" in d.message for d in result.warnings)


def test_todo_marks_and_control_characters(tmp_path):
    text = replace(VALID, "text: 无。", "text: 【待填写】")
    text = replace(text, "全年审查规范性文件12件。", '"全年审查\\x0c规范性文件12件。"')
    result = validate_file(write(tmp_path, text))
    assert any(d.field == "other.text" and "尚未填写" in d.message for d in result.errors)
    assert any(d.field == "measures.areas[1].text" and "U+000C" in d.message for d in result.warnings)


# --- unreadable input: exit 2, a clear message, never a traceback -----------

def assert_unreadable(result, *needles):
    assert result.code == 2, result.out + result.err
    assert "Traceback" not in result.out + result.err
    for needle in needles:
        assert needle in result.out + result.err, result.out + result.err


def test_empty_file(tmp_path, run_cli):
    assert_unreadable(run_cli("validate", write(tmp_path, "")), "文件是空的")
    assert_unreadable(run_cli("validate", write(tmp_path, "# 只有注释\n\n")), "文件是空的")


def test_not_a_mapping(tmp_path, run_cli):
    assert_unreadable(run_cli("validate", write(tmp_path, "- a\n- b\n")), "现在是列表")
    assert_unreadable(run_cli("validate", write(tmp_path, "就一句话\n")), "现在是一段文字")


def test_utf8_bom_is_accepted(tmp_path, run_cli):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    result = run_cli("validate", path)
    assert result.code == 0 and "数据有效" in result.out


def test_gbk_file_is_detected_and_accepted_with_a_warning(tmp_path, run_cli):
    path = write(tmp_path, VALID, encoding="gbk")
    result = run_cli("validate", path)
    assert result.code == 0, result.out
    assert f"{path}:1:1: 警告：文件是 GBK" in result.out
    assert run_cli("validate", "--strict", path).code == 1


def test_undecodable_bytes(tmp_path, run_cli):
    path = tmp_path / "bad.yaml"
    path.write_bytes(VALID.encode("utf-8") + b"\xff\xfe\xfa\n")
    assert_unreadable(run_cli("validate", path), "编码无法识别")


def test_tabs(tmp_path, run_cli):
    text = replace(VALID, "  year: 2024", "\tyear: 2024")
    result = run_cli("validate", write(tmp_path, text))
    assert_unreadable(result, f":{line_of(text, chr(9) + 'year')}:1:", "制表符（Tab）")


def test_yaml_syntax_error_in_chinese(tmp_path, run_cli):
    text = replace(VALID, "text: 无。", "text: 无: 一切正常")
    result = run_cli("validate", write(tmp_path, text))
    assert_unreadable(result, f":{line_of(text, '无: 一切正常')}:", "YAML 格式错误", "全角")
    result = run_cli("validate", write(tmp_path, 'intro: "没有结束的引号\n'))
    assert_unreadable(result, "引号")


def test_alias_bomb_is_bounded(tmp_path, run_cli):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefgh"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.monotonic()
    result = run_cli("validate", write(tmp_path, "\n".join(lines) + "\n"))
    assert time.monotonic() - start < 60  # generous: it must not expand 387 million nodes
    assert_unreadable(result, "展开后超过")


def test_deep_nesting_is_bounded(tmp_path, run_cli):
    assert_unreadable(run_cli("validate", write(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")), "嵌套层次过深")


def test_very_large_file_is_refused(tmp_path, run_cli):
    path = tmp_path / "big.yaml"
    with path.open("w", encoding="utf-8") as f:
        f.write(VALID)
        f.write("# " + "很" * 100 + "\n" * 1)
        f.write(("# padding " + "x" * 1000 + "\n") * 6000)
    assert_unreadable(run_cli("validate", path), "文件过大")


def test_missing_file_directory_and_binary(tmp_path, run_cli):
    assert_unreadable(run_cli("validate", tmp_path / "none.yaml"), "文件不存在")
    binary = tmp_path / "x.yaml"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    assert_unreadable(run_cli("validate", binary), "不是文本文件")
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    assert_unreadable(run_cli("validate", empty_dir), "没有找到")


def test_usage_errors_are_chinese(run_cli):
    result = run_cli("validate")
    assert_unreadable(result, "缺少参数")
    result = run_cli("validate", "--bogus", "x.yaml")
    assert_unreadable(result, "没有选项“--bogus”")


def test_several_files_one_unreadable(tmp_path, run_cli):
    good = write(tmp_path, VALID, "good.yaml")
    bad = write(tmp_path, "- x\n", "bad.yaml")
    result = run_cli("validate", good, bad)
    assert result.code == 2
    assert f"{good}: 数据有效" in result.out and "共检查2个文件：1个有效" in result.out


def test_message_format_is_file_line_col_field(tmp_path, run_cli):
    text = replace(VALID, "level: county", "level: countyy")
    result = run_cli("validate", write(tmp_path, text))
    line = next(l for l in result.out.splitlines() if "meta.level" in l)
    assert re.match(r"^.+report\.yaml:\d+:\d+: meta\.level: 错误：.+（可选：.+）$", line), line
