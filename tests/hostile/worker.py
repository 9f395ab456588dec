"""Run many drafter command lines in one bounded child process (the fuzzers' engine).

``python -m tests.hostile.worker CASES.json RESULTS.json``: each case is an
argv list; each runs in-process through ``drafter.cli.main`` with its own
time bound (SIGALRM), under the memory cap the parent set with setrlimit.
One process for a batch keeps a CI-sized fuzz run within seconds.
"""

from __future__ import annotations

import io
import json
import signal
import sys
import time


class CaseTimeout(BaseException):      # BaseException: drafter's boundary must not swallow it
    pass


def _alarm(signum, frame):
    raise CaseTimeout()


def run_case(argv: list, seconds: int) -> dict:
    from drafter.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    started = time.monotonic()
    code, timed_out = None, False
    try:
        main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except CaseTimeout:
        timed_out = True
    except MemoryError:
        code = "MemoryError"
    finally:
        signal.alarm(0)
        sys.stdout, sys.stderr = saved
    return {"argv": argv, "code": code, "out": out.getvalue()[-2000:], "err": err.getvalue()[-2000:],
            "timed_out": timed_out, "seconds": round(time.monotonic() - started, 2)}


def main() -> None:
    cases = json.loads(open(sys.argv[1], encoding="utf-8").read())
    seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    results = [run_case(argv, seconds) for argv in cases]
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
