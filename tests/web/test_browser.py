"""The whole workflow in a real browser (headless Debian Chromium through Playwright)."""

from __future__ import annotations

import json

import pytest
import re


from tests.conftest import ROOT, seed_path
from tests.web.conftest import shot


def field(page, name: str):
    """The input for a data path (``measures.areas[1].title``), or the block (group, list entry) there."""
    return page.locator(f':is(input, select, textarea)[data-field="{name}"], '
                        f':is(.group, .entry, .list, .row)[data-field="{name}"]').first


def wait_checked(page):
    """Wait for the live check to answer for what is on screen now."""
    page.wait_for_function("() => !document.querySelector('#status').textContent.includes('正在检查')")


def create(page, server, *, level="township", joint=True, year="2024", body="青石镇人民政府", file="qingshi.yaml"):
    page.goto(server.base + "/")
    page.select_option("#new-form select[name=level]", level)
    page.check(f'#new-form input[name=joint][value="{1 if joint else 0}"]')
    page.fill("#new-form input[name=year]", year)
    page.fill("#new-form input[name=body]", body)
    page.fill("#new-form input[name=file]", file)
    page.click("#new-form button[type=submit]")
    page.wait_for_url(re.compile(r"/edit\?file="))
    wait_checked(page)


FILL = {
    "meta.party_body": "中共青石镇委员会",
    "meta.date": "2025-02-20",
    "meta.recipients[1]": "中共涪陵区委",
    "meta.recipients[2]": "涪陵区人民政府",
    "meta.cc[1]": "中共涪陵区委全面依法治区委员会办公室",
    "intro": "2024年，我镇坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下。",
    "measures.areas[1].title": "严格规范公正文明执法",
    "measures.areas[1].text": "全面落实行政执法“三项制度”，开展执法案卷评查两次。\n\n组织执法人员培训四期，覆盖全部执法人员。",
    "measures.areas[2].title": "依法有效化解社会矛盾纠纷",
    "measures.areas[2].text": "健全人民调解组织网络，全年调处各类纠纷一百余件。",
    "problems.items[1].title": "基层执法能力有待提升",
    "problems.items[1].text": "部分执法人员对执法程序掌握不够。",
    "problems.items[1].cause": "主要是执法培训覆盖面不够，基层执法力量不足。",
    "leadership.text": "镇党委、镇政府主要负责同志带头学法，专题研究法治建设工作四次。",
    "plan.items[1].title": "持续提升基层执法水平",
    "plan.items[1].text": "开展执法人员轮训，推行执法全过程记录。",
}


