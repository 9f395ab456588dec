"""Review speed: ``drafter review`` of a county's 100 drafts against linting them one after another in one process.

Run from the repository root:

    .venv/bin/python benchmarks/bench_review.py            # both cases, 5 rounds each (about five minutes)
    .venv/bin/python benchmarks/bench_review.py --quick    # the .docx/.txt case only

Options: ``--drafts N`` (default 100), ``--rounds N`` (default 5), ``--case docx|mixed|all``.

Goal (issue #13): ``drafter review`` of 100 drafts takes at most 0.6 × the time of linting them one
after another in one process.  Both sides are whole processes, started as a user starts them:

* review: ``drafter review DIR --roster 名单.xlsx --year 2024 -o 汇总.xlsx`` exactly as docs/review.md
  shows it (the previous round's workbook is deleted before each run, outside the timing, so no
  ``--force`` is needed);
* the yardstick: one Python process that imports ``drafter.lint.runner`` and calls ``lint_path`` on
  every file of the folder in path order (reading and all lint rules; no output is formatted).

The two run interleaved round by round (one warm-up round first, not counted), so changes in machine
load hit both; printed are the median wall time with min and max, the median CPU time (user + system,
children included, which is steadier on a busy machine), and the ratio of the wall medians against 0.6.
The exit code is 0 when every case measured meets the goal, else 1.

The drafts (``build``) are what a county's 司法局 receives: department reports made as Word makes them
(real heading styles and auto-numbering, text split into runs with direct fonts), each 10–20 pages of
distinct paragraphs of real report sentences (``benchmarks/inputs.py``: the seeds, or the lint test corpus where
../shared is absent; never repeated within or across drafts) and a statistics table, with realistic
defects so that review has findings to list: a missing item, blanks left in, a late 成文日期, a wrong
year, pasted web-page lines.  Every tenth draft is a .txt.  Two cases:

* ``docx``: the other 90 are .docx;
* ``mixed``: every fifth draft is a Word 97 .doc instead (made by LibreOffice, which both sides then use
  to read it, as offices still send .doc and .wps): 70 .docx, 20 .doc, 10 .txt.

A roster of the 100 units (.xlsx, with their level) comes with each case.
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
YEAR = 2024
DEPARTMENTS = ["教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局",
               "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康局",
               "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局"]
COUNTIES = ["安平县", "武邑县", "饶阳县", "阜城县", "故城县"]
WEB_JUNK = ["来源：{county}人民政府网  发布时间：2025-02-12  浏览次数：365", "【打印本页】【关闭窗口】"]

BIN = Path(sys.executable).parent
DRAFTER = str(BIN / ("drafter.exe" if os.name == "nt" else "drafter"))
ENV = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
ENV.pop("DRAFTER_JOBS", None)
ENV.pop("PYTHONDONTWRITEBYTECODE", None)     # users' Python keeps compiled modules (.pyc)

LINT_SCRIPT = """
import sys
from pathlib import Path
from drafter.lint.runner import lint_path
for path in sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file()):
    lint_path(path)
"""


def unit_name(i: int) -> str:
    return COUNTIES[i // len(DEPARTMENTS) % len(COUNTIES)] + DEPARTMENTS[i % len(DEPARTMENTS)]


def draft_text(i: int, extra: list[str]) -> str:
    """Draft ``i``: a department report with ``extra`` paragraphs in its measures, and its defects."""
    from tests.review.jurisdiction import department_text

    name = unit_name(i)
    lines = department_text(
        name, year=YEAR - 1 if i % 11 == 5 else YEAR,                    # a wrong year
        cases=(10 + i, 3 + i % 7),
        drop=("other",) if i % 7 == 3 else (),                           # a missing item
        blank=i % 6 == 1,                                                # “共   场” left blank
        date=f"{YEAR + 1}年4月30日" if i % 9 == 4 else None,               # past the deadline
    ).splitlines()
    at = next(j for j, line in enumerate(lines) if line.startswith("（二）"))
    lines = lines[:at] + extra + lines[at:]
    if i % 13 == 6:                                                      # pasted from a web page
        county = COUNTIES[i // len(DEPARTMENTS) % len(COUNTIES)]
        lines += [line.format(county=county) for line in WEB_JUNK]
    return "\n".join(lines) + "\n"


def build(folder: Path, count: int, legacy: bool) -> Path:
    """``count`` drafts under ``folder/reports`` and a roster ``folder/名单.xlsx``; ``legacy``: every fifth as .doc."""
    import docx
    import openpyxl

    from benchmarks.inputs import RENDERED_PAGE_CHARS, paragraphs, word_like_runs
    from tests.lint.docx_build import build_docx

    pages = [10 + (i * 7) % 11 for i in range(count)]           # 10–20 pages each
    texts = paragraphs((sum(pages) + count) * RENDERED_PAGE_CHARS, YEAR)
    reports = folder / "reports"
    reports.mkdir()
    scratch = folder / "scratch"
    scratch.mkdir()
    book = openpyxl.Workbook()
    book.active.append(["单位名称", "层级"])
    k = 0
    for i in range(count):
        name = unit_name(i)
        book.active.append([name, "政府部门"])
        extra, chars = [], 0
        while chars < (pages[i] - 1) * RENDERED_PAGE_CHARS:        # the unit's own text is about one page
            extra.append(texts[k])
            chars += len(texts[k])
            k += 1
        text = draft_text(i, extra)
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
    if legacy:
        _to_doc(scratch, reports)
    book.save(folder / "名单.xlsx")
    return reports


def _to_doc(scratch: Path, reports: Path) -> None:
    from drafter.document.read import soffice
    if soffice() is None:
        raise SystemExit("需要 LibreOffice 来制作 .doc 草稿；或用 --case docx 只测 .docx 和 .txt")
    files = sorted(scratch.glob("*.docx"))
    subprocess.run([soffice(), f"-env:UserInstallation={(scratch / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(reports), *map(str, files)],
                   capture_output=True, timeout=900, check=False)
    missing = [f.name for f in files if not (reports / (f.stem + ".doc")).is_file()]
    if missing:
        raise SystemExit(f"LibreOffice 未能转换：{missing}")


def timed(command: list, cwd: Path) -> tuple[float, float | None]:
    """Wall time and CPU time (user + system of the process and its children; None where unknown)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    cpu = None
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        err = proc.stderr.read()
    else:
        _, err = proc.communicate()
        elapsed = time.perf_counter() - start
        code = proc.returncode
    proc.stderr.close()
    if code not in (0, 1):
        raise SystemExit(f"命令失败（退出码 {code}）：{' '.join(map(str, command))}\n" + err.decode("utf-8", "replace"))
    return elapsed, cpu


