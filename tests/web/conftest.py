"""Real-browser fixtures: one Debian Chromium per session (Playwright, executable_path), one server per module."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN"]
SHOTS = Path(__file__).resolve().parents[2] / "tests-output" / "web"
TIMEOUT_MS = 30_000          # explicit waits: generous on a busy 2-core machine, never a sleep


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    path = chromium_path()
    if path is None:
        pytest.skip("没有安装 Chromium（Debian 软件包 chromium），跳过浏览器测试")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Server:
    def __init__(self, root: Path, **options):
        from drafter.web.app import Settings
        from drafter.web.server import make_server
        self.root = root
        self.settings = Settings(root=root, host="127.0.0.1", port=0, token="test-token-123", **options)
        self.server, self.url = make_server(self.settings)
        self.base = f"http://127.0.0.1:{self.settings.port}"
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()

    def close(self):
        self.server.close()
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve-root")
    srv = Server(root)
    yield srv
    srv.close()


@pytest.fixture
def context(browser, server):
    """A fresh browser profile (cookies, local storage) signed in through the start-up URL."""
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}, accept_downloads=True)
    ctx.set_default_timeout(TIMEOUT_MS)
    page = ctx.new_page()
    page.goto(server.url)
    page.wait_for_selector("#new-form")
    page.close()
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors: list = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    yield page
    assert not errors, f"页面脚本出错或违反内容安全策略：{errors}"


def shot(page, name: str, full_page: bool = False) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
