"""Benchmark inputs, built at run time from real report text: every paragraph distinct, no repeats.

The text comes from the seed reports (``../shared/seeds``) or, where they are absent, from the
lint test corpus.  Paragraphs are made of three real sentences chosen so that no two paragraphs
are the same (caches keyed by paragraph text get no help from repetition, as in a real report).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PAGE_CHARS = 22 * 28                       # GB/T 9704: 22 lines of 28 characters a page
EXAMPLE = ROOT / "examples" / "xingping-2020.yaml"
# Measured with `drafter render --pdf`: the example alone prints on 11 pages, and each further page
# holds about 550 characters of body text (paragraph ends and headings take the rest).
EXAMPLE_PAGES = 11
RENDERED_PAGE_CHARS = 550
_FULL_WIDTH = str.maketrans(",:;()?!", "，：；（）？！")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _sources() -> list[Path]:
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("[0-9][0-9][0-9]_*.txt"))
    return seeds or sorted((ROOT / "tests" / "lint" / "corpus").glob("**/*.txt"))


def sentences(year: int | None = None) -> list[str]:
    """The distinct body sentences (10 characters or more) of the source reports, in order."""
    from drafter.document.text_reader import read_text
    from drafter.outline import recognise

    seen, out = set(), []
    for source in _sources():
        for paragraph in read_text(source.read_text("utf-8")).paragraphs:
            if recognise(paragraph) is not None or len(paragraph.text) < 30:
                continue
            for sentence in paragraph.text.split("。"):
                sentence = sentence.strip()
                if year is not None:
                    sentence = _YEAR.sub(str(year), sentence)
                if len(sentence) >= 10 and sentence not in seen:
                    seen.add(sentence)
                    out.append(sentence + "。")
    return out


def clean_sentences(year: int | None = None) -> list[str]:
    """The sentences on which drafter's lint rules find nothing (real drafts carry web junk,
    placeholders, half-width commas ...): a benchmark report must be valid, or ``render`` stops
    after validating it and the benchmark times no rendering at all."""
    from drafter.document.text_reader import read_text
    from drafter.lint.runner import lint_document

    # the fix the half-width-punctuation rule asks for (it counts over the whole text)
    pool = [s.translate(_FULL_WIDTH) for s in sentences(year)]
    # document-wide rules (missing items, title) see a list of sentences, not a report: ignore them
    flagged = {f.location.index for f in lint_document(read_text("\n".join(pool))).findings
               if not f.rule.startswith(("missing-", "title-"))}
    return [s for i, s in enumerate(pool) if i not in flagged]


def paragraphs(chars: int, year: int | None = None, start: int = 0, clean: bool = False) -> list[str]:
    """Distinct paragraphs of real sentences adding up to about ``chars`` characters (``clean``: only
    sentences lint finds nothing in, for data files that must be valid)."""
    pool = clean_sentences(year) if clean else sentences(year)
    n = len(pool)
    out, total, m = [], 0, start
    while total < chars:
        # Paragraph m takes sentences a, a+d, a+d+e (modulo n) with a = m mod n and (d, e) counting
        # through 1…n-1 each: (a, d, e) differs for every m below n(n-1)², so no paragraph repeats, and
        # the first n paragraphs are three consecutive sentences each.
        a, q = m % n, m // n
        d, e = 1 + q % (n - 1), 1 + (q // (n - 1)) % (n - 1)
        text = pool[a] + pool[(a + d) % n] + pool[(a + d + e) % n]
        out.append(text)
        total += len(text)
        m += 1
    assert m < n * (n - 1) ** 2, "benchmark paragraphs would repeat"
    assert len(set(out)) == len(out), "benchmark paragraphs repeat"
    return out


def report_yaml(pages: int, folder: Path, name: str = "report.yaml", start: int = 0) -> Path:
    """A valid data file of about ``pages`` pages: the example plus distinct real paragraphs."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    year = data["meta"]["year"]
    extra = paragraphs(max(0, pages - EXAMPLE_PAGES) * RENDERED_PAGE_CHARS, year, start, clean=True)
    areas = data["measures"]["areas"]
    for i, text in enumerate(extra):
        area = areas[i % len(areas)]
        area["text"] = (area.get("text") or "").rstrip("\n") + "\n\n" + text + "\n"
    path = folder / name
    path.write_text("# 性能测试用数据（由 benchmarks/inputs.py 生成）\n" +
                    yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return path


def long_report_text(pages: int) -> str:
    """A report of about ``pages`` pages as plain text: numbered headings over distinct paragraphs."""
    from drafter.numbering import heading_number

    body = paragraphs(pages * PAGE_CHARS, 2024)
    lines = ["中共青山县委 青山县人民政府关于2024年法治政府建设情况的报告", "中共江川市委、江川市人民政府："]
    per_section = 16
    for start in range(0, len(body), per_section):
        section = start // per_section + 1
        lines.append(f"{heading_number(1, section)}2024年推进法治政府建设的主要举措和成效（{section}）")
        for sub in range(per_section // 2):
            chunk = body[start + 2 * sub:start + 2 * sub + 2]
            if not chunk:
                break
            lines.append(f"{heading_number(2, sub + 1)}第{section}部分第{sub + 1}方面工作")
            lines.extend(chunk)
    lines += ["二、存在的不足和原因", "一是培训不够系统，主要原因是投入不足。",
              "三、党政主要负责人履行推进法治建设第一责任人职责情况", "主要负责人认真履职。",
              "四、2025年推进法治政府建设的主要安排", "一是完善制度。", "五、其他需要报告的情况", "无。"]
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


def long_docx(pages: int, folder: Path) -> Path:
    """A .docx of about ``pages`` pages as Word saves it: styled headings, runs split, tables."""
    import sys

    import docx

    sys.path.insert(0, str(ROOT))
    from tests.lint.docx_build import build_docx

    path = build_docx(folder / f"report-{pages}p.docx", long_report_text(pages))
    document = docx.Document(path)
    word_like_runs(document)
    for t in range(pages // 5):                 # statistics tables, as real reports have
        table = document.add_table(rows=6, cols=4)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.text = f"指标{t}-{r}-{c}" if r == 0 else str(r * c + t)
    document.save(path)
    return path
