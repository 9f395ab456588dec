"""drafter's speed and memory as users meet them, against the tools it is built on.

Run from the repository root (one command runs everything; about ten minutes, four with --quick):

    .venv/bin/python benchmarks/run.py            # --rounds N (default 10), --quick (skip 1,000 reports and the mixed review case)

1. Whole processes, run exactly as README.md tells users to (``drafter validate 2024.yaml``, ...),
   each interleaved round by round with its yardstick, so both meet the same machine load.
   Printed: median wall time with min and max (as hyperfine reports), the ratio of the medians and
   the goal.  The yardsticks: a bare docxtpl script (open + render + save), python-docx (open +
   walk paragraphs and cells), yamllint, check-jsonschema with drafter's own JSON Schema, and
   ``python -c "import docxtpl"``.  yamllint and check-jsonschema are installed into
   ``benchmarks/.venv`` on first run (they are not drafter dependencies).
   Each row also measures its floor in the same rounds: a process that only imports the libraries the
   job cannot do without (see ``FLOORS``).  A goal below its floor is reported as out of reach.
2. In-process figures (the library without process start-up).
3. Peak memory: lint of a 200-page .docx against python-docx opening it; rendering 100 and
   1,000 reports in one call (constant memory: the peak must not grow with the number).
4. ``drafter serve``: ``benchmarks/bench_serve.py`` (one live-validation round trip).
5. ``drafter review`` of 100 drafts against linting them one after another in one process:
   ``benchmarks/bench_review.py`` (``--quick``: the .docx/.txt case only).

Inputs are built from real report text with distinct paragraphs (``benchmarks/inputs.py``).
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import inputs  # noqa: E402

BIN = Path(sys.executable).parent
EXE = ".exe" if os.name == "nt" else ""
DRAFTER = str(BIN / f"drafter{EXE}")
ENV = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
ENV.pop("DRAFTER_JOBS", None)
ENV.pop("PYTHONDONTWRITEBYTECODE", None)     # users' Python keeps compiled modules (.pyc)
FOLDER_REPORTS = 30


# --- measuring whole processes ---------------------------------------------------------------

@dataclass
class Sample:
    wall: list = field(default_factory=list)
    cpu: list = field(default_factory=list)

    def median(self) -> float:
        return statistics.median(self.wall)

    def spread(self, scale: float = 1.0) -> str:
        ms = [w * 1000 / scale for w in self.wall]
        return f"{statistics.median(ms):7.1f} ms（{min(ms):.1f}…{max(ms):.1f}）"

    def cpu_median(self, scale: float = 1.0) -> float | None:
        return statistics.median(self.cpu) / scale if self.cpu else None


def run_process(cmd: list, cwd: Path, sample: Sample, ok=(0, 1)) -> None:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code
        err = proc.stderr.read()
        sample.cpu.append(usage.ru_utime + usage.ru_stime)
    else:
        _, err = proc.communicate()
        wall = time.perf_counter() - start
        code = proc.returncode
    proc.stderr.close()
    if code not in ok:
        raise SystemExit(f"命令失败（退出码 {code}）：{' '.join(map(str, cmd))}\n{err.decode('utf-8', 'replace')}")
    sample.wall.append(wall)


def interleaved(cases: list, rounds: int, warmup: int = 2) -> list[Sample]:
    """Run each case once per round, in turn; the first ``warmup`` rounds are not counted."""
    samples = [Sample() for _ in cases]
    for r in range(warmup + rounds):
        for case, sample in zip(cases, samples):
            scratch = Sample()
            case(scratch)
            if r >= warmup:
                for name in ("wall", "cpu"):
                    getattr(sample, name).extend(getattr(scratch, name))
    return samples


@dataclass
class Row:
    what: str
    drafter: str
    yardstick_name: str
    yardstick: str
    ratio: float
    goal: float
    cpu: tuple | None = None          # (drafter, yardstick) CPU seconds (user + system), medians
    floor: tuple | None = None        # (what it is, its spread, its ratio to the yardstick): see FLOORS

    @property
    def met(self) -> bool:
        return self.ratio <= self.goal

    @property
    def below_floor(self) -> bool:
        """The goal asks for less than the floor: no program doing this job with these libraries meets it."""
        return self.floor is not None and self.floor[2] > self.goal


def print_rows(title: str, rows: list[Row]) -> None:
    print(f"\n{title}")
    for row in rows:
        mark = "达到" if row.met else "未达到"
        cpu = ""
        if row.cpu and None not in row.cpu:
            cpu = f"    CPU 时间 {row.cpu[0] * 1000:.0f} ms 对 {row.cpu[1] * 1000:.0f} ms，比值 {row.cpu[0] / row.cpu[1]:.2f}"
        print(f"  {row.what}\n      drafter {row.drafter}    {row.yardstick_name} {row.yardstick}\n"
              f"      比值 {row.ratio:.2f}（目标 ≤ {row.goal:.2f}）{mark}{cpu}")
        if row.floor:
            what, spread, ratio = row.floor
            verdict = "：目标低于下限，任何这样做的程序都达不到" if row.below_floor else ""
            print(f"      下限（{what}）{spread}，为对照的 {ratio:.2f} 倍{verdict}")


# --- the tools -----------------------------------------------------------------------------------

def tool_env() -> dict:
    """yamllint and check-jsonschema in the benchmark's own environment (benchmarks/.venv)."""
    env = HERE / ".venv"
    bindir = env / ("Scripts" if os.name == "nt" else "bin")
    tools = {name: bindir / f"{name}{EXE}" for name in ("yamllint", "check-jsonschema")}
    if not all(path.exists() for path in tools.values()):
        print("首次运行：在 benchmarks/.venv 中安装 yamllint 和 check-jsonschema ……", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
        subprocess.run([str(bindir / f"python{EXE}"), "-m", "pip", "install", "-q", "yamllint", "check-jsonschema"],
                       check=True)
    return {name: str(path) for name, path in tools.items()}


# --- floors ----------------------------------------------------------------------------------------
# What any program doing a command's job with drafter's chosen libraries must at least spend: start Python,
# import the libraries the job cannot do without (the command line: click; the data file: PyYAML and
# Cerberus, imported as drafter does, without importlib.metadata; the .docx: docxtpl or lxml), with the
# garbage collector paused while importing as drafter does; then, where the job has a data file, the least
# work on it, measured in process and warm (see ``least_work``).  The imports are timed as a whole process
# in the same interleaved rounds.  A goal below its floor cannot be met by any such program, however fast
# its own code; the floor leaves out all of drafter's own work (reading levels, cross checks, lint's content
# rules that validate runs since #9, messages), so the real floor is higher still.

_CERBERUS = "from drafter.data.cerberus_import import cerberus"
FLOORS = {
    "render": ("启动 Python，导入 click、PyYAML、Cerberus、docxtpl", f"import click, yaml, docxtpl; {_CERBERUS}"),
    "lint": ("启动 Python，导入 click、lxml、zipfile", "import click, lxml.etree, zipfile"),
    "validate": ("启动 Python，导入 click、PyYAML、Cerberus", f"import click, yaml; {_CERBERUS}"),
    "help": ("启动 Python，导入 click", "import click"),
}


def floor_cmd(kind: str) -> list:
    return [sys.executable, "-c", f"import gc; gc.disable(); {FLOORS[kind][1]}"]


def least_work(p: dict, files: list, render: bool, rounds: int = 5) -> float:
    """Seconds per file of the least work a command cannot skip, in process and warm: parse the data file
    with libyaml and let Cerberus check it against drafter's schema; for render, also render (the compiled
    template, drafter's own fast path, 0.2× docxtpl).  Nothing else: no content rules, no cross checks, no
    messages, no start-up."""
    import yaml

    from drafter.data.loader import FAST_LOADER
    from drafter.data.validate import report_validator
    from drafter.render import render as engine

    compiled, context, out = engine.load_template(p["template"]), p["context_value"], p["work"] / "floor.docx"
    validator = report_validator()
    best = None
    for _ in range(rounds + 1):
        start = time.perf_counter()
        for path in files:
            validator.validate(yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER))
            if render:
                engine.render_to_file(compiled, context, out, force=True)
        took = (time.perf_counter() - start) / len(files)
        best = took if best is None else min(best, took)
    return best


