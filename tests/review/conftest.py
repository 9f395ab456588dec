"""The test jurisdiction, built and reviewed once per session (the machine is slow and shared)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, example_files, seed_files
from tests.review import jurisdiction


@dataclass
class Reviewed:
    root: Path
    folder: Path
    roster: Path
    made: dict
    examples: list
    seeds: list
    workbook: Path
    json_path: Path
    stats_out: Path
    annotate_dir: Path
    code: int
    out: str
    err: str
    json_code: int
    data: dict


def run_drafter(*args, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd or ROOT, env=env)


@pytest.fixture(scope="session")
def reviewed(tmp_path_factory) -> Reviewed:
    """The jurisdiction folder reviewed end to end: workbook, JSON, annotated copies, statistics fragment."""
    from drafter.document.read import soffice
    if soffice() is None:
        pytest.skip("需要 LibreOffice（制作 .doc 测试文件、打开工作簿）")
    root = tmp_path_factory.mktemp("review")
    built = jurisdiction.build(root, seeds=seed_files(), examples=example_files())
    out = root / "out"
    workbook, json_path = out / "审查汇总.xlsx", out / "审查结果.json"
    stats_out, annotate_dir = out / "汇总统计.yaml", out / "退回修改"
    done = run_drafter("review", built["folder"], "--roster", built["roster"], "--year", jurisdiction.YEAR,
                       "-o", workbook, "--annotate-dir", annotate_dir, "--stats-out", stats_out)
    as_json = run_drafter("review", built["folder"], "--roster", built["roster"], "--year", jurisdiction.YEAR,
                          "--format", "json", "-o", json_path, "--jobs", "1")
    data = json.loads(json_path.read_text("utf-8")) if json_path.is_file() else {}
    return Reviewed(root=root, folder=built["folder"], roster=built["roster"], made=built["made"],
                    examples=built["examples"], seeds=built["seeds"], workbook=workbook, json_path=json_path,
                    stats_out=stats_out, annotate_dir=annotate_dir, code=done.returncode, out=done.stdout,
                    err=done.stderr, json_code=as_json.returncode, data=data)


@pytest.fixture(scope="module")
def book(reviewed):
    """The jurisdiction's workbook, read back with openpyxl."""
    import openpyxl
    assert reviewed.workbook.is_file(), reviewed.err
    return openpyxl.load_workbook(reviewed.workbook)
