"""Shared fixtures: the repository's examples, the shared seed reports, and a CLI runner."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory):
    """drafter's cache between runs (drafter.cache) lives in this test session's folder, not the user's;
    Python subprocesses keep compiled modules (.pyc), as users' Python does."""
    os.environ["DRAFTER_CACHE_DIR"] = str(tmp_path_factory.mktemp("drafter-cache"))
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt")) if SEEDS.is_dir() else []


@pytest.fixture
def seeds_dir() -> Path:
    """The real seed reports (``../shared/seeds``); skips where they are absent."""
    if not seed_files():
        pytest.skip("../shared/seeds 不存在（用户的克隆中没有参考报告）")
    return SEEDS


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (e.g. "003"); skips if absent."""
    for path in seed_files():
        if path.name.startswith(prefix):
            return path
    pytest.skip(f"参考报告 {prefix} 不存在")


@pytest.fixture(autouse=True, scope="session")
def _isolated_state(tmp_path_factory):
    """drafter's output ledger (fsutil.state_dir) in a temporary folder, never the tester's home."""
    import os
    folder = tmp_path_factory.mktemp("drafter-state")
    old = os.environ.get("DRAFTER_STATE_DIR")
    os.environ["DRAFTER_STATE_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("DRAFTER_STATE_DIR", None)
    else:
        os.environ["DRAFTER_STATE_DIR"] = old


@dataclass
class Run:
    code: int
    out: str
    err: str


def _run_process(*args, cwd: Path | None = None, input: str | None = None) -> Run:
    """``python -m drafter ARGS`` in a new process, exactly as a user runs it."""
    proc = subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, input=input,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"})
    return Run(proc.returncode, proc.stdout, proc.stderr)


class _Stream(io.TextIOWrapper):
    """A captured standard stream: UTF-8, not a terminal, like a pipe to a subprocess."""

    def __init__(self, data: bytes = b""):
        super().__init__(io.BytesIO(data), encoding="utf-8", errors="strict", newline=None,
                         write_through=True)

    def value(self) -> str:
        self.flush()
        return self.buffer.getvalue().decode("utf-8")


def _run_in_process(*args, cwd: Path | None = None, input: str | None = None) -> Run:
    """``drafter.cli.main(ARGS)`` in this process, with the same streams, environment and exit code
    a subprocess would see; everything the call may change (cwd, environment, standard streams,
    signal handlers, click's context stack) is put back afterwards, so tests cannot leak into
    each other."""
    import click

    from drafter import cli

    saved_cwd = os.getcwd()
    saved_env = dict(os.environ)
    saved_streams = (sys.stdin, sys.stdout, sys.stderr)
    saved_signals = {sig: signal.getsignal(sig) for sig in _SIGNALS}
    stdin, stdout, stderr = _Stream((input or "").encode("utf-8")), _Stream(), _Stream()
    code = 0
    try:
        os.environ.update({"PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"})
        if cwd is not None:
            os.chdir(cwd)
        sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
        try:
            cli.main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if not isinstance(exc.code, (int, type(None))):
                print(exc.code, file=sys.stderr)
    finally:
        out, err = stdout.value(), stderr.value()
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        for sig, handler in saved_signals.items():
            signal.signal(sig, handler)
        while click.get_current_context(silent=True) is not None:   # a context left pushed by a failure
            click.globals.pop_context()
    return Run(code, out, err)


_SIGNALS = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None),
                             getattr(signal, "SIGBREAK", None)) if s is not None)


@pytest.fixture
def run_cli():
    """Run the ``drafter`` command line with ARGS in this process (fast), as a user would see it:
    captured stdout/stderr (UTF-8, not a terminal, NO_COLOR), the exit code, optional ``cwd`` and
    ``input``.  See :func:`run_process` for the few end-to-end tests that start a real process."""
    return _run_in_process


@pytest.fixture
def run_process():
    """Run ``python -m drafter ARGS`` in a subprocess: for the end-to-end tests of the real entry point."""
    return _run_process


# --- LibreOffice conversions shared by the whole session ---------------------------------------

DOC_DRAFT_TEXT = "青山县关于2024年法治政府建设情况的报告\n一、主要举措和成效\n正文。"


class OfficeCopies:
    """Files LibreOffice saved in another format, for tests of what other office suites write.

    The conversions start in the background (separate LibreOffice processes, no Python thread) as
    soon as the collected tests are known to need them, so they overlap with the rest of the suite;
    :meth:`get` waits for one.  Jobs: ``doc`` (a short draft saved as Word 97 .doc),
    ``resaved-template`` (the county template opened and saved again as .docx) and, where the seed
    reports are present, ``seed-pdf`` (seed 004 built as a .docx and printed to PDF).
    """

    def __init__(self):
        self.folder: Path | None = None
        self.procs: dict = {}
        self.outputs: dict = {}

    def start(self) -> None:
        import shutil
        import tempfile

        from drafter import levels
        from drafter.render.build import template_name
        from drafter.render.render import find_soffice
        from tests.lint.docx_build import build_docx

        soffice = find_soffice()
        if soffice is None or self.procs:
            return
        self.folder = Path(tempfile.mkdtemp(prefix="drafter-office-"))
        (self.folder / "doc-in").mkdir()
        jobs = {
            "doc": ("doc", build_docx(self.folder / "doc-in" / "草稿.docx", DOC_DRAFT_TEXT), ".doc"),
            "resaved-template": ("docx:MS Word 2007 XML", self.folder / "tpl-in" / "t.docx", ".docx"),
        }
        seed = next((p for p in seed_files() if p.name.startswith("004")), None)
        if seed is not None:
            jobs["seed-pdf"] = ("pdf", build_docx(self.folder / "doc-in" / "004.docx", seed.read_text("utf-8")), ".pdf")
        jobs["resaved-template"][1].parent.mkdir(parents=True)
        shutil.copy(levels.get_level("county").directory / template_name("single"), jobs["resaved-template"][1])
        for name, (fmt, source, suffix) in jobs.items():
            out = self.folder / f"{name}-out"
            self.procs[name] = subprocess.Popen(
                [soffice, f"-env:UserInstallation={(self.folder / f'{name}-profile').as_uri()}", "--headless",
                 "--convert-to", fmt, "--outdir", str(out), str(source)],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            self.outputs[name] = out / (source.stem + suffix)

    def get(self, name: str) -> Path:
        if name not in self.procs:
            self.start()
        if name not in self.procs:
            pytest.skip("没有安装 LibreOffice（或参考报告）")
        proc = self.procs[name]
        _, err = proc.communicate(timeout=180)
        assert proc.returncode == 0 and self.outputs[name].is_file(), err.decode("utf-8", "replace")
        return self.outputs[name]

    def close(self) -> None:
        import shutil
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            if proc.stderr:
                proc.stderr.close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


_OFFICE = OfficeCopies()


def pytest_collection_modifyitems(session, config, items):
    if any("office_copies" in getattr(item, "fixturenames", ()) for item in items):
        _OFFICE.start()


def pytest_sessionfinish(session, exitstatus):
    _OFFICE.close()


@pytest.fixture(scope="session")
def office_copies() -> OfficeCopies:
    """Files saved by LibreOffice in other formats (see :class:`OfficeCopies`)."""
    return _OFFICE
