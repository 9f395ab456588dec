"""Every example of the hardening issue, run as a user would, in a bounded child process.

Each must end with exit 1 or 2 (or 0 where the input is acceptable) and a
Chinese message: no exit 3, no traceback, no hang, no memory blow-up.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from tests.hostile import generators as g
from tests.hostile.harness import run_batch, run_guarded


def _ok(outcome, allowed=(1, 2)):
    assert not outcome.problems(allowed), (outcome.problems(allowed), outcome.args, outcome.text[-800:])
    return outcome


# --- section 2: data files ---------------------------------------------------------------------

def test_data_file_hostile_values(tmp_path):
    """Every hostile data value of the issue, validated and rendered (one bounded child for them all)."""
    from tests.hostile.fuzz import check_pairs

    cases = []
    for case in sorted(g.DATA_CASES):
        folder = tmp_path / case
        folder.mkdir()
        path = g.data_case(folder, case)
        cases.append((["validate", str(path)], None))
        cases.append((["render", str(path), "-o", str(folder / "out.docx")], folder / "out.docx"))
    outcomes = run_batch([argv for argv, _ in cases], tmp_path)
    assert check_pairs(cases, outcomes) == []
    by_case = dict(zip(sorted(g.DATA_CASES), outcomes[0::2]))
    for case in ("form-feed", "c0-control", "c1-control", "del"):       # removed with a warning, still valid
        assert by_case[case].code == 0 and "控制字符" in by_case[case].text, (case, by_case[case].text)
    for case in ("lone-surrogate", "beyond-unicode", "alias-loop", "date-with-time", "year-0", "year-20200",
                 "items-3", "level-list", "part-name-list", "400-digits", "part-400-digits", "nan",
                 "doc-number-null"):
        assert by_case[case].code in (1, 2), (case, by_case[case].text)


def test_overlong_file_name(tmp_path):
    name = "法治政府建设年度报告" * 9 + "汇总稿" + ".yaml"                    # 93 CJK characters, > 255 bytes
    assert len(name.encode()) > 255
    _ok(run_guarded("validate", tmp_path / name), (2,))
    source = g.write_data(tmp_path, g.VALID)
    _ok(run_guarded("render", source, "-o", tmp_path / (name[:-5] + ".docx")), (2,))
    _ok(run_guarded("lint", tmp_path / (name[:-5] + ".docx")), (2,))


def test_symlink_loop_given_to_lint(tmp_path):
    loop = tmp_path / "loop.docx"
    os.symlink(loop, loop)
    _ok(run_guarded("lint", loop), (2,))
    _ok(run_guarded("validate", tmp_path / "a.yaml" if os.symlink(tmp_path / "a.yaml", tmp_path / "a.yaml") is None
                    else None), (2,))


# --- section 2: templates and level definitions --------------------------------------------------------

TEMPLATE_TEXTS = {
    "division-by-zero": "{{ 1/0 }}",
    "recursive-macro": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
}


def test_template_expressions_that_fail(tmp_path):
    cases = []
    for k, (case, text) in enumerate(sorted(TEMPLATE_TEXTS.items())):
        template = g.local_template(tmp_path, {"word/document.xml": g.template_document_with(text)}, f"tpl-{k}.docx")
        data = g.write_data(tmp_path, g.VALID)
        cases += [["templates", "check", str(template)],
                  ["render", str(data), "--template", str(template), "-o", str(tmp_path / f"out-{k}.docx")]]
    for outcome in run_batch(cases, tmp_path):
        _ok(outcome, (1, 2))
    assert not list(tmp_path.glob("out-*.docx"))


CORRUPT_PARTS = {
    "core": ("docProps/core.xml", b"<cp:coreProperties><unclosed>"),
    "custom": ("docProps/custom.xml", b"<Properties><property"),
    "document-malformed": ("word/document.xml", b"<w:document><w:body><w:p></w:body>"),
    "document-gbk": ("word/document.xml", None),
    "styles": ("word/styles.xml", b"<w:styles><w:style></w:styles"),
    "header": ("word/header1.xml", b"<w:hdr><w:p></w:hdr"),
    "content-types": ("[Content_Types].xml", b"<Types><Default"),
}


def test_corrupt_template_parts_are_rejected(tmp_path):
    cases = []
    for k, (case, (name, data)) in enumerate(sorted(CORRUPT_PARTS.items())):
        if data is None:
            with zipfile.ZipFile(g.shipped_template()) as z:
                data = z.read(name).decode("utf-8").replace('encoding="UTF-8"', 'encoding="GBK"').encode("gbk")
        changes = {name: data}
        template = (g.local_template(tmp_path, changes, f"tpl-{k}.docx") if _has(name)
                    else g.rewrite_zip(g.shipped_template(), tmp_path / f"tpl-{k}.docx", {}, changes))
        source = g.write_data(tmp_path, g.VALID)
        cases += [["templates", "check", str(template)],
                  ["render", str(source), "--template", str(template), "-o", str(tmp_path / f"out-{k}.docx")]]
    for outcome in run_batch(cases, tmp_path):
        _ok(outcome, (1, 2))                 # rejected by check and by render alike
    assert not list(tmp_path.glob("out-*.docx"))


def test_template_table_without_grid(tmp_path):
    """A table that lost its w:tblGrid (a damaged file): docxtpl's table fix-up fails; a message, not exit 3."""
    import re

    with zipfile.ZipFile(g.shipped_template()) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    broken = re.sub(r"<w:tblGrid>.*?</w:tblGrid>", "", xml, flags=re.S).encode("utf-8")
    template = g.local_template(tmp_path, {"word/document.xml": broken})
    source = g.write_data(tmp_path, g.VALID)
    for outcome in run_batch([["templates", "check", str(template)],
                              ["render", str(source), "--template", str(template), "-o", str(tmp_path / "o.docx")]],
                             tmp_path):
        _ok(outcome, (1, 2))


