"""The in-process CLI runner used by most tests: the same result as a real process, and no state left behind."""

from __future__ import annotations

import os
import signal
import sys

import click

from tests.conftest import example_files


def test_in_process_run_equals_a_real_process(tmp_path, run_cli, run_process):
    bad = tmp_path / "bad.yaml"
    bad.write_text(example_files()[0].read_text(encoding="utf-8").replace("\n  year: ", "\n  yaer: ", 1),
                   encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("meta: [\n", encoding="utf-8")
    args = ("validate", "bad.yaml", "broken.yaml", "missing.yaml")
    inside, outside = run_cli(*args, cwd=tmp_path), run_process(*args, cwd=tmp_path)
    assert inside == outside and inside.code == 2 and "yaer" in inside.out
    usage_in, usage_out = run_cli("validate", "--no-such-option"), run_process("validate", "--no-such-option")
    assert usage_in == usage_out and usage_in.code == 2 and usage_in.err


def test_nothing_leaks_out_of_a_run(tmp_path, run_cli, monkeypatch):
    monkeypatch.setenv("DRAFTER_DEBUG", "")
    cwd, env = os.getcwd(), dict(os.environ)
    streams = (sys.stdin, sys.stdout, sys.stderr)
    handler = signal.getsignal(signal.SIGINT)
    for args in (("init", "--level", "county", "--year", "2024"), ("validate", "2024.yaml"), ("nonsense",),
                 ("render", "missing.yaml")):
        run_cli(*args, cwd=tmp_path)
        assert os.getcwd() == cwd and dict(os.environ) == env
        assert (sys.stdin, sys.stdout, sys.stderr) == streams and signal.getsignal(signal.SIGINT) == handler
        assert click.get_current_context(silent=True) is None
    assert (tmp_path / "2024.yaml").is_file() and not (tmp_path.parent / "2024.yaml").exists()
