"""drafter.regex: patterns rebuilt from the cache folder are the very patterns re.compile makes."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys

import pytest

from drafter import regex
from drafter.text import traditional_chars

from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "lint" / "corpus"

SAMPLES = [
    (r"(?P<year>(?:19|20)\d{2})\s*年(?P<rest>.*)$", 0),
    (r"[\u4e00-\u9fff]+(?<![一二三]是)", 0),
    (r"^\s*toc\b", re.IGNORECASE),
    (r"^(?:一|二|三)、.*$", re.MULTILINE),
    ("[" + "".join(sorted(traditional_chars())) + "]", 0),
    (r"(a)(b)?(?(2)c|d)", 0),
]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and a module state as at process start."""
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex, "_entries", None)
    monkeypatch.setattr(regex, "_added", False)
    monkeypatch.setattr(regex, "_used", set())
    return tmp_path


def _same(cached: re.Pattern, pattern: str, flags: int) -> None:
    plain = re.compile(pattern, flags)
    assert cached == plain                    # flags, pattern text and the SRE program
    assert (cached.groups, dict(cached.groupindex), cached.flags) == (plain.groups, dict(plain.groupindex), plain.flags)
    for text in ("2024年法治政府建設报告", "一、二是三是", "TOC \\o", "abd", "acx", "二、\n三、工作"):
        assert [m.span() for m in cached.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_patterns_from_the_cache_equal_fresh_ones(fresh, monkeypatch):
    for pattern, flags in SAMPLES:
        _same(regex.compile(pattern, flags), pattern, flags)
    regex._save()
    stored = list(fresh.glob("re?-*.marshal"))
    assert len(stored) == 1
    monkeypatch.setattr(regex, "_entries", None)          # the next process
    monkeypatch.setattr(regex, "_added", False)
    monkeypatch.setattr(regex, "_used", set())
    for pattern, flags in SAMPLES:
        _same(regex.compile(pattern, flags), pattern, flags)
    assert not regex._added                               # every one was answered from the file
    assert len(regex._entries) == len(SAMPLES)


def test_a_damaged_file_only_costs_time(fresh, monkeypatch):
    pattern, flags = SAMPLES[0]
    regex.compile(pattern, flags)
    regex._save()
    (path,) = fresh.glob("re?-*.marshal")
    raw = path.read_bytes()
    for damaged in (raw[: len(raw) // 2], raw.replace(b"drafter-re", b"other-re"), b"\0" * 40):
        path.write_bytes(damaged)
        monkeypatch.setattr(regex, "_entries", None)
        _same(regex.compile(pattern, flags), pattern, flags)
    # an entry whose program the SRE engine refuses is compiled again
    head, _, body = raw.partition(b"\n")
    entries = marshal.loads(body)
    key = (pattern, flags)
    entries[key] = (entries[key][0], regex._pack([99999, 1, 2]), *entries[key][2:])
    monkeypatch.setattr(regex, "_entries", entries)
    _same(regex.compile(pattern, flags), pattern, flags)


def test_off_means_plain_re(monkeypatch):
    monkeypatch.setenv("DRAFTER_CACHE_DIR", "off")
    monkeypatch.setattr(regex, "_entries", None)
    monkeypatch.setattr(regex, "_added", False)
    monkeypatch.setattr(regex, "_used", set())
    pattern, flags = SAMPLES[1]
    _same(regex.compile(pattern, flags), pattern, flags)
    regex._save()                                         # nothing to write to, nothing fails


def test_a_full_file_starts_again_with_the_patterns_in_use(fresh, monkeypatch):
    monkeypatch.setattr(regex, "MAX_ENTRIES", 4)
    for i in range(3):                                     # an older drafter's patterns
        regex.compile(f"old{i}[一-鿿]")
    regex._save()
    for run in range(2):
        monkeypatch.setattr(regex, "_entries", None)       # a new process using other patterns
        monkeypatch.setattr(regex, "_added", False)
        monkeypatch.setattr(regex, "_used", set())
        for pattern, flags in SAMPLES[:2]:
            _same(regex.compile(pattern, flags), pattern, flags)
        regex._save()
    (path,) = fresh.glob("re?-*.marshal")
    head, _, body = path.read_bytes().partition(b"\n")
    assert set(marshal.loads(body)) == {(pattern, flags) for pattern, flags in SAMPLES[:2]}


def test_lint_from_the_cache_reports_the_same_and_every_entry_is_exact(tmp_path):
    """Two whole runs of `drafter lint` (the first fills the cache, the second reads it) and one without it."""
    env = {**os.environ, "NO_COLOR": "1", "DRAFTER_CACHE_DIR": str(tmp_path / "cache")}
    draft = str(CORPUS / "qingshan-2024.txt")

    def run(**extra):
        proc = subprocess.run([sys.executable, "-m", "drafter", "lint", draft, "--format", "json"],
                              env={**env, **extra}, capture_output=True, cwd=ROOT)
        assert proc.returncode in (0, 1), proc.stderr.decode()
        return json.loads(proc.stdout)

    first = run()
    (path,) = (tmp_path / "cache").glob("re?-*.marshal")
    written = path.stat().st_mtime_ns
    second = run()
    assert path.stat().st_mtime_ns == written              # all answered from the file: nothing new to write
    assert first == second == run(DRAFTER_CACHE_DIR="off")
    head, _, body = path.read_bytes().partition(b"\n")
    entries = marshal.loads(body)
    assert len(entries) > 100
    import _sre
    for (pattern, flags), entry in entries.items():
        assert _sre.compile(pattern, *regex.arguments(entry)) == re.compile(pattern, flags), pattern