def test_township_joint_report_from_scratch(page, server, run_cli):
    create(page, server)
    shot(page, "01-new-report")
    assert "【待填写】" in (server.root / "qingshi.yaml").read_text(encoding="utf-8")
    assert field(page, "meta.body").input_value() == "青石镇人民政府"
    # the five items in the township level's order, with the schema's Chinese titles
    headings = page.locator("section.section > h2").all_inner_texts()
    assert headings[0] == "报告信息" and headings[2].startswith("① ") and "主要举措和成效" in headings[2]
    assert "待填写" in page.inner_text("#problem-list")
    for name, value in FILL.items():
        field(page, name).fill(value)
    # mistake 1: a date inside the report year (a cross-field check)
    field(page, "meta.date").fill("2024-12-20")
    wait_checked(page)
    row_msg = page.locator('.row:has([data-field="meta.date"]) .msg.error')
    row_msg.wait_for()
    assert "成文日期" in row_msg.inner_text() and "2024年12月20日" in row_msg.inner_text()
    # mistake 2: a statistic whose parts do not add up, added through the repeatable blocks
    area = field(page, "measures.areas[1]")
    area.locator("button.add", has_text="添加统计数据").click()
    field(page, "measures.areas[1].stats[1].name").fill("行政复议案件")
    field(page, "measures.areas[1].stats[1].unit").fill("件")
    field(page, "measures.areas[1].stats[1].total").fill("13")
    stat = field(page, "measures.areas[1].stats[1]")
    for i, (name, value) in enumerate((("决定维持", "10"), ("撤销", "2")), start=1):
        stat.locator("button.add", has_text="添加构成").click()
        field(page, f"measures.areas[1].stats[1].parts[{i}].name").fill(name)
        field(page, f"measures.areas[1].stats[1].parts[{i}].value").fill(value)
    wait_checked(page)
    page.wait_for_selector('.entry.contains-error[data-field="measures.areas[1].stats[1]"]')
    problems = page.inner_text("#problem-list")
    assert "行政复议案件" in problems and "12" in problems and "13" in problems and "成文日期" in problems
    assert page.inner_text("#status").startswith("2个错误")
    shot(page, "02-two-mistakes")
    # the problem list links to the field
    page.locator("#problem-list a", has_text="成文日期").click()
    assert page.evaluate("document.activeElement.dataset.field") == "meta.date"
    # fix both
    field(page, "meta.date").fill("2025-02-20")
    field(page, "measures.areas[1].stats[1].parts[2].value").fill("3")
    page.wait_for_function("() => document.querySelector('#status').textContent === '数据有效'")
    shot(page, "03-valid")
    page.click("#save")
    page.wait_for_function("() => document.querySelector('#status').textContent.startsWith('已保存')")
    saved = server.root / "qingshi.yaml"
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./drafter-report.schema.json")
    assert "text: |" in text and "\n\n" in text            # literal block, blank line between paragraphs
    assert text.index("\nmeasures:") < text.index("\nproblems:") < text.index("\nleadership:")
    assert (server.root / "qingshi.yaml.bak").read_text(encoding="utf-8").count("【待填写】") > 5
    result = run_cli("validate", saved)
    assert result.code == 0, result.out + result.err
    assert "数据有效" in result.out

    # download the .docx and lint it clean
    with page.expect_download() as download:
        page.click("#docx")
    target = server.root / "out" / "qingshi.docx"
    target.parent.mkdir(exist_ok=True)
    download.value.save_as(target)
    lint = run_cli("lint", target, "--format", "json")
    assert lint.code == 0, lint.out + lint.err
    report = json.loads(lint.out)["files"][0]
    assert report["level"] == "township" and report["joint"] is True
    assert [f for f in report["findings"] if f["severity"] != "info"] == []
    assert all(item["status"] != "missing" for item in report["items"].values())

    # the approximate preview is labelled as such
    page.click("#approx")
    page.wait_for_selector("#preview .paper")
    assert "近似预览" in page.inner_text("#preview .approx-note")
    assert "中共青石镇委员会 青石镇人民政府关于2024年法治政府建设情况的报告" in page.inner_text("#preview .title").replace("\n", "")
    shot(page, "04-approx-preview")
    page.keyboard.press("Escape")
    page.wait_for_selector("#preview", state="detached")


def test_restore_after_crash(context, server):
    page = context.new_page()
    create(page, server, level="county", joint=False, body="兴平市人民政府", file="restore.yaml")
    field(page, "intro").fill("这是崩溃前输入、尚未保存的开头段落。")
    page.wait_for_function(
        "() => (localStorage.getItem('drafter:autosave:' + location.host + ':restore.yaml') || '')"
        ".includes('崩溃前输入')")
    url = page.url
    page.close(run_before_unload=False)            # the tab dies without saving
    assert "崩溃前输入" not in (server.root / "restore.yaml").read_text(encoding="utf-8")
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#restore:not([hidden])")
    assert "尚未保存到文件的修改" in page.inner_text("#restore")
    shot(page, "05-restore-offer")
    assert "崩溃前输入" not in field(page, "intro").input_value()
    page.click("#restore-yes")
    assert field(page, "intro").input_value() == "这是崩溃前输入、尚未保存的开头段落。"
    page.click("#save")
    page.wait_for_function("() => document.querySelector('#status').textContent.startsWith('已保存')")
    assert "崩溃前输入" in (server.root / "restore.yaml").read_text(encoding="utf-8")
    page.close()


