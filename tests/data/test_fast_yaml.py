"""libyaml (CSafeLoader) reads data files exactly as the pure-Python loader did: same data, same
positions, and after a syntax error the same Chinese message at the same line and column."""

from __future__ import annotations

import pytest
import yaml

from drafter.data import loader
from drafter.errors import InputError

from tests.conftest import example_files

from .valid_report import VALID


def _outcome(text: str):
    try:
        loaded = loader.load_text(text, "r.yaml")
    except InputError as exc:
        return ("error", exc.message, exc.hint, exc.line, exc.column)
    return ("ok", loaded.data, loaded.values, loaded.keys, [d.format() for d in loaded.diagnostics])


def _both(text: str, monkeypatch):
    fast = _outcome(text)
    with monkeypatch.context() as m:
        m.setattr(loader, "FAST_LOADER", yaml.SafeLoader)
        pure = _outcome(text)
    return fast, pure


def test_libyaml_is_used_where_pyyaml_has_it():
    assert loader.FAST_LOADER is (yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_examples_read_the_same_with_both_loaders(path, monkeypatch):
    fast, pure = _both(path.read_text(encoding="utf-8"), monkeypatch)
    assert fast[0] == "ok" and fast == pure


def _broken_variants() -> list[str]:
    """Syntax errors of every kind the Chinese messages cover, and stray characters on every line."""
    lines = VALID.split("\n")
    out = [
        VALID.replace("text: 无。", "text: 说明: 无"),                       # ": " inside plain text
        VALID.replace("text: 无。", 'text: "无。'),                           # unclosed quote
        VALID.replace("text: 无。", 'text: "无\\q。"'),                       # unknown escape
        VALID.replace("text: 无。", "text: [无。"),                           # unclosed bracket
        VALID.replace("text: 无。", "text: {无。"),
        VALID.replace("text: 无。", "text: @无。"),
        VALID.replace("text: 无。", "text: `无。"),
        VALID.replace("text: 无。", "text: *nowhere"),                       # undefined alias
        VALID.replace("text: 无。", "text: &a 无。\n  again: &a 无。"),       # duplicate anchor
        VALID + "\n---\nmeta: {}\n",                                          # two documents
        "a: " + "[" * 60 + "]" * 60,                                          # deeper than drafter allows
        "a: &a [" + ",".join(["x"] * 10) + "]\n" + "".join(
            f"{c}: &{c} [" + ",".join([f"*{p}"] * 10) + "]\n" for p, c in zip("abcdefg", "bcdefgh")),
    ]
    for number, line in enumerate(lines):
        if not line.strip() or number % 8:
            continue
        indent = len(line) - len(line.lstrip())
        for mutant in (" " + line, line + " ]", line[:indent] + "- " + line[indent:], line + ' "'):
            out.append("\n".join(lines[:number] + [mutant] + lines[number + 1:]))
    return out


def test_syntax_errors_read_the_same_with_both_loaders(monkeypatch):
    differ, errors = [], 0
    for text in _broken_variants():
        fast, pure = _both(text, monkeypatch)
        errors += fast[0] == "error"
        if fast != pure:
            differ.append((text[:60], fast[:5] if fast[0] == "error" else fast[0], pure[:5] if pure[0] == "error" else pure[0]))
    assert errors > 20
    assert differ == []


def test_reading_many_files_keeps_nothing_of_them():
    """Rendering or validating 1,000 files in one call must run in constant memory: the loader keeps
    no node of a file once it is read (PyYAML's constructor would remember every one, ~100 KB here)."""
    import tracemalloc

    text = example_files()[0].read_text(encoding="utf-8")
    loader.load_text(text, "r.yaml")
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(3):
            assert loader.load_text(text, "r.yaml").data
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < len(text.encode("utf-8")), f"{grown} bytes kept after reading the same file 3 times"


def test_characters_removed_before_parsing_are_exactly_those_yaml_cannot_read():
    """The loader's set of unreadable characters is the complement of what YAML 1.1 (PyYAML's reader)
    accepts, minus the invisible line breaks NEL, U+2028 and U+2029 — checked over every code point."""
    import re

    import yaml.reader

    everything = "".join(chr(c) for c in range(0x110000))
    refused_by_yaml = set(yaml.reader.Reader.NON_PRINTABLE.findall(everything))
    removed = set(loader._UNREADABLE.findall(everything))
    assert removed == refused_by_yaml | {"\x85", "\u2028", "\u2029"}
    assert not re.search(r"[\t\n\r 一]", "".join(removed))
