"""The printed page as GB/T 9704-2012 lays it out, read back from the PDFs LibreOffice makes.

Every level and variant (long real-style organ names, red header, joint 署名, 附件, 附注, 版记), the department
report at six lengths (so that the end of the report falls at every place on a page) and the examples are
converted once per session (``session_pdfs``).  Positions come from ``pdftotext -bbox``; rules from pixels
(``pdftoppm``).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.render.layout import MM, TOP_MM, colour_top, horizontal_rules, read_pages

pytestmark = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdftoppm")),
                                reason="poppler（pdftotext、pdftoppm）未安装")

TYPE_WIDTH_MM = 156
LEFT_MM = {1: 28, 0: 26}          # 订口 on odd pages, the narrow margin on even pages (mirrored margins)


def _names(session_pdfs, *, red=False, imprint=False, joint=None):
    names = []
    for name, (document, _, _) in session_pdfs.items():
        meta = document["meta"]
        if red and not meta.get("red_header"):
            continue
        if imprint and not (meta.get("cc") or meta.get("issuer")):
            continue
        if joint is not None and bool(meta.get("joint")) != joint:
            continue
        names.append(name)
    assert names
    return names


def _date_text(meta) -> str:
    d = meta["date"]
    return f"{d.year}年{d.month}月{d.day}日"


def _signature(meta) -> list[str]:
    return meta.get("signature") or ([meta["party_body"], meta["body"]] if meta.get("joint") else [meta["body"]])


def _end_of_report(pages, meta):
    """(page, line) of the report's 成文日期 (the last one: a cover letter has its own)."""
    found = [(page, line) for page in pages for line in page.body_lines() if line.text == _date_text(meta)]
    assert found, "成文日期 not found"
    return found[-1]


@pytest.fixture(scope="session")
def pages_of(session_pdfs):
    cache = {}

    def pages(name):
        if name not in cache:
            cache[name] = read_pages(session_pdfs[name][2])
        return cache[name]
    return pages


# --- 1. 版记 at the foot of the last page --------------------------------------------------------------------

def test_imprint_last_line_at_the_foot_of_the_last_page(session_pdfs, pages_of):
    for name in _names(session_pdfs, imprint=True):
        document, _, pdf = session_pdfs[name]
        pages = pages_of(name)
        marked = [(p, ln) for p in pages for ln in p.body_lines() if ln.text.endswith("印发") or
                  ln.text.startswith("抄送")]
        assert marked, name
        page, last = max(marked, key=lambda pl: (pl[0].number, pl[1].y1))
        assert page.number == len(pages), (name, "版记 not on the last page")
        # its last line within the bottom 10 mm of the 版心
        assert page.body_bottom - 10 * MM <= last.y1 <= page.body_bottom + 1, (name, last.text, last.y1)
        # and its last rule (0.35 mm, as wide as the 版心) on the lower edge of the 版心
        rules = horizontal_rules(pdf, page.number, "black", min_mm=150)
        assert rules, name
        lowest = max(rules, key=lambda r: r.y)
        assert abs(lowest.y - (page.height / MM - 35)) <= 1.0, (name, lowest)
        assert abs(lowest.length - TYPE_WIDTH_MM) <= 0.7, (name, lowest)


# --- 2./3. the 署名 and 成文日期 with the end of the 正文, the 署名 whole ------------------------------------------

def _above_date(session_pdfs, pages_of, name):
    """(meta, page number, text of the lines above the 成文日期 on its page)."""
    meta = session_pdfs[name][0]["meta"]
    page, date = _end_of_report(pages_of(name), meta)
    return meta, page.number, [ln.text for ln in page.body_lines() if ln.y1 < date.y1]


def test_date_page_holds_two_lines_of_body_text(session_pdfs, pages_of):
    for name in _names(session_pdfs):
        meta, number, above = _above_date(session_pdfs, pages_of, name)
        first_signature = _signature(meta)[0]
        sig = [i for i, text in enumerate(above) if text == first_signature]
        body = above[:sig[-1]] if sig else []
        attachment = [i for i, text in enumerate(body) if text.startswith("附件：")]
        if attachment:
            body = body[:attachment[-1]]
        assert len(body) >= 2, (name, number, above)


def test_signature_lines_and_date_on_one_page(session_pdfs, pages_of):
    for name in _names(session_pdfs):
        meta, number, above = _above_date(session_pdfs, pages_of, name)
        signature = _signature(meta)
        assert above[-len(signature):] == signature, (name, number, above[-3:])


# --- 4. title lines end between words -------------------------------------------------------------------------

def _title_lines(pages, title: str) -> list[str]:
    wanted = re.sub(r"\s", "", title)
    for page in pages:
        lines = [ln.text for ln in page.body_lines()]
        for i in range(len(lines)):
            joined = ""
            for j in range(i, min(i + 4, len(lines))):
                joined += lines[j]
                if joined == wanted:
                    return lines[i:j + 1]
                if not wanted.startswith(joined):
                    break
    raise AssertionError(f"title not found: {title}")