def _has(name: str) -> bool:
    with zipfile.ZipFile(g.shipped_template()) as z:
        return name in z.namelist()


def test_encrypted_template_entry(tmp_path):
    template = g.encrypted_entry_template(tmp_path)
    source = g.write_data(tmp_path, g.VALID)
    _ok(run_guarded("templates", "check", template), (1, 2))
    _ok(run_guarded("render", source, "--template", template, "-o", tmp_path / "out.docx"), (1, 2))


@pytest.mark.parametrize("change", [("title:", 'title: "{body…"\ntitle_old:'), ("variants:", "variants: [a, b]\nvariants_old:")])
def test_bad_local_level_definition(tmp_path, run_cli, change):
    folder = tmp_path / "本单位模板"
    assert run_cli("templates", "new", "--from", "county", folder).code == 0
    level = folder / "level.yaml"
    text = level.read_text("utf-8")
    assert change[0] in text
    level.write_text(text.replace(change[0], change[1], 1), "utf-8")
    source = g.write_data(tmp_path, g.VALID)
    _ok(run_guarded("templates", "check", folder), (1, 2))
    _ok(run_guarded("render", source, "--template", folder, "-o", tmp_path / "out.docx"), (1, 2))


# --- section 2/3: lint configuration and baselines -------------------------------------------------------

LINT_CONFIGS = {
    "int-key": "rules: {1: off}\n",
    "null-key": "rules: {null: off}\n",
    "deep": "rules: " + "[" * 3000 + "]" * 3000 + "\n",
    "baseline-dev-zero": "baseline: /dev/zero\n",
    "list-rules": "rules: [a, b]\n",
    "options-not-dict": "rules: {sum-mismatch: {options: [1]}}\n",
}


def test_hostile_lint_configs(tmp_path):
    cases = []
    for case, text in sorted(LINT_CONFIGS.items()):
        folder = tmp_path / case
        folder.mkdir()
        draft = g.text_draft(folder, "正文。")
        g.lint_config(folder, text)
        cases += [["lint", str(draft)], ["lint", str(draft), "--config", str(folder / ".drafter.yaml")]]
    for outcome in run_batch(cases, tmp_path):
        _ok(outcome, (2,))


def test_deep_baseline(tmp_path):
    draft = g.text_draft(tmp_path, "正文。")
    baseline = tmp_path / "基线.json"
    baseline.write_text(g.deep_json(100_000), "utf-8")
    _ok(run_guarded("lint", draft, "--baseline", baseline), (2,))


def test_baseline_on_dev_zero(tmp_path):
    draft = g.text_draft(tmp_path, "正文。")
    _ok(run_guarded("lint", draft, "--baseline", "/dev/zero"), (2,))


# --- section 3: time and memory --------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["validate", "lint"])
def test_device_and_fifo_inputs(tmp_path, command):
    _ok(run_guarded(command, "/dev/zero"), (2,))
    fifo = tmp_path / ("pipe.yaml" if command == "validate" else "pipe.txt")
    os.mkfifo(fifo)
    _ok(run_guarded(command, fifo), (2,))


