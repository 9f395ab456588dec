"""Make the screenshots in docs/serve.md (not a test):  .venv/bin/python -m tests.web.docs_screenshots

Drives the real application in headless Chromium through the steps the document describes and
writes docs/images/serve-*.png, squeezed with pngquant when it is installed (keeps the repository small).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.web.conftest import CHROMIUM_ARGS, Server, chromium_path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "images"
VIEW = {"width": 1200, "height": 760}


def squeeze(path: Path) -> None:
    tool = shutil.which("pngquant")
    if tool:
        subprocess.run([tool, "--force", "--skip-if-larger", "--quality", "60-85", "--output", str(path), str(path)],
                       check=False)


def main() -> int:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="drafter-docs-")) / "2024年报告"
    root.mkdir()
    for name in ("xingping-2020.yaml", "anshan-2023.yaml"):
        shutil.copy(ROOT / "examples" / name, root / name)
    server = Server(root)
    shots = []

    def shot(page, name, **kw):
        path = OUT / f"serve-{name}.png"
        page.screenshot(path=str(path), **kw)
        squeeze(path)
        shots.append(path)

    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS,
                                         env={**os.environ, "LANG": "zh_CN.UTF-8", "LANGUAGE": "zh_CN"})
            ctx = browser.new_context(locale="zh-CN", viewport=VIEW, accept_downloads=True)
            ctx.set_default_timeout(180_000)
            page = ctx.new_page()
            page.goto(server.url)
            page.select_option("#new-form select[name=level]", "township")
            page.check('#new-form input[name=joint][value="1"]')
            page.fill("#new-form input[name=year]", "2024")
            page.fill("#new-form input[name=body]", "青石镇人民政府")
            page.fill("#new-form input[name=file]", "青石镇2024.yaml")
            shot(page, "start")
            page.click("#new-form button[type=submit]")
            page.wait_for_selector("#status.bad")
            page.fill('[data-field="meta.party_body"]', "中共青石镇委员会")
            page.fill('[data-field="meta.date"]', "2024-12-20")
            area = page.locator('.entry[data-field="measures.areas[1]"]')
            area.locator("button.add", has_text="添加统计数据").click()
            page.fill('[data-field="measures.areas[1].stats[1].name"]', "行政复议案件")
            page.fill('[data-field="measures.areas[1].stats[1].unit"]', "件")
            page.fill('[data-field="measures.areas[1].stats[1].total"]', "13")
            stat = page.locator('.entry[data-field="measures.areas[1].stats[1]"]')
            for i, (name, value) in enumerate((("决定维持", "10"), ("撤销", "2")), start=1):
                stat.locator("button.add", has_text="添加构成").click()
                page.fill(f'[data-field="measures.areas[1].stats[1].parts[{i}].name"]', name)
                page.fill(f'[data-field="measures.areas[1].stats[1].parts[{i}].value"]', value)
            page.wait_for_selector('.entry.contains-error[data-field="measures.areas[1].stats[1]"]')
            page.locator('[data-field="measures.areas[1].stats[1].total"]').scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, 120)")
            shot(page, "form")
            page.goto(server.base + "/edit?file=anshan-2023.yaml")
            page.wait_for_selector("#status.good")
            page.click("#pdf")
            page.wait_for_function("() => (document.querySelector('#output .stage') || {}).textContent"
                                   "?.includes('LibreOffice')")
            shot(page, "pdf-progress", clip={"x": 0, "y": 0, "width": 1200, "height": 420})
            page.wait_for_selector("#output .pages img")
            page.wait_for_function("() => [...document.querySelectorAll('#output .pages img')]"
                                   ".every(i => i.complete && i.naturalWidth > 0)")
            shot(page, "pdf")
            page.click("#approx")
            page.wait_for_selector("#preview .paper")
            shot(page, "approx")
            page.goto(server.base + "/edit?file=xingping-2020.yaml")
            page.wait_for_selector("#status.good")
            page.fill('[data-field="intro"]', "2020年，我市……（浏览器意外关闭前正在输入的内容）")
            page.wait_for_function("() => Object.keys(localStorage).some(k => k.endsWith('xingping-2020.yaml'))")
            page.close(run_before_unload=False)
            page = ctx.new_page()
            page.goto(server.base + "/edit?file=xingping-2020.yaml")
            page.wait_for_selector("#restore:not([hidden])")
            shot(page, "restore", clip={"x": 0, "y": 0, "width": 1200, "height": 260})
            last_year = sorted((ROOT.parent / "shared" / "seeds").glob("003_*.txt"))
            if last_year:
                page.goto(server.base + "/")
                page.set_input_files("#import-form input[type=file]", str(last_year[0]))
                page.fill("#import-form input[name=file]", "荔枝街道2023.yaml")
                page.click("#import-form button[type=submit]")
                page.wait_for_selector("#status.bad")
                page.locator('.entry[data-field="measures.areas[1]"]').scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -150)")
                shot(page, "next-year")
            seeds = sorted((ROOT.parent / "shared" / "seeds").glob("001_*.txt"))
            if seeds:
                page.goto(server.base + "/")
                page.set_input_files("#lint-form input[type=file]", str(seeds[0]))
                page.click("#lint-form button[type=submit]")
                page.wait_for_selector("#lint-result:not([hidden]) table.items")
                box = page.locator("#lint-result").bounding_box()
                page.set_viewport_size({"width": 1200, "height": 2000})
                shot(page, "lint", clip={"x": box["x"], "y": box["y"], "width": box["width"], "height": 900})
            browser.close()
    finally:
        server.close()
    for path in shots:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
