"""Lint speed: a ~200-page .docx against python-docx merely opening it and walking it; folder throughput.

Run: ``.venv/bin/python benchmarks/bench_lint.py`` (builds its inputs in a temporary folder).
Target: lint time ≤ 1.0 × (python-docx open + walk paragraphs and table cells), measured in one run.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from drafter.document.docx_reader import read_docx  # noqa: E402
from drafter.lint import registry  # noqa: E402
from drafter.lint.runner import lint_path  # noqa: E402
from drafter.numbering import heading_number  # noqa: E402
from tests.lint.docx_build import build_docx  # noqa: E402

PAGE_CHARS = 22 * 28                    # GB/T 9704: 22 lines of 28 characters
PAGES = 200
REPEATS = 5
SOURCES = sorted((ROOT.parent / "shared" / "seeds").glob("[0-9]*.txt")) or sorted(
    (ROOT / "tests" / "lint" / "corpus").glob("*.txt"))


def body_paragraphs() -> list[str]:
    """Real body text: the seed reports' (or the test corpus's) paragraphs that are not headings."""
    from drafter.document.text_reader import read_text
    from drafter.outline import recognise
    out = []
    for source in SOURCES:
        for paragraph in read_text(source.read_text("utf-8")).paragraphs:
            if len(paragraph.text) >= 40 and recognise(paragraph) is None:
                out.append(paragraph.text)
    return out


def long_report() -> str:
    """A report of about PAGES pages built from real paragraphs under numbered headings."""
    texts = body_paragraphs()
    lines = ["中共青山县委 青山县人民政府关于2024年法治政府建设情况的报告", "中共江川市委、江川市人民政府："]
    chars, section, k = 0, 0, 0
    while chars < PAGES * PAGE_CHARS:
        section += 1
        lines.append(f"{heading_number(1, section)}2024年推进法治政府建设的主要举措和成效（{section}）")
        for sub in range(1, 9):
            lines.append(f"{heading_number(2, sub)}第{sub}方面工作")
            for _ in range(2):
                # Real text, made unique (a long report does not repeat whole paragraphs).
                text = f"在第{section}部分第{sub}方面，" + texts[k % len(texts)]
                lines.append(text)
                chars += len(text)
                k += 1
    lines += ["二、存在的不足和原因", "一是培训不够系统，主要原因是投入不足。", "三、党政主要负责人履行推进法治建设第一责任人职责情况",
              "主要负责人认真履职。", "四、2025年推进法治政府建设的主要安排", "一是完善制度。", "五、其他需要报告的情况", "无。"]
    return "\n".join(lines)


def word_like_runs(document) -> None:
    """Split each paragraph into three runs with direct fonts and sizes, as Word saves edited text."""
    from docx.oxml.ns import qn
    from docx.shared import Pt
    for paragraph in document.paragraphs:
        text = paragraph.text
        if len(text) < 3 or not paragraph.runs:
            continue
        for run in paragraph.runs:
            run._r.getparent().remove(run._r)
        third = len(text) // 3
        for piece in (text[:third], text[third:2 * third], text[2 * third:]):
            run = paragraph.add_run(piece)
            run.font.size = Pt(16)
            run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")


def build(folder: Path) -> Path:
    path = build_docx(folder / "long.docx", long_report())
    document = docx.Document(path)
    word_like_runs(document)
    for t in range(40):                          # statistics tables, as real reports have
        table = document.add_table(rows=6, cols=4)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.text = f"指标{t}-{r}-{c}" if r == 0 else str(r * c + t)
    document.save(path)
    return path


def python_docx_walk(path: Path) -> int:
    document = docx.Document(path)
    n = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                n += len(cell.text)
    return n


def best(fn, *args) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        folder = Path(tmp)
        path = build(folder)
        result = lint_path(path)
        pages = sum(len(p.text) for p in result.document.paragraphs) / PAGE_CHARS
        base = best(python_docx_walk, path)
        lint = best(lint_path, path)
        read = best(read_docx, path)
        print(f"200 页文档：{len(result.document.paragraphs)} 段，约 {pages:.0f} 页，{path.stat().st_size // 1024} KB，"
              f"{len(result.findings)} 个问题")
        print(f"  python-docx 打开并遍历段落和表格：{base * 1000:.0f} ms")
        print(f"  drafter lint（读取+检查）：       {lint * 1000:.0f} ms")
        print(f"    其中读取 .docx（drafter 读取器）：{read * 1000:.0f} ms，比值 读取 / python-docx = {read / base:.2f}")
        print(f"    其中大纲、识别与 {len(registry.RULES)} 条规则：{(lint - read) * 1000:.0f} ms")
        print(f"  比值 lint / python-docx = {lint / base:.2f}（目标 ≤ 1.00）")

        reports = folder / "reports"
        reports.mkdir()
        count = 0
        for i in range(4):
            for source in SOURCES:
                build_docx(reports / f"{i}-{source.stem}.docx", source.read_text("utf-8"))
                (reports / f"{i}-{source.name}").write_text(source.read_text("utf-8"), encoding="utf-8")
                count += 2
        files = sorted(p for p in reports.iterdir())
        start = time.perf_counter()
        for file in files:
            lint_path(file)
        elapsed = time.perf_counter() - start
        print(f"文件夹吞吐量：{count} 份报告（.docx 与 .txt 各半）用时 {elapsed:.2f} s，"
              f"每秒 {count / elapsed:.1f} 份，平均每份 {elapsed / count * 1000:.0f} ms")


if __name__ == "__main__":
    main()