@pytest.mark.parametrize("start,fmt", [("1000000000000", "upperRoman"), ("10000000000", "upperLetter"),
                                       ("-99999999999", "lowerRoman"), ("99999999999999999999999", "decimal")])
def test_huge_list_numbers(tmp_path, start, fmt):
    path = g.numbering_docx(tmp_path, start, fmt)
    _ok(run_guarded("lint", path), (0, 1))


def test_long_list_number_formats(tmp_path):
    _ok(run_guarded("lint", g.long_number_format_docx(tmp_path)), (0, 1))


def test_one_header_referenced_many_times(tmp_path):
    _ok(run_guarded("lint", g.repeated_header_docx(tmp_path)), (0, 1))


def test_zip_entries_of_a_future_version(tmp_path):
    draft = g.future_zip_version_docx(tmp_path)
    for outcome in run_batch([["lint", str(draft)], ["import", str(draft), "-o", str(tmp_path / "x.yaml")]], tmp_path):
        _ok(outcome, (2,))


def test_nested_text_boxes(tmp_path):
    _ok(run_guarded("lint", g.nested_textboxes_docx(tmp_path, 40)), (0, 1, 2))


def test_many_large_header_parts(tmp_path):
    _ok(run_guarded("lint", g.many_headers_docx(tmp_path)), (2,))


@pytest.mark.parametrize("body", ["办理案件1件（" + "1" * 20_000 + "）。", "约" + "1" * 100_000 + "人。",
                                  "共" * 20_000, "（" * 50_000 + "1件"])
def test_long_paragraphs_in_lint(tmp_path, body):
    _ok(run_guarded("lint", g.text_draft(tmp_path, body)), (0, 1))


def test_render_onto_a_huge_existing_docx(tmp_path):
    target = g.huge_fingerprint_target(tmp_path)
    source = g.write_data(tmp_path, g.VALID)
    _ok(run_guarded("render", source, "-o", target), (2,))


UNBOUNDED_TEMPLATES = ["{{ 'A'*3000000000 }}", "{{ 'AB' * 200000000 }}",
                       "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
                       "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
                       "{{ range(10**12)|list }}", "{{ 'x'|center(10**9) }}", "{{ '%999999999s' % 1 }}",
                       "{{ '{:>999999999}'.format(1) }}", "{% set x = [1] * 10**9 %}", "{{ 9**9**9 }}",
                       "{{ lipsum(1000000) }}", "{{ ('a' * 1000)|replace('a', 'a' * 1000)|replace('a', 'a' * 1000) }}",
                       "{{ ('a' * 1000).replace('a', 'a' * 1000).replace('a', 'a' * 1000) }}",
                       "{% for a in body %}" * 6 + "{% endfor %}" * 6]      # data-driven: ~20**6 steps


def test_unbounded_template_expressions(tmp_path):
    cases = []
    for k, expression in enumerate(UNBOUNDED_TEMPLATES):
        template = g.local_template(tmp_path, {"word/document.xml": g.template_document_with(expression)},
                                    f"tpl-{k}.docx")
        source = g.write_data(tmp_path, g.VALID)
        cases += [["templates", "check", str(template)],
                  ["render", str(source), "--template", str(template), "-o", str(tmp_path / f"out-{k}.docx")]]
    outcomes = run_batch(cases, tmp_path)
    for outcome in outcomes[0::2]:
        _ok(outcome, (0, 1, 2))
    for outcome in outcomes[1::2]:
        _ok(outcome, (1, 2))


def test_too_many_paragraphs(tmp_path):
    body = "".join(f"<w:p><w:r><w:t>第{i}段。</w:t></w:r></w:p>" for i in range(100_001))
    base = g.draft_docx(tmp_path, "base.docx")
    many = g.rewrite_zip(base, tmp_path / "many.docx", {"word/document.xml": g.document_xml(body)})
    outcome = _ok(run_guarded("lint", many), (2,))
    assert "段落过多" in outcome.text


def test_annotate_with_thousands_of_findings(tmp_path):
    body = "".join(f"<w:p><w:r><w:t>第{i}段约12余件。</w:t></w:r></w:p>" for i in range(5000))
    draft = g.rewrite_zip(g.draft_docx(tmp_path, "base.docx"), tmp_path / "many.docx",
                          {"word/document.xml": g.document_xml(body)})
    out = tmp_path / "批注.docx"
    outcome = _ok(run_guarded("lint", draft, "--annotate", out), (1,))
    assert "超出批注上限" in outcome.err
    import docx
    assert len(docx.Document(str(out)).comments) == 500
