"""`drafter serve` from the command line, end to end: it starts, prints its URL, serves, and refuses bad input."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path


def _serve(target, check):
    """Run ``drafter serve target`` on a free port, open the printed URL, ``check(url, opener)``, stop it."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "drafter", "serve", str(target), "--port", "0", "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    try:
        lines = [proc.stdout.readline() for _ in range(2)]
        url = re.search(r"http://127\.0\.0\.1:\d+/\S*token=\S+", "".join(lines))
        assert url, lines
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        check(url.group(0), opener, lines)
    finally:
        proc.terminate()                # SIGTERM stops the server at once, even in the middle of a request
        try:
            code = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        err = proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
    assert code == 128 + signal.SIGTERM and "程序被结束" in err, (code, err)


def test_serve_starts_and_prints_a_tokened_url(tmp_path):
    def check(url, opener, lines):
        assert str(tmp_path) in lines[0]
        page = opener.open(url, timeout=30).read().decode("utf-8")
        assert "新建报告" in page and "检查草稿" in page
        bare = url.split("?")[0]
        try:
            urllib.request.urlopen(bare, timeout=30)
            raise AssertionError("served without the token")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403
    _serve(tmp_path, check)


def test_serve_a_data_file_opens_its_form(tmp_path):
    example = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))[0]
    target = tmp_path / "报告.yaml"
    target.write_text(example.read_text(encoding="utf-8"), encoding="utf-8")

    def check(url, opener, lines):
        assert "/edit?file=" in url
        response = opener.open(url, timeout=30)
        page = response.read().decode("utf-8")
        assert "token" not in response.geturl() and 'id="doc-data"' in page and "报告.yaml" in page
    _serve(target, check)


def test_serve_refuses_a_missing_folder(run_cli, tmp_path):
    result = run_cli("serve", tmp_path / "没有这个文件夹", "--no-browser")
    assert result.code == 2
    assert "文件夹不存在" in result.err


def test_serve_is_listed_in_help(run_cli):
    result = run_cli("--help")
    assert result.code == 0 and "serve" in result.out and "浏览器" in result.out


def test_serve_on_a_busy_port_says_so(run_cli, tmp_path):
    import socket
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = run_cli("serve", tmp_path, "--port", port, "--no-browser")
    assert result.code == 2
    assert "端口可能已被占用" in result.err and "--port" in result.err
