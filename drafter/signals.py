"""SIGTERM and SIGHUP end drafter the way Ctrl-C does (see ``docs/dev/architecture.md``).

Kept apart from :mod:`drafter.fsutil` (which re-exports it) so that the CLI can install the handlers
at start without importing the file helpers (``drafter --help`` stays fast).
"""

from __future__ import annotations

import os
import signal
import threading

_live_temps: set[str] = set()  # temporary files to remove if a signal ends the process (fsutil.atomic_path)


class Terminated(BaseException):
    """Raised in the main thread when drafter receives SIGTERM or SIGHUP, as Ctrl-C raises KeyboardInterrupt.

    Every ``finally`` then runs, so temporary files and folders are removed and
    no target is left half-replaced; the CLI reports it and exits with 128 + signal.
    """

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _terminate(signum, frame):
    for tmp in list(_live_temps):      # first, in case the exception cannot unwind (a C call)
        try:
            os.unlink(tmp)
        except OSError:
            pass
    raise Terminated(signum)


def install_signal_handlers() -> None:
    """Turn SIGTERM and SIGHUP into :class:`Terminated` (main thread only, where nobody else handles them)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            if signal.getsignal(signum) in (signal.SIG_DFL, None):
                signal.signal(signum, _terminate)
        except (ValueError, OSError):
            pass
