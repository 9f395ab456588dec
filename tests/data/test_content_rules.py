"""validate runs lint's content rules on the data file's text, at the field's line.

Each case is one a county office really produced: the file validated while the rendered report
then failed lint.
"""

from __future__ import annotations

from drafter.render.context import build_context
from drafter.data.validate import validate_file
from tests.conftest import EXAMPLES

SOURCE = (EXAMPLES / "xingping-2020.yaml").read_text(encoding="utf-8")


def edited(tmp_path, old: str, new: str):
    assert old in SOURCE, old
    text = SOURCE.replace(old, new, 1)
    path = tmp_path / "兴平2020.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text[: text.index(new)].count("\n") + 1


def lines_with(out: str, word: str) -> list[str]:
    return [l for l in out.splitlines() if word in l]


def test_placeholder_in_body(tmp_path, run_cli):
    path, line = edited(tmp_path, "  body: 兴平市人民政府\n", "  body: ××市人民政府\n")
    result = run_cli("validate", path)
    assert result.code == 1
    (error,) = lines_with(result.out, ": 错误：")
    assert error.startswith(f"{path}:{line}:9: meta.body: 错误：残留占位符或匿名标记（××）")
    assert "数据有效" not in result.out


def test_blank_number_in_a_text(tmp_path, run_cli):
    path, line = edited(tmp_path, "全市共清理规范性文件14件", "全市共清理规范性文件共   件")
    result = run_cli("validate", path)
    assert result.code == 1
    (error,) = lines_with(result.out, ": 错误：")
    assert "measures.areas[2].items[2].text: 错误：数字没有填写" in error
    # the paragraph's own line in the text block, at the blank itself
    text = path.read_text(encoding="utf-8")
    line_text = text.splitlines()[line - 1]
    assert error.startswith(f"{path}:{line}:{line_text.index('共   件') + 2}:")


def test_another_year_in_intro(tmp_path, run_cli):
    path, _ = edited(tmp_path, "intro: |\n  2020年是", "intro: |\n  2019年，")
    result = run_cli("validate", path, "--strict")
    assert result.code == 1
    (warning,) = lines_with(result.out, ": 警告：")
    intro_line = SOURCE[: SOURCE.index("intro: |")].count("\n") + 1
    assert warning.startswith(f"{path}:{intro_line + 1}:3: intro: 警告：导语写的是“2019年，”，而报告年度是2020年")


def test_heading_number_typed_into_a_title(tmp_path, run_cli):
    path, line = edited(tmp_path, "title: 加强组织领导", "title: （一）加强组织领导")
    result = run_cli("validate", path, "--strict")
    assert result.code == 1
    (warning,) = lines_with(result.out, ": 警告：")
    assert warning.startswith(f"{path}:{line}:14: measures.areas[1].title: 警告：标题开头写了编号“（一）”")
    # and render never doubles it
    context, _ = build_context(validate_file(path).document)
    heading = next(b for b in context["body"] if b["kind"] == "h2")
    assert heading["number"] + heading["text"] == "（一）加强组织领导，压实法治建设责任"


def test_title_naming_another_organ(tmp_path, run_cli):
    path, line = edited(tmp_path, "  year: 2020\n", "  year: 2020\n  title: 彬州市人民政府关于2020年法治政府建设情况的报告\n")
    result = run_cli("validate", path, "--strict")
    assert result.code == 1
    (warning,) = lines_with(result.out, ": 警告：")
    assert warning.startswith(f"{path}:{line + 1}:10: meta.title: 警告：标题中的发文机关“彬州市人民政府”与落款“兴平市人民政府”不一致")


def test_examples_stay_clean(run_cli):
    result = run_cli("validate", "--strict", *sorted(EXAMPLES.glob("*.yaml")))
    assert result.code == 0, result.out


def test_doc_number_without_red_header_or_cover_letter_warns(tmp_path, run_cli):
    text = SOURCE.replace("  cover_letter:\n    text: |\n      现将我市2020年法治政府建设情况的报告随文报送，请审阅。\n", "", 1)
    assert text != SOURCE
    path = tmp_path / "no-letter.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("validate", "--strict", path)
    assert result.code == 1
    line = text[: text.index("  doc_number:")].count("\n") + 1
    warning = next(l for l in result.out.splitlines() if "meta.doc_number" in l)
    assert warning.startswith(f"{path}:{line}:15: meta.doc_number: 警告：写了发文字号，但报告中不会印出")
    assert "red_header: true" in warning and "cover_letter" in warning


def test_title_with_another_year_is_an_error(tmp_path, run_cli):
    path, line = edited(tmp_path, "  year: 2020\n", "  year: 2020\n  title: 兴平市人民政府关于2019年法治政府建设情况的报告\n")
    result = run_cli("validate", path)
    assert result.code == 1
    (error,) = lines_with(result.out, ": 错误：")
    assert error.startswith(f"{path}:{line + 1}:10: meta.title: 错误：标题写的是2019年，而报告年度（meta.year）是2020年")
