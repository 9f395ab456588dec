"""The README's ways to run `drafter` after the quick start are real."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_says_how_to_make_drafter_runnable():
    for needle in ("source .venv/bin/activate", ".venv\\Scripts\\Activate.ps1", ".venv\\Scripts\\activate.bat",
                   "pipx install .", ".venv/bin/drafter validate"):
        assert needle in README, needle


def test_the_installed_command_and_activation_script_exist():
    """In the environment the tests run in (made as the README says), both ways work."""
    bindir = Path(sys.executable).parent
    script = bindir / ("drafter.exe" if os.name == "nt" else "drafter")
    assert script.is_file(), "pip install should have created the drafter command"
    assert (bindir / ("Activate.ps1")).is_file() and (bindir / ("activate.bat" if os.name == "nt" else "activate")).is_file()
    env = {**os.environ, "PATH": str(bindir) + os.pathsep + os.environ.get("PATH", "")}
    proc = subprocess.run(["drafter", "--version"], capture_output=True, text=True, env=env)
    assert proc.returncode == 0 and proc.stdout.startswith("drafter")
