"""A cache between runs for work that depends only on files' content: parsed package YAML and
compiled templates.  See ``docs/dev/caching.md``.

Every entry is stored under a key that is a digest of **everything the result depends on**: the
bytes of the source file, the bytes of the drafter modules that turn it into the result, and the
versions of Python and of the libraries involved.  A changed source therefore has another key and
is never answered from the cache: there is no staleness check to get wrong, because nothing is
looked up by name.  Old entries are simply not found any more (and pruned, oldest first).

The cache folder is ``DRAFTER_CACHE_DIR`` if set, else the platform's per-user cache folder
(``%LOCALAPPDATA%\\drafter\\Cache``, ``~/Library/Caches/drafter``, ``$XDG_CACHE_HOME/drafter``
or ``~/.cache/drafter``).  ``DRAFTER_CACHE_DIR=off`` turns the cache off.  Any failure to read or
write it (no permission, a full disk, a damaged entry) only means the work is done again; it
never stops a command and never prints.
"""

from __future__ import annotations

import marshal
import os
import sys
from functools import lru_cache
from pathlib import Path

FORMAT = b"drafter-cache-2"
# A value is stored with marshal when marshal gives it back equal (plain data such as parsed YAML: dicts,
# lists, strings, numbers), which reads faster and needs no ``pickle`` import at start-up; anything else
# (dates, objects) with pickle.  The first line of an entry says which, after the format.
_MARSHAL, _PICKLE = b"marshal", b"pickle"
SUFFIX = ".entry"
MAX_ENTRIES = 200


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` if caching is off."""
    setting = os.environ.get("DRAFTER_CACHE_DIR")
    if setting:
        return None if setting.strip().lower() in ("off", "0", "none") else Path(setting)
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base, "drafter", "Cache") if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "drafter"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base, "drafter")


@lru_cache(maxsize=1)
def _sha256_type():
    """Python's own SHA-256 rather than ``hashlib``'s: importing ``hashlib`` loads OpenSSL (a few ms
    at every start); the digest is the same."""
    try:
        from _sha2 import sha256                 # Python 3.12+
    except ImportError:
        try:
            from _sha256 import sha256           # Python 3.10, 3.11
        except ImportError:                      # pragma: no cover - a build without them
            from hashlib import sha256
    return sha256


def sha256(data: bytes = b""):
    """A SHA-256 hash object (``hashlib.sha256``'s interface) that does not load OpenSSL."""
    return _sha256_type()(data)


@lru_cache(maxsize=64)
def _file_digest(path: str, mtime_ns: int, size: int) -> bytes:
    with open(path, "rb") as f:
        return sha256(f.read()).digest()


def file_digest(path: Path | str) -> bytes:
    """SHA-256 of a file's bytes (memoised in this process by path, size and time)."""
    st = os.stat(path)
    return _file_digest(str(path), st.st_mtime_ns, st.st_size)


def key(kind: str, *, data: bytes | None = None, files=(), versions=()) -> str:
    """The key of a result computed from ``data``/``files`` by code in ``files`` under ``versions``."""
    h = sha256(FORMAT + kind.encode() + sys.version.encode())
    for version in versions:
        h.update(b"\0" + str(version).encode())
    for path in files:
        h.update(b"\1" + file_digest(path))
    if data is not None:
        h.update(b"\2" + sha256(data).digest())
    return f"{kind}-{h.hexdigest()[:40]}"


def load(name: str):
    """The value stored under ``name``, or ``None``."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        raw = (folder / f"{name}{SUFFIX}").read_bytes()
        head, _, body = raw.partition(b"\n")
        if head == FORMAT + b" " + _MARSHAL:
            return marshal.loads(body)
        if head == FORMAT + b" " + _PICKLE:
            import pickle
            return pickle.loads(body)
        return None
    except Exception:            # missing, unreadable or damaged: do the work again
        return None


def store(name: str, value) -> None:
    """Keep ``value`` under ``name`` (atomically; silently skipped if the folder is not writable)."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        write_file(folder / f"{name}{SUFFIX}", _serialise(value))
        _prune(folder)
    except Exception:
        pass


def _serialise(value) -> bytes:
    try:
        body = marshal.dumps(value)
        if marshal.loads(body) == value:
            return FORMAT + b" " + _MARSHAL + b"\n" + body
    except (ValueError, TypeError):
        pass
    import pickle
    return FORMAT + b" " + _PICKLE + b"\n" + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def write_file(path: Path, data: bytes) -> None:
    """Write a cache file atomically (a temporary file in the same folder, then renamed); errors are raised."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _prune(folder: Path) -> None:
    # ``*.pickle``: entries of an older drafter (drafter-cache-1), which may still be installed beside this one
    entries = [*folder.glob(f"*{SUFFIX}"), *folder.glob("*.pickle")]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime)
    for old in entries[:len(entries) - MAX_ENTRIES]:
        old.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def _pyyaml_files() -> tuple:
    """The PyYAML sources that decide what a document parses to (its version is in __init__.py),
    found without importing PyYAML: a command answered from the cache does not load it at all."""
    import importlib.util
    spec = importlib.util.find_spec("yaml")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return tuple(folder / name for name in ("__init__.py", "constructor.py", "resolver.py"))


def yaml_file(path: Path | str, *, raw: bytes | None = None, check=None, check_files=()):
    """A YAML file of drafter's own (schema, level definitions) parsed, from the cache if possible.

    ``raw`` is the file's bytes if the caller has read them already.  ``check(path)``, if given, is run
    before parsing and raises for a file that may not be used; only a file that passed it is stored, and
    the code doing the check (``check_files``) is part of the key, so a hit also stands for a passed check.

    Each call returns new objects (callers may change them).  Errors are those of parsing (or ``check``).
    libyaml and the pure loader give the same data (tests/data/test_fast_yaml.py), so which one
    parsed it is not part of the key.
    """
    if raw is None:
        raw = Path(path).read_bytes()
    kind = "yaml-checked" if check is not None else "yaml"
    name = key(kind, data=raw, files=(*_pyyaml_files(), *check_files))
    found = load(name)
    if found is not None:
        return found
    if check is not None:
        check(path)
    import yaml

    from drafter.data.loader import FAST_LOADER

    data = yaml.load(raw.decode("utf-8-sig"), Loader=FAST_LOADER)
    store(name, data)
    return data