def measure(label: str, count: int, legacy: bool, rounds: int) -> float:
    """Build one case, run both sides interleaved; print the figures; return the ratio of the wall medians."""
    with tempfile.TemporaryDirectory(prefix="drafter-bench-review-") as tmp:
        folder = Path(tmp)
        reports = build(folder, count, legacy)
        files = sorted(reports.iterdir())
        size = sum(p.stat().st_size for p in files) // 1024
        kinds = "、".join(f"{sum(1 for p in files if p.suffix == s)} 份 {s}" for s in (".docx", ".doc", ".txt")
                         if any(p.suffix == s for p in files))
        out = folder / "汇总.xlsx"
        lint = [sys.executable, "-c", LINT_SCRIPT, str(reports)]
        review = [DRAFTER, "review", str(reports), "--roster", str(folder / "名单.xlsx"), "--year", str(YEAR),
                  "-o", str(out)]

        def run_review():
            out.unlink(missing_ok=True)
            return timed(review, folder)

        lint_times, review_times = [], []
        for r in range(rounds + 1):                 # interleaved, so load changes hit both; round 0 warms up
            a, b = timed(lint, folder), run_review()
            if r:
                lint_times.append(a)
                review_times.append(b)
    print(f"\n{label}：{count} 份草稿（{kinds}；每份 10～20 页，共 {size} KB），"
          f"每种运行 {rounds} 轮（交替，另有 1 轮预热不计）：")
    for name, values in (("逐份 lint（一个进程）", lint_times), ("drafter review      ", review_times)):
        walls = [w for w, _ in values]
        cpus = [c for _, c in values if c is not None]
        cpu = f"；CPU 时间中位数 {statistics.median(cpus):.2f} s" if cpus else ""
        print(f"  {name}：墙钟中位数 {statistics.median(walls):.2f} s（{min(walls):.2f}…{max(walls):.2f} s）{cpu}")
    ratio = statistics.median(w for w, _ in review_times) / statistics.median(w for w, _ in lint_times)
    print(f"  比值 review / lint = {ratio:.2f}（目标 ≤ {TARGET}，按墙钟时间中位数）：{'达到' if ratio <= TARGET else '未达到'}",
          flush=True)
    return ratio


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--drafts", type=int, default=100, help="草稿份数（默认 100）")
    parser.add_argument("--rounds", type=int, default=5, help="每种运行的轮数（默认 5）")
    parser.add_argument("--case", choices=("docx", "mixed", "all"), default="all",
                        help="docx：只有 .docx 和 .txt；mixed：另有五分之一为 .doc；all：两种都测（默认）")
    parser.add_argument("--quick", action="store_true", help="只测 .docx 和 .txt 的一种（同 --case docx）")
    args = parser.parse_args(argv)
    case = "docx" if args.quick else args.case
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"drafter review 与逐份 lint 的速度比较（{cores} 个处理器核；目标：review ≤ {TARGET} × 逐份 lint）", flush=True)
    ratios = []
    if case in ("docx", "all"):
        ratios.append(measure("只有 .docx 和 .txt", args.drafts, False, args.rounds))
    if case in ("mixed", "all"):
        ratios.append(measure("混合格式（含 .doc）", args.drafts, True, args.rounds))
    return 0 if all(r <= TARGET for r in ratios) else 1


if __name__ == "__main__":
    raise SystemExit(main())
