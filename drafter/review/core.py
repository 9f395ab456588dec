"""``drafter review``: analyse a jurisdiction's folder, match files to the roster, build the result.

:func:`find_inputs` lists the files (what lint and validate read), :func:`analyse_all`
analyses them over a process pool, :func:`build_review` matches them to the
roster's units and computes rows, problems and the roll-up.  The workbook, JSON
and terminal summary are written from a :class:`Review` by their own modules.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from drafter.review.collect import DATA_SUFFIXES, FileResult, analyse
from drafter.review.roster import Match, Unit, match_file, normalise

# Row status, most urgent first (also the workbook's colour key).
MISSING = "未提交"
UNREADABLE = "无法读取"
DUPLICATE = "多份文件待确认"
ERRORS = "有错误"
WARNINGS = "有警告"
PASSED = "通过"
UNMATCHED = "未对应名单"
STATUSES = (MISSING, UNREADABLE, DUPLICATE, ERRORS, WARNINGS, PASSED, UNMATCHED)
FAILING = (MISSING, UNREADABLE, ERRORS)     # exit code 1 when any row has one of these


def draft_suffixes() -> tuple:
    from drafter.document.read import SUPPORTED_SUFFIXES
    return SUPPORTED_SUFFIXES + DATA_SUFFIXES


def find_inputs(folder: Path, exclude=()) -> list[Path]:
    """Every draft and data file under ``folder`` (recursively), in path order; ``exclude``: files or folders."""
    suffixes = draft_suffixes()
    skip = [Path(p).resolve() for p in exclude if p]
    out = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in suffixes or not path.is_file() or path.name.startswith((".", "~$")):
            continue
        if any(part.startswith(".") for part in path.relative_to(folder).parts[:-1]):
            continue
        resolved = path.resolve()
        if any(resolved == s or s in resolved.parents for s in skip):
            continue
        out.append(path)
    return out


def annotate_target(path: Path, folder: Path, annotate_dir: Path) -> Path | None:
    """Where the annotated copy of ``path`` goes (its place under the folder kept), or None for non-.docx."""
    if path.suffix.lower() not in (".docx", ".docm"):
        return None
    relative = path.relative_to(folder)
    return annotate_dir / relative.parent / f"{relative.stem}（审查批注）.docx"


# --- analysis over a process pool ----------------------------------------------------------------

def _warm(paths: list, targets: list) -> None:
    """Import and load what the analyses need, once, before the workers are forked (they inherit it)."""
    from drafter.importer import text  # noqa: F401
    from drafter.document import docx_reader  # noqa: F401
    from drafter.levels import all_levels, common_data
    from drafter.lint import registry  # noqa: F401
    if any(p.suffix.lower() in DATA_SUFFIXES for p in paths):
        from drafter.data import validate  # noqa: F401
    if any(targets):
        from drafter.report import annotate  # noqa: F401
    all_levels()
    common_data()


def _job(args) -> FileResult:
    path, target, level, converted = args
    return analyse(path, annotate_to=target, level=level, converted=converted)


def _convert_job(args) -> dict:
    """One LibreOffice run for a group of .doc/.wps drafts: ``{path: converted .docx}`` (strings)."""
    from drafter.document.read import CONVERT_TIMEOUT, convert_to_docx
    paths, folder = args
    try:
        done = convert_to_docx([Path(p) for p in paths], Path(folder), timeout=CONVERT_TIMEOUT * max(1, len(paths) // 4))
    except Exception:                    # each file is then read on its own, with its own message
        return {}
    return {str(p): str(c) for p, c in done.items()}


def _batched(paths: list) -> list:
    """The drafts LibreOffice must convert (.doc, .wps …; PDFs only without pdftotext), when it is installed."""
    from drafter.document.read import CONVERTIBLE_SUFFIXES, pdftotext, soffice
    if soffice() is None:
        return []
    return [p for p in paths if p.suffix.lower() in CONVERTIBLE_SUFFIXES
            and not (p.suffix.lower() == ".pdf" and pdftotext() is not None)]


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _failed(path, exc) -> FileResult:
    """A worker that died (out of memory, killed): that file only."""
    return FileResult(path=str(path), error={
        "message": f"检查该文件的进程意外退出（{exc.__class__.__name__}）",
        "hint": "文件可能过大或已损坏；请单独用 drafter lint 检查该文件", "internal": True})


def analyse_all(paths: list[Path], targets: list, *, jobs: int | None = None, progress=None, meanwhile=None,
                levels: list | None = None):
    """Analyse every file over a process pool of ``jobs`` workers; ``(results in path order, meanwhile())``.

    ``targets``: the annotated copy of each file (or None); ``levels``: the level to check each
    file as (or None).  Drafts LibreOffice must convert are converted in a few batches (one
    LibreOffice start per worker, not per file) before they are analysed.  ``progress(result)``
    is called as each file finishes; ``meanwhile()`` runs in this process while the workers
    work (e.g. reading the roster), and if it raises, the pending work is cancelled.
    """
    import tempfile

    from drafter.review.collect import _folder_config, _load_config
    _load_config.cache_clear()              # a .drafter.yaml added or edited since an earlier run in this process
    _folder_config.cache_clear()
    jobs = min(jobs or default_jobs(), len(paths))
    levels = levels or [None] * len(paths)
    batched = _batched(paths) if len(_batched(paths)) > 1 else []
    with tempfile.TemporaryDirectory(prefix="drafter-review-") as tmp:
        groups = [(batched[k::jobs], str(Path(tmp) / f"group{k}")) for k in range(jobs) if batched[k::jobs]]
        if jobs <= 1:
            return _serial(paths, targets, levels, groups, progress, meanwhile)
        return _pooled(paths, targets, levels, groups, jobs, progress, meanwhile)


def _serial(paths, targets, levels, groups, progress, meanwhile):
    extra = meanwhile() if meanwhile else None
    converted = {}
    for group in groups:
        converted.update(_convert_job(group))
    out = []
    for task in zip(paths, targets, levels, (converted.get(str(p)) for p in paths)):
        out.append(_job(task))
        if progress:
            progress(out[-1])
    return out, extra


def _pooled(paths, targets, levels, groups, jobs, progress, meanwhile):
    import gc
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    _warm(paths, targets)
    index = {str(p): i for i, p in enumerate(paths)}
    waiting = {str(p) for group, _ in groups for p in group}
    results: list = [None] * len(paths)
    ready = [i for i, p in enumerate(paths) if str(p) not in waiting]
    fork = sys.platform.startswith("linux")
    if fork and ready and not groups:
        # The first file is analysed here, as drafter.cli.parallel does: the workers forked afterwards
        # inherit its compiled patterns and loaded data instead of each building them again.  Not when
        # LibreOffice must convert drafts: its start is the long pole and begins at once.
        first = ready.pop(0)
        try:
            results[first] = _job((paths[first], targets[first], levels[first], None))
        except Exception as exc:
            results[first] = _failed(paths[first], exc)
        if progress:
            progress(results[first])
    # fork on Linux (workers inherit what this process loaded); fresh interpreters elsewhere, as drafter.cli.parallel
    context = multiprocessing.get_context("fork" if fork else "spawn")
    if fork:
        # What this process loaded is shared with the forked workers page by page until written to; the
        # cyclic garbage collector would write to every object it scans, copying all those pages into each
        # worker.  Frozen objects are left out of its scans.
        gc.freeze()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    try:
        pending = {pool.submit(_convert_job, group): ("convert", group) for group in groups}
        pending.update({pool.submit(_job, (paths[i], targets[i], levels[i], None)): ("file", i) for i in ready})
        extra = meanwhile() if meanwhile else None
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: str(pending[f][1])):
                kind, what = pending.pop(future)
                if kind == "convert":
                    try:
                        converted = future.result()
                    except Exception:       # the batch's worker died: each file is then converted on its own
                        converted = {}
                    for p in what[0]:
                        i = index[str(p)]
                        pending[pool.submit(_job, (p, targets[i], levels[i], converted.get(str(p))))] = ("file", i)
                    continue
                try:
                    results[what] = future.result()
                except Exception as exc:
                    results[what] = _failed(paths[what], exc)
                if progress:
                    progress(results[what])
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        if fork:
            gc.unfreeze()           # the workers are forked: collect as usual again
    pool.shutdown(wait=True)
    return results, extra


def recheck_levels(review, targets: dict, *, jobs: int | None = None) -> list | None:
    """Drafts matched to a roster unit whose level the roster gives and the reading got wrong, checked again
    as that level; returns the new results (path order) or ``None`` when every level agreed."""
    redo = {}
    for row in review.rows:
        if row.unit is None or row.unit.level is None:
            continue
        for result in row.files:
            if result.error is None and result.kind == "draft" and result.level != row.unit.level:
                redo[result.path] = row.unit.level
    if not redo:
        return None
    paths = [Path(r.path) for r in review.results if r.path in redo]
    again, _ = analyse_all(paths, [targets.get(str(p)) for p in paths], jobs=jobs,
                           levels=[redo[str(p)] for p in paths])
    by_path = {r.path: r for r in again}
    for old in review.results:              # a copy annotated with the wrong level's findings goes
        new = by_path.get(old.path)
        if new is not None and old.annotated and not new.annotated:
            Path(old.annotated).unlink(missing_ok=True)
    return [by_path.get(r.path, r) for r in review.results]


# --- the review ---------------------------------------------------------------------------------

@dataclass
class Row:
    """One 总览 row: a roster unit (or, without a roster or for an unmatched file, an issuer)."""

    label: str
    unit: Unit | None = None
    files: list = field(default_factory=list)         # FileResult, path order
    matches: list = field(default_factory=list)       # Match per file
    status: str = MISSING
    level: str | None = None
    year_problem: str | None = None
    late: bool | None = None

    @property
    def readable(self) -> list:
        return [f for f in self.files if f.error is None]

    @property
    def main(self) -> FileResult | None:
        """The file whose figures the row shows: the first readable draft, else the first readable file."""
        readable = self.readable
        return next((f for f in readable if f.kind == "draft"), readable[0] if readable else None)

    def count(self, severity: str) -> int:
        """Findings of ``severity`` in the main file (the one the row shows)."""
        main = self.main
        return main.count(severity) if main is not None else 0

    def top_problems(self, limit: int = 3) -> list[str]:
        """The most important problems in words: errors first, one line per rule, with how often it occurs."""
        lines = []
        if self.year_problem:
            lines.append(self.year_problem)
        ranked = Counter()
        first: dict = {}
        order = {"error": 0, "warning": 1, "info": 2}
        for result in [self.main] if self.main is not None else []:
            for f in result.findings:
                key = (order.get(f["severity"], 3), f["rule"])
                ranked[key] += 1
                first.setdefault(key, (len(first), f["message"]))
        for key in sorted(first, key=lambda k: (k[0], first[k][0])):
            if key[0] > 1:
                continue
            count = ranked[key]
            lines.append(first[key][1] + (f"（共{count}处）" if count > 1 else ""))
        return lines[:limit]


@dataclass
class Review:
    folder: str
    results: list                      # FileResult, path order
    rows: list                         # Row: roster units in roster order, then unmatched files
    year: int | None = None            # the expected report year
    year_source: str = ""              # "given" or "majority"
    roster: list | None = None
    rolled: list = field(default_factory=list)
    deadline: str | None = None        # --deadline (ISO), overrides the levels' deadlines

    @property
    def missing(self) -> list:
        return [r for r in self.rows if r.status == MISSING]

    @property
    def unreadable(self) -> list:
        """``[(FileResult, Row)]`` for every file that could not be read."""
        return [(f, row) for row in self.rows for f in row.files if f.error is not None]

    @property
    def unmatched(self) -> list:
        return [r for r in self.rows if r.status == UNMATCHED]

    @property
    def duplicates(self) -> list:
        return [r for r in self.rows if len(r.files) > 1]

    @property
    def submitted(self) -> list:
        return [r for r in self.rows if r.unit is not None and r.files]

    def exit_code(self) -> int:
        if any(f.error and f.error.get("internal") for f in self.results):
            return 3
        failing = any(r.status in FAILING or (r.status != UNMATCHED and (r.count("error") or r.year_problem))
                      for r in self.rows)
        return 1 if failing else 0


def _expected_year(results: list, year: int | None) -> tuple[int | None, str]:
    if year:
        return year, "given"
    counts = Counter(r.year for r in results if r.error is None and r.year)
    if not counts:
        return None, ""
    best = max(counts.values())
    return max(y for y, c in counts.items() if c == best), "majority"


def build_review(folder: Path, results: list, roster: list | None, *, year: int | None = None,
                 deadline: str | None = None) -> Review:
    """Match files to units and compute each row's status; rows in roster order, files in path order."""
    from drafter.review.rollup import roll_up

    expected, source = _expected_year(results, year)
    rows: list[Row] = []
    if roster is not None:
        by_unit = {id(u): Row(label=u.name, unit=u, level=u.level) for u in roster}
        extra = []
        for result in results:
            match = match_file(result, roster)
            if match.unit is not None:
                row = by_unit[id(match.unit)]
            else:
                row = Row(label=result.issuer or Path(result.path).name, status=UNMATCHED)
                extra.append(row)
            row.files.append(result)
            row.matches.append(match)
        rows = [by_unit[id(u)] for u in roster] + extra
    else:
        groups: dict = {}
        for result in results:
            key = normalise(result.issuer) if result.issuer and result.error is None else result.path
            if key not in groups:
                groups[key] = Row(label=result.issuer or Path(result.path).name)
                rows.append(groups[key])
            groups[key].files.append(result)
            groups[key].matches.append(Match(None, "未提供名单，按报告中识别的发文机关列出"
                                             if result.issuer else "未提供名单，未识别出发文机关，按文件名列出"))
    for row in rows:
        _finish_row(row, expected, deadline)
    review = Review(folder=str(folder), results=results, rows=rows, year=expected, year_source=source,
                    roster=roster, deadline=deadline)
    # the roll-up adds up this year's reports of the roster's units (not unmatched files, not other years)
    counted = [(r.label, r.readable) for r in rows
               if r.readable and not r.year_problem and (roster is None or r.unit is not None)]
    review.rolled = roll_up(counted)
    return review


def _finish_row(row: Row, expected: int | None, deadline: str | None) -> None:
    main = row.main
    if main is not None:
        row.level = row.level or main.level
        if expected and main.year and main.year != expected:
            row.year_problem = f"报告年度为{main.year}年，应为{expected}年"
        elif expected and not main.year:
            row.year_problem = "报告中看不出是哪一年的报告"
        limit = deadline or main.deadline
        row.late = (main.date > limit) if (main.date and limit) else None
    if row.status == UNMATCHED:
        return
    if not row.files:
        row.status = MISSING
    elif main is None:
        row.status = UNREADABLE
    elif len(row.files) > 1:
        row.status = DUPLICATE
    elif row.count("error") or row.year_problem:
        row.status = ERRORS
    elif row.count("warning") or row.late:
        row.status = WARNINGS
    else:
        row.status = PASSED