def test_changed_on_disk_shows_both_versions(page, server):
    create(page, server, level="city", joint=False, body="鞍山市人民政府", file="conflict.yaml")
    path = server.root / "conflict.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("other:", "# 在编辑器中加的注释\nother:"), encoding="utf-8")
    field(page, "intro").fill("表单中的开头段落。")
    page.click("#save")
    page.wait_for_selector("#conflict:not([hidden])")
    assert "在编辑器中加的注释" in page.inner_text("#conflict-disk")
    assert "表单中的开头段落" in page.inner_text("#conflict-mine")
    assert "表单中的开头段落" not in path.read_text(encoding="utf-8")
    shot(page, "06-conflict")
    page.click("#conflict-overwrite")
    page.wait_for_function("() => document.querySelector('#status').textContent.startsWith('已保存')")
    assert "表单中的开头段落" in path.read_text(encoding="utf-8")
    assert "在编辑器中加的注释" in (server.root / "conflict.yaml.bak").read_text(encoding="utf-8")


def test_unparseable_file_opens_read_only(page, server):
    broken = server.root / "broken.yaml"
    broken.write_text("meta:\n  body: 某县人民政府\n  year: 2024\n intro: 缩进错了\n", encoding="utf-8")
    before = broken.read_bytes()
    page.goto(server.base + "/edit?file=broken.yaml")
    page.wait_for_selector("#readonly")
    text = page.inner_text("#readonly")
    assert "只能查看" in text and "第4行" in text
    assert page.locator("pre.source span.bad").inner_text().strip().startswith("4")
    assert page.locator("#form").count() == 0 and page.locator("#save").count() == 0
    shot(page, "07-read-only")
    assert broken.read_bytes() == before


def test_lint_seed_draft_shows_missing_items(page, server):
    seed = seed_path("001")
    page.goto(server.base + "/")
    page.set_input_files("#lint-form input[type=file]", str(seed))
    page.click("#lint-form button[type=submit]")
    page.wait_for_selector("#lint-result:not([hidden]) table.items")
    missing = page.locator("#lint-result table.items tr.missing").all_inner_texts()
    assert any("不足和原因" in row and "缺少" in row for row in missing), missing
    assert page.locator("#lint-result .lint-para blockquote").count() > 0
    shot(page, "08-lint-seed", full_page=True)
    assert list(server.root.glob(seed.name)) == []         # nothing uploaded is kept


def test_refused_path_traversal_and_wrong_token(browser, page, server):
    outside = server.root.parent / "outside.yaml"
    outside.write_text("meta: {}\n", encoding="utf-8")
    (server.root / "link.yaml").symlink_to(outside)
    for name in ("../outside.yaml", "/etc/passwd.yaml", "sub/../../outside.yaml", "CON.yaml", "link.yaml",
                 "..%2Foutside.yaml"):
        page.goto(server.base + "/edit?file=" + name)
        page.wait_for_selector("#refused")
        assert "拒绝访问" in page.inner_text("#refused") or "不存在" in page.inner_text("#refused"), name
    shot(page, "09-refused-traversal")
    # saving outside the folder through the API is refused too, with a valid CSRF token
    status = page.evaluate("""async () => {
        const r = await fetch('/api/save', {method: 'POST', headers: {'Content-Type': 'application/json',
          'X-CSRF-Token': document.querySelector('meta[name=csrf-token]').content},
          body: JSON.stringify({file: '../evil.yaml', data: {}})});
        return [r.status, (await r.json()).error];
    }""")
    assert status[0] == 400 and "拒绝访问" in status[1]
    assert not (server.root.parent / "evil.yaml").exists()
    # a state-changing request without the CSRF token is refused
    status = page.evaluate("""async () => (await fetch('/api/save', {method: 'POST',
        headers: {'Content-Type': 'application/json'}, body: JSON.stringify({file: 'x.yaml', data: {}})})).status""")
    assert status == 403 and not (server.root / "x.yaml").exists()
    # a wrong token, and no token, in a fresh browser profile
    stranger = browser.new_context(locale="zh-CN")
    try:
        other = stranger.new_page()
        other.goto(server.base + "/?token=wrong-token")
        assert "访问令牌不正确" in other.inner_text("#refused")
        assert server.root.name not in other.content()
        shot(other, "10-wrong-token")
        other.goto(server.base + "/")
        assert "缺少访问令牌" in other.inner_text("#refused")
        assert other.locator("#new-form").count() == 0
    finally:
        stranger.close()


