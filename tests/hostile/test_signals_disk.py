"""A full disk and a SIGTERM never leave a traceback, a temporary file or a damaged output."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.hostile import generators as g
from tests.hostile.harness import NEUTRAL_CWD, ROOT, run_guarded


def _temps(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~drafter-"))


def test_disk_full_during_annotate(tmp_path):
    draft = g.draft_docx(tmp_path)
    out = tmp_path / "批注.docx"
    outcome = run_guarded("lint", draft, "--annotate", out, file_size=4096)     # the copy is ~36 KB
    assert outcome.code == 2 and not outcome.problems((2,)), outcome.text[-600:]
    assert "无法写入文件" in outcome.err
    assert not out.exists()
    assert _temps(tmp_path) == []


def test_stdout_on_a_full_disk(tmp_path):
    draft = g.draft_docx(tmp_path)
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "drafter", "lint", str(draft)], stdout=full,
                              stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60,
                              cwd=NEUTRAL_CWD)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert "磁盘空间不足" in err


def test_sigterm_inside_an_atomic_write_removes_the_temporary_file(tmp_path):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"the user's previous version")
    script = textwrap.dedent(f"""
        import os, signal
        from drafter import fsutil
        with fsutil.atomic_path({str(target)!r}) as tmp:
            tmp.write_bytes(b"half of a new report")
            os.kill(os.getpid(), signal.SIGTERM)
            raise SystemExit("not reached")
    """)
    proc = subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, timeout=60, cwd=NEUTRAL_CWD)
    assert proc.returncode != 0 and b"Terminated" in proc.stderr, proc.stderr
    assert _temps(tmp_path) == []
    assert target.read_bytes() == b"the user's previous version"


def test_sigterm_during_a_batch_render(tmp_path):
    """SIGTERM at any moment of a run: no temporary file left, every output whole or absent."""
    import time

    from drafter.fsutil import same_file  # noqa: F401  (the module under test is importable)

    folder = tmp_path / "数据"
    folder.mkdir()
    for i in range(30):
        g.write_data(folder, g.VALID, f"{i:02d}.yaml")
    out = tmp_path / "输出"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for delay in (0.3, 0.8, 1.5):
        proc = subprocess.Popen([sys.executable, "-m", "drafter", "render", str(folder), "-o", str(out) + "/",
                                 "--force"], cwd=NEUTRAL_CWD, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        time.sleep(delay)
        proc.terminate()
        _, err = proc.communicate(timeout=60)
        assert b"Traceback" not in err, err.decode("utf-8", "replace")
        if out.exists():
            assert _temps(out) == []
            for docx in out.glob("*.docx"):
                import zipfile
                with zipfile.ZipFile(docx) as z:
                    assert z.testzip() is None


def test_closed_output_streams(tmp_path):
    source = g.write_data(tmp_path, g.VALID)
    proc = subprocess.run(f'"{sys.executable}" -m drafter validate "{source}" >&- 2>&-', shell=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=NEUTRAL_CWD, timeout=60)
    assert proc.returncode == 0
