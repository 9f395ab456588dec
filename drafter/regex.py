"""drafter's own regular expressions, compiled once per machine instead of once per run.

Python compiles a pattern in pure Python (``re._parser`` + ``re._compiler``); the character classes
of Chinese text (``[一-鿿]``, the traditional characters, the vocabulary alternations) make that
about 30 ms of every ``drafter lint``/``validate`` start.  The result of that work is a list of
integers (the SRE program) which depends only on the pattern text, its flags and the Python build.
:func:`compile` keeps those programs in one file of the cache folder (see ``docs/dev/caching.md``)
and rebuilds the pattern object from it with ``_sre.compile`` — the same call ``re.compile`` ends
with — so a hit costs microseconds.

Why it cannot go stale or go wrong:

* the key of an entry is the pattern text and flags themselves; the file's name carries the Python
  version, build and the SRE engine's ``MAGIC``, so another Python never reads it;
* an entry is stored only after the pattern built from it compared equal (``==`` compares flags,
  pattern text and the SRE program) to what ``re.compile`` returned;
* a damaged file (checksum), another interpreter than CPython, a missing private API or any error
  means plain ``re.compile``; the cache is an optimisation only, never a requirement.

Only patterns written in drafter's code or built from its package data go through here (never text
from a user's file), so the file holds a small set; patterns an older drafter used stay until the
file reaches :data:`MAX_ENTRIES`, when it starts again with the patterns of the run that writes it.
"""

from __future__ import annotations

import array
import re
import sys

MAX_ENTRIES = 800            # drafter's commands together use about 300
_FORMAT = b"drafter-re-2"

_entries: dict | None = None          # (pattern, flags) → (flags, code, groups, groupindex, indexgroup)
# ``code`` is the SRE program packed as bytes of unsigned 32-bit words (an ``array("I")``): read back as one
# object instead of tens of thousands of ints, which makes reading the file 1 ms faster at every start.
_added = False                        # entries compiled in this process, to be written at exit
_used: set = set()                    # keys asked for in this process
_engine = None                        # (_sre, parse, code) or False where unavailable
_at_exit = False                      # _save registered


def _internals():
    """``(_sre, parse, code)``: the three steps of ``re.compile``, or ``False`` if not available."""
    global _engine
    if _engine is None:
        _engine = False
        if sys.implementation.name == "cpython":
            try:
                import _sre
                if sys.version_info >= (3, 11):
                    from re import _compiler, _parser
                else:                                   # pragma: no cover - Python 3.10
                    import sre_compile as _compiler
                    import sre_parse as _parser
                if array.array("I").itemsize != _sre.CODESIZE:   # pragma: no cover - an unusual platform
                    return _engine
                _engine = (_sre, _parser.parse, _compiler._code)
            except (ImportError, AttributeError):      # pragma: no cover - another re implementation
                _engine = False
    return _engine


def _pack(program: list) -> bytes:
    return array.array("I", program).tobytes()


def arguments(entry: tuple) -> tuple:
    """``_sre.compile``'s arguments after the pattern, from a stored entry."""
    flags, code, groups, groupindex, indexgroup = entry
    return flags, array.array("I", code).tolist(), groups, groupindex, indexgroup


def _file():
    from drafter.cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    import zlib

    engine = _internals()
    build = zlib.crc32(sys.version.encode())
    # the format is in the name too: two drafter versions on one machine do not overwrite each other's file
    return folder / f"re{_FORMAT[-1:].decode()}-{sys.implementation.cache_tag}-{build:08x}-{engine[0].MAGIC}.marshal"


def _load() -> dict:
    global _entries
    _entries = {}
    try:
        path = _file()
        if path is None:
            return _entries
        import marshal
        import zlib

        raw = path.read_bytes()
        head, _, body = raw.partition(b"\n")
        fmt, _, crc = head.partition(b" ")
        if fmt == _FORMAT and int(crc) == zlib.crc32(body):
            _entries = marshal.loads(body)
    except Exception:         # missing, unreadable or damaged: compile again
        _entries = {}
    return _entries


def _save() -> None:
    """Write the entries at exit (merged with what another process may have written meanwhile)."""
    global _entries
    if not _added:
        return
    try:
        import marshal
        import zlib

        from drafter.cache import write_file

        path = _file()
        if path is None:
            return
        mine = {key: _entries[key] for key in _used if key in _entries}
        on_disk = _load()
        merged = {**on_disk, **mine}
        _entries = merged if len(merged) <= MAX_ENTRIES else mine       # full: start again from this run's
        body = marshal.dumps(_entries)
        write_file(path, _FORMAT + b" %d\n" % zlib.crc32(body) + body)
    except Exception:          # a read-only or full disk: the patterns are compiled again next time
        pass


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)`` for one of drafter's own patterns, answered from the cache when possible."""
    global _added, _at_exit
    flags = int(flags)
    engine = _internals()
    if not engine or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    entries = _entries if _entries is not None else _load()
    key = (pattern, flags)
    if len(_used) < MAX_ENTRIES:
        _used.add(key)
    entry = entries.get(key)
    if entry is not None:
        try:
            return engine[0].compile(pattern, *arguments(entry))
        except Exception:      # damaged entry: fall through and compile it again
            entries.pop(key, None)
    compiled = re.compile(pattern, flags)
    if key not in _used:
        return compiled
    try:
        _sre, parse, code = engine
        parsed = parse(pattern, flags)
        program = _pack([int(op) for op in code(parsed, flags)])
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (int(flags | parsed.state.flags), program, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        if _sre.compile(pattern, *arguments(entry)) != compiled:
            return compiled
    except Exception:
        return compiled
    entries[key] = entry
    _added = True
    if not _at_exit:
        import atexit
        atexit.register(_save)
        _at_exit = True
    return compiled
