"""Shipped templates: rebuilt identically, pass the checker; the checker finds Word's damage."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from drafter.levels import all_levels
from drafter.render.build import build_template, template_name
from drafter.render.check import check_template, template_files

SHIPPED = [(level, variant) for level in all_levels().values() for variant in level.variants.values()]


@pytest.mark.parametrize("level,variant", SHIPPED, ids=[f"{l.id}-{v.key}" for l, v in SHIPPED])
def test_committed_template_matches_build_script(level, variant):
    committed = level.directory / template_name(variant.key)
    assert committed.is_file(), "请运行 python -m drafter.render.build"
    built = zipfile.ZipFile(io.BytesIO(build_template(level, variant)))
    with zipfile.ZipFile(committed) as z:
        assert z.namelist() == built.namelist()
        for name in z.namelist():
            assert z.read(name) == built.read(name), f"{name} 与生成程序不一致：请运行 python -m drafter.render.build"


def test_every_level_has_its_variants():
    names = {(lv.id, p.name) for lv in all_levels().values() for p in lv.directory.glob("*.docx")}
    assert ("department", "report-single.docx") in names and ("department", "report-joint.docx") not in names
    assert {("county", "report-joint.docx"), ("county", "report-single.docx")} <= names


def test_shipped_templates_pass_check():
    files = template_files(None)
    assert len(files) == len(SHIPPED)
    for path in files:
        assert check_template(path) == [], path


def test_check_cli_on_shipped(run_cli):
    run = run_cli("templates", "check")
    assert run.code == 0 and "共检查9个模板：9个通过" in run.out
    run = run_cli("templates", "list")
    assert run.code == 0 and "county/report-joint.docx" in run.out and "无联合报告" in run.out


def _damaged(tmp_path):
    """A shipped template as a staff member might leave it after editing in Word."""
    level = all_levels()["county"]
    d = docx.Document(str(level.directory / template_name("single")))
    split = d.add_paragraph()
    split.add_run("报告标题：{{ ti")
    split.add_run("tle }}").bold = True
    d.add_paragraph("{{ titel }}")
    d.add_paragraph("{%tr for r in rows %}")
    d.add_paragraph("{%p if red_header %}说明文字")
    d.add_paragraph("{%p endif %}")
    d.add_paragraph("{% for b in body %}开始")
    d.add_paragraph("结束{% endfor %}")
    d.add_paragraph("全角：｛｛ date ｝｝")
    d.add_paragraph("{% p if contact %}")
    path = tmp_path / "edited.docx"
    d.save(str(path))
    # add a footnotes part holding a tag (python-docx cannot write footnotes)
    footnotes = (b'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/'
                 b'wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>\xe6\x9d\xa5\xe6\xba\x90\xef\xbc\x9a'
                 b'{{ doc_number }}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("word/footnotes.xml", footnotes)
    return path


def test_check_finds_word_damage(tmp_path):
    found = check_template(_damaged(tmp_path))
    messages = [d.format() for d in found]
    text = "\n".join(messages)
    assert "“报告标题：{{ title }}”" in text and "拆成了2段" in text
    assert "未知变量“titel”" in text and "是不是“title”" in text
    assert "“{{ titel }}”" in text                                # names the paragraph by its text
    assert "只能写在表格的单元格里" in text
    assert "还有其他文字“说明文字”" in text
    assert "没有在同一段内结束" in text and "“{% for b in body %}开始”" in text
    assert "全角符号“｛”" in text
    assert "与“{%”之间不能有空格" in text
    assert "脚注中的标签不会被替换" in text and "来源：{{ doc_number }}" in text
    assert not any("<w:" in m or "offset" in m for m in messages)


def test_check_reports_unused_fields(tmp_path):
    d = docx.Document()
    d.add_paragraph("{{ title }}")
    d.add_paragraph("{%p for b in body %}")
    d.add_paragraph("{{ b.text }}")
    d.add_paragraph("{%p endfor %}")
    path = tmp_path / "minimal.docx"
    d.save(str(path))
    found = check_template(path)
    assert all(not f.is_error for f in found)
    text = "\n".join(f.format() for f in found)
    assert "（meta.cc）不会出现在报告中" in text and "抄送机关" in text
    assert "meta.title" not in text and "（intro）" not in text


def test_check_cli_exit_codes(tmp_path, run_cli):
    run = run_cli("templates", "check", _damaged(tmp_path))
    assert run.code == 1 and "错误" in run.out
    not_docx = tmp_path / "x.docx"
    not_docx.write_text("hello", encoding="utf-8")
    assert run_cli("templates", "check", not_docx).code == 2


def test_quotes_written_as_entities_inside_tags(tmp_path):
    """Some editors write the quotes in {%p if b.kind == "h1" %} as &quot;; the template must still work."""
    from drafter.render.context import build_context
    from drafter.render.render import CompiledTemplate
    from tests.render.conftest import report_document

    source = all_levels()["county"].directory / template_name("single")
    target = tmp_path / "entities.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                assert b'b.kind == "h1"' in data
                data = data.replace(b'"h1"', b"&quot;h1&quot;").replace(b'"table"', b"&#34;table&#34;")
            dst.writestr(info, data)
    assert [d for d in check_template(target) if d.is_error] == []
    out = CompiledTemplate.load(target).render(build_context(report_document())[0])
    texts = [p.text for p in docx.Document(io.BytesIO(out)).paragraphs]
    assert any(t.startswith("一、") for t in texts)
