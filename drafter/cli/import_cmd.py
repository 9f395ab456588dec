"""``drafter import``: an existing report (e.g. last year's) → a data file."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli.zh import ZhCommand


@click.command("import", cls=ZhCommand, short_help="把已有的报告转换成数据文件")
@click.argument("source", metavar="报告文件")
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="文件",
              help="输出的数据文件名；默认与报告同名、扩展名为 .yaml（加 --next-year 时为“下一年度.yaml”）；"
                   "写“-”则输出到标准输出。")
@click.option("--next-year", "next_year", is_flag=True,
              help="生成下一年度的数据文件：年度加一，去年的“下一年度安排”变为今年举措的提示，"
                   "去年的不足变为整改情况的提示。")
@click.option("--level", "level_id", metavar="层级",
              help="指定层级（不指定则自动识别）：province 省级、city 设区的市、county 县级、"
                   "township 乡镇（街道）、department 政府部门。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它。")
def import_(source, output, next_year, level_id, force):
    """把已有的报告（.docx、.txt、.md；装有 LibreOffice 时也可以是 .doc、.wps）转换成数据文件。

    程序识别标题、层级、年度、发文字号、主送机关和五项内容，猜测的地方标注“待核对”，
    原文缺少的地方标注“原文缺失，请补充”并填入“【待填写】”，运行 drafter validate 即可看到还要做的事。

    \b
    例如：
      drafter import 2023年报告.docx -o 2024.yaml --next-year   用去年的报告起草今年的数据文件
      drafter import 旧报告.txt -o 旧报告.yaml                   按原样转换（可重新排版）
    """
    from drafter.cli.data_cmds import write_schema_beside
    from drafter.errors import OutputError
    from drafter.fsutil import guard_output, write_text
    from drafter.importer import import_file
    from drafter.levels import get_level
    from drafter.text import terminal_safe

    if level_id is not None:
        get_level(level_id)                       # a clear message for an unknown level
    imported = import_file(source, level_id=level_id, next_year=next_year)
    from drafter.cli.output import emit_document, is_stdio
    if is_stdio(output):                          # the data file on stdout (UTF-8), no file named “-”
        emit_document(imported.yaml())
        return
    year = imported.data["meta"].get("year")
    default = f"{year}.yaml" if next_year and isinstance(year, int) else Path(source).stem + ".yaml"
    target = Path(output) if output else Path(source).parent / default
    guard_output(target, inputs=[source], force=True)     # the report itself, a folder, a bad name
    if target.exists() and not force:
        raise OutputError("文件已存在，未做任何修改", path=str(target), hint="换一个文件名（-o），或加 --force 覆盖")
    write_text(target, imported.yaml())
    write_schema_beside(target)

    meta = imported.data["meta"]
    click.echo(terminal_safe(f"已生成 {target}（{meta.get('body')}，{year}年，{meta.get('level')}"
                             f"{'，党政联合报告' if meta.get('joint') else ''}）。"))
    if imported.found:
        click.echo(terminal_safe("识别到：" + "、".join(imported.found) + "。"))
    if imported.missing:
        click.echo(click.style("原文缺失，需要补写：" + "；".join(imported.missing) + "。", fg="yellow"))
    if imported.guesses:
        click.echo(f"有{imported.guesses}处是程序猜测的，文件中标有“待核对”，请逐一核对。")
    if imported.ignored:
        click.echo(f"已略去{len(imported.ignored)}行不是正文的文字（网页信息等），如有需要请手工补回：")
        for line in imported.ignored[:5]:
            click.echo(terminal_safe(f"  {line[:40]}{'…' if len(line) > 40 else ''}"))
    click.echo(f"补写完成后运行：drafter validate {target}")