def floor_row(kind: str, sample: Sample, yardstick: float, work: float = 0.0, files: int = 1, cores: int = 1):
    """The floor of a row: the import floor of one process plus ``files`` times ``work`` spread over ``cores``,
    per file; as (what, figure, ratio to the yardstick)."""
    total = (sample.median() + files * work / cores) / files
    what = FLOORS[kind][0]
    if work:
        what += f"，再加每份的最少工作（进程内 {work * 1000:.1f} ms" + (f"，平均分到 {cores} 核" if cores > 1 else "") + "）"
    return what, f"{total * 1000:7.1f} ms", total / yardstick


# --- the benchmark -------------------------------------------------------------------------------

def prepare(work: Path) -> dict:
    from drafter.data.validate import validate_file
    from drafter.levels import get_level
    from drafter.render import render as engine
    from drafter.render.context import build_context

    paths = {"work": work}
    paths["report"] = inputs.report_yaml(20, work, "2024.yaml")
    folder = work / "各部门"
    folder.mkdir()
    for i in range(FOLDER_REPORTS):
        inputs.report_yaml(20, folder, f"{i:02d}.yaml", start=i * 97)
    paths["folder"] = folder
    paths["example"] = work / "example.yaml"
    shutil.copy(inputs.EXAMPLE, paths["example"])
    shutil.copy(ROOT / "examples" / "drafter-report.schema.json", work / "drafter-report.schema.json")
    paths["docx200"] = inputs.long_docx(200, work)
    paths["docx20"] = inputs.long_docx(20, work)
    result = validate_file(paths["report"])
    if not result.ok():
        raise SystemExit("基准输入无效（render 将只做检查）：" + "；".join(d.format() for d in result.errors[:3]))
    document = result.document
    template, level = engine.locate_template(get_level(document["meta"]["level"]), bool(document["meta"].get("joint")))
    context, _ = build_context(document, level=level)
    paths["template"] = template
    paths["context"] = work / "context.pickle"
    paths["context"].write_bytes(pickle.dumps(context))
    paths["context_value"] = context
    return paths


