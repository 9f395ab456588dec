"""``drafter lint``: check drafts (.docx, text; folders recursively) and report in Chinese."""

from __future__ import annotations

import os
from pathlib import Path

import click

from drafter.cli.output import colour, emit_document, info, is_stdio, read_stdin_bytes
from drafter.cli.zh import Year, ZhCommand

FORMATS = ("text", "json", "sarif")
FAIL_ON = ("error", "warning", "info")


_CONFIGS: dict = {}       # (path, mtime_ns, size) → LintConfig, for one command: a folder shares its .drafter.yaml


def _config_for(path: Path, explicit):
    """The config that applies to ``path``: --config, else the nearest .drafter.yaml, else defaults."""
    from drafter.lint.config import LintConfig, find_config, load_config
    if explicit is not None:
        return explicit
    found = find_config(path)
    if found is None:
        return LintConfig()
    stat = found.stat()
    key = (str(found), stat.st_mtime_ns, stat.st_size)
    if key not in _CONFIGS:
        _CONFIGS[key] = load_config(found)
    return _CONFIGS[key]


def _lint_all(inputs, *, level, year, explicit):
    """Lint every input: ``[(result, config)]``; unreadable files become results with ``error`` set."""
    from drafter.cli.parallel import run_all

    keep = len(inputs) == 1          # the document model is kept only for --annotate of one file
    _CONFIGS.clear()                 # shared by this command's files (and its forked workers) only
    from drafter.cli.output import verbosity
    jobs = [(path, level, year, explicit, keep, verbosity()) for path in inputs]
    return list(run_all(_lint_job, jobs, label="正在检查", name=lambda job: job[0].name))


def _lint_job(job):
    """Lint one file (in a worker process for folders): ``(result, config)``."""
    from drafter.errors import DrafterError
    from drafter.fsutil import regular_file
    from drafter.lint.config import LintConfig
    from drafter.lint.runner import LintResult, lint_path

    from drafter.cli.data_cmds import wrong_kind
    from drafter.cli.output import detail, use_verbosity

    path, level, year, explicit, keep, verbose = job
    use_verbosity(verbose)
    detail(f"检查 {path}")
    config = explicit or LintConfig()
    try:
        mismatch = wrong_kind(path, "draft")
        if mismatch is not None:
            raise mismatch
        if is_stdio(path):                  # a text draft piped in
            from drafter.document.text_reader import decode, read_text
            from drafter.lint.runner import lint_document
            name = "<标准输入>"
            result = lint_document(read_text(decode(read_stdin_bytes(), name), name),
                                   level=level, year=year, config=config)
        else:
            regular_file(path, "文件")         # before looking for its config: a clear message for a bad path
            config = _config_for(path, explicit)
            result = lint_path(path, level=level, year=year, config=config)
    except DrafterError as exc:
        if exc.path is None:
            exc.path = str(path)
        result = LintResult(path=str(path), error=exc)
    except Exception as exc:  # a bug must not stop a whole folder; reported per file, exit code 3
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        error = DrafterError(f"程序内部错误（{exc.__class__.__name__}: {exc}），本文件未能检查完", path=str(path),
                             hint="请把这条信息和该文件发给维护人员；其他文件的结果不受影响")
        error.exit_code = 3
        result = LintResult(path=str(path), error=error)
    if not keep:                     # reporters need findings and items, not the whole document
        result.document = result.outline = None
    return result, config


def _apply_baselines(linted, baseline) -> None:
    """Drop accepted findings: those in --baseline and in each file's configured baseline."""
    from drafter.lint.config import baseline_key, read_baseline

    cache = {}

    def accepted(source):
        if source not in cache:
            cache[source] = read_baseline(source)
        return cache[source]

    for result, config in linted:
        keys = set()
        for source in filter(None, (baseline, config.baseline)):
            keys |= accepted(source)
        if keys:
            result.findings = [f for f in result.findings if baseline_key(result.path, f) not in keys]


def _guard_outputs(inputs, *, force, config_path, baseline, outputs) -> None:
    """Refuse, before any work, outputs that are inputs, coincide, or would replace someone's file."""
    from drafter.errors import OutputError
    from drafter.fsutil import guard_output, same_file

    sources = [p for p in (*inputs, config_path, baseline) if not is_stdio(p)]
    chosen = [(option, path) for option, path in outputs if path and not is_stdio(path)]   # “-”: stdout
    for i, (option, path) in enumerate(chosen):
        guard_output(path, inputs=sources, force=force, option=option)
        for other_option, other in chosen[:i]:
            if same_file(path, other) or str(path) == str(other):
                raise OutputError(f"{other_option} 和 {option} 指定了同一个文件", path=str(path),
                                  hint="请给它们不同的文件名")


def _colour(output) -> bool:
    return (output is None or is_stdio(output)) and colour()


@click.command(cls=ZhCommand, short_help="检查报告草稿")
@click.argument("paths", nargs=-1, required=True, metavar="文件或文件夹...")
@click.option("--level", metavar="层级", help="指定报告层级：province 省级、city 设区的市、county 县级、township 乡镇（街道）、"
                   "department 政府部门；不指定则自动识别。")
