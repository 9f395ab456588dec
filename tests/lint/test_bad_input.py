"""Bad input gets a clear Chinese InputError — never a traceback — in bounded time and memory."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from drafter.document.docx_reader import read_docx
from drafter.document.read import read_document
from drafter.errors import InputError

from .docx_build import build_docx

BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10))
                  + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                  '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
XXE = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
       '<w:p><w:r><w:t>正文&xxe;</w:t></w:r></w:p></w:body></w:document>')


def _good_docx(tmp_path):
    return build_docx(tmp_path / "good.docx", "关于2024年法治政府建设情况的报告\n一、主要举措和成效\n正文。")


def _replace_member(source, target, name, data):
    with zipfile.ZipFile(source) as zin:
        members = {i.filename: zin.read(i) for i in zin.infolist()}
    members[name] = data
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for member, content in members.items():
            zout.writestr(member, content)
    return target


def _expect(path, *words):
    with pytest.raises(InputError) as info:
        read_document(path)
    error = info.value
    assert all(word in error.message + (error.hint or "") for word in words), error.message
    assert error.hint and error.path == str(path)
    return error


def test_empty_file(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    _expect(path, "空")


def test_binary_garbage(tmp_path):
    path = tmp_path / "garbage.docx"
    path.write_bytes(bytes(range(256)) * 40)
    _expect(path, "不是有效的 .docx")


def test_truncated_docx(tmp_path):
    data = _good_docx(tmp_path).read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    _expect(path, "损坏")


def test_corrupted_member(tmp_path):
    good = _good_docx(tmp_path)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + 60):
        data[i] ^= 0x5A
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    _expect(path, "损坏")


def test_encrypted_or_renamed_doc(tmp_path):
    path = tmp_path / "encrypted.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    _expect(path, "加密", ".doc")


def test_not_a_word_document(tmp_path):
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    _expect(path, "不是 Word 文档")


def test_xml_syntax_error(tmp_path):
    path = _replace_member(_good_docx(tmp_path), tmp_path / "badxml.docx", "word/document.xml", b"<w:document><w:body>")
    _expect(path, "不是有效的 XML")


def test_zip_bomb_is_refused_from_the_directory(tmp_path):
    path = tmp_path / "bomb.docx"
    good = _good_docx(tmp_path)
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        with zout.open("word/media/image1.bin", "w") as fh:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(40):
                fh.write(chunk)
    _expect(path, "压缩炸弹")


def test_entity_expansion_is_not_performed(tmp_path):
    path = _replace_member(_good_docx(tmp_path), tmp_path / "lol.docx", "word/document.xml", BILLION_LAUGHS.encode())
    try:
        document = read_docx(path)
    except InputError:
        return                                    # refused outright: fine
    assert all(len(p.text) < 1000 for p in document.paragraphs)


def test_external_entities_are_not_read(tmp_path):
    path = _replace_member(_good_docx(tmp_path), tmp_path / "xxe.docx", "word/document.xml", XXE.encode())
    try:
        document = read_docx(path)
    except InputError:
        return
    assert "root:" not in "".join(p.text for p in document.paragraphs)


def test_unknown_suffix_and_folder(tmp_path):
    path = tmp_path / "draft.xlsx"
    path.write_bytes(b"x")
    _expect(path, "不支持的文件类型")
    with pytest.raises(InputError):
        read_document(tmp_path)


def test_good_docx_still_reads(tmp_path):
    document = read_document(_good_docx(tmp_path))
    assert [p.text for p in document.paragraphs][1] == "一、主要举措和成效"


def test_python_docx_can_open_what_we_build(tmp_path):
    assert docx.Document(io.BytesIO(_good_docx(tmp_path).read_bytes())).paragraphs


def test_strict_open_xml_is_explained(tmp_path):
    strict = ('<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>正文'
              '</w:t></w:r></w:p></w:body></w:document>')
    path = _replace_member(_good_docx(tmp_path), tmp_path / "strict.docx", "word/document.xml", strict.encode())
    _expect(path, "Strict", "另存为")


def test_oversized_xml_part_is_refused_before_parsing(tmp_path, monkeypatch):
    from drafter.document import docx_reader
    monkeypatch.setattr(docx_reader, "MAX_XML_PART", 1000)       # a real document.xml is larger than this
    _expect(_good_docx(tmp_path), "过大")
