"""The cache between runs (drafter.cache): same results as without it, and never stale."""

from __future__ import annotations

import os
import shutil
import zipfile

import pytest
import yaml

from drafter import cache, levels
from drafter.data.loader import FAST_LOADER
from drafter.render import render as engine

from tests.conftest import ROOT


def _package_yaml():
    return [ROOT / "drafter" / "data" / "schema.yaml", ROOT / "templates" / "common.yaml",
            *sorted((ROOT / "templates").glob("*/level.yaml"))]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(folder))
    return folder


@pytest.mark.parametrize("path", _package_yaml(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_cached_yaml_equals_a_fresh_parse(path, cache_dir):
    fresh = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=FAST_LOADER)
    first = cache.yaml_file(path)
    assert len(list(cache_dir.glob("yaml-*.entry"))) == 1
    second = cache.yaml_file(path)                  # from the cache
    assert first == fresh and second == fresh and second is not first
    second.clear()                                  # callers may change what they get
    assert cache.yaml_file(path) == fresh


def test_an_edit_is_never_answered_from_the_cache(tmp_path, cache_dir):
    """Same size, same modification time: only the content differs, and that is the key."""
    path = tmp_path / "level.yaml"
    path.write_text("id: county\nname: 县级\n", encoding="utf-8")
    before = os.stat(path)
    assert cache.yaml_file(path) == {"id": "county", "name": "县级"}
    path.write_text("id: city22\nname: 市级\n", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size and os.stat(path).st_mtime_ns == before.st_mtime_ns
    assert cache.yaml_file(path) == {"id": "city22", "name": "市级"}


def test_a_checked_definition_is_stored_only_after_its_check_passed(tmp_path, cache_dir):
    """A level file that fails its check is never stored, so the next run checks it again and fails
    again; once fixed (same size and time), it is checked, stored, and then read from the cache."""
    from drafter.errors import DrafterError

    good = (ROOT / "templates" / "county" / "level.yaml").read_text(encoding="utf-8")
    path = tmp_path / "level.yaml"
    path.write_text(good.replace("variants:", "variantz:", 1), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DrafterError) as raised:
            levels._read_yaml(path, "level")
        assert "variantz" in str(raised.value) + str(getattr(raised.value, "diagnostics", ""))
        assert not list(cache_dir.glob("yaml-checked-*.entry"))
    before = os.stat(path)
    path.write_text(good.replace("variants:", "variants:", 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    fresh = yaml.load(good, Loader=FAST_LOADER)
    assert levels._read_yaml(path, "level") == fresh
    assert len(list(cache_dir.glob("yaml-checked-*.entry"))) == 1
    assert levels._read_yaml(path, "level") == fresh


def test_a_damaged_or_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    path = _package_yaml()[1]
    fresh = yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(folder))
    cache.yaml_file(path)
    (entry,) = folder.glob("*.entry")
    for damaged in (b"drafter-cache-1\n\x80\x05garbage", cache.FORMAT + b" marshal\n\xffgarbage",
                    cache.FORMAT + b" pickle\n\x80\x05garbage", entry.read_bytes()[:40], b""):
        entry.write_bytes(damaged)
        assert cache.yaml_file(path) == fresh
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(blocker / "cache"))     # cannot be created
    assert cache.yaml_file(path) == fresh
    monkeypatch.setenv("DRAFTER_CACHE_DIR", "off")
    assert cache.cache_dir() is None and cache.yaml_file(path) == fresh


def test_plain_data_is_kept_with_marshal_and_anything_else_with_pickle(cache_dir):
    """Both come back equal; a command reading only plain entries (lint) never imports pickle."""
    import datetime

    plain = {"id": "county", "items": [1, 2.5, None, True, "第一项"], "pair": ("a", b"b")}
    dated = {"deadline": datetime.date(2025, 3, 1)}
    cache.store("plain", plain)
    cache.store("dated", dated)
    assert (cache_dir / "plain.entry").read_bytes().startswith(cache.FORMAT + b" marshal\n")
    assert (cache_dir / "dated.entry").read_bytes().startswith(cache.FORMAT + b" pickle\n")
    assert cache.load("plain") == plain and cache.load("dated") == dated
    (cache_dir / "old.pickle").write_bytes(b"drafter-cache-1\n")        # an older drafter's entry: left alone
    cache._prune(cache_dir)
    assert list(cache_dir.glob("*.pickle")) and cache.load("plain") == plain


def test_pruning_counts_the_entries_of_an_older_drafter_too(cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    cache_dir.mkdir()
    for i in range(3):
        (cache_dir / f"old{i}.pickle").write_bytes(b"drafter-cache-1\n")
        os.utime(cache_dir / f"old{i}.pickle", (1_000_000 + i, 1_000_000 + i))
    cache.store("new", {"a": 1})
    assert sorted(p.name for p in cache_dir.iterdir()) == ["new.entry", "old1.pickle", "old2.pickle"]


def _parts(data: bytes) -> dict:
    import io
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_a_cached_template_renders_exactly_as_a_freshly_compiled_one(tmp_path, cache_dir):
    from drafter.data.validate import validate_file
    from drafter.render.context import build_context

    document = validate_file(ROOT / "examples" / "xingping-2020.yaml").document
    path, level = engine.locate_template(levels.get_level("county"), False)
    context, _ = build_context(document, level=level)
    copy = tmp_path / "t.docx"
    shutil.copy(path, copy)
    fresh = engine.CompiledTemplate.load(copy)
    engine._load_cached.cache_clear()
    engine.load_template(copy)                                     # compiled, then stored
    assert len(list(cache_dir.glob("template-*.entry"))) == 1
    engine._load_cached.cache_clear()
    cached = engine.load_template(copy)                            # read back from the cache
    assert cached.sources == fresh.sources and cached.entries == fresh.entries
    assert _parts(cached.render(context, title="t")) == _parts(fresh.render(context, title="t"))
    other = tmp_path / "copy" / "u.docx"                         # the same bytes elsewhere: a hit
    other.parent.mkdir()
    shutil.copy(path, other)
    engine._load_cached.cache_clear()
    assert engine.load_template(other).path == str(other.resolve())     # error messages name this file
    assert len(list(cache_dir.glob("template-*.entry"))) == 1


def test_the_template_key_covers_the_compiler_code(tmp_path, monkeypatch):
    """Editing render.py (or build.py, or docxtpl) gives compiled templates another key."""
    files = engine._compiler_files()
    copies = []
    for i, file in enumerate(files):
        copies.append(tmp_path / f"{i}-{file.name}")
        shutil.copy(file, copies[-1])
    data = b"template bytes"
    first = cache.key("template", data=data, files=copies)
    copies[0].write_text(copies[0].read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert cache.key("template", data=data, files=copies) != first
    assert cache.key("template", data=data + b"!", files=files) != cache.key("template", data=data, files=files)
    assert cache.key("template", data=data, files=files, versions=("3.1.4",)) != \
        cache.key("template", data=data, files=files, versions=("3.1.5",))
