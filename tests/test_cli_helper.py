"""The helper process of single-file commands (drafter/cli/helper.py): same output, nothing left over."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from drafter.cli import helper
from tests.conftest import example_files

pytestmark = pytest.mark.skipif(not helper.available(), reason="helpers are forked (Linux, two cores)")


def _children() -> set:
    """Process ids whose parent is this process."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def _parts(path: Path) -> dict:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def _double(x):
    return 2 * x


def _fails(x):
    raise ValueError(x)


def test_the_helper_runs_a_call_and_is_reaped():
    before = _children()
    worker = helper.Helper(lambda: None)
    assert worker.pid is not None and worker.pid in _children()
    assert worker.run(_double, 21) == 42
    assert worker.run(_double, "ab") == "abab"          # calls in turn
    worker.close()
    assert _children() == before


def test_a_failing_call_means_the_caller_does_it():
    worker = helper.Helper(lambda: None)
    assert worker.run(_fails, "x") is helper.NO_RESULT
    assert worker.pid is None                           # stopped: the caller does the rest itself
    assert worker.run(_double, 1) is helper.NO_RESULT
    unused = helper.Helper(lambda: None)       # not needed after all: stopped and reaped
    unused.close()
    assert unused.pid is None


def test_render_with_and_without_the_helper_writes_the_same_report(run_cli, tmp_path, monkeypatch):
    source = example_files()[0]
    before = _children()
    made = []
    run = helper.Helper.run
    monkeypatch.setattr(helper.Helper, "run", lambda self, *a, **k: made.append(run(self, *a, **k)) or made[-1])
    done = run_cli("render", source, "-o", tmp_path / "with.docx")
    assert done.code == 0, done.err
    assert len(made) == 2 and helper.NO_RESULT not in made     # the helper checked the content and made it
    monkeypatch.setenv("DRAFTER_JOBS", "1")
    plain = run_cli("render", source, "-o", tmp_path / "without.docx")
    assert plain.code == 0, plain.err
    assert _parts(tmp_path / "with.docx") == _parts(tmp_path / "without.docx")
    assert done.out.replace("with.docx", "X") == plain.out.replace("without.docx", "X")
    assert _children() == before


def test_errors_are_the_ones_of_rendering_here(run_cli, tmp_path, monkeypatch):
    """A foreign file in the way, a broken local template, invalid data: the same messages and codes."""
    source = example_files()[0]
    foreign = tmp_path / "foreign.docx"
    foreign.write_bytes(b"not drafter's")
    broken = tmp_path / "tpl.docx"
    with zipfile.ZipFile(Path(__file__).resolve().parents[1] / "templates" / "county" / "report-single.docx") as z, \
            zipfile.ZipFile(broken, "w") as out:
        for item in z.infolist():
            data = z.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"<w:p><w:r><w:t>{{ broken </w:t></w:r></w:p></w:body>")
            out.writestr(item, data)
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text(source.read_text("utf-8").replace("\n  year: ", "\n  yaer: ", 1), "utf-8")
    cases = [("render", source, "-o", foreign), ("render", source, "-o", tmp_path / "t.docx", "--template", broken),
             ("render", invalid, "-o", tmp_path / "i.docx")]
    before = _children()
    with_helper = [run_cli(*args) for args in cases]
    monkeypatch.setenv("DRAFTER_JOBS", "1")
    without = [run_cli(*args) for args in cases]
    for a, b in zip(with_helper, without):
        assert a.code == b.code != 0 and a.out == b.out and a.err == b.err
    assert foreign.read_bytes() == b"not drafter's"
    assert _children() == before


def test_validate_with_and_without_the_helper_says_the_same(run_cli, tmp_path, monkeypatch):
    """The content rules run in the helper: the same findings, lines and columns, for every example and a
    file full of slips."""
    slips = tmp_path / "slips.yaml"
    text = example_files()[0].read_text("utf-8")
    slips.write_text(text.replace("现将有关情况报告如下。", "望能给予支持,扫一扫手机查看当前页面。现将有关情况报告如下。"), "utf-8")
    files = [*example_files(), slips]
    made = []
    run = helper.Helper.run
    monkeypatch.setattr(helper.Helper, "run", lambda self, *a, **k: made.append(run(self, *a, **k)) or made[-1])
    with_helper = [run_cli("validate", f) for f in files]
    assert len(made) == len(files) and helper.NO_RESULT not in made
    monkeypatch.setenv("DRAFTER_JOBS", "1")
    without = [run_cli("validate", f) for f in files]
    for a, b in zip(with_helper, without):
        assert (a.code, a.out, a.err) == (b.code, b.out, b.err)
    assert "request-in-report" in with_helper[-1].out
