"""``drafter import`` as a user runs it: summary, no overwrite, bad input → exit 2 without traceback."""

from __future__ import annotations

import yaml

from tests.conftest import seed_path


def test_import_writes_file_schema_and_summary(tmp_path, run_process):
    out = tmp_path / "2023.yaml"
    run = run_process("import", seed_path("004"), "-o", out)
    assert run.code == 0, run.err
    assert "已生成" in run.out and "识别到：" in run.out and "原文缺失，需要补写：" in run.out
    assert "待核对" in run.out and f"drafter validate {out}" in run.out
    assert (tmp_path / "drafter-report.schema.json").is_file()
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["meta"]["year"] == 2023
    validate = run_process("validate", out)
    assert validate.code == 1 and "【待填写】" in validate.out


def test_import_never_overwrites_without_force(tmp_path, run_cli):
    out = tmp_path / "x.yaml"
    out.write_text("keep", encoding="utf-8")
    run = run_cli("import", seed_path("003"), "-o", out)
    assert run.code == 2 and "文件已存在" in run.err and "--force" in run.err
    assert out.read_text(encoding="utf-8") == "keep"
    assert run_cli("import", seed_path("003"), "-o", out, "--force").code == 0
    assert out.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_level_option_overrides_detection(tmp_path, run_cli):
    out = tmp_path / "x.yaml"
    assert run_cli("import", seed_path("001"), "-o", out, "--level", "county").code == 0
    text = out.read_text(encoding="utf-8")
    assert yaml.safe_load(text)["meta"]["level"] == "county"
    assert "level: county  #" not in text                 # given, not guessed


def test_bad_inputs_exit_2_without_traceback(tmp_path, run_cli):
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\x00\x01\x02garbage")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    odd = tmp_path / "report.xyz"
    odd.write_text("x", encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    cases = [(tmp_path / "missing.docx", "不存在"), (binary, "不是文本文件"), (empty, "空"),
             (odd, "不支持"), (broken, "")]
    for source, words in cases:
        run = run_cli("import", source, "-o", tmp_path / "out.yaml")
        assert run.code == 2, (source, run.err)
        assert "Traceback" not in run.err and words in run.err and "错误：" in run.err.splitlines()[0]
    assert not (tmp_path / "out.yaml").exists()
    run = run_cli("import", seed_path("003"), "-o", tmp_path / "out.yaml", "--level", "village")
    assert run.code == 2 and "没有层级" in run.err


def test_help_is_chinese(run_cli):
    run = run_cli("import", "--help")
    unwrapped = "".join(line.strip() for line in run.out.splitlines())     # help wraps by display width
    assert run.code == 0 and "--next-year" in run.out and "用法：" in run.out and "转换成数据文件" in unwrapped


def test_report_without_headings_or_year_imports_with_every_gap_marked(tmp_path, run_cli):
    intro = next(line for line in seed_path("003").read_text(encoding="utf-8").splitlines()
                 if line.startswith("2022年,在区委"))
    source = tmp_path / "fragment.txt"
    source.write_text(intro.replace("2022年,", ""), encoding="utf-8")
    out = tmp_path / "fragment.yaml"
    run = run_cli("import", source, "-o", out, "--next-year")
    assert run.code == 0, run.err
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert "year" not in data["plan"]
    validate = run_cli("validate", out)
    assert validate.code == 1
    for field in ("meta.year", "measures.areas", "problems.items", "leadership.text", "plan.items", "other.text"):
        assert field in validate.out, field


def test_a_signature_date_in_chinese_numerals_is_read(tmp_path):
    """The importer reads the 成文日期 with the same parser the linter uses."""
    import datetime as dt

    from drafter.importer import import_file

    source = tmp_path / "report.txt"
    source.write_text("青山县人民政府关于2024年法治政府建设情况的报告\n中共青山县委、青山县人大常委会：\n"
                      "2024年，我县扎实推进法治政府建设。现将有关情况报告如下。\n青山县人民政府\n二〇二五年二月二十日\n",
                      encoding="utf-8")
    assert import_file(source).data["meta"]["date"] == dt.date(2025, 2, 20)
