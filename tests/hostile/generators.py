"""Hostile inputs, one generator per class of the hardening issue.

Each generator takes a folder and returns ``(args, expected_codes)``: the
drafter command line to run on what it wrote there.  The fuzzers build on the
same pieces with a seeded ``random.Random``.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import docx
import yaml

from tests.data.valid_report import VALID

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def data_text(**meta) -> str:
    """The shared valid report with meta fields replaced (values written as YAML)."""
    data = yaml.safe_load(VALID)
    data["meta"].update(meta)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_data(folder: Path, text: str, name: str = "report.yaml") -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def replace_in_valid(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


VALID_DRAFT_TEXT = ("关于2024年法治政府建设情况的报告\n中共示例县委、示例县人大常委会：\n"
                    "2024年，示例县扎实推进法治政府建设。现将有关情况报告如下。\n一、2024年推进法治政府建设的主要举措和成效\n"
                    "（一）完善制度。全年审查规范性文件12件（保留7件，修改3件，废止2件），约10余件已公开。\n"
                    "二、2024年推进法治政府建设存在的不足和原因\n执法能力有待提升，主要原因是培训不足。\n"
                    "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责同志带头学法。\n"
                    "四、2025年推进法治政府建设的主要安排\n持续优化营商环境。\n五、其他需要报告的情况\n无。\n"
                    "示例县人民政府\n2025年2月20日")


def draft_docx(folder: Path, name: str = "draft.docx", text: str = "关于2024年法治政府建设情况的报告\n一、主要举措\n正文。") -> Path:
    path = folder / name
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def rewrite_zip(source: Path, target: Path, changes: dict, extra: dict | None = None) -> Path:
    """Copy a zip, replacing members in ``changes`` (name → bytes) and adding ``extra``."""
    with zipfile.ZipFile(source) as zin:
        members = [(i.filename, zin.read(i)) for i in zin.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members:
            zout.writestr(name, changes.get(name, data))
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return target


def document_xml(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}'
            '</w:body></w:document>').encode()


def shipped_template(level: str = "county") -> Path:
    return ROOT / "templates" / level / "report-single.docx"


def local_template(folder: Path, changes: dict, name: str = "tpl.docx") -> Path:
    return rewrite_zip(shipped_template(), folder / name, changes)


def template_document_with(text: str) -> bytes:
    """The shipped county template's document.xml with a paragraph holding ``text`` added at the start."""
    with zipfile.ZipFile(shipped_template()) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    para = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    return xml.replace("<w:body>", "<w:body>" + para, 1).encode("utf-8")


# --- section 2: data files ------------------------------------------------------------------------

DATA_CASES = {
    "form-feed": lambda: replace_in_valid("扎实推进法治政府建设。", "扎实推进\x0c法治政府建设。"),
    "c0-control": lambda: replace_in_valid("示例县人民政府", "示例县\x01人民政府"),
    "c1-control": lambda: replace_in_valid("扎实推进法治政府建设。", "扎实推进\x85\x86法治政府建设。"),
    "del": lambda: replace_in_valid("扎实推进法治政府建设。", "扎实推进\x7f法治政府建设。"),
    "lone-surrogate": lambda: replace_in_valid("body: 示例县人民政府", 'body: "示例县\\ud800人民政府"'),
    "surrogate-pair-escapes": lambda: replace_in_valid("body: 示例县人民政府", 'body: "示例县\\ud83d\\ude00人民政府"'),
    "beyond-unicode": lambda: replace_in_valid("body: 示例县人民政府", 'body: "示例县\\U00110000"'),
    "alias-loop": lambda: VALID + "x: &a [*a]\n",
    "date-with-time": lambda: replace_in_valid("date: 2025-02-20", "date: 2021-01-21 09:30:00"),
    "year-0": lambda: replace_in_valid("year: 2024", "year: 0"),
    "year-20200": lambda: replace_in_valid("year: 2024", "year: 20200"),
    "items-3": lambda: replace_in_valid("problems:\n  items:\n    - title: 基层执法能力有待提升\n      text: 部分执法人员对执法程序掌握不够。\n      cause: 主要是培训覆盖面不够。",
                                        "problems:\n  items: 3"),
    "level-list": lambda: replace_in_valid("level: county", "level: [county]"),
    "part-name-list": lambda: replace_in_valid("{name: 不予受理, value: 1}", "{name: [不予, 受理], value: 1}"),
    "400-digits": lambda: replace_in_valid("total: 13", "total: " + "9" * 400),
    "plan-year-huge": lambda: replace_in_valid("  year: 2025", "  year: " + "1" * 50),
    "rate-huge": lambda: replace_in_valid("value: 23.1", "value: 1e400"),
    "part-400-digits": lambda: replace_in_valid("{name: 撤销, value: 3}", "{name: 撤销, value: " + "9" * 400 + "}"),
    "nan": lambda: replace_in_valid("value: 23.1", "value: .nan"),
    "doc-number-null": lambda: replace_in_valid("doc_number: 示政发〔2025〕3号", "doc_number:"),
}


def data_case(folder: Path, name: str):
    path = write_data(folder, DATA_CASES[name]())
    return path


# --- section 3: readers ------------------------------------------------------------------------------

def numbering_docx(folder: Path, start: str, fmt: str) -> Path:
    base = draft_docx(folder, "base.docx")
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
                 f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
                 f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>').encode()
    paras = "".join('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                    f'<w:r><w:t>第{i}项</w:t></w:r></w:p>' for i in range(3))
    out = folder / f"numbering-{fmt}.docx"
    with zipfile.ZipFile(base) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    extra = {}
    changes = {"word/document.xml": document_xml(paras)}
    if "numbering.xml" not in types:
        types = types.replace("</Types>", '<Override PartName="/word/numbering.xml" ContentType="application/'
                              'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>')
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdN1" Type="http://schemas.openxmlformats.org/'
                            'officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>')
        changes.update({"[Content_Types].xml": types.encode(), "word/_rels/document.xml.rels": rels.encode()})
        extra["word/numbering.xml"] = numbering
    else:
        changes["word/numbering.xml"] = numbering
    return rewrite_zip(base, out, changes, extra)


