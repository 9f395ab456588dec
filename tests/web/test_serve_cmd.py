"""`drafter serve` from the command line, end to end: it starts, prints its URL, serves, and refuses bad input."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.error
import urllib.request


def test_serve_starts_and_prints_a_tokened_url(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "drafter", "serve", str(tmp_path), "--port", "0", "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    try:
        lines = [proc.stdout.readline() for _ in range(2)]
        url = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", "".join(lines))
        assert url, lines
        assert str(tmp_path) in lines[0]
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        page = opener.open(url.group(0), timeout=30).read().decode("utf-8")
        assert "新建报告" in page and "检查草稿" in page
        bare = url.group(0).split("?")[0]
        try:
            urllib.request.urlopen(bare, timeout=30)
            raise AssertionError("served without the token")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()


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
