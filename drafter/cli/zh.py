"""Chinese for click's own words (usage, options, its error messages).

click marks its user-facing strings with gettext; we give those modules a
catalogue lookup instead of the process-wide gettext domain.
"""

from __future__ import annotations

import re
import unicodedata

import click

CATALOGUE = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令“{name}”。",
    "No such option {name!r}.": "没有选项“{name}”。",
    "Option {name!r} does not take a value.": "选项“{name}”不带值。",
    "Invalid value for {param_hint}: {message}": "{param_hint}：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "{value!r} is not a valid {number_type}.": "“{value}”不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value}不在范围 {range} 内。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "Aborted!": "已取消。",
    "default: {default}": "默认：{default}",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "{name} {filename!r} does not exist.": "{name}“{filename}”不存在。",
    "{name} {filename!r} is a directory.": "{name}“{filename}”是文件夹。",
    "{name} {filename!r} is a file.": "{name}“{filename}”是文件。",
    "{name} {filename!r} is not readable.": "{name}“{filename}”无法读取。",
    "{name} {filename!r} is not writable.": "{name}“{filename}”无法写入。",
    "Could not open file {filename!r}: {message}": "无法打开文件“{filename}”：{message}",
    "Argument {name!r} takes {nargs} values.": "参数“{name}”需要 {nargs} 个值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Did you mean {possibility}?": "是不是 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是以下之一：{possibilities}？）",
    "Option {name!r} requires an argument.": "选项“{name}”需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项“{name}”需要 {nargs} 个值。",
    "{value!r} is not {choice}.": "“{value}”不是 {choice}。",
    "{value!r} is not one of {choices}.": "“{value}”不是可选值（可选：{choices}）。",
    "integer": "整数",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
}


def gettext(message: str) -> str:
    return CATALOGUE.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Point click's translation hooks at the Chinese catalogue."""
    import click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types  # noqa: E401
    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
    click.types.INT.name = "整数"


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: CJK and full-width forms count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in click.unstyle(text))


_NO_LINE_START = set("，。、；：？！）》」』】”’…%％")


def wrap_display(text: str, width: int) -> list[str]:
    """Break ``text`` into lines of at most ``width`` columns (between any two CJK characters,
    at spaces between Latin words)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for token in re.findall(r"[A-Za-z0-9_./\\:=<>\-\[\]{}%'\"@#$&*+,;!?()|]+|\s|.", paragraph):
            w = display_width(token)
            if used + w > width and line.strip() and token not in _NO_LINE_START:
                lines.append(line.rstrip())
                line, used = "", 0
                if token.isspace():
                    continue
            line += token
            used += w
        lines.append(line.rstrip())
    return lines


class ZhHelpFormatter(click.HelpFormatter):
    """Help layout with Chinese punctuation (full-width colon after headings), columns by display width."""

    def write_text(self, text: str) -> None:
        """Paragraphs wrapped by display width; a paragraph after a ``\\b`` line is kept as written."""
        indent = " " * self.current_indent
        width = max(self.width - self.current_indent, 11)
        for i, block in enumerate(re.split(r"\n\s*\n", text.strip("\n"))):
            if i:
                self.write("\n")
            lines = block.splitlines()
            if lines and lines[0].strip() == "\b":
                self.write("".join(f"{indent}{line}\n" for line in lines[1:]))
                continue
            joined = ""
            for line in (l.strip() for l in lines):
                joined += ("" if not joined or display_width(joined[-1]) == 2 or display_width(line[:1]) == 2
                           else " ") + line
            self.write("".join(f"{indent}{line}\n" for line in wrap_display(joined, width)))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        widths = [display_width(first) for first, _ in rows]
        first_col = min(max(widths, default=0), col_max) + col_spacing
        text_width = max(self.width - first_col - self.current_indent, 10)
        for (first, second), width in zip(rows, widths):
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if width <= first_col - col_spacing:
                self.write(" " * (first_col - width))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap_display(second, text_width)
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="用法：")


class ZhContext(click.Context):
    formatter_class = ZhHelpFormatter


def _set_verbosity(level: int):
    def callback(ctx, param, value):
        if value:
            ctx.find_root().ensure_object(dict)["verbosity"] = level
    return callback


def verbosity_options() -> list:
    """-q/-v, accepted after the command name too (drafter validate -q x.yaml)."""
    from drafter.cli.output import QUIET, VERBOSE
    return [click.Option(["-q", "--quiet"], is_flag=True, expose_value=False, is_eager=True,
                         callback=_set_verbosity(QUIET), help="只显示问题，不显示进度和成功信息。"),
            click.Option(["-v", "--verbose"], is_flag=True, expose_value=False, is_eager=True,
                         callback=_set_verbosity(VERBOSE), help="显示每一步（检查哪个文件、写到哪里）。")]


class ZhCommand(click.Command):
    """A command whose usage line and help speak Chinese.  Use for every subcommand."""

    context_class = ZhContext

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--help"], "max_content_width": 100})
        super().__init__(*args, **kwargs)
        taken = {opt for p in self.params for opt in getattr(p, "opts", ())}
        self.params.extend(o for o in verbosity_options() if not taken & set(o.opts))


class ZhGroup(click.Group):
    """A command group whose usage line and help speak Chinese."""

    context_class = ZhContext
    command_class = ZhCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--help"], "max_content_width": 100})
        super().__init__(*args, **kwargs)


ZhGroup.group_class = ZhGroup


class Year(click.ParamType):
    """A report year: four digits within a range, with the complaint in plain Chinese."""

    name = "年度"

    def __init__(self, low: int = 2000, high: int = 2100):
        self.low, self.high = low, high

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            number = value
        else:
            text = str(value).strip().rstrip("年")
            text = unicodedata.normalize("NFKC", text)
            if not re.fullmatch(r"\d{4}", text):
                self._fail(f"年度应为四位数字，如 2024（现在是“{value}”）", param, ctx)
            number = int(text)
        if not self.low <= number <= self.high:
            self._fail(f"年度应在 {self.low} 到 {self.high} 之间（现在是 {number}）", param, ctx)
        return number

    @staticmethod
    def _fail(message: str, param, ctx):
        option = param.opts[0] if param is not None and param.opts else "--year"
        raise click.UsageError(f"{option}：{message}", ctx)

    def get_metavar(self, param, ctx=None):
        return "年度"


def level_choices() -> str:
    """“province（省级）、city（设区的市）……”, from templates/."""
    from drafter import levels
    return "、".join(f"{lv.id}（{lv.name}）" for lv in levels.all_levels().values())


def require_level(level_id):
    """The --level value, or a usage error that lists the levels."""
    if level_id is None:
        raise click.UsageError(f"缺少选项 --level（报告主体的层级）。可选：{level_choices()}。"
                               "例如：--level county")
    return level_id
