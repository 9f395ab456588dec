"""Import Cerberus without paying for ``importlib.metadata`` at every start.

Cerberus's ``__init__`` sets ``__version__`` with ``importlib.metadata.version("Cerberus")``.
Importing ``importlib.metadata`` pulls in ``email``, ``socket``, ``zipfile`` and more, and the
lookup scans ``sys.path``: about 15–20 ms of every ``drafter validate`` and ``drafter render``,
more than Cerberus itself.  Here the version is read from the ``METADATA`` file of Cerberus's own
``*.dist-info`` folder beside the package (the file ``importlib.metadata`` reads), and Cerberus is
imported with a stand-in ``importlib.metadata`` that answers that one question and hands every
other attribute to the real module, imported only if asked.  Where the folder is not found (an
unusual install), Cerberus is imported as usual.  ``tests/data/test_cerberus_import.py`` checks that
the version equals what ``importlib.metadata`` reports.

Use ``from drafter.data.cerberus_import import cerberus`` before any ``import cerberus``.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path


def installed_version() -> str | None:
    """Cerberus's version from its ``*.dist-info/METADATA`` next to the package, or None."""
    try:
        spec = importlib.util.find_spec("cerberus")
        if spec is None or not spec.origin:
            return None
        site = Path(spec.origin).parent.parent
        for entry in site.iterdir():
            name = entry.name.lower()
            if name.startswith("cerberus-") and name.endswith(".dist-info"):
                with open(entry / "METADATA", encoding="utf-8") as metadata:
                    for line in metadata:
                        if line.startswith("Version:"):
                            return line.split(":", 1)[1].strip()
                        if not line.strip():
                            break
    except OSError:
        return None
    return None


def _stand_in(version: str) -> types.ModuleType:
    module = types.ModuleType("importlib.metadata")

    def real():
        import importlib.metadata
        return importlib.metadata

    def fast_version(name: str) -> str:
        return version if name.lower() == "cerberus" else real().version(name)

    def __getattr__(attribute: str):
        return getattr(real(), attribute)

    module.version = fast_version
    module.__getattr__ = __getattr__      # e.g. PackageNotFoundError: only looked up if raised
    return module


def _load() -> types.ModuleType:
    if "cerberus" in sys.modules or "importlib.metadata" in sys.modules:
        import cerberus
        return cerberus
    version = installed_version()
    if version is None:
        import cerberus
        return cerberus
    stand_in = sys.modules["importlib.metadata"] = _stand_in(version)
    try:
        import cerberus
    finally:
        if sys.modules.get("importlib.metadata") is stand_in:    # later imports get the real module
            del sys.modules["importlib.metadata"]
    return cerberus


cerberus = _load()
