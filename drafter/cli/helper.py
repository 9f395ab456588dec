"""A second process that loads libraries while this one works: one file, both cores.

``drafter render 2024.yaml`` first validates the data (PyYAML, Cerberus, the lint rules) and then
renders it (Jinja, docxtpl, python-docx, lxml).  Importing the second set takes as long as the whole
validation, and one core sat idle meanwhile.  On Linux the command forks a *helper* at start: it
imports what the second step needs while this process does the first, then runs that one step on
the values it is sent and hands back the result.

* The helper never prints and never writes a user's file: it returns a value (the .docx bytes), and
  this process writes it as before.  Anything unusual — the helper failed, raised (a broken template,
  a bug), died, or is not available (Windows, macOS, ``DRAFTER_JOBS=1``, one core) — and this process
  does the step itself, exactly as without a helper, so messages and exit codes cannot differ.
* The helper dies with Ctrl-C like this process, and is killed and reaped when it is not needed
  (invalid data), so nothing outlives the command.
* Used for single files only; folders have the process pool (:mod:`drafter.cli.parallel`).
"""

from __future__ import annotations

import os
import pickle
import struct
import sys

NO_RESULT = object()
_current = None               # this process's helper, if a single-file command started one


def available() -> bool:
    """Fork-based helpers: Linux with two cores or more, not turned off with ``DRAFTER_JOBS=1``."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if os.environ.get("DRAFTER_JOBS", "").strip() == "1":
        return False
    return (os.cpu_count() or 1) >= 2


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class Helper:
    """A forked process that runs ``preload()`` at once, then the calls sent with :meth:`run`, in turn."""

    def __init__(self, preload):
        self.pid = None
        if not available():
            return
        requests, results = os.pipe(), os.pipe()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()          # nothing buffered may be written twice
            except (OSError, ValueError):
                pass
        try:
            pid = os.fork()
        except OSError:
            for fd in (*requests, *results):
                os.close(fd)
            return
        if pid == 0:                                           # the helper
            code = 0
            try:
                os.close(requests[1])
                os.close(results[0])
                _serve(preload, requests[0], results[1])
            except BaseException:       # noqa: BLE001 - never a traceback; this process does the work itself
                code = 1
            finally:
                os._exit(code)
        os.close(requests[0])
        os.close(results[1])
        self.pid, self._send, self._receive = pid, requests[1], results[0]

    def run(self, function, *args, **kwargs):
        """``function(*args, **kwargs)`` computed by the helper, or ``NO_RESULT`` if it could not
        (then the helper is stopped: the caller does this and every later step itself)."""
        if self.pid is None:
            return NO_RESULT
        try:
            request = pickle.dumps((function, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
            _write_all(self._send, struct.pack("<Q", len(request)) + request)
            status, value = pickle.loads(_read_message(self._receive))
        except Exception:               # it died, a broken pipe, a value that does not pickle: do it here
            status, value = "failed", None
        if status != "ok":
            self.close()
            return NO_RESULT
        return value

    def close(self) -> None:
        """Stop the helper if it is still waiting (or still loading) and reap it."""
        if self.pid is None:
            return
        import signal
        for fd in (self._send, self._receive):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            _, status = os.waitpid(self.pid, os.WNOHANG)
            if _ == 0:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except OSError:
            pass
        self.pid = None


def _read_message(fd: int) -> bytes:
    """One length-prefixed message; EOFError if the other side has gone."""
    def exactly(size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = os.read(fd, min(1 << 20, size - len(data)))
            if not chunk:
                raise EOFError
            data += chunk
        return data
    return exactly(struct.unpack("<Q", exactly(8))[0])


def _serve(preload, requests: int, results: int) -> None:
    import signal

    from drafter.cli import regex_cache

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):              # end quietly, like the command
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_WRONLY)                # whatever a library prints goes nowhere
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    preload()
    regex_cache.save(helper=True)     # the patterns only this process compiled (Jinja's …), for next time
    while True:
        try:
            function, args, kwargs = pickle.loads(_read_message(requests))
        except EOFError:
            return                                            # no more work (or not needed after all)
        try:
            answer = ("ok", function(*args, **kwargs))
        except BaseException:         # noqa: BLE001 - the caller does it again and reports it as usual
            answer = ("failed", None)
        regex_cache.save(helper=True)
        body = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        _write_all(results, struct.pack("<Q", len(body)) + body)


def start(preload) -> None:
    """Start this command's helper (if helpers are available here) running ``preload``."""
    global _current
    stop()
    if available():
        _current = Helper(preload)


def run(function, *args, **kwargs):
    """``function(*args, **kwargs)`` by this command's helper, or :data:`NO_RESULT` (no helper, or it failed)."""
    if _current is None:
        return NO_RESULT
    return _current.run(function, *args, **kwargs)


def stop() -> None:
    global _current
    helper, _current = _current, None
    if helper is not None:
        helper.close()


SAMPLE = ("关于2024年法治政府建设情况的报告\n中共示例县委、示例县人大常委会：\n"
          "2024年，示例县扎实推进法治政府建设。现将有关情况报告如下。\n一、2024年推进法治政府建设的主要举措和成效\n"
          "（一）完善制度。全年审查规范性文件12件，纠正2件。\n示例县人民政府\n2025年2月20日")


def preload_checking() -> None:
    """What validate's content pass needs: the lint rules and the analysis, their patterns and tables
    built by linting a few lines (a helper's head start; nothing about the user's file)."""
    from drafter.data import content, validate  # noqa: F401
    from drafter.document.text_reader import read_text
    from drafter.lint.runner import lint_document
    from drafter.render import context  # noqa: F401

    lint_document(read_text(SAMPLE))


def preload_rendering() -> None:
    """Validate's content pass and then rendering (Jinja, docxtpl, python-docx, lxml)."""
    from drafter.render.render import preload_rendering as rendering

    preload_checking()
    rendering()


def content_findings(document: dict) -> list:
    """validate's content-rule findings, from the helper if there is one (the same list either way)."""
    from drafter.data.validate import content_findings as here

    found = run(here, document)
    return here(document) if found is NO_RESULT else found


__all__ = ["Helper", "NO_RESULT", "available", "content_findings", "preload_checking", "preload_rendering", "run",
           "start", "stop"]