def nested_textboxes_docx(folder: Path, depth: int = 40) -> Path:
    inner = "<w:p><w:r><w:t>最里面</w:t></w:r></w:p>"
    for i in range(depth):
        inner = (f"<w:p><w:r><w:t>第{i}层</w:t></w:r><w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\">"
                 f"<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>")
    base = draft_docx(folder, "base.docx")
    return rewrite_zip(base, folder / "boxes.docx", {"word/document.xml": document_xml(inner)})


def many_headers_docx(folder: Path, count: int = 50, size: int = 2 * 1024 * 1024 - 4096) -> Path:
    """``count`` header parts just under the per-part ratio floor each (highly compressible)."""
    base = draft_docx(folder, "base.docx")
    filler = "<w:p><w:r><w:t>" + "页" * ((size - 200) // 3) + "</w:t></w:r></w:p>"
    header = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {W}>{filler}</w:hdr>'.encode()
    refs = "".join(f'<w:headerReference w:type="default" r:id="rH{i}" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
                   for i in range(count))
    body = f"<w:p><w:r><w:t>正文</w:t></w:r></w:p><w:sectPr>{refs}</w:sectPr>"
    with zipfile.ZipFile(base) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
    rels = rels.replace("</Relationships>", "".join(
        f'<Relationship Id="rH{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"'
        f' Target="header{i}.xml"/>' for i in range(count)) + "</Relationships>")
    return rewrite_zip(base, folder / "headers.docx",
                       {"word/document.xml": document_xml(body), "word/_rels/document.xml.rels": rels.encode()},
                       {f"word/header{i}.xml": header for i in range(count)})


def text_draft(folder: Path, body: str, name: str = "draft.txt") -> Path:
    path = folder / name
    path.write_text("关于2024年法治政府建设情况的报告\n一、主要举措\n" + body + "\n", "utf-8")
    return path


def huge_fingerprint_target(folder: Path, inflated: int = 160 * 1024 * 1024) -> Path:
    """An existing .docx whose document.xml inflates to ``inflated`` bytes (compressed ~1 MB)."""
    path = folder / "report.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b" " * (8 * 1024 * 1024)
            for _ in range(inflated // len(chunk)):
                f.write(chunk)
    return path


def encrypted_entry_template(folder: Path) -> Path:
    """A template whose first entry claims to be encrypted (general purpose flag bit 0)."""
    source = shipped_template()
    target = folder / "encrypted.docx"
    data = bytearray(source.read_bytes())
    # set the encryption flag in every local header and central directory entry
    i = 0
    while True:
        i = data.find(b"PK\x03\x04", i)
        if i < 0:
            break
        data[i + 6] |= 1
        i += 4
    i = 0
    while True:
        i = data.find(b"PK\x01\x02", i)
        if i < 0:
            break
        data[i + 8] |= 1
        i += 4
    target.write_bytes(bytes(data))
    return target


def lint_config(folder: Path, text: str) -> Path:
    path = folder / ".drafter.yaml"
    path.write_text(text, "utf-8")
    return path


def deep_json(depth: int) -> str:
    return "[" * depth + "]" * depth


def copy_example(folder: Path, name: str = "lizhi-2022.yaml") -> Path:
    target = folder / name
    shutil.copy(EXAMPLES / name, target)
    return target


def long_number_format_docx(folder: Path, paragraphs: int = 5000) -> Path:
    """Nine list levels whose number format repeats %1…%9 two hundred times, starting at 32767 in Roman."""
    lvl = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="32767"/><w:numFmt w:val="upperRoman"/>'
                  f'<w:lvlText w:val="{"%1%2%3%4%5%6%7%8%9" * 200}"/></w:lvl>' for i in range(9))
    numbering = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}><w:abstractNum w:abstractNumId="1">{lvl}'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>').encode()
    paras = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{i % 9}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                    '<w:r><w:t>x</w:t></w:r></w:p>' for i in range(paragraphs))
    base = numbering_docx(folder, "1", "decimal")
    return rewrite_zip(base, folder / "long-number-format.docx",
                       {"word/numbering.xml": numbering, "word/document.xml": document_xml(paras)})


def repeated_header_docx(folder: Path, references: int = 2000) -> Path:
    """One header part of 500,000 characters referenced ``references`` times."""
    base = draft_docx(folder, "base.docx")
    header = (f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {W}><w:p><w:r><w:t>{"页" * 500_000}</w:t></w:r>'
              '</w:p></w:hdr>').encode()
    with zipfile.ZipFile(base) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
    rels = rels.replace("</Relationships>", "".join(
        f'<Relationship Id="rH{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"'
        ' Target="header1.xml"/>' for i in range(references)) + "</Relationships>")
    return rewrite_zip(base, folder / "repeated-header.docx", {"word/_rels/document.xml.rels": rels.encode()},
                       {"word/header1.xml": header})


def future_zip_version_docx(folder: Path) -> Path:
    """A draft whose zip entries claim to need zip version 15.7 (Python's zipfile refuses to open them)."""
    data = bytearray(draft_docx(folder, "base.docx").read_bytes())
    i = 0
    while (i := data.find(b"PK\x01\x02", i)) >= 0:     # central directory: "version needed to extract"
        data[i + 6:i + 8] = (157).to_bytes(2, "little")
        i += 4
    target = folder / "future-version.docx"
    target.write_bytes(bytes(data))
    return target
