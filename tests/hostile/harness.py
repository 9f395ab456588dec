"""Run drafter on a hostile input in a child process with a time bound and a memory cap.

These are hang guards, not speed targets: the bound (20 s) and the cap (1.5 GB
of address space) are far above what a correct run needs, and a run that
exceeds them is a bug (an unbounded case), as is exit code 3 or a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

TIME_BOUND = 20.0                     # seconds, wall clock
MEMORY_CAP = 1536 * 1024 * 1024       # bytes of address space (RLIMIT_AS)
ROOT = Path(os.environ.get("DRAFTER_HOSTILE_ROOT") or Path(__file__).resolve().parents[2])  # another checkout: compare

NEUTRAL_CWD = Path(__file__).resolve().parent  # not the checkout root, so PYTHONPATH decides which drafter runs
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Outcome:
    args: list
    code: int | None           # None: killed at the time bound
    out: str
    err: str
    timed_out: bool = False

    @property
    def text(self) -> str:
        return self.out + self.err

    def problems(self, allowed=(0, 1, 2)) -> list[str]:
        """What is wrong with this run (empty when it behaved)."""
        found = []
        if self.timed_out:
            found.append(f"did not finish within {TIME_BOUND:.0f} s")
        elif self.code not in allowed:
            found.append(f"exit code {self.code}")
        if "Traceback (most recent call last)" in self.text:
            found.append("traceback")
        if "程序内部错误" in self.text:
            found.append("internal error")
        if self.code in (1, 2) and not _CJK.search(self.text):
            found.append("no Chinese message")
        if "MemoryError" in self.text:
            found.append("memory cap reached")
        return found


def _limits(file_size: int | None):
    def apply():                     # runs in the child before exec
        import resource
        import signal
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
        if file_size is not None:    # a "full disk": writes beyond this size fail with EFBIG
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
        os.setsid()
    return apply


def run_guarded(*args, cwd: Path | None = None, timeout: float = TIME_BOUND, env: dict | None = None,
                stdin=subprocess.DEVNULL, file_size: int | None = None) -> Outcome:
    """``python -m drafter ARGS`` bounded in time and memory; the whole process group is killed at the bound."""
    import signal

    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", **(env or {})}
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    if file_size is not None:
        # CPython writes a module's compiled cache (.pyc) with a single write(); under a file-size limit
        # that write is cut short and the truncated .pyc then breaks every later import of that module
        full_env["PYTHONDONTWRITEBYTECODE"] = "1"
    argv = [sys.executable, "-m", "drafter", *map(str, args)]
    proc = subprocess.Popen(argv, cwd=cwd or NEUTRAL_CWD, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=stdin, preexec_fn=_limits(file_size))
    try:
        out, err = proc.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = proc.communicate()
        timed_out = True
    return Outcome([str(a) for a in args], None if timed_out else proc.returncode,
                   out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), timed_out)


def run_batch(cases: list[list], folder: Path, per_case: int = int(TIME_BOUND)) -> list[Outcome]:
    """Run many drafter command lines in one child process (tests.hostile.worker), each bounded in time,
    all under the memory cap.  A child that dies (memory, a hang past the batch bound) fails every case."""
    import json

    cases_file, results_file = folder / "cases.json", folder / "results.json"
    cases_file.write_text(json.dumps([[str(a) for a in argv] for argv in cases], ensure_ascii=False), "utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + str(Path(__file__).resolve().parents[2])
    proc = subprocess.run([sys.executable, "-m", "tests.hostile.worker", str(cases_file), str(results_file),
                           str(per_case)], cwd=NEUTRAL_CWD, env=env, capture_output=True,
                          preexec_fn=_limits(None), timeout=per_case * len(cases) + 60)
    if proc.returncode != 0 or not results_file.exists():
        raise AssertionError(f"the fuzz worker died (exit {proc.returncode}): "
                             f"{proc.stderr.decode('utf-8', 'replace')[-1500:]}")
    results = json.loads(results_file.read_text("utf-8"))
    return [Outcome(r["argv"], None if r["timed_out"] else r["code"], r["out"], r["err"], r["timed_out"])
            for r in results]
