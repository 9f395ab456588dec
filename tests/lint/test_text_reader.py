"""Plain-text drafts: encodings, one paragraph per non-empty line, line numbers."""

from __future__ import annotations

import pytest

from drafter.document.text_reader import read_text, read_text_file
from drafter.errors import InputError

from ..conftest import seed_path

TEXT = "关于2024年法治政府建设情况的报告\n\n　　一、主要举措和成效\n2024年，我县共办理复议案件12件。\n"


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gbk", b""),
                                          ("gb18030", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_encodings_are_detected(tmp_path, encoding, bom):
    path = tmp_path / "draft.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    document = read_text_file(path)
    assert [p.text for p in document.paragraphs] == [
        "关于2024年法治政府建设情况的报告", "一、主要举措和成效", "2024年，我县共办理复议案件12件。"]
    assert [p.line for p in document.paragraphs] == [1, 3, 4]
    assert [p.index for p in document.paragraphs] == [0, 1, 2]
    assert document.kind == "text" and document.path == str(path)


def test_indent_is_stripped_but_columns_point_into_the_file():
    document = read_text("　　一是加强学习。\n")
    paragraph = document.paragraphs[0]
    assert paragraph.text == "一是加强学习。"
    assert paragraph.location(column=1).column == 3        # after the two U+3000 spaces


def test_crlf_and_md(tmp_path):
    path = tmp_path / "draft.md"
    path.write_bytes("标题\r\n\r\n正文一\r\n正文二".encode("utf-8"))
    assert [(p.text, p.line) for p in read_text_file(path).paragraphs] == [("标题", 1), ("正文一", 3), ("正文二", 4)]


@pytest.mark.parametrize("data,words", [(b"", "空"), (b"\n \n", "空"), (b"\x00\x01\x02binary\x00", "二进制"),
                                        (b"\xff\xfe\x00\xd8", "UTF-16")])
def test_unreadable_text_is_a_chinese_input_error(tmp_path, data, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_text_file(path)
    assert words in info.value.message and info.value.hint


def test_seed_lines_are_kept(seeds_dir):
    path = seed_path("004")
    document = read_text_file(path)
    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert len(document.paragraphs) == len(lines)
    assert document.paragraphs[0].text.startswith("中共鞍山市委 鞍山市人民政府")
    assert document.paragraphs[2].text == "鞍委〔2024〕17号" and document.paragraphs[2].line == 4


def test_reflow_joins_wrapped_pdf_lines():
    from drafter.document.text_reader import reflow
    full = "法" * 28
    lines = ["一、2024 年主要举措和成效", "法" * 26, full, "短的末行。", "法" * 25 + "。", "法" * 26, "末行。",
             "一是加强学习。" + "法" * 20 + "。", "二是完善制度。", "— 2 —"]
    assert reflow(lines) == ["一、2024年主要举措和成效", "法" * 26 + full + "短的末行。", "法" * 25 + "。",
                             "法" * 26 + "末行。", "一是加强学习。" + "法" * 20 + "。", "二是完善制度。"]


def test_pdf_text_is_read_as_paragraphs(tmp_path, seeds_dir, office_copies):
    """Seed 004 built as a .docx and printed to PDF by LibreOffice (office_copies in tests/conftest.py)."""
    import re
    import shutil

    from drafter.document.read import pdftotext, read_document, soffice
    from drafter.outline import build_outline
    if soffice() is None or pdftotext() is None:
        pytest.skip("没有安装 LibreOffice 或 pdftotext")
    seed = read_text_file(seed_path("004"))
    shutil.copy(office_copies.get("seed-pdf"), tmp_path / "004.pdf")
    document = read_document(tmp_path / "004.pdf")
    assert all(p.line is None for p in document.paragraphs)
    def squeeze(text):                    # auto-numbering writes （一） where the seed has (一)
        return re.sub(r"\s", "", text).replace("(", "（").replace(")", "）")

    pdf = [squeeze(p.text) for p in document.paragraphs]
    body = [squeeze(p.text) for p in seed.paragraphs[2:]]            # after the (wrapped) title lines
    assert body == pdf[len(pdf) - len(body):]
    assert [c.title for c in build_outline(document.body()).children] == ["主要举措和成效", "存在的问题",
                                                                            "2024年重点工作安排"]


def test_markdown_headings(tmp_path):
    from drafter.outline import build_outline
    path = tmp_path / "draft.md"
    path.write_text("# 青山县关于2024年法治政府建设情况的报告\n\n## 一、主要举措和成效\n\n正文。\n\n## 存在的问题\n\n不足。\n",
                    encoding="utf-8")
    document = read_text_file(path)
    assert [p.text for p in document.paragraphs][1:3] == ["一、主要举措和成效", "正文。"]
    assert [p.outline_level for p in document.paragraphs] == [None, 0, None, 0, None]
    assert document.paragraphs[0].text == "青山县关于2024年法治政府建设情况的报告"
    assert document.paragraphs[1].location(column=1).column == 4
    root = build_outline(document.body())
    assert [(c.title, c.heading.marker) for c in root.children] == [("主要举措和成效", "number"),
                                                                    ("存在的问题", "outline")]


def test_big5_text_is_read_as_big5_not_gb18030(tmp_path):
    """A Big5 file (traditional-Chinese Windows) decodes as GB18030 mojibake unless detected."""
    from drafter.document.text_reader import read_text_file

    text = "長興縣人民政府關於2022年法治政府建設情況的報告\n2022年，本縣堅持依法行政，全面推進法治政府建設，各項工作取得新成效。\n"
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    document = read_text_file(path)
    assert document.paragraphs[0].text == "長興縣人民政府關於2022年法治政府建設情況的報告"
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("青山县人民政府关于2024年法治政府建设情况的报告\n".encode("gbk"))
    assert read_text_file(gbk).paragraphs[0].text == "青山县人民政府关于2024年法治政府建设情况的报告"
