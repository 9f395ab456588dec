"""The compiled-regex cache between runs (drafter/cli/regex_cache.py, docs/dev/caching.md).

Each case runs fresh interpreters: the cache is loaded when a process starts and written when it
exits, so only separate processes show that a pattern compiled from the cache is the pattern.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.version_info < (3, 11) or sys.implementation.name != "cpython",
                                reason="the cache is used on CPython 3.11 and later")

# Patterns of every kind the engine distinguishes: flags, named groups and back references, bytes,
# Unicode classes (the big charsets that made compiling slow), look-arounds, verbose mode.
PROBE = r'''
import json, re, sys
from drafter.cli import regex_cache
regex_cache.install()
import drafter.cli.regex_cache as rc
before = rc._state["new"]
cases = [
    (r"(?P<year>(?:19|20)\d{2})年(?P=year)?", 0, ["2024年", "19992024年2024年", "x"]),
    (r"[\u4e00-\u9fff\u3400-\u4dbf]+", 0, ["法治政府abc建设", "abc"]),
    (r"^\s*(?:一|二|三)、(.+?)$", re.M, ["一、总体\n二、举措", "无"]),
    (r"""(?x) (\d+) \s* (件|次)  # count""", 0, ["共12 件", "3次"]),
    (r"abc", re.I, ["ABC", "aBd"]),
    (rb"[\x00-\x08\x0b]", 0, [b"a\x01b", b"ok"]),
    (r"(?<![0-9])[0-9]{1,15}(?![0-9])", 0, ["1234567890123456", "12"]),
    (r"[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]", 0, ["\x01", "正常"]),
]
out = []
for pattern, flags, samples in cases:
    p = re.compile(pattern, flags)
    for s in samples:
        out.append([repr(m.groups()) + repr(m.span()) for m in p.finditer(s)])
    out.append([p.pattern if isinstance(p.pattern, str) else p.pattern.decode(), int(p.flags), p.groups,
                dict(p.groupindex)])
re.purge()
print(json.dumps({"results": out, "compiled": rc._state["new"] - before, "entries": len(rc._state["table"])}))
'''


def probe(tmp_path, cache: str) -> dict:
    env = {**os.environ, "DRAFTER_CACHE_DIR": cache}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, cwd=tmp_path,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def regex_files(folder):
    return sorted(p.name for p in folder.glob("regex-*.marshal")) if folder.is_dir() else []


def test_patterns_from_the_cache_match_as_freshly_compiled_ones(tmp_path):
    cache = tmp_path / "cache"
    off = probe(tmp_path, "off")                      # no cache at all: re's own compiler
    first = probe(tmp_path, str(cache))               # compiled, then written at exit
    assert first["compiled"] >= 8 and regex_files(cache)
    second = probe(tmp_path, str(cache))              # every pattern answered from the file
    assert second["compiled"] == 0
    assert off["results"] == first["results"] == second["results"]


def test_a_damaged_file_is_compiled_again_and_replaced(tmp_path):
    cache = tmp_path / "cache"
    probe(tmp_path, str(cache))
    (name,) = regex_files(cache)
    (cache / name).write_bytes(b"\x00not marshal")
    again = probe(tmp_path, str(cache))
    assert again["compiled"] >= 8
    assert probe(tmp_path, str(cache))["compiled"] == 0


def test_a_wrong_entry_is_never_used(tmp_path):
    """An entry whose arguments the engine refuses (another Python's code) is compiled afresh."""
    import marshal
    cache = tmp_path / "cache"
    expected = probe(tmp_path, str(cache))
    (name,) = regex_files(cache)
    table = marshal.loads((cache / name).read_bytes())
    for key, args in table.items():
        table[key] = (args[0], args[1], [999999], args[3], args[4], args[5])
    (cache / name).write_bytes(marshal.dumps(table))
    again = probe(tmp_path, str(cache))
    assert again["results"] == expected["results"]


def test_off_writes_nothing_and_the_file_is_per_interpreter(tmp_path, monkeypatch):
    probe(tmp_path, "off")
    assert not list(tmp_path.rglob("regex-*"))
    from drafter.cli import regex_cache
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path))
    here = regex_cache._file()
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert regex_cache._file() != here


def test_a_command_fills_it_with_its_libraries_patterns_too(tmp_path):
    """A drafter command leaves the patterns it compiled, PyYAML's included, for the next one;
    ``drafter --help`` does not load it at all."""
    import marshal

    from tests.conftest import example_files
    cache = tmp_path / "cache"
    env = {**os.environ, "DRAFTER_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "drafter", "--help"], env=env, capture_output=True, timeout=120)
    assert done.returncode == 0 and not regex_files(cache)
    done = subprocess.run([sys.executable, "-m", "drafter", "validate", str(example_files()[0])], env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    (name,) = regex_files(cache)
    patterns = [key[1] for key in marshal.loads((cache / name).read_bytes())]
    assert any("yes|Yes|YES" in p for p in patterns if isinstance(p, str))     # PyYAML's bool resolver
