"""The hostile suite at full size: the fuzzers with many more cases, and the issue's pathological inputs
at full scale (a 1.2 GB-inflating .docx, 5,000 pages of PDF text, 4,000 pages of text), each bounded in time and memory.

Run: ``.venv/bin/python benchmarks/fuzz_hostile.py [--seed N] [--fields 600] [--drafts 400] [--templates 200]``.
Prints every problem found (exit 3, traceback, a run past 20 s or over the memory cap, a broken
output, a data file that renders without validating, an import that does not read back) and
exits 1 if there is one.  The tests run a small seeded sample of the same fuzzers.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile import fuzz, generators as g  # noqa: E402
from tests.hostile.harness import run_batch, run_guarded  # noqa: E402


def _batched(name, make, check, folder, rng, n, batch=50):
    problems, started, done = [], time.monotonic(), 0
    while done < n:
        size = min(batch, n - done)
        sub = folder / f"{name}-{done}"
        sub.mkdir()
        cases = make(sub, rng, size)
        problems += check(cases, run_batch([argv for argv, _ in cases], sub))
        done += size
    print(f"{name}: {n} inputs, {len(problems)} problems, {time.monotonic() - started:.0f} s", flush=True)
    return problems


def _full_scale(folder: Path) -> list[str]:
    problems = []
    source = g.write_data(folder, g.VALID, "data.yaml")
    target = g.huge_fingerprint_target(folder, inflated=1200 * 1024 * 1024)
    started = time.monotonic()
    outcome = run_guarded("render", source, "-o", target)
    print(f"render onto a .docx inflating to 1.2 GB: exit {outcome.code}, {time.monotonic() - started:.1f} s")
    problems += [f"huge fingerprint target: {p}" for p in outcome.problems((2,))]
    from drafter.document.text_reader import read_pdf_text
    page = "我县持续深化法治政府建设，推进依法行政取得新成效，" * 1 + "\n"
    text = "关于2024年法治政府建设情况的报告\n" + (page * 22 + "— 1 —\n") * 5000
    started = time.monotonic()
    document = read_pdf_text(text, "5000页.pdf")
    print(f"reflow 5,000 pages of PDF text: {len(document.paragraphs)} paragraphs, {time.monotonic() - started:.1f} s")
    pages = folder / "4000页.txt"
    pages.write_text("关于2024年法治政府建设情况的报告\n" + (page * 22) * 4000, "utf-8")
    started = time.monotonic()
    outcome = run_guarded("lint", pages)
    print(f"lint 4,000 pages of text (88,000 paragraphs): exit {outcome.code}, {time.monotonic() - started:.1f} s")
    problems += [f"4000 pages: {p}" for p in outcome.problems((0, 1))]
    return problems


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fields", type=int, default=600)
    parser.add_argument("--drafts", type=int, default=400)
    parser.add_argument("--templates", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="drafter-fuzz-") as tmp:
        folder = Path(tmp)
        problems = _full_scale(folder)
        problems += _batched("data fields", fuzz.data_field_cases, fuzz.check_pairs, folder, rng, args.fields)
        problems += _batched("drafts", fuzz.draft_cases, fuzz.check_drafts, folder, rng, args.drafts)
        problems += _batched("templates", fuzz.template_cases, fuzz.check_templates, folder, rng, args.templates)
    for problem in problems:
        print("PROBLEM:", problem[:600])
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