def whole_processes(p: dict, tools: dict, rounds: int) -> list[Row]:
    work = p["work"]
    py = sys.executable
    yard = str(HERE / "yardsticks.py")
    rows = []

    def pair(what, drafter_cmd, yard_name, yard_cmd, goal, floor, least=0.0, n=rounds, scale=1.0, ok=(0, 1)):
        d, y, f = interleaved([lambda s: run_process(drafter_cmd, work, s, ok),
                               lambda s: run_process(yard_cmd, work, s),
                               lambda s: run_process(floor_cmd(floor), work, s, ok=(0,))], n)
        rows.append(Row(what, d.spread(scale), yard_name, y.spread(), d.median() / scale / y.median(), goal,
                        (d.cpu_median(scale), y.cpu_median()), floor_row(floor, f, y.median(), least)))
        return d, y

    # render must really render (exit 0): a data file with errors would time validation alone
    pair("drafter render 2024.yaml（约 20 页）", [DRAFTER, "render", "2024.yaml"],
         "docxtpl 脚本（打开+生成+保存）", [py, yard, "docxtpl", str(p["template"]), "context.pickle", "t.docx"], 1.0,
         "render", least_work(p, [p["report"]], render=True), ok=(0,))

    # a folder: whole process per report, against docxtpl in-process per render
    from docxtpl import DocxTemplate
    template, context = str(p["template"]), p["context_value"]

    def docxtpl_in_process(sample):
        for _ in range(3):
            start, cpu = time.perf_counter(), time.process_time()
            tpl = DocxTemplate(template)
            tpl.render(context, autoescape=True)
            tpl.save(str(work / "t2.docx"))
            sample.wall.append(time.perf_counter() - start)
            sample.cpu.append(time.process_time() - cpu)

    def render_folder(sample):
        shutil.rmtree(work / "out", ignore_errors=True)
        run_process([DRAFTER, "render", "各部门", "-o", "out"], work, sample, ok=(0,))

    d, y, f = interleaved([render_folder, docxtpl_in_process, lambda s: run_process(floor_cmd("render"), work, s, ok=(0,))],
                          max(3, rounds // 2), warmup=1)
    floor = floor_row("render", f, y.median(), least_work(p, sorted(p["folder"].glob("*.yaml")), render=True),
                      files=FOLDER_REPORTS, cores=min(os.cpu_count() or 1, FOLDER_REPORTS))
    rows.append(Row(f"drafter render 各部门/ -o out/（{FOLDER_REPORTS} 份，每份）", d.spread(FOLDER_REPORTS),
                    "docxtpl 进程内每份", y.spread(), d.median() / FOLDER_REPORTS / y.median(), 0.33,
                    (d.cpu_median(FOLDER_REPORTS), y.cpu_median()), floor))

    for pages in (20, 200):
        name = p[f"docx{pages}"].name
        pair(f"drafter lint {name}（约 {pages} 页）", [DRAFTER, "lint", name],
             "python-docx 打开并遍历", [py, yard, "walk", name], 1.0, "lint")
    least = least_work(p, [p["example"]], render=False)
    pair("drafter validate example.yaml", [DRAFTER, "validate", "example.yaml"],
         "yamllint", [tools["yamllint"], "example.yaml"], 1.0, "validate", least)
    pair("drafter validate example.yaml", [DRAFTER, "validate", "example.yaml"],
         "check-jsonschema", [tools["check-jsonschema"], "--schemafile", "drafter-report.schema.json", "example.yaml"],
         0.33, "validate", least)
    pair("drafter --help", [DRAFTER, "--help"], 'python -c "import docxtpl"', [py, "-c", "import docxtpl"], 0.5, "help")
    return rows


def in_process(p: dict, rounds: int) -> None:
    from docxtpl import DocxTemplate

    import yardsticks
    from drafter.data.validate import validate_file
    from drafter.lint.runner import lint_path
    from drafter.render import render as engine

    work, template, context = p["work"], p["template"], p["context_value"]

    def timed(fn, n=rounds):
        times = []
        for _ in range(n):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return times

    def fmt(times):
        ms = [t * 1000 for t in times]
        return f"{statistics.median(ms):7.1f} ms（{min(ms):.1f}…{max(ms):.1f}）"

    def drafter_one():
        engine._load_cached.cache_clear()
        engine.render_to_file(engine.load_template(template), context, work / "d.docx", force=True)

    def docxtpl_one():
        tpl = DocxTemplate(str(template))
        tpl.render(context, autoescape=True)
        tpl.save(str(work / "t.docx"))

    compiled = engine.load_template(template)
    rows = [
        ("生成一份（编译模板+生成+保存）", timed(drafter_one), "docxtpl", timed(docxtpl_one)),
        ("批量中的一份（模板已编译）", timed(lambda: engine.render_to_file(compiled, context, work / "b.docx", force=True)),
         "docxtpl", None),
        ("检查 200 页 .docx（读取+规则）", timed(lambda: lint_path(p["docx200"]), max(3, rounds // 2)),
         "python-docx 打开并遍历", timed(lambda: yardsticks.walk(str(p["docx200"])), max(3, rounds // 2))),
        ("检查数据文件 example.yaml", timed(lambda: validate_file(p["example"])), None, None),
        ("检查数据文件 2024.yaml（约 20 页）", timed(lambda: validate_file(p["report"])), None, None),
    ]
    rows[1] = (rows[1][0], rows[1][1], "docxtpl", rows[0][3])
    print("\n二、进程内（不含启动；中位数，括号内为最小…最大）")
    for what, d, name, y in rows:
        line = f"  {what}：drafter {fmt(d)}"
        if y is not None:
            line += f"    {name} {fmt(y)}    比值 {statistics.median(d) / statistics.median(y):.2f}"
        print(line)


def peak_kib(cmd: list, cwd: Path) -> tuple[int, float]:
    """Peak memory (KiB) of a command's largest process, and its wall time (see yardsticks.peak)."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, str(HERE / "yardsticks.py"), "peak", *map(str, cmd)], cwd=cwd, env=ENV,
                         capture_output=True, text=True, check=True).stdout.split()
    if int(out[1]) not in (0, 1):
        raise SystemExit(f"命令失败（退出码 {out[1]}）：{' '.join(map(str, cmd))}")
    return int(out[0]), time.perf_counter() - start


def memory(p: dict, quick: bool) -> list[Row]:
    if not hasattr(os, "wait4"):
        print("\n三、内存峰值：本系统无法测量（需要 Linux 或 macOS）")
        return []
    work, py = p["work"], sys.executable
    lint = max(peak_kib([DRAFTER, "lint", p["docx200"].name], work)[0] for _ in range(3))
    walk = max(peak_kib([py, HERE / "yardsticks.py", "walk", p["docx200"].name], work)[0] for _ in range(3))
    rows = [Row("drafter lint 200 页 .docx 的内存峰值", f"{lint / 1024:.0f} MB", "python-docx 打开并遍历",
                f"{walk / 1024:.0f} MB", lint / walk, 1.5)]
    if not quick:
        peaks = {}
        examples = sorted((ROOT / "examples").glob("*.yaml"))
        for count in (100, 1000):
            folder = work / f"reports-{count}"
            folder.mkdir()
            for i in range(count):
                shutil.copy(examples[i % len(examples)], folder / f"{i:04d}.yaml")
            peaks[count] = peak_kib([DRAFTER, "render", folder.name, "-o", f"out-{count}"], work)
            shutil.rmtree(folder)
            shutil.rmtree(work / f"out-{count}")
        rows.append(Row("drafter render 1000 份的内存峰值（对照：同一命令生成 100 份）",
                        f"{peaks[1000][0] / 1024:.0f} MB（{peaks[1000][1]:.0f} s）", "100 份",
                        f"{peaks[100][0] / 1024:.0f} MB（{peaks[100][1]:.0f} s）", peaks[1000][0] / peaks[100][0], 1.1))
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="drafter 性能测试（整个进程、进程内、内存）")
    parser.add_argument("--rounds", type=int, default=10, help="每项测量的轮数（默认 10）")
    parser.add_argument("--quick", action="store_true", help="跳过生成 1000 份报告的内存测试")
    args = parser.parse_args(argv)
    if not Path(DRAFTER).exists():
        print(f"找不到 {DRAFTER}：请先在仓库目录中安装 drafter（见 README.md）")
        return 2
    tools = tool_env()
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        p = prepare(Path(tmp))
        print(f"机器：{os.cpu_count()} 核；输入：{p['report'].name}（{len(p['report'].read_text('utf-8'))} 字符），"
              f"{FOLDER_REPORTS} 份各不相同的约 20 页报告，约 20 页和 200 页的 .docx（段落各不相同）")
        rows = whole_processes(p, tools, args.rounds)
        print_rows("一、整个进程（按 README 的用法运行，与对照交替进行；墙钟时间中位数，括号内为最小…最大；"
                   "目标按墙钟时间判断，机器繁忙时可参考 CPU 时间）", rows)
        in_process(p, args.rounds)
        mem = memory(p, args.quick)
        print_rows("三、内存峰值", mem)
    serve_ok = True
    if (HERE / "bench_serve.py").is_file():
        print("\n四、drafter serve：网页表单边写边检查的一次往返（benchmarks/bench_serve.py）", flush=True)
        serve_ok = subprocess.run([sys.executable, str(HERE / "bench_serve.py")], cwd=ROOT, env=ENV).returncode == 0
    review_ok = True
    if (HERE / "bench_review.py").is_file():
        print("\n五、drafter review：审查 100 份草稿，对照在一个进程中逐份检查（benchmarks/bench_review.py）", flush=True)
        review_ok = subprocess.run([sys.executable, str(HERE / "bench_review.py"), "--rounds", str(max(3, args.rounds // 2)),
                                    *(["--quick"] if args.quick else [])], cwd=ROOT, env=ENV).returncode == 0
    missed = [row for row in rows + mem if not row.met]
    if not review_ok:
        missed.append(Row("drafter review 100 份", "", "", "", 1.0, 0.0))
    if not serve_ok:
        missed.append(Row("drafter serve 往返", "", "", "", 1.0, 0.0))
    print("\n全部达到目标" if not missed else f"\n有 {len(missed)} 项未达到目标：" + "；".join(r.what for r in missed))
    impossible = [row for row in missed if row.below_floor]
    if impossible:
        print(f"其中 {len(impossible)} 项的目标低于下限（见各项的“下限”一行），这样做的程序都达不到：" +
              "；".join(r.what for r in impossible))
    return 0 if not missed else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
