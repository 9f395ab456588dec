"""SARIF output passes Microsoft's SARIF multitool (installed from npm by .ci/run; skipped where absent)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

DRAFT = """白水县人民政府关于2024年法治政府建设情况的报告
中共青山县委、青山县人大常委会：
XX年，我县坚持依法行政，全年共   件。
一、2024年主要举措和成效
（一）（一）加强组织领导
全年办理复议案件12件。
青山县人民政府
2025年2月20日
"""


def multitool() -> str | None:
    candidates = [os.environ.get("SARIF_MULTITOOL"), ROOT / ".ci" / "node" / "node_modules" / ".bin" / "sarif-multitool",
                  shutil.which("sarif-multitool")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


@pytest.mark.skipif(multitool() is None, reason="SARIF multitool 未安装（.ci/run 用 npm 安装）")
def test_sarif_passes_the_multitool(tmp_path):
    draft = tmp_path / "青山县 2024年报告（送审稿）.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    sarif = tmp_path / "result.sarif"
    proc = subprocess.run([sys.executable, "-m", "drafter", "lint", draft.name, "--format", "sarif", "-o", sarif.name],
                          cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1, proc.stdout + proc.stderr                 # the draft has errors
    assert json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    report = tmp_path / "validation.sarif"
    check = subprocess.run([multitool(), "validate", str(sarif), "-o", str(report)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    found = json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [(r["ruleId"], r["message"].get("arguments")) for r in found] == []
