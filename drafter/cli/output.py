"""What the CLI writes, decided in one place: colour, verbosity, machine-readable output.

- Colour: on for a terminal, off when ``NO_COLOR`` is set (https://no-color.org) or output is
  redirected.  :func:`colour` is the only place that decides.
- Verbosity: ``drafter -q`` shows only problems; ``drafter -v`` also shows each step.
- JSON, SARIF and YAML sent to a redirected stdout are bytes in UTF-8 whatever the console's code
  page (a Chinese Windows console is GBK): :func:`emit_document`; a .docx: :func:`emit_bytes`.
"""

from __future__ import annotations

import os
import sys

import click

QUIET, NORMAL, VERBOSE = 0, 1, 2
STDIO = "-"          # a path of "-" means standard input or standard output


def colour(stream=None) -> bool:
    """Whether to colour what goes to ``stream`` (stdout by default)."""
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


_WORKER_VERBOSITY: list = []     # set in a worker process of drafter.cli.parallel (no click context there)


def verbosity() -> int:
    """The command's -q/-v: from click's context, or (in a spawned worker, which has none) as passed
    with the job."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        obj = ctx.find_root().obj
        return obj.get("verbosity", NORMAL) if isinstance(obj, dict) else NORMAL
    return _WORKER_VERBOSITY[0] if _WORKER_VERBOSITY else NORMAL


def use_verbosity(level: int) -> None:
    """In a job run by :func:`drafter.cli.parallel.run_all`: the command's -q/-v (passed with the job)."""
    _WORKER_VERBOSITY[:] = [level]


def info(text: str, **style) -> None:
    """A progress or success line: hidden by ``-q``."""
    if verbosity() >= NORMAL:
        click.echo(click.style(text, **style) if style and colour() else text)


def detail(text: str) -> None:
    """A step worth showing only with ``-v`` (to stderr, so it never mixes with results)."""
    if verbosity() >= VERBOSE:
        click.echo(text, err=True)


def problem(text: str, fg: str = "red") -> None:
    """A problem line: always shown."""
    click.echo(click.style(text, fg=fg) if colour() else text)


def emit_document(text: str) -> None:
    """A whole document (JSON, SARIF, YAML) on stdout: UTF-8 bytes when redirected to a file or a
    pipe, whatever the code page; on a console, in the console's own encoding so a person can read it."""
    if getattr(sys.stdout, "isatty", lambda: False)():
        click.echo(text, nl=False)
    else:
        emit_bytes(text.encode("utf-8"))


def emit_bytes(data: bytes) -> None:
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:                          # a test runner's text stream
        stream.write(data.decode("utf-8"))
        return
    stream.flush()
    buffer.write(data)
    buffer.flush()


def is_stdio(path) -> bool:
    return path is not None and str(path) == STDIO


def read_stdin_bytes() -> bytes:
    stream = sys.stdin
    return stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
