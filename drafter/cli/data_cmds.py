"""Data-file commands: ``drafter validate``, ``drafter init``, ``drafter schema``."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli.output import detail, emit_document, info, is_stdio, problem
from drafter.cli.zh import Year, ZhCommand, require_level

DATA_SUFFIXES = (".yaml", ".yml")
DRAFT_SUFFIXES = (".docx", ".doc", ".wps", ".docm", ".pdf", ".txt", ".md")


def expand_inputs(paths, suffixes=DATA_SUFFIXES) -> list[Path]:
    """Files named on the command line; folders are searched recursively for ``suffixes``."""
    result: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except (OSError, RuntimeError):    # a name too long, a symlink loop: the reader explains
            is_dir = False
        if is_dir:
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes and p.is_file()
                           and not p.name.startswith((".", "~$")))
            result.extend(found)
        else:
            result.append(path)
    return result


def echo_diagnostic(d) -> None:
    problem(d.format(), fg="red" if d.is_error else "yellow")


def wrong_kind(path: Path, wanted: str):
    """An InputError when ``path`` is obviously the other kind of file (a draft given to validate …)."""
    from drafter.errors import InputError
    suffix = path.suffix.lower()
    if wanted == "data" and suffix in DRAFT_SUFFIXES:
        kind = "Word 文档" if suffix in (".docx", ".doc", ".wps", ".docm") else \
            "PDF 文件" if suffix == ".pdf" else "文本草稿"
        return InputError(f"这是 {kind}，检查草稿请用 drafter lint", path=str(path),
                          hint=f"例如 drafter lint {path}；要把它转换为数据文件请用 drafter import")
    if wanted == "draft" and suffix in DATA_SUFFIXES:
        return InputError("这是数据文件，检查数据文件请用 drafter validate", path=str(path),
                          hint=f"例如 drafter validate {path}；生成报告请用 drafter render")
    return None


@click.command(cls=ZhCommand, short_help="检查数据文件")
@click.argument("files", nargs=-1, required=True, metavar="文件或文件夹...")
@click.option("--strict", is_flag=True, help="有警告也视为不通过（退出码 1）。")
def validate(files, strict):
    """检查数据文件（.yaml），一次列出所有问题。

    每个问题显示为“文件:行:列: 字段: 错误：说明（如何修改）”。文件夹会被递归检查其中所有 .yaml 文件；
    写“-”则从标准输入读取。

    \b
    退出码：0 全部有效；1 有错误（或 --strict 时有警告）；2 文件无法读取或用法错误。
    """
    from drafter.cli.output import verbosity
    from drafter.cli.parallel import run_all

    inputs = expand_inputs(files)
    if not inputs:
        raise click.UsageError("没有找到 .yaml 数据文件")
    outcomes = list(run_all(_validate_job, [(path, strict, verbosity()) for path in inputs], label="正在检查",
                            name=lambda job: job[0].name))
    unreadable, invalid = outcomes.count("unreadable"), outcomes.count("invalid")
    if len(inputs) > 1:
        good = len(inputs) - unreadable - invalid
        info(f"共检查{len(inputs)}个文件：{good}个有效，{invalid}个有问题，{unreadable}个无法读取。")
    raise SystemExit(2 if unreadable else 1 if invalid else 0)


def _validate_job(job) -> str:
    """One file of ``drafter validate`` (in a worker process for folders): print; "ok", "invalid" or "unreadable"."""
    from drafter.cli.output import use_verbosity
    from drafter.data.loader import decode, load_text
    from drafter.data.validate import validate_file, validate_loaded
    from drafter.errors import InputError

    path, strict, level = job
    use_verbosity(level)
    detail(f"检查 {path}")
    try:
        mismatch = wrong_kind(path, "data")
        if mismatch is not None:
            raise mismatch
        if is_stdio(path):
            from drafter.cli.output import read_stdin_bytes
            path = "<标准输入>"
            text, notes = decode(read_stdin_bytes(), path)
            result = validate_loaded(load_text(text, path, notes))
        else:
            result = validate_file(path)
    except InputError as exc:
        problem(exc.report())
        return "unreadable"
    for d in result.diagnostics:
        echo_diagnostic(d)
    if result.ok(strict):
        note = f"（{len(result.warnings)}个警告）" if result.warnings else ""
        info(f"{path}: 数据有效{note}", fg="green")
        return "ok"
    problem(f"{path}: {len(result.errors)}个错误，{len(result.warnings)}个警告")
    return "invalid"


@click.command(cls=ZhCommand, short_help="生成数据文件模板")
@click.option("--level", "level_id", metavar="层级",
              help="必填。层级：province 省级、city 设区的市、county 县级、township 乡镇（街道）、department 政府部门。")
@click.option("--year", type=Year(2000, 2100), required=True, help="报告年度，四位数字，如 2024。")
@click.option("--joint", is_flag=True, help="党委和政府联合报告。")
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="文件",
              help="输出文件名，默认为“年度.yaml”（如 2024.yaml）；写“-”则输出到屏幕（标准输出）。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它。")
def init(level_id, year, joint, output, force):
    """生成某一层级、某一年度的数据文件模板，附中文填写说明。

    同时在同一文件夹写入 drafter-report.schema.json，供 VS Code 等编辑器自动补全和检查。
    已有同名文件时不会覆盖，除非加 --force。
    """
    from drafter.data.skeleton import skeleton
    from drafter.errors import OutputError
    from drafter.fsutil import guard_output, write_text

    require_level(level_id)
    if is_stdio(output):
        emit_document(skeleton(level_id, year, joint))
        return
    target = Path(output or f"{year}.yaml")
    guard_output(target, force=True)          # a folder or an invalid name: a clear message
    if target.exists() and not force:
        raise OutputError("文件已存在，未做任何修改", path=str(target), hint="换一个文件名（-o），或加 --force 覆盖")
    text = skeleton(level_id, year, joint)
    write_text(target, text)
    write_schema_beside(target)
    detail(f"已写入 {target}")
    info(f"已生成 {target}（{year}年，{level_id}）。请把其中的“【待填写】”替换为实际内容，然后运行：")
    info(f"  drafter validate {target}")


def write_schema_beside(target: Path) -> None:
    """Write drafter-report.schema.json beside a data file (for editors), unless a foreign file has that name."""
    from drafter.data.jsonschema import SCHEMA_FILE_NAME, json_schema_text
    from drafter.errors import OutputError
    from drafter.fsutil import guard_output, write_text

    schema_path = target.parent / SCHEMA_FILE_NAME
    text = json_schema_text()
    try:
        guard_output(schema_path, recognise=_is_drafter_schema)
    except OutputError:
        click.echo(click.style(f"提示：{schema_path} 已存在且不是 drafter 生成的，未更新它（编辑器的自动补全可能不准）",
                               fg="yellow"), err=True)
        return
    if _is_drafter_schema(schema_path) and schema_path.read_text(encoding="utf-8", errors="replace") == text:
        return
    write_text(schema_path, text)


def _is_drafter_schema(path) -> bool:
    """An existing file that is a JSON Schema drafter exported (any version): safe to replace."""
    import json

    from drafter.data.jsonschema import json_schema_text
    from drafter.fsutil import MB, read_input

    try:
        data = json.loads(read_input(path, limit=4 * MB))
        ours = json.loads(json_schema_text())
    except Exception:          # unreadable or not JSON: not ours
        return False
    return isinstance(data, dict) and data.get("$id") == ours.get("$id") and "$id" in ours


@click.command(cls=ZhCommand, short_help="输出 JSON Schema")
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="文件",
              help="写入文件（如 drafter-report.schema.json）；不写或写“-”则输出到屏幕（UTF-8）。")
@click.option("--force", is_flag=True, help="输出文件已存在且不是 drafter 生成的时，仍然覆盖它。")
def schema(output, force):
    """输出数据文件的 JSON Schema（由校验规则自动生成）。

    在数据文件第一行写上 “# yaml-language-server: $schema=./drafter-report.schema.json”，
    VS Code（安装 YAML 插件）即可提供字段补全、中文说明和检查。
    """
    from drafter.data.jsonschema import json_schema_text
    from drafter.fsutil import guard_output, write_text

    text = json_schema_text()
    if output and not is_stdio(output):
        guard_output(output, force=force, recognise=_is_drafter_schema)
        write_text(output, text)
        info(f"已写入 {output}")
    else:
        emit_document(text)
