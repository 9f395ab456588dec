"""Folders spread over processes: the same output, in the same order, as one process gives."""

from __future__ import annotations

import shutil

import docx
import pytest

from drafter.cli import parallel

from tests.conftest import EXAMPLES, ROOT, example_files
from tests.lint.docx_build import build_docx


def _runs(run_cli, monkeypatch, *args):
    """The command run with one process and with a pool of two."""
    out = {}
    for jobs in ("1", "2"):
        monkeypatch.setenv("DRAFTER_JOBS", jobs)
        out[jobs] = run_cli(*args)
    return out["1"], out["2"]


def _data_folder(tmp_path):
    folder = tmp_path / "各部门"
    (folder / "子目录").mkdir(parents=True)
    for i, path in enumerate(example_files()):
        shutil.copy(path, folder / f"{i}-{path.name}")
        shutil.copy(path, folder / "子目录" / f"{i}-copy.yaml")
    text = example_files()[0].read_text(encoding="utf-8")
    (folder / "5-invalid.yaml").write_text(text.replace("\n  year: ", "\n  yaer: ", 1), encoding="utf-8")
    (folder / "6-unreadable.yaml").write_bytes(b"meta: \xff\xfe\xfa\x00\n")
    return folder


def test_the_pool_is_used_for_enough_files_only(monkeypatch):
    monkeypatch.setenv("DRAFTER_JOBS", "2")
    assert parallel.workers_for(12) == 2 and parallel.workers_for(1) == 1
    monkeypatch.setenv("DRAFTER_JOBS", "1")
    assert parallel.workers_for(12) == 1
    monkeypatch.delenv("DRAFTER_JOBS")
    assert parallel.workers_for(2) == 1


def test_validate_a_folder_in_parallel(tmp_path, run_cli, monkeypatch):
    folder = _data_folder(tmp_path)
    serial, pooled = _runs(run_cli, monkeypatch, "validate", folder)
    assert serial == pooled
    assert serial.code == 2 and serial.err == ""            # no progress bar when not on a terminal
    assert "共检查12个文件：10个有效，1个有问题，1个无法读取。" in serial.out
    lines = [line for line in serial.out.splitlines() if "数据有效" in line]
    assert lines == sorted(lines) and len(lines) == 10


def test_render_a_folder_in_parallel(tmp_path, run_cli, monkeypatch):
    folder = _data_folder(tmp_path)
    (folder / "6-unreadable.yaml").unlink()
    shutil.rmtree(folder / "子目录")
    monkeypatch.setenv("DRAFTER_JOBS", "1")
    serial = run_cli("render", folder, "-o", tmp_path / "one")
    monkeypatch.setenv("DRAFTER_JOBS", "2")
    pooled = run_cli("render", folder, "-o", tmp_path / "two")
    assert serial.code == pooled.code == 1
    assert serial.out.replace(str(tmp_path / "one"), "OUT") == pooled.out.replace(str(tmp_path / "two"), "OUT")
    assert "共6个数据文件：生成5个，失败1个。" in pooled.out
    one = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert one == sorted(p.name for p in (tmp_path / "two").iterdir()) and len(one) == 5
    for name in one:
        texts = [[p.text for p in docx.Document(str(tmp_path / d / name)).paragraphs] for d in ("one", "two")]
        assert texts[0] == texts[1] and len(texts[0]) > 20


def test_lint_a_folder_in_parallel(tmp_path, run_cli, monkeypatch):
    folder = tmp_path / "草稿"
    folder.mkdir()
    corpus = ROOT / "tests" / "lint" / "corpus"
    sources = sorted(corpus.glob("**/*.txt"))[:3]
    for i, source in enumerate(sources):
        shutil.copy(source, folder / f"{i}.txt")
        build_docx(folder / f"{i}.docx", source.read_text("utf-8"))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    (folder / ".drafter.yaml").write_text("rules:\n  web-junk: off\n", encoding="utf-8")
    serial, pooled = _runs(run_cli, monkeypatch, "lint", folder, "--format", "json")
    assert serial == pooled and serial.code == 2
    text_serial, text_pooled = _runs(run_cli, monkeypatch, "lint", folder)
    assert text_serial == text_pooled and "无法检查" in text_serial.out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_changed_config_is_read_again(tmp_path, run_cli, monkeypatch, jobs):
    """The per-process cache of .drafter.yaml is keyed by its size and time: an edit is seen."""
    monkeypatch.setenv("DRAFTER_JOBS", jobs)
    folder = tmp_path / "草稿"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text("一、2024年主要举措和成效\n全年办理复议案件共\u00a0\u00a0件。\n", encoding="utf-8")
    config = folder / ".drafter.yaml"
    config.write_text("rules:\n  blank-placeholder: off\n", encoding="utf-8")
    first = run_cli("lint", folder)
    config.write_text("rules:\n  blank-placeholder: error\n", encoding="utf-8")
    second = run_cli("lint", folder)
    assert "blank-placeholder" not in first.out and second.out.count("[blank-placeholder]") == 5


def test_fresh_worker_processes_as_on_windows(tmp_path, run_cli, monkeypatch):
    """Where workers cannot be forked (Windows, macOS) they start fresh: jobs and arguments travel
    by pickling, and the output is still the same as in one process."""
    import multiprocessing

    folder = tmp_path / "data"
    folder.mkdir()
    for i, path in enumerate(example_files()[:3]):
        shutil.copy(path, folder / f"{i}.yaml")
    (folder / "3-bad.yaml").write_text("meta: [\n", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_JOBS", "1")
    serial = run_cli("validate", folder)
    monkeypatch.setenv("DRAFTER_JOBS", "2")
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    spawned = run_cli("validate", folder)
    assert serial == spawned and serial.code == 2 and "共检查4个文件：3个有效，0个有问题，1个无法读取。" in serial.out
