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

# Keep compiled modules (.pyc), as users' Python does, also where PYTHONDONTWRITEBYTECODE is set (as on
# the development machines): the test modules' assertion rewriting and drafter's own modules are then
# compiled once, not again in every run and every xdist worker.  Subprocesses get the same (below).
sys.dont_write_bytecode = False


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

    Jobs: ``doc`` (a short draft saved as Word 97 .doc), ``resaved-template`` (the county template
    opened and saved again as .docx) and, where the seed reports are present, ``seed-pdf`` (seed 004
    built as a .docx and printed to PDF).  Each job is a separate LibreOffice process (no Python
    thread).  In a single-process run they all start as soon as the collected tests are known to need
    them, so they overlap with the rest of the suite; under pytest-xdist the cores are busy anyway, so
    a job starts when a test first asks for it, on the worker that runs that test (each job is done
    once per run).  :meth:`get` waits for one.
    """

    def __init__(self):
        self.folder: Path | None = None
        self.procs: dict = {}
        self.outputs: dict = {}

    def _jobs(self) -> dict:
        """name → (LibreOffice filter, source file, suffix of the result), sources written on first use."""
        import shutil
        import tempfile

        from drafter import levels
        from drafter.render.build import template_name
        from tests.lint.docx_build import build_docx

        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="drafter-office-"))
            (self.folder / "doc-in").mkdir()
            (self.folder / "tpl-in").mkdir()
        jobs = {"doc": ("doc", lambda: build_docx(self.folder / "doc-in" / "草稿.docx", DOC_DRAFT_TEXT), ".doc"),
                "resaved-template": ("docx:MS Word 2007 XML", lambda: Path(shutil.copy(
                    levels.get_level("county").directory / template_name("single"), self.folder / "tpl-in" / "t.docx")),
                    ".docx")}
        seed = next((p for p in seed_files() if p.name.startswith("004")), None)
        if seed is not None:
            jobs["seed-pdf"] = ("pdf", lambda: build_docx(self.folder / "doc-in" / "004.docx", seed.read_text("utf-8")),
                                ".pdf")
        return jobs

    def start(self, names=None) -> None:
        """Start the conversions ``names`` (all by default) that are not running yet."""
        from drafter.render.render import find_soffice

        soffice = find_soffice()
        if soffice is None:
            return
        for name, (fmt, make_source, suffix) in self._jobs().items():
            if name in self.procs or (names is not None and name not in names):
                continue
            source = make_source()
            out = self.folder / f"{name}-out"
            self.procs[name] = subprocess.Popen(
                [soffice, f"-env:UserInstallation={(self.folder / f'{name}-profile').as_uri()}", "--headless",
                 "--convert-to", fmt, "--outdir", str(out), str(source)],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            self.outputs[name] = out / (source.stem + suffix)

    def get(self, name: str) -> Path:
        if name not in self.procs:
            self.start([name])
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


# --- running on both cores (pytest-xdist: ``-n auto --dist loadgroup`` in pyproject.toml) -----------

# The modules whose tests share an expensive session fixture run as one group on one worker, so that
# the fixture is built once per run and no worker waits for another; every other test is handed out
# on its own.  module (or folder, ending in "/") → group (the fixture it shares).
XDIST_GROUPS = {
    "tests/web/test_browser.py": "browser",          # one Chromium, and the server in this process
    "tests/render/test_layout.py": "libreoffice",    # session_pdfs: every example and level document, one
    "tests/render/test_pdf.py": "libreoffice",       #   LibreOffice run
    "tests/review/": "review",                       # reviewed: the test jurisdiction, built and reviewed once
}
GROUPED_FIXTURES = {"browser": "browser", "session_pdfs": "libreoffice", "reviewed": "review"}
# The groups are handed out first, the longest first; single tests then keep both cores busy.
GROUP_ORDER = ("browser", "libreoffice", "review")


def xdist_worker() -> str | None:
    """This process's xdist worker id ("gw0", …), or None when the tests run in one process."""
    return os.environ.get("PYTEST_XDIST_WORKER")


def xdist_group(nodeid: str) -> str | None:
    module = nodeid.split("::", 1)[0]
    if module in XDIST_GROUPS:
        return XDIST_GROUPS[module]
    return next((group for folder, group in XDIST_GROUPS.items() if folder.endswith("/") and module.startswith(folder)),
                None)


def pytest_xdist_make_scheduler(config, log):
    """``--dist loadgroup`` with the groups of :data:`XDIST_GROUPS` (as well as ``xdist_group`` marks).

    The groups are decided by module here, in the controller, because it only sees node ids: pytest
    9.2 no longer lets xdist 3.8 append a marked test's group to its node id (pytest-xdist issue
    1386), and fixtures cannot be seen from node ids."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class SharedFixtureScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            scope = super()._split_scope(nodeid)
            return xdist_group(nodeid) or scope if scope == nodeid else scope

    return SharedFixtureScheduling(config, log)


def pytest_collection_modifyitems(session, config, items):
    if xdist_worker() is None:
        if any("office_copies" in getattr(item, "fixturenames", ()) for item in items):
            _OFFICE.start()
        return
    stray = sorted({f"{item.nodeid.split('::')[0]} ({fixture})" for item in items
                    for fixture, group in GROUPED_FIXTURES.items()
                    if fixture in item.fixturenames and xdist_group(item.nodeid) != group})
    if stray:
        import warnings
        warnings.warn(pytest.PytestWarning(
            f"these modules share a session fixture but are not in tests/conftest.py's XDIST_GROUPS, so each "
            f"xdist worker builds it again: {', '.join(stray)}"))
    # The same order on every worker (xdist checks it): groups first, in GROUP_ORDER.
    items.sort(key=lambda item: GROUP_ORDER.index(xdist_group(item.nodeid) or "") if xdist_group(item.nodeid)
               else len(GROUP_ORDER))


def pytest_sessionfinish(session, exitstatus):
    _OFFICE.close()


@pytest.fixture(scope="session")
def office_copies() -> OfficeCopies:
    """Files saved by LibreOffice in other formats (see :class:`OfficeCopies`)."""
    return _OFFICE
