"""Fixtures for rendering tests: every example rendered once, and small data files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.data.loader import load_text
from drafter.data.validate import validate_file, validate_loaded
from drafter.render.render import render_report
from tests.conftest import example_files
from tests.data.valid_report import VALID


@pytest.fixture(scope="session")
def rendered_examples(tmp_path_factory) -> dict:
    """example name → (validated document, rendered .docx path)."""
    out = tmp_path_factory.mktemp("examples")
    result = {}
    for path in example_files():
        validated = validate_file(path)
        assert validated.ok(False), [d.format() for d in validated.errors]
        target = out / (path.stem + ".docx")
        render_report(validated.document, target, source=str(path))
        result[path.stem] = (validated.document, target)
    if not result:
        pytest.skip("examples/ 中还没有示例数据文件")
    return result


def data_file(folder: Path, name: str = "report.yaml", **changes) -> Path:
    """The shared valid report with top-level sections or meta fields replaced; written to ``folder``."""
    data = yaml.safe_load(VALID)
    for key, value in changes.items():
        if key in data:
            data[key] = value
        else:
            data["meta"][key] = value
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def report_document(**changes) -> dict:
    """The shared valid report, changed as given, validated and normalised (defaults filled)."""
    data = yaml.safe_load(VALID)
    for key, value in changes.items():
        (data if key in data else data["meta"])[key] = value
    result = validate_loaded(load_text(yaml.safe_dump(data, allow_unicode=True), "report.yaml"))
    assert not result.errors, [d.format() for d in result.errors]
    return result.document


# --- documents converted to PDF once per test session (LibreOffice is slow on a small machine) ---------------

# Long real-style organ names per level: (body, party body of the joint report).
LEVEL_NAMES = {
    "province": ("新疆维吾尔自治区人民政府", "中共新疆维吾尔自治区委员会"),
    "city": ("黔西南布依族苗族自治州人民政府", "中共黔西南布依族苗族自治州委员会"),
    "county": ("重庆市涪陵区人民政府", "中共重庆市涪陵区委员会"),
    "township": ("重庆市涪陵区荔枝街道办事处", "中共重庆市涪陵区荔枝街道工作委员会"),
    "department": ("重庆市涪陵区司法局", None),
}
ATTACHMENTS = ["2024年度行政执法数据统计表",
               "2024年度法治政府建设重点任务完成情况一览表（含各乡镇街道和区级各部门的任务分解、完成时限和责任单位）"]
LINE = "对照年度工作要点逐项梳理落实情况，建立工作台账并按季度调度推进。"     # 32 characters: 28 + 4


def _named(addressee, level, body: str) -> str:
    """The role's example for this body, with a real name where the example is neutral (××)."""
    return addressee.example_for(level.place_for(body)).replace("××", "示例")


def level_document(level_id: str, variant_key: str, filler: int = 0) -> dict:
    """A full report for one level and variant: red header, joint 署名, 附件, 附注 and 版记; ``filler``
    paragraphs of two lines (one full, one of four characters) added to the leadership item move the end of
    the report down the page."""
    from drafter import levels

    level = levels.get_level(level_id)
    variant = level.variants[variant_key]
    body, party = LEVEL_NAMES[level_id]
    joint = variant_key == "joint"
    changes = dict(level=level_id, body=body, joint=joint, red_header=True, signer=["张建国"],
                   doc_number="示发〔2025〕3号", recipients=[_named(r, level, body) for r in variant.recipients],
                   cc=[_named(c, level, body) for c in variant.cc] or ["上级机关办公室"], issuer=body + "办公室",
                   contact="联系人：李明，电话：023-12345678", attachments=ATTACHMENTS)
    if joint:
        changes["party_body"] = party
    if filler:
        changes["leadership"] = {"text": "\n\n".join([LINE] * filler)}
    return report_document(**changes)


def layout_documents() -> dict:
    """name → validated document: every level and variant, and the department report at eight lengths."""
    from drafter import levels

    docs = {}
    for level in levels.all_levels().values():
        for key in level.variants:
            docs[f"{level.id}-{key}"] = level_document(level.id, key)
    for filler in range(1, 9):
        docs[f"department-single-fill{filler}"] = level_document("department", "single", filler)
    return docs


@pytest.fixture(scope="session")
def session_pdfs(rendered_examples, tmp_path_factory) -> dict:
    """name → (validated document, .docx, .pdf) for the examples and the level documents, all converted in
    one LibreOffice run per test session."""
    from drafter.render.render import convert_to_pdf, find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice（soffice）未安装")
    folder = tmp_path_factory.mktemp("pdf")
    docs = {}
    for name, (document, path) in rendered_examples.items():
        copy = folder / path.name
        copy.write_bytes(path.read_bytes())
        docs[name] = (document, copy)
    for name, document in layout_documents().items():
        target = folder / f"{name}.docx"
        render_report(document, target)
        docs[name] = (document, target)
    pdfs = convert_to_pdf([path for _, path in docs.values()])
    return {name: (document, path, pdf) for (name, (document, path)), pdf in zip(docs.items(), pdfs)}
