"""Shared fixtures: the repository's examples, the shared seed reports, and a CLI runner."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt")) if SEEDS.is_dir() else []


@pytest.fixture
def seeds_dir() -> Path:
    """The real seed reports (``../shared/seeds``); skips where they are absent."""
    if not seed_files():
        pytest.skip("../shared/seeds 不存在（用户的克隆中没有参考报告）")
    return SEEDS


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (e.g. "003"); skips if absent."""
    for path in seed_files():
        if path.name.startswith(prefix):
            return path
    pytest.skip(f"参考报告 {prefix} 不存在")


@pytest.fixture(autouse=True, scope="session")
def _isolated_state(tmp_path_factory):
    """drafter's output ledger (fsutil.state_dir) in a temporary folder, never the tester's home."""
    import os
    folder = tmp_path_factory.mktemp("drafter-state")
    old = os.environ.get("DRAFTER_STATE_DIR")
    os.environ["DRAFTER_STATE_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("DRAFTER_STATE_DIR", None)
    else:
        os.environ["DRAFTER_STATE_DIR"] = old


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli():
    """Run ``python -m drafter ARGS`` in a subprocess, as a user would."""

    def run(*args, cwd: Path | None = None, input: str | None = None) -> Run:
        proc = subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], capture_output=True,
                              text=True, encoding="utf-8", cwd=cwd, input=input,
                              env={**__import__("os").environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"})
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run
