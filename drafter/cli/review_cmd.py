"""``drafter review``: a 司法局 checks a whole jurisdiction's reports at once and rolls up their figures."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from drafter.cli.zh import ZhCommand

FORMATS = ("xlsx", "json")


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter("日期应写成 2025-01-20 的形式", ctx=ctx, param=param) from None


@click.command(cls=ZhCommand, short_help="审查一个地区各单位报送的全部报告，生成汇总表")
@click.argument("folder", type=click.Path(file_okay=False), metavar="文件夹")
@click.option("--roster", type=click.Path(dir_okay=False), metavar="名单",
              help="报送单位名单（.xlsx、.csv 或 .yaml）：表头含“单位名称”，可有“层级”“联系人”“别名”列。")
@click.option("--year", type=click.IntRange(1990, 2100), metavar="年份",
              help="本次审查的报告年度（如 2024）；不指定则取多数报告的年度。年度不符的报告会标出。")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="xlsx", show_default=True,
              help="xlsx 生成 Excel 汇总表；json 输出同样的结果供其他程序读取。")
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="文件",
              help="输出文件。默认：xlsx 为当前文件夹下的“<文件夹名>-审查汇总.xlsx”，json 显示在屏幕上。")
@click.option("--annotate-dir", type=click.Path(file_okay=False), metavar="文件夹",
              help="为每份有问题的 .docx 报告生成带 Word 批注的副本，放在这个文件夹中（保持原来的子文件夹），便于退回修改。")
@click.option("--stats-out", type=click.Path(dir_okay=False), metavar="文件.yaml",
              help="把统计汇总写成数据文件片段（measures.areas[].stats 可用），注释中注明来源。")
@click.option("--deadline", callback=_date, metavar="日期",
              help="本地规定的报送截止日期（如 2025-01-20）；不指定则按各层级的报送期限判断是否逾期。")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), metavar="N",
              help="同时检查的进程数，默认为处理器核数（或环境变量 DRAFTER_JOBS）。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖（默认不覆盖，以免冲掉您在汇总表中写的备注）。")
def review(folder, roster, year, fmt, output, annotate_dir, stats_out, deadline, jobs, force):
    """审查一个地区各单位报送的法治政府建设年度报告，生成 Excel 汇总表。

    递归读取文件夹中的全部草稿（.docx、.doc、.wps、.pdf、.txt）和数据文件（.yaml），每份识别发文机关、层级、年度、五项内容和问题；按名单对应到单位，列出未提交的单位、无法读取的文件，并把各单位的统计数字相加。说明见 docs/review.md。

    \b
    示例：
      drafter review 2024年各单位报告/ --roster 报送单位名单.xlsx --year 2024 -o 2024年审查汇总.xlsx
      drafter review 各单位报告/ --roster 名单.xlsx --annotate-dir 退回修改/ --stats-out 汇总统计.yaml
      drafter review 各单位报告/ --format json -o 审查结果.json

    \b
    退出码：0 全部通过；1 有单位未提交、有报告无法读取、有错误级问题或年度不符；
    2 文件夹为空或没有可审查的文件、名单无法使用（不是表格、名称重复、设置了密码）、
    输出文件已存在（加 --force 覆盖）等用法问题；3 程序内部错误。
    """
    from drafter.errors import DrafterError, InputError
    from drafter.fsutil import guard_output
    from drafter.review import core
    from drafter.review.report import render_json, summary_text

    folder_path = Path(folder)
    if not folder_path.is_dir():
        raise InputError("文件夹不存在" if not folder_path.exists() else "这不是文件夹", path=str(folder_path),
                         hint="请给出存放各单位报告的文件夹")
    if output is None and fmt == "xlsx":
        output = f"{folder_path.resolve().name or '报告'}-审查汇总.xlsx"
    if roster and not Path(roster).is_file():
        raise InputError("名单文件不存在", path=str(roster), hint="请检查 --roster 后面的文件名")
    exclude = [p for p in (roster, output, stats_out, annotate_dir) if p]
    inputs = core.find_inputs(folder_path, exclude)
    if not inputs:
        anything = any(p.is_file() for p in folder_path.rglob("*"))
        if not anything:
            raise DrafterError("文件夹是空的", path=str(folder_path), hint="请把各单位报送的报告放进这个文件夹后再审查")
        raise DrafterError("文件夹中没有可审查的文件", path=str(folder_path),
                         hint="支持 .docx、.doc、.wps、.pdf、.txt 报告和 .yaml 数据文件")
    targets = [core.annotate_target(p, folder_path, Path(annotate_dir)) if annotate_dir else None for p in inputs]
    sources = [*inputs, *([roster] if roster else [])]
    for target, option in [(output, "-o"), (stats_out, "--stats-out"), *((t, "--annotate-dir") for t in targets)]:
        if target is not None:
            guard_output(Path(target), inputs=sources, force=force, option=option)

    # The roster is read while the workers analyse (a roster that cannot be used still stops with exit 2);
    # with --annotate-dir it is read first, so that a bad roster leaves no annotated copies behind.
    loader = _roster_loader(roster)
    if annotate_dir and loader:
        early = loader()
        loader = lambda: early  # noqa: E731
    if jobs is None:                 # the cores, DRAFTER_JOBS and the small-folder rule, as lint and render use them
        from drafter.cli.parallel import workers_for
        jobs = workers_for(len(inputs))
    results, units = _analyse(inputs, targets, jobs, _meanwhile(loader, fmt))
    result = core.build_review(folder_path, results, units, year=year, deadline=deadline)
    if units is not None:            # a unit's level in the roster overrides the level read from its draft
        again = core.recheck_levels(result, {str(p): t for p, t in zip(inputs, targets)}, jobs=jobs)
        if again is not None:
            results = again
            result = core.build_review(folder_path, results, units, year=year, deadline=deadline)

    if fmt == "json":
        text = render_json(result)
        if output:
            from drafter.fsutil import write_text
            write_text(output, text)
        else:
            click.echo(text, nl=False)
    else:
        from drafter.review.workbook import write_workbook
        write_workbook(result, output, stamp=_stamp(inputs + ([Path(roster)] if roster else [])))
    if stats_out:
        from drafter.fsutil import write_text
        from drafter.review.rollup import fragment_yaml
        sources = len({c.unit for r in result.rolled for c in r.contributions})
        write_text(stats_out, fragment_yaml(result.rolled, year=result.year, sources=sources))

    err = fmt == "json" and not output
    for line in summary_text(result):
        click.echo(line, err=err)
    if output:
        click.echo(f"审查结果已写入 {output}。", err=err)
    if annotate_dir:
        count = sum(1 for r in results if r.annotated)
        click.echo(f"已为 {count} 份有问题的报告生成带批注的副本，放在 {annotate_dir}（原文件未改动）。", err=err)
        without = [Path(f.path).name for row in result.rows if row.status != core.UNMATCHED for f in row.readable
                   if f.kind == "draft" and f.findings and not f.annotated]
        if without:
            click.echo(f"另有 {len(without)} 份有问题的报告无法加批注（{'、'.join(without[:5])}"
                       f"{'等' if len(without) > 5 else ''}）：不是 .docx 的请对方另存为 .docx；问题见汇总表的“问题明细”。",
                       err=err)
    if stats_out:
        click.echo(f"统计汇总已写成数据文件片段 {stats_out}。", err=err)
    click.get_current_context().exit(result.exit_code())


def _meanwhile(loader, fmt):
    """What this process does while the workers analyse: read the roster, and load the workbook writer
    (its imports would otherwise come after the last file, when only one core is working)."""
    def work():
        if fmt == "xlsx":
            from drafter.review import workbook  # noqa: F401
            workbook.prepare()
        return loader() if loader else None
    return work


def _roster_loader(roster):
    if not roster:
        return None

    def load():
        from drafter.review.roster import load_roster
        return load_roster(roster)
    return load


def _analyse(inputs, targets, jobs, meanwhile):
    """Analyse over the process pool, with a progress bar when a person is watching."""
    from drafter.review import core

    if not sys.stderr.isatty() or len(inputs) < 2:
        return core.analyse_all(inputs, targets, jobs=jobs, meanwhile=meanwhile)
    with click.progressbar(length=len(inputs), label="正在审查", file=sys.stderr, show_pos=True,
                           item_show_func=lambda r: Path(r.path).name if r else None) as bar:
        return core.analyse_all(inputs, targets, jobs=jobs, progress=lambda r: bar.update(1, r), meanwhile=meanwhile)


def _stamp(paths) -> dt.datetime:
    """The newest modification time among the inputs: the workbook's date (same input → same file)."""
    newest = max((p.stat().st_mtime for p in paths), default=0.0)
    return dt.datetime.fromtimestamp(int(newest), dt.timezone.utc).replace(tzinfo=None)
