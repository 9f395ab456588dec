"""Review speed: 100 drafts reviewed (whole process) against linting them one after another in one process.

Run: ``.venv/bin/python benchmarks/bench_review.py [--drafts 100] [--repeats 5]`` (builds its inputs in a
temporary folder).  Target: ``drafter review`` ≤ 0.6 × the sequential lint, both measured as whole
processes (interpreter start, imports, reading, writing the workbook), run interleaved; the median
of the repeats is compared, min/max shown.

The drafts are what a county's 司法局 receives: Word-made .docx department and town reports (real
heading styles, auto-numbering, text split into runs with direct fonts as Word saves edited text),
4–6 pages each with real report paragraphs (the seeds, or the lint test corpus where ../shared is
absent), every fifth one a .txt; a roster of the 100 units as .xlsx.
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


def build(folder: Path, count: int) -> Path:
    """``count`` drafts under ``folder/reports`` and a roster ``folder/名单.xlsx``."""
    import docx
    import openpyxl

    from benchmarks.bench_lint import body_paragraphs, word_like_runs
    from tests.lint.docx_build import build_docx
    from tests.review.jurisdiction import department_text

    texts = body_paragraphs()
    reports = folder / "reports"
    reports.mkdir()
    book = openpyxl.Workbook()
    book.active.append(["单位名称", "层级"])
    k = 0
    for i in range(count):
        name = COUNTIES[i // len(DEPARTMENTS) % len(COUNTIES)] + DEPARTMENTS[i % len(DEPARTMENTS)]
        book.active.append([name, "政府部门"])
        lines = department_text(name, cases=(10 + i, 3 + i % 7)).splitlines()
        extra = []
        for _ in range(8 + i % 5):                                  # 4–6 pages of real paragraphs
            extra.append(texts[k % len(texts)])
            k += 1
        at = next(j for j, line in enumerate(lines) if line.startswith("（二）"))
        text = "\n".join(lines[:at] + extra + lines[at:]) + "\n"
        if i % 5 == 4:
            (reports / f"{i:03d}-{name}.txt").write_text(text, encoding="utf-8")
            continue
        path = build_docx(reports / f"{i:03d}-{name}.docx", text)
        document = docx.Document(path)
        word_like_runs(document)
        document.save(path)
    book.save(folder / "名单.xlsx")
    return reports


def timed(command: list) -> float:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"command failed ({done.returncode}): {' '.join(map(str, command))}\n"
                         + done.stderr.decode("utf-8", "replace"))
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--drafts", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="drafter-bench-review-") as tmp:
        folder = Path(tmp)
        reports = build(folder, args.drafts)
        pages = sum(p.stat().st_size for p in reports.iterdir()) // 1024
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
        print(f"{args.drafts} 份草稿（{pages} KB，.docx 与 .txt 约 4:1），{cores} 个处理器核，每种运行 {args.repeats} 次（交替）：")
        for label, values in (("逐个 lint（一个进程）", lint_times), ("drafter review     ", review_times)):
            print(f"  {label}：中位数 {statistics.median(values):.2f} s（最短 {min(values):.2f} s，最长 {max(values):.2f} s）")
        ratio = statistics.median(review_times) / statistics.median(lint_times)
        print(f"  比值 review / lint = {ratio:.2f}（目标 ≤ {TARGET}）")


if __name__ == "__main__":
    main()