def test_start_from_last_years_report(page, server, run_cli):
    seed = seed_path("003")
    page.goto(server.base + "/")
    page.set_input_files("#import-form input[type=file]", str(seed))
    page.fill("#import-form input[name=file]", "next-year.yaml")
    page.click("#import-form button[type=submit]")
    page.wait_for_url(re.compile(r"/edit\?file=next-year\.yaml"))
    wait_checked(page)
    assert field(page, "meta.level").input_value() == "township"
    last = run_cli("import", seed, "-o", server.root / "cli-import.yaml")
    assert last.code == 0, last.err
    cli_year = re.search(r"(?m)^  year: (\d{4})", (server.root / "cli-import.yaml").read_text(encoding="utf-8"))
    assert int(field(page, "meta.year").input_value()) == int(cli_year.group(1)) + 1
    banner = page.locator(".banner.info")
    if banner.count():                                   # what the old report lacked, said once
        assert "还需要补写" in banner.inner_text()
    assert "待填写" in page.inner_text("#problem-list")
    # the import's comments are shown beside their fields: guesses to check, last year's plan as prompts
    notes = field(page, "measures.areas[1]").locator("details.note[open]")
    assert "去年安排" in notes.first.inner_text() or "待核对" in notes.first.inner_text()
    assert "待核对" in page.locator(".row:has([data-field='meta.body']) details.note").inner_text()
    shot(page, "11-next-year")
    before = (server.root / "next-year.yaml").read_text(encoding="utf-8")
    kept = [line.strip() for line in before.splitlines() if "去年安排" in line or "待核对" in line]
    assert kept
    field(page, "meta.date").fill(f"{int(cli_year.group(1)) + 2}-02-20")
    page.click("#save")
    page.wait_for_function("() => document.querySelector('#status').textContent.startsWith('已保存')")
    after = (server.root / "next-year.yaml").read_text(encoding="utf-8")
    assert [line.strip() for line in after.splitlines() if "去年安排" in line or "待核对" in line] == kept
    assert after.splitlines()[0] == before.splitlines()[0]
    # a comment deleted in the form is gone from the file
    page.locator(".row:has([data-field='meta.body']) details.note button").click()
    page.click("#save")
    page.wait_for_function("() => document.querySelector('#status').textContent.startsWith('已保存')")
    assert "从标题、落款或开头段落中识别" not in (server.root / "next-year.yaml").read_text(encoding="utf-8")
    assert list(server.root.glob(seed.name)) == []


def test_pdf_preview_with_progress(page, server):
    from drafter.render.render import find_soffice
    if find_soffice() is None:
        pytest.skip("没有安装 LibreOffice")
    example = sorted((ROOT / "examples").glob("*.yaml"))[0]
    (server.root / "pdf.yaml").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    page.goto(server.base + "/edit?file=pdf.yaml")
    page.wait_for_function("() => document.querySelector('#status').textContent.startsWith('数据有效')"
                           " || document.querySelector('#status').textContent.startsWith('0个错误')")
    page.click("#pdf")
    page.wait_for_selector("#output progress")
    assert "正在" in page.inner_text("#output .stage")
    page.wait_for_selector("#output .pages img", timeout=180_000)
    page.wait_for_function("() => [...document.querySelectorAll('#output .pages img')].every(i => i.complete && i.naturalWidth > 0)")
    assert page.locator("#output a", has_text="打开 PDF").count() == 1
    from drafter.render.fonts import missing_fonts
    missing = missing_fonts()               # the official fonts; this machine may lack some
    if missing:                             # the same warning as drafter render --pdf, naming each font
        warning = page.inner_text("#fonts-warning")
        assert all(m.font in warning for m in missing) and "PDF 中改用其他字体" in warning
    else:
        assert page.locator("#fonts-warning").count() == 0
    shot(page, "12-pdf-preview")


