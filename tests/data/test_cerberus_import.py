"""drafter imports Cerberus without importlib.metadata, and Cerberus still knows its true version."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys

from drafter.data import cerberus_import


def test_version_read_from_dist_info_is_the_installed_one():
    assert cerberus_import.installed_version() == importlib.metadata.version("Cerberus")


def test_fresh_process_validates_without_importlib_metadata_and_cerberus_has_its_version():
    code = ("import sys, json\n"
            "from drafter.data.validate import validate_file\n"
            "from drafter.data.schema_check import RECORD\n"
            "import cerberus, cerberus.platform\n"
            "loaded = 'importlib.metadata' in sys.modules\n"
            "import importlib.metadata\n"
            "print(json.dumps([loaded, cerberus.__version__,\n"
            "                  cerberus.platform.importlib_metadata.PackageNotFoundError.__module__,\n"
            "                  sys.modules['importlib.metadata'] is importlib.metadata]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded, version, error_module, real = json.loads(out)
    assert loaded is False
    assert version == importlib.metadata.version("Cerberus")
    assert error_module == "importlib.metadata"       # other names are the real module's
    assert real is True                               # later imports get the real module