def test_title_lines_end_between_words(session_pdfs, pages_of):
    """No line of a long title ends inside an organ name or a word of the subject (人民政/府, 重庆市/涪陵区)."""
    checked = 0
    for name, (document, _, _) in session_pdfs.items():
        meta = document["meta"]
        title = meta.get("title") or ""
        if not title:
            from drafter import levels
            variant = levels.get_level(meta["level"]).variant(bool(meta.get("joint")))
            title = variant.title_for(body=meta["body"], year=meta["year"], party_body=meta.get("party_body"))
        lines = _title_lines(pages_of(name), title)
        words = [w for w in (meta.get("party_body"), meta["body"], "法治政府建设", "关于", f"{meta['year']}年",
                             "情况", "报告", "人民政府") if w]
        text = "".join(lines)
        cut = 0
        for line in lines[:-1]:
            cut += len(line)
            for word in words:
                for m in re.finditer(re.escape(word), text):
                    assert not (m.start() < cut < m.end()), (name, lines, word)
        if len(lines) > 1:
            checked += 1
            widths = [sum(0.5 if ch.isascii() else 1 for ch in line) for line in lines]
            assert max(widths) <= 20, (name, lines)
    assert checked >= 5                         # the long joint titles were among them


# --- 5. masthead 35 mm below the top of the 版心, red rule as wide as the 版心 --------------------------------

def _masthead_pages(pages, meta) -> list[int]:
    """Pages that start with a masthead: the report's first page, and the cover letter's."""
    return [p.number for p in pages if p.lines and any("文件" in ln.text or ln.text in (meta["body"], meta.get(
        "party_body")) for ln in p.lines[:3]) and any(re.search(r"〔\d{4}〕", ln.text) for ln in p.lines[:6])]


def test_masthead_35mm_below_the_top_of_the_type_area(session_pdfs, pages_of):
    for name in _names(session_pdfs, red=True):
        document, _, pdf = session_pdfs[name]
        numbers = _masthead_pages(pages_of(name), document["meta"])
        assert numbers, name
        for number in numbers:
            top = colour_top(pdf, number)
            assert top is not None and abs(top - (TOP_MM + 35)) <= 1.0, (name, number, top)


def test_red_rule_spans_the_type_area(session_pdfs, pages_of):
    for name in _names(session_pdfs, red=True):
        document, _, pdf = session_pdfs[name]
        for number in _masthead_pages(pages_of(name), document["meta"]):
            rules = horizontal_rules(pdf, number, "red", min_mm=100)
            assert rules, (name, number)
            rule = max(rules, key=lambda r: r.length)
            assert abs(rule.length - TYPE_WIDTH_MM) <= 0.7, (name, number, rule)
            assert abs(rule.x - LEFT_MM[number % 2]) <= 0.7, (name, number, rule)


# --- 6. mirrored margins -------------------------------------------------------------------------------------

def test_binding_edge_alternates_for_double_sided_printing(session_pdfs, pages_of):
    """Odd pages (by their printed number) have the 28 mm 订口 on the left, even pages on the right: the text
    and the page number (one character in from the 版心's outer edge) move with it."""
    checked = set()
    for name in _names(session_pdfs):
        for page in pages_of(name):
            lines = page.body_lines()
            numbers = [ln for ln in page.lines if ln not in lines and re.fullmatch(r"—\d+—", ln.text)]
            if not numbers:
                continue                              # the unnumbered cover letter
            number = int(numbers[0].text.strip("—"))
            left = LEFT_MM[number % 2]
            if number % 2:                            # odd: right, 1 character (4号, 14 pt) in from the 版心's edge
                assert abs(numbers[0].x1 / MM - (left + TYPE_WIDTH_MM - 14 / MM)) <= 0.7, (name, number)
            else:
                assert abs(numbers[0].x0 / MM - (left + 14 / MM)) <= 0.7, (name, number)
            for ln in lines:
                if (ln.x1 - ln.x0) / MM > TYPE_WIDTH_MM - 1:          # a full (justified) line of 正文
                    assert abs(ln.x0 / MM - left) <= 0.7, (name, page.number, number, ln.text, ln.x0 / MM)
            checked.add(number % 2)
    assert checked == {0, 1}


# --- 8. attachment list --------------------------------------------------------------------------------------

def test_wrapped_attachment_name_lines_up_with_the_name(session_pdfs, pages_of):
    checked = 0
    for name, (document, _, _) in session_pdfs.items():
        names = document["meta"].get("attachments") or []
        if len(names) < 2:
            continue
        lines = [ln for page in pages_of(name) for ln in page.body_lines()]
        first = next(i for i, ln in enumerate(lines) if ln.text.startswith("附件："))
        second = next(i for i, ln in enumerate(lines) if i > first and ln.text.startswith("2."))
        number, wrapped = lines[second], lines[second + 1]
        assert lines[first].x0 < number.x0, name                    # “2.” under “1.”, right of “附件：”
        assert 8 <= wrapped.x0 - number.x0 <= 24, (name, number.x0, wrapped.x0)   # under the name, not “2.”
        checked += 1
    assert checked


# --- 9. fonts: a serif for 仿宋 where one is installed ----------------------------------------------------------

def _installed_families() -> str:
    if not shutil.which("fc-list"):
        pytest.skip("fc-list 不可用")
    return subprocess.run(["fc-list", "--format", "%{family}\\n"], capture_output=True, text=True).stdout


def test_missing_fangsong_set_in_an_installed_serif(session_pdfs):
    families = _installed_families()
    if "仿宋_GB2312" in families or "FangSong" in families or "Noto Serif CJK SC" not in families:
        pytest.skip("本机字体与本测试的前提不符（已装仿宋或没有 Noto Serif CJK）")
    for name in ("county-single", "anshan-2023"):
        pdf = session_pdfs[name][2]
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "NotoSerifCJK" in fonts, (name, fonts)               # 正文 (仿宋) and title (小标宋)
        assert "NotoSansCJK" in fonts, (name, fonts)                # 一级标题 (黑体)

