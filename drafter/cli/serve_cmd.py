"""``drafter serve``: open the whole workflow in the browser, for people who never edit YAML."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import click

from drafter.cli.zh import ZhCommand


@click.command(cls=ZhCommand, short_help="在浏览器中填写、检查和生成报告")
@click.argument("folder", required=False, default=".", metavar="[文件夹或数据文件]")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, metavar="端口",
              help="监听的端口；0 表示任选一个空闲端口。")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="地址",
              help="监听的地址。默认只允许本机访问；改为本机的局域网地址或 0.0.0.0 时，"
                   "其他电脑须使用启动时显示的带令牌网址（或 --password 设置的密码）才能访问。")
@click.option("--password", is_flag=True,
              help="用密码代替网址中的令牌（启动时输入密码，或设置环境变量 DRAFTER_SERVE_PASSWORD）。")
@click.option("--no-browser", is_flag=True, help="启动后不自动打开浏览器。")
def serve(folder, port, host, password, no_browser):
    """在浏览器中使用 drafter：用表单填写报告、边写边检查、预览并下载 .docx、检查已有草稿。

    只读写 [文件夹]（默认为当前文件夹）中的文件；给出一个 .yaml 数据文件时，在它所在的文件夹启动并直接打开它。
    默认只允许本机访问（127.0.0.1）。
    按 Ctrl+C 停止。

    \b
    例如：
      drafter serve                 在当前文件夹启动，并打开浏览器
      drafter serve D:\\报告\\2024    在指定文件夹启动
      drafter serve 2024.yaml       直接打开这个数据文件的表单

    详细说明见 docs/serve.md。
    """
    from drafter.errors import InputError
    from drafter.web.app import Settings
    from drafter.web.server import is_loopback, make_server

    root, start = Path(folder), None
    if root.is_file() and root.suffix.lower() in (".yaml", ".yml"):     # a data file: its folder, opened at it
        root, start = root.parent, root.name
    elif not root.is_dir():
        raise InputError("文件夹不存在", path=str(root), hint="请给出存放数据文件的文件夹（或其中的一个 .yaml 文件）")
    secret = None
    if password:
        secret = os.environ.get("DRAFTER_SERVE_PASSWORD") or click.prompt(
            "请设置访问密码", hide_input=True, confirmation_prompt="请再输入一次")
        if len(secret) < 8:
            raise click.UsageError("密码至少 8 个字符")
    token = None if secret else __import__("secrets").token_urlsafe(18)
    from drafter.errors import DrafterError
    explicit = click.get_current_context().get_parameter_source("port") != click.core.ParameterSource.DEFAULT
    settings = None
    for candidate in [port] if explicit else range(port, port + 10):    # the default port may be taken
        settings = Settings(root=root.resolve(), host=host, port=candidate, token=token, password=secret)
        try:
            server, url = make_server(settings)
            break
        except DrafterError:
            if explicit or candidate == port + 9:
                raise
    if start is not None:
        from urllib.parse import quote
        url = url.replace("/?", f"/edit?file={quote(start)}&", 1) if "/?" in url else url + f"edit?file={quote(start)}"
    click.echo(f"drafter 已启动，文件夹：{settings.root}")
    click.echo(f"请在浏览器中打开：{url}")
    if not is_loopback(host):
        click.echo(click.style("注意：已允许其他电脑访问。" +
                               ("其他电脑请把网址中的 127.0.0.1 换成本机的局域网地址；" if host in ("0.0.0.0", "::") else "") +
                               ("请只把密码告诉需要的同事。" if secret else
                                "请只把带 token 的完整网址告诉需要的同事。"), fg="yellow"))
    click.echo("按 Ctrl+C 停止。")
    if not no_browser:
        import threading
        import webbrowser
        threading.Timer(0.5, lambda: webbrowser.open(url)).start()
    with _stop_on_signals() as stopped:
        try:
            server.run()                # returns when Ctrl-C or a signal stops it (waitress catches those)
        except KeyboardInterrupt:
            pass
        finally:
            server.close()
    if stopped:
        from drafter.signals import Terminated
        raise Terminated(stopped[0])
    click.echo("已停止。")


class _Stop(KeyboardInterrupt):
    """SIGTERM/SIGHUP while serving.  waitress's event loop passes only KeyboardInterrupt, SystemExit and
    its own ExitNow on: drafter's usual Terminated, raised while the loop is handling a connection, would
    be logged as a broken connection and the server would keep running."""


@contextmanager
def _stop_on_signals():
    """Yield a list that receives the signal number when SIGTERM or SIGHUP stops the server."""
    import signal

    stopped: list = []

    def stop(signum, frame):
        stopped.append(signum)
        raise _Stop()

    saved = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None:
            try:
                saved[signum] = signal.signal(signum, stop)
            except (ValueError, OSError):       # not the main thread
                pass
    try:
        yield stopped
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
