"""Compiled regular expressions kept between runs (see ``docs/dev/caching.md``).

Compiling the regular expressions of drafter and its libraries (PyYAML's resolver and reader,
the analysis vocabulary, the lint rules …) took about a third of a command's start-up.  Python's
``re`` turns a pattern into a list of integers (the regex engine's code) and hands that to
``_sre.compile``.  This module keeps those lists: a pattern compiled once is, in the next
process, handed straight to ``_sre.compile`` with the very arguments ``re`` gave it last time.

* The key is the pattern itself (its type and full text) and its flags, in a file named after
  the interpreter (``sys.version``, ``_sre.MAGIC``): the engine's code depends on nothing else,
  so an entry cannot go stale.  A different Python gets a different file.
* The arguments are recorded as ``re`` passes them to ``_sre.compile`` (a stand-in for ``_sre``
  inside ``re._compiler`` notes them), so no part of ``re``'s compiler is copied here.
* Loaded once, when the CLI starts; new patterns are written back when the process exits (only
  by the process that loaded it, atomically).  A missing, damaged or unwritable file only means
  the patterns are compiled as usual.  ``DRAFTER_CACHE_DIR=off`` turns it off with the rest of
  the cache folder.
"""

from __future__ import annotations

import os
import sys
import threading

FORMAT = 1
MAX_ENTRIES = 5000          # beyond this (patterns built from many different user settings) start again

_state = {"installed": False, "table": {}, "new": 0, "pid": None, "path": None}
_local = threading.local()


class _SreRecorder:
    """``_sre`` as ``re._compiler`` sees it: everything forwarded, ``compile``'s arguments noted."""

    def __init__(self, real):
        self.__dict__.update({name: getattr(real, name) for name in dir(real)
                              if not name.startswith("__") and name != "compile"})
        self._real_compile = real.compile

    def compile(self, *args):
        _local.args = args
        return self._real_compile(*args)


def _file():
    from drafter.cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    import _sre
    import zlib

    tag = zlib.crc32(f"{sys.implementation.name} {sys.version} {_sre.MAGIC} {_sre.CODESIZE}".encode())
    return folder / f"regex-{FORMAT}-{tag:08x}.marshal"


def install() -> None:
    """Answer ``re``'s compiles from the cache file from now on (once per process; CPython 3.11+)."""
    if _state["installed"] or sys.implementation.name != "cpython" or sys.version_info < (3, 11):
        return
    try:
        import marshal
        import re._compiler as compiler

        path = _file()
        if path is None:
            return
        try:
            table = marshal.loads(path.read_bytes())
            if not isinstance(table, dict):
                table = {}
        except Exception:          # missing or damaged: compile as usual
            table = {}
        real_sre = compiler._sre
        compiler._sre = _SreRecorder(real_sre)
        original = compiler.compile
        real_compile = real_sre.compile

        def compile(p, flags=0):
            if isinstance(p, (str, bytes)) and not flags & compiler.SRE_FLAG_DEBUG:
                key = (isinstance(p, bytes), p, int(flags))
                args = table.get(key)
                if args is not None:
                    try:
                        return real_compile(*args)
                    except Exception:        # an entry that does not fit: compile it afresh
                        pass
                _local.args = None
                pattern = original(p, flags)
                if _local.args is not None and _local.args[0] == p:
                    flags_out, code, groups, groupindex, indexgroup = _local.args[1:]
                    table[key] = (p, int(flags_out), [int(c) for c in code], int(groups), dict(groupindex),
                                  tuple(indexgroup))
                    _state["new"] += 1
                return pattern
            return original(p, flags)

        compiler.compile = compile
        _state.update(installed=True, table=table, pid=os.getpid(), path=path)
        import atexit
        atexit.register(save)
    except Exception:
        return


def save() -> None:
    """Write the table back if this process compiled new patterns (never from a forked worker)."""
    path = _state["path"]
    if not _state["new"] or path is None or os.getpid() != _state["pid"]:
        return
    import marshal

    table = _state["table"]
    if len(table) > MAX_ENTRIES:
        table = {}
    tmp = path.with_name(f".tmp-{os.getpid()}-{path.name}")      # same folder: os.replace is atomic
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(table))
        os.replace(tmp, path)
        _state["new"] = 0
    except Exception:          # not writable, disk full: compiled again next time
        try:
            tmp.unlink()
        except OSError:
            pass


__all__ = ["install", "save"]
