"""Command-line client: parse arguments, call the library, print, exit.

Subcommands live in their own modules and are imported only when used, so
``drafter --help`` starts fast.  Every failure is turned into a Chinese message
and an exit code here; the user never sees a traceback.

Exit codes: 0 success; 1 invalid data or findings; 2 unreadable input or
usage error; 3 internal error.
"""

from __future__ import annotations

import gc

# Start-up makes only long-lived objects (modules, classes, click's commands): the cyclic garbage collector
# is paused while they are made, and then leaves them out of its walks (about 2 % of `drafter lint`).
# After that it runs every GC_YOUNG new container objects instead of every 700 (as mypy tunes it): a command
# makes few cycles, and the modules it imports lazily and its documents' records no longer trigger a
# collection every few hundred objects (about 5 % of `drafter validate`; the benchmark's peak-memory rows
# watch that memory stays flat).
GC_YOUNG = 10_000
gc.disable()
import importlib  # noqa: E402
import importlib.util  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402

import click  # noqa: E402

from drafter import __version__  # noqa: E402
from drafter.cli import zh  # noqa: E402

zh.install()
gc.freeze()
gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])
gc.enable()

# name → (module, attribute, one-line help shown in `drafter --help`)
COMMANDS = {
    "init": ("drafter.cli.data_cmds", "init", "生成某一层级的数据文件模板（带中文填写说明）"),
    "validate": ("drafter.cli.data_cmds", "validate", "检查数据文件，列出所有问题（文件、行、列、字段）"),
    "render": ("drafter.cli.render_cmds", "render", "把数据文件生成为公文格式的 .docx 报告"),
    "lint": ("drafter.cli.lint_cmd", "lint", "检查报告草稿（.docx 或文本）是否缺项、有无常见错误"),
    "import": ("drafter.cli.import_cmd", "import_", "把已有的报告（如去年的）转换成数据文件"),
    "templates": ("drafter.cli.render_cmds", "templates", "查看、检查和新建各层级的报告模板"),
    "serve": ("drafter.cli.serve_cmd", "serve", "在浏览器中用表单填写、检查、预览报告，检查已有草稿"),
    "review": ("drafter.cli.review_cmd", "review", "审查一个地区各单位报送的全部报告：未提交、缺项、逾期、统计汇总（Excel）"),
    "schema": ("drafter.cli.data_cmds", "schema", "输出数据文件的 JSON Schema（供编辑器自动补全和检查）"),
}

class LazyGroup(zh.ZhGroup):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx):
        return [name for name in COMMANDS if self._available(name)]

    @staticmethod
    def _available(name: str) -> bool:
        module = COMMANDS[name][0]
        return importlib.util.find_spec(module) is not None

    def get_command(self, ctx, name):
        if name not in COMMANDS or not self._available(name):
            return None
        module, attr, _ = COMMANDS[name]
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx, formatter):
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("命令"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup,
             epilog="每个命令的详细用法：drafter 命令 --help（例如 drafter validate --help）。说明文档见 docs/ 文件夹。"
                    "设置环境变量 NO_COLOR=1 可关闭彩色显示。")
@click.version_option(__version__, "-V", "--version", prog_name="drafter")
@click.option("-q", "--quiet", is_flag=True, help="只显示问题，不显示进度和成功信息。")
@click.option("-v", "--verbose", is_flag=True, help="显示每一步（检查哪个文件、写到哪里）。")
@click.pass_context
def cli(ctx, quiet, verbose):
    """drafter：法治政府建设年度报告的起草与检查工具。

    \b
    常用流程：
      drafter init --level county --year 2024 -o 2024.yaml   生成数据文件
      drafter validate 2024.yaml                             检查数据文件
      drafter render 2024.yaml                               生成 .docx 报告
      drafter lint 报告草稿.docx                             检查报告草稿
    """
    from drafter.cli.output import NORMAL, QUIET, VERBOSE
    ctx.ensure_object(dict)["verbosity"] = QUIET if quiet else VERBOSE if verbose else NORMAL


def _print_error(text: str) -> None:
    from drafter.cli.output import colour
    click.echo(click.style(text, fg="red") if colour(sys.stderr) else text, err=True)


# Terminal sequences drafter itself writes (colours, the progress bar's cursor and line handling).
_OWN_SEQUENCES = re.compile(r"\x1b\[[0-9;]*m|\x1b\[\?25[lh]|\x1b\[[02]?K|\r")


class _TerminalGuard:
    """Wraps stdout/stderr: everything else a terminal would act on is shown as a visible symbol.

    The last line of defence behind :func:`drafter.text.terminal_safe` (applied where
    excerpts are made): a file name or any other text from a user's file cannot
    change the window title, clear the screen or move the cursor.
    """

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        if isinstance(text, str):
            from drafter.text import terminal_safe
            pieces, last = [], 0
            for m in _OWN_SEQUENCES.finditer(text):
                pieces.append(terminal_safe(text[last:m.start()]))
                pieces.append(m.group(0))
                last = m.end()
            pieces.append(terminal_safe(text[last:]))
            text = "".join(pieces)
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point; always exits with a documented code."""
    streams = sys.stdout, sys.stderr
    out, err = (stream if stream is not None else open(os.devnull, "w", encoding="utf-8")   # closed (>&-)
                for stream in streams)
    sys.stdout, sys.stderr = _TerminalGuard(out), _TerminalGuard(err)
    try:
        _main(argv)
    finally:
        sys.stdout, sys.stderr = streams
        _flush_or_silence(streams)


def _flush_or_silence(streams) -> None:
    """Flush stdout/stderr; if that fails (disk full, closed pipe), silence them so exit prints no traceback."""
    for stream in streams:
        if stream is None:
            continue
        try:
            stream.flush()
        except (OSError, ValueError):
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, stream.fileno())
            except (OSError, ValueError, AttributeError):
                pass


def _main(argv: list[str] | None) -> None:

    for stream in (sys.stdout._stream, sys.stderr._stream):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):
                pass
    from drafter.errors import DrafterError
    from drafter.signals import Terminated, install_signal_handlers

    install_signal_handlers()          # SIGTERM cleans up like Ctrl-C
    try:
        from drafter.cli.output import colour
        # NO_COLOR (and redirected output) switch colour off for every command, in one place.
        code = cli.main(args=argv, prog_name="drafter", standalone_mode=False,
                        color=None if colour() else False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.Abort:
        _print_error("已取消。")
        code = 130
    except click.UsageError as exc:
        exc.show()
        code = 2
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except DrafterError as exc:
        _print_error(exc.report())
        code = exc.exit_code
    except KeyboardInterrupt:
        _print_error("已取消。")
        code = 130
    except Terminated as exc:
        _print_error("已取消（程序被结束）。未完成的输出没有写入，原有文件保持不变。")
        code = 128 + exc.signum
    except OSError as exc:    # writing the results failed (a full disk, a closed pipe): not a bug
        try:
            _print_error(f"错误：无法输出结果（{exc.strerror or exc}）。"
                         + ("磁盘空间不足，请清理后重试。" if exc.errno == 28 else "请检查输出位置后重试。"))
        except OSError:
            pass
        code = 2
    except Exception as exc:  # the last boundary: never show a traceback
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        _print_error(f"程序内部错误（{exc.__class__.__name__}: {exc}）。您的文件未被修改。"
                     "请把这条信息和所用的文件发给维护人员；设置环境变量 DRAFTER_DEBUG=1 可显示详细信息。")
        code = 3
    sys.exit(code if isinstance(code, int) else 0)
