"""Spread the files of a folder over the machine's cores, keeping the output as one process gives it.

``render``, ``lint`` and ``validate`` call :func:`run_all` with a job function and the files.
With enough files (see :func:`workers_for`) the jobs run in a process pool; otherwise, or with
``DRAFTER_JOBS=1``, in this process.  Either way:

* results come back **in input order**, and what a job printed is printed by this process, in
  that order, so the output does not depend on which core finished first;
* a job function is a module-level function taking one picklable argument and returning a
  picklable value; what it prints is captured (with colours if this process's stdout is a
  terminal) and echoed after it returns;
* everything the jobs share (the compiled template, the schema, the rules) is loaded once per
  process: the first file is done in this process before the pool starts, so forked workers
  inherit what it loaded (on Windows each worker loads it once);
* a progress bar goes to stderr, only when stderr is a terminal.
"""

from __future__ import annotations

import io
import os
import sys

import click

# Below this many files a pool costs more than it saves (per-file work is 10–100 ms).
MIN_FILES_FORK = 4            # workers forked from this process: ~10 ms each, caches inherited
MIN_FILES_SPAWN = 16          # fresh interpreters (Windows, macOS): ~0.3 s each to import drafter


def _context():
    """Fork on Linux (workers inherit what the first file loaded); fresh interpreters elsewhere
    (Windows has no fork, and macOS system libraries are not safe to fork)."""
    import multiprocessing      # here, not at the top: a single file never pays for it

    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def workers_for(count: int) -> int:
    """How many processes to use for ``count`` files: 1 means in this process."""
    setting = os.environ.get("DRAFTER_JOBS", "").strip()
    cores = os.cpu_count() or 1
    if setting:
        try:
            cores = max(1, int(setting))
        except ValueError:
            pass
    if cores < 2 or count < 2:
        return 1
    threshold = MIN_FILES_FORK if _context().get_start_method() == "fork" else MIN_FILES_SPAWN
    if count < threshold and not setting:
        return 1
    return min(cores, count)


class _Captured(io.StringIO):
    """A job's stdout: keeps click's colours when the real stdout is a terminal."""

    def __init__(self, tty: bool):
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def _call(job, arg, tty: bool):
    saved = sys.stdout
    sys.stdout = _Captured(tty)
    try:
        result = job(arg)
        return result, sys.stdout.getvalue()
    finally:
        sys.stdout = saved


def _call_packed(packed):
    job, arg, tty = packed
    return _call(job, arg, tty)


def run_all(job, args: list, *, label: str, name=None):
    """Run ``job(arg)`` for every arg; yield the results in order, echoing what each job printed."""
    workers = workers_for(len(args))
    tty = sys.stdout.isatty()
    show_bar = len(args) > 1 and sys.stderr.isatty()
    bar = click.progressbar(length=len(args), label=label, file=sys.stderr, show_pos=True,
                            item_show_func=lambda item: item) if show_bar else None
    pool = None
    try:
        if bar is not None:
            bar.__enter__()
        for index, arg in enumerate(args):
            if index == 1 and workers > 1:       # the first file warmed this process: now fork
                from concurrent.futures import ProcessPoolExecutor
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
                chunk = max(1, min(8, (len(args) - 1) // (workers * 4)))
                pending = pool.map(_call_packed, [(job, a, tty) for a in args[1:]], chunksize=chunk)
            result, text = next(pending) if pool is not None else _call(job, arg, tty)
            _echo(text)
            if bar is not None:
                bar.update(1, name(arg) if name else None)
            yield result
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        if bar is not None:
            bar.__exit__(None, None, None)


def _echo(text: str) -> None:
    if text:
        click.echo(text, nl=False)
