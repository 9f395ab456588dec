"""Review speed: a county's drafts reviewed (whole process) against linting them one after another in one process.

Run: ``.venv/bin/python benchmarks/bench_review.py [--drafts 45] [--repeats 5]`` (builds its inputs in a
temporary folder).  Target: ``drafter review`` ≤ 0.6 × the sequential lint, both measured as whole
processes (interpreter start, imports, reading, writing the workbook), run interleaved; the median
of the repeats is compared, min/max shown, with CPU time (user + system, children included) beside
the wall time, since the machine is shared.

The drafts are what a county's 司法局 receives from its 30–60 units (default 45): Word-made .docx
department and town reports (real heading styles, auto-numbering, text split into runs with direct
fonts as Word saves edited text), 10–20 pages each of distinct real report paragraphs (the seeds, or
the lint test corpus where ../shared is absent, never repeated) and a statistics table; every fifth
one is a Word 97 .doc (made by LibreOffice, which both commands then use to read it, as offices still
send .doc and .wps), every tenth a .txt; a roster of the units as .xlsx.  ``--no-doc`` leaves the .doc
files out (see docs/review.md for both figures).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET = 0.6
DEPARTMENTS = ["教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局",
               "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康局",
               "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局"]
COUNTIES = ["安平县", "武邑县", "饶阳县", "阜城县", "故城县"]

LINT_SCRIPT = """
import sys
from pathlib import Path
from drafter.lint.runner import lint_path
for path in sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file()):
    lint_path(path)
"""


def build(folder: Path, count: int, legacy: bool = True) -> Path:
    """``count`` drafts under ``folder/reports`` and a roster ``folder/名单.xlsx``; ``legacy``: every fifth as .doc."""
    import docx
    import openpyxl

    from benchmarks.inputs import RENDERED_PAGE_CHARS, paragraphs, word_like_runs
    from tests.lint.docx_build import build_docx
    from tests.review.jurisdiction import department_text

    pages = [10 + (i * 7) % 11 for i in range(count)]           # 10–20 pages each
    texts = paragraphs((sum(pages) + count) * RENDERED_PAGE_CHARS, year=2024)       # distinct, never repeated
    reports = folder / "reports"
    reports.mkdir()
    scratch = folder / "scratch"
    scratch.mkdir()
    book = openpyxl.Workbook()
    book.active.append(["单位名称", "层级"])
    k = 0
    for i in range(count):
        name = COUNTIES[i // len(DEPARTMENTS) % len(COUNTIES)] + DEPARTMENTS[i % len(DEPARTMENTS)]
        book.active.append([name, "政府部门"])
        lines = department_text(name, cases=(10 + i, 3 + i % 7)).splitlines()
        extra, chars = [], 0
        while chars < (pages[i] - 1) * RENDERED_PAGE_CHARS:        # the unit's text is about one page
            extra.append(texts[k])
            chars += len(texts[k])
            k += 1
        at = next(j for j, line in enumerate(lines) if line.startswith("（二）"))
        text = "\n".join(lines[:at] + extra + lines[at:]) + "\n"
        if i % 10 == 9:
            (reports / f"{i:03d}-{name}.txt").write_text(text, encoding="utf-8")
            continue
        target = (scratch if legacy and i % 5 == 2 else reports) / f"{i:03d}-{name}.docx"
        path = build_docx(target, text)
        document = docx.Document(path)
        word_like_runs(document)
        table = document.add_table(rows=4, cols=2)                  # a statistics table, as real reports have
        for r, cells in enumerate([("项目", "数量（件）"), ("行政处罚", str(10 + i)), ("行政强制", str(3 + i % 7)),
                                   ("合计", str(13 + i + i % 7))]):
            for c, value in enumerate(cells):
                table.cell(r, c).text = value
        document.save(path)
    if legacy:                                                      # every fifth draft as Word 97 .doc
        _to_doc(scratch, reports)
    book.save(folder / "名单.xlsx")
    return reports


def _to_doc(scratch: Path, reports: Path) -> None:
    from drafter.document.read import soffice
    if soffice() is None:
        raise SystemExit("需要 LibreOffice 来制作 .doc 草稿；或加 --no-doc 只用 .docx 和 .txt")
    files = sorted(scratch.glob("*.docx"))
    subprocess.run([soffice(), f"-env:UserInstallation={(scratch / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(reports), *map(str, files)],
                   capture_output=True, timeout=600, check=False)
    missing = [f.name for f in files if not (reports / (f.stem + ".doc")).is_file()]
    if missing:
        raise SystemExit(f"LibreOffice 未能转换：{missing}")


def timed(command: list) -> tuple[float, float | None]:
    """Wall time and CPU time (user + system of the process and its children; None where unknown)."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    cpu = None
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        err = proc.stderr.read()
    else:
        _, err = proc.communicate()
        code = proc.returncode
    elapsed = time.perf_counter() - start
    proc.stderr.close()
    if code not in (0, 1):
        raise SystemExit(f"command failed ({code}): {' '.join(map(str, command))}\n" + err.decode("utf-8", "replace"))
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--drafts", type=int, default=45)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-doc", action="store_true", help="只用 .docx 和 .txt（不含需 LibreOffice 转换的 .doc）")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="drafter-bench-review-") as tmp:
        folder = Path(tmp)
        reports = build(folder, args.drafts, legacy=not args.no_doc)
        size = sum(p.stat().st_size for p in reports.iterdir()) // 1024
        kinds = ", ".join(f"{n} 份 {k}" for k, n in sorted(
            {s: sum(1 for p in reports.iterdir() if p.suffix == s) for s in {p.suffix for p in reports.iterdir()}}.items()))
        lint = [sys.executable, "-c", LINT_SCRIPT, str(reports)]
        review = [sys.executable, "-m", "drafter", "review", str(reports), "--roster", str(folder / "名单.xlsx"),
                  "-o", str(folder / "汇总.xlsx"), "--force"]
        timed(lint)                                             # warm the file cache and .pyc files
        timed(review)
        lint_times, review_times = [], []
        for _ in range(args.repeats):                           # interleaved, so load changes hit both
            lint_times.append(timed(lint))
            review_times.append(timed(review))
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"{args.drafts} 份草稿（{kinds}；每份 10～20 页，共 {size} KB），{cores} 个处理器核，"
              f"每种运行 {args.repeats} 次（交替）：")
        for label, values in (("逐个 lint（一个进程）", lint_times), ("drafter review     ", review_times)):
            walls = [w for w, _ in values]
            cpus = [c for _, c in values if c is not None]
            cpu = f"，CPU 时间中位数 {statistics.median(cpus):.2f} s" if cpus else ""
            print(f"  {label}：墙钟中位数 {statistics.median(walls):.2f} s"
                  f"（最短 {min(walls):.2f} s，最长 {max(walls):.2f} s）{cpu}")
        ratio = statistics.median(w for w, _ in review_times) / statistics.median(w for w, _ in lint_times)
        print(f"  比值 review / lint = {ratio:.2f}（目标 ≤ {TARGET}，按墙钟时间）")


if __name__ == "__main__":
    main()