@click.option("--year", type=Year(1990, 2100), help="指定报告年度（四位数字，如 2024），不指定则从标题和正文识别。")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="输出格式：text 中文（按文件分组）、json 供其他程序读取、sarif 供代码平台读取。")
@click.option("--annotate", "annotate_out", type=click.Path(dir_okay=False), metavar="副本.docx",
              help="另存一份带批注的副本，每个问题处加一条 Word 批注（只能检查一个 .docx 时使用；原文件不变）。")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="达到该严重程度的问题出现时退出码为 1。")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), metavar="配置文件",
              help="指定配置文件；不指定则在草稿所在文件夹及其上级查找 .drafter.yaml。")
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False), metavar="基线文件",
              help="不再报告基线文件中已确认接受的问题。")
@click.option("--write-baseline", type=click.Path(dir_okay=False), metavar="基线文件",
              help="把本次发现的全部问题写入基线文件（视为已接受），之后用 --baseline 使用。")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="文件",
              help="把检查结果写入文件，而不是显示在屏幕上（写“-”为标准输出）。")
@click.option("--force", is_flag=True, help="输出文件（-o、--annotate、--write-baseline）已存在且不是 drafter 生成的时，仍然覆盖它。")
def lint(paths, level, year, fmt, annotate_out, fail_on, config_path, baseline, write_baseline, output, force):
    """检查报告草稿（.docx、.txt、.md；文件夹会递归检查），列出缺项和常见错误。

    每个问题给出位置（段落或行号、所在标题、原文摘录）、说明和修改建议。
    .doc、.wps 在安装了 LibreOffice 时自动转换后检查；.pdf 取出文字后检查（看不到格式）。

    \b
    示例：
      drafter lint 2024年法治政府建设情况报告.docx
      drafter lint 各部门报告/ --format json -o 结果.json
      drafter lint 草稿.docx --annotate 草稿-批注.docx

    \b
    退出码：0 没有达到 --fail-on 的问题；1 有这样的问题；2 用法错误或有文件无法读取
    （其他文件照常检查和报告）；3 程序内部错误。
    """
    from drafter.cli.data_cmds import expand_inputs
    from drafter.document.read import SUPPORTED_SUFFIXES
    from drafter.fsutil import write_text
    from drafter.levels import get_level
    from drafter.lint.config import baseline_json, load_config, read_baseline
    from drafter.lint.finding import SEVERITIES

    if level is not None:
        get_level(level)                       # a Chinese error listing the choices
    inputs = expand_inputs(paths, SUPPORTED_SUFFIXES)
    if not inputs:
        raise click.UsageError("文件夹中没有可检查的草稿（.docx、.txt、.md 等）")
    if annotate_out and len(inputs) != 1:
        raise click.UsageError("--annotate 只能在检查一个 .docx 文件时使用")
    _guard_outputs(inputs, force=force, config_path=config_path, baseline=baseline,
                   outputs=(("-o", output), ("--write-baseline", write_baseline), ("--annotate", annotate_out)))
    explicit = load_config(config_path) if config_path else None
    if baseline:
        read_baseline(baseline)                # a broken --baseline stops here, before any linting
    linted = _lint_all(inputs, level=level, year=year, explicit=explicit)
    results = [result for result, _ in linted]

    if write_baseline:                         # every finding, including ones already accepted elsewhere
        write_text(write_baseline, baseline_json(results))
        click.echo(f"已把 {sum(len(r.findings) for r in results)} 个问题写入基线文件 {write_baseline}。", err=True)
        for result in results:
            result.findings = []
    _apply_baselines(linted, baseline)

    if fmt == "json":
        from drafter.report.json import render
        text = render(results)
    elif fmt == "sarif":
        from drafter.report.sarif import render
        text = render(results)
    else:
        from drafter.report.text import render
        text = render(results, colour=_colour(output))
    if output and not is_stdio(output):
        write_text(output, text)
    elif fmt in ("json", "sarif"):
        emit_document(text)                    # UTF-8 whatever the console's code page
    else:
        click.echo(text, nl=False)

    if annotate_out and results[0].error is None:       # after the report, so a failure here loses nothing
        from drafter.report.annotate import annotate
        count = annotate(results[0], annotate_out)
        rest = len(results[0].findings) - count
        more = f"；另有{rest}个问题超出批注上限，未加批注，请看检查结果" if rest > 0 else ""
        click.echo(f"已生成带批注的副本 {annotate_out}（{count} 条批注{more}），原文件未改动。", err=True)

    errors = [r.error.exit_code for r in results if r.error is not None]
    if errors:
        click.get_current_context().exit(max(errors))
    threshold = SEVERITIES.index(fail_on)
    failing = any(SEVERITIES.index(f.severity) >= threshold for r in results for f in r.findings)
    click.get_current_context().exit(1 if failing else 0)