def test_repeatable_blocks_and_level_order(page, server):
    create(page, server, level="county", joint=False, body="兴平市人民政府", file="blocks.yaml")
    field(page, "plan.items[1].title").fill("甲项安排")
    field(page, "plan.items").locator(":scope > button.add").click()
    # the new block's first field has the focus; the other blocks keep what was typed
    assert page.evaluate("document.activeElement.dataset.field") == "plan.items[2].title"
    page.keyboard.type("乙项安排")
    field(page, "plan.items[2]").locator("button[title=上移]").click()
    assert field(page, "plan.items[1].title").input_value() == "乙项安排"
    assert field(page, "plan.items[2].title").input_value() == "甲项安排"
    field(page, "plan.items[1]").locator("button[title=删除]").click()
    assert field(page, "plan.items[1].title").input_value() == "甲项安排"
    page.click("#undo")                                  # a deleted block comes back
    assert field(page, "plan.items[1].title").input_value() == "乙项安排"
    assert page.locator("#undo").is_hidden()
    field(page, "plan.items[1]").locator("button[title=删除]").click()
    assert field(page, "plan.items[1].title").input_value() == "甲项安排"
    assert field(page, "plan.items[2]").count() == 0
    # typing the year keeps the focus (no rebuild while typing)
    year = field(page, "meta.year")
    year.fill("")
    year.type("2025")
    assert year.input_value() == "2025"
    assert page.evaluate("document.activeElement.dataset.field") == "meta.year"
    # the level decides the order of the five items
    county = page.locator("section.section > h2").all_inner_texts()[2:]
    page.select_option('[data-field="meta.level"]', "department")
    page.wait_for_function("() => document.querySelectorAll('section.section > h2')[2].textContent.startsWith('③')")
    department = page.locator("section.section > h2").all_inner_texts()[2:]
    assert sorted(county) == sorted(department) and county != department
    assert field(page, "plan.items[1].title").input_value() == "甲项安排"
    page.click("#save")
    page.wait_for_function("() => document.querySelector('#status').textContent.startsWith('已保存')")
    text = (server.root / "blocks.yaml").read_text(encoding="utf-8")
    assert "甲项安排" in text and "乙项安排" not in text and "level: department" in text


def _draft_docx(path):
    """A short Word draft with defects: no addressee, no date, a blank number, items missing."""
    import docx
    document = docx.Document()
    document.add_paragraph("某县人民政府关于2024年法治政府建设情况的报告")
    document.add_paragraph("一、2024年推进法治政府建设的主要举措和成效")
    document.add_paragraph("全年共办理行政复议案件XX件，纠错率提升。")
    document.save(path)


def test_drop_a_word_draft_and_download_the_annotated_copy(page, server, tmp_path):
    import docx
    draft = tmp_path / "草稿.docx"
    _draft_docx(draft)
    page.goto(server.base + "/")
    data = list(draft.read_bytes())
    transfer = page.evaluate_handle("""(bytes) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], '草稿.docx',
            {type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'}));
        return dt; }""", data)
    page.dispatch_event("#lint", "drop", {"dataTransfer": transfer})
    page.wait_for_selector("#lint-result:not([hidden]) table.items")
    assert "检查结果：草稿.docx" in page.inner_text("#lint-result h2")
    link = page.locator("#lint-result a", has_text="下载带批注的副本")
    count = int(re.search(r"（(\d+) 条", link.inner_text()).group(1))
    with page.expect_download() as download:
        link.click()
    annotated = tmp_path / "annotated.docx"
    download.value.save_as(annotated)
    copy = docx.Document(str(annotated))
    comments = [p for p in copy.part.package.parts if p.partname.endswith("/comments.xml")]
    assert comments and comments[0].blob.count(b"<w:comment ") == count > 0
    with page.expect_download() as download:
        page.locator("#lint-result a", has_text="下载 JSON 结果").click()
    report = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert report["files"][0]["path"] == "草稿.docx" and len(report["files"][0]["findings"]) >= count
    assert list(server.root.glob("*.docx")) == []


def test_ctrl_s_saves(page, server):
    create(page, server, level="county", joint=False, body="兴平市人民政府", file="ctrl-s.yaml")
    field(page, "intro").fill("用快捷键保存的开头段落。")
    page.keyboard.press("Control+s")
    page.wait_for_function("() => document.querySelector('#status').textContent.startsWith('已保存')")
    assert "用快捷键保存的开头段落" in (server.root / "ctrl-s.yaml").read_text(encoding="utf-8")
