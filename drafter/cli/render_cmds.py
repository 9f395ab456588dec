"""Rendering commands: ``drafter render`` and ``drafter templates list|check|new``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from drafter.cli.data_cmds import echo_diagnostic, expand_inputs, wrong_kind
from drafter.cli.output import detail, info, is_stdio, problem
from drafter.cli.zh import ZhCommand, ZhGroup


def _targets(inputs: list[Path], output: str | None, folder_input: bool = False) -> list[Path]:
    """Where each input's .docx goes: beside it, the -o file (one input) or inside the -o folder.

    A folder given as input always means a folder output, however many files it holds.
    """
    if output is None:
        return [p.with_suffix(".docx") for p in inputs]
    out = Path(output)
    try:
        is_dir = out.is_dir()
    except (OSError, RuntimeError):       # a name too long: guard_output explains it per file
        is_dir = False
    as_folder = is_dir or output.endswith(("/", "\\")) or len(inputs) > 1 or folder_input
    if as_folder:
        if out.exists() and not out.is_dir():
            why = "输入是文件夹" if folder_input else "有多个输入文件"
            raise click.UsageError(f"{why}时 -o 应是文件夹，而“{output}”是一个文件")
        return [out / (p.stem + ".docx") for p in inputs]
    return [out if out.suffix.lower() == ".docx" else out.with_suffix(".docx")]


def _render_one(path: Path, target: Path, *, force: bool, template: str | None, strict: bool,
                pdf: bool = False, shown: str | None = None) -> int:
    """Validate and render one data file; print what happened; return 0 or an exit code."""
    from drafter.data.validate import validate_file
    from drafter.errors import DrafterError
    from drafter.fsutil import guard_output
    from drafter.render.render import render_report

    try:
        mismatch = wrong_kind(path, "data")
        if mismatch is not None:
            raise mismatch
        detail(f"检查 {path}")
        inputs = [path, template]
        guard_output(target, inputs=inputs, force=True)   # never the data file or the template; not a folder
        if pdf:                                           # the PDF that would follow: checked before any work
            guard_output(target.with_suffix(".pdf"), inputs=[*inputs, target], force=force, option="--pdf")
        result = validate_file(path)
        for d in result.diagnostics:
            echo_diagnostic(d)
        if not result.ok(strict):
            problem(f"{path}: 数据有{len(result.errors)}个错误、{len(result.warnings)}个警告，"
                    "未生成报告（请先按提示修改数据文件）")
            return 1
        warnings = render_report(result.document, target, template=template, force=force, source=str(path))
        reported = {d.field for d in result.diagnostics}
        for w in warnings:
            if w.field not in reported:
                echo_diagnostic(w)
    except DrafterError as exc:
        problem(exc.report())
        return exc.exit_code
    info(f"{path} → {shown or target}", fg="green")
    return 0


@click.command(cls=ZhCommand, short_help="生成 .docx 报告")
@click.argument("files", nargs=-1, required=True, metavar="数据文件或文件夹...")
@click.option("-o", "--output", metavar="输出",
              help="输出的 .docx 文件名；有多个输入或输入是文件夹时为输出文件夹；写“-”则把 .docx 写到标准输出。"
                   "默认与数据文件同名、放在同一文件夹。")
@click.option("--force", is_flag=True, help="输出文件（.docx、--pdf 的 PDF）已存在且不是 drafter 生成的、"
              "或在 Word/WPS 中修改过时，仍然覆盖它（修改会丢失）。")
@click.option("--pdf", is_flag=True, help="同时用 LibreOffice 生成 PDF（需已安装 LibreOffice）。")
@click.option("--template", type=click.Path(exists=True), metavar="模板",
              help="使用本地模板：drafter templates new 创建的文件夹，或一个 .docx 模板文件。")
@click.option("--strict", is_flag=True, help="数据有警告也不生成（视为失败）。")
def render(files, output, force, pdf, template, strict):
    """把数据文件（.yaml）生成为公文格式的 .docx 报告。

    先检查数据（有错误则列出问题、不生成）；标题、编号、五项内容的顺序、主送、署名、版记按层级定义自动生成。

    已存在的输出文件如果是 drafter 生成后又被修改过的，不会被覆盖（除非加 --force）。

    可一次给出多个文件或一个文件夹，某个文件失败时其余文件照常生成。

    \b
    例：
      drafter render 2024.yaml                     生成 2024.docx
      drafter render 2024.yaml -o 报告.docx --pdf  同时生成 PDF
      drafter render 各部门/ -o 输出/              批量生成

    \b
    退出码：0 全部成功；1 有文件数据无效或生成失败；2 文件无法读取、模板有误或拒绝覆盖。
    """
    inputs = expand_inputs(files)
    if not inputs:
        raise click.UsageError("没有找到 .yaml 数据文件")
    if is_stdio(output):
        if len(inputs) != 1 or pdf:
            raise click.UsageError("-o - 只能用于一个数据文件（且不能与 --pdf 同用）")
        if sys.stdout.isatty():
            raise click.UsageError("-o - 会把 .docx 文件的内容写到屏幕上：请重定向到文件（如 > 报告.docx），或用 -o 报告.docx")
        raise SystemExit(_render_to_stdout(inputs[0], template=template, strict=strict))
    targets = _targets(inputs, output, folder_input=any(Path(f).is_dir() for f in files))
    from drafter.cli.output import verbosity
    from drafter.cli.parallel import run_all

    jobs, seen = [], {}
    for path, target in zip(inputs, targets):
        key = os.path.abspath(target)             # not resolve(): a name too long must not raise here
        jobs.append((path, target, force, template, strict, seen.get(key), pdf, verbosity()))
        seen.setdefault(key, path)
    codes = list(run_all(_render_job, jobs, label="正在生成", name=lambda job: job[0].name))
    produced = [job[1] for job, code in zip(jobs, codes) if code == 0]
    if pdf and produced:
        codes.append(_pdf(produced))
    failed = sum(1 for c in codes[:len(jobs)] if c)
    if len(jobs) > 1:
        info(f"共{len(jobs)}个数据文件：生成{len(produced)}个，失败{failed}个。")
    raise SystemExit(max(codes, default=0))


def _render_job(job) -> int:
    """One file of ``drafter render`` (run in a worker process for folders): print, return the exit code."""
    from drafter.cli.output import use_verbosity
    path, target, force, template, strict, clash, pdf, level = job
    use_verbosity(level)
    if clash is not None:
        problem(f"{path}: 错误：输出文件 {target} 与 {clash} 的输出重名，未生成（请把数据文件改成不同的名字）")
        return 2
    return _render_one(path, target, force=force, template=template, strict=strict, pdf=pdf)


def _render_to_stdout(path: Path, *, template: str | None, strict: bool) -> int:
    """Render one data file and write the .docx bytes to standard output (no file named “-”)."""
    import tempfile

    from drafter.cli.output import emit_bytes

    with tempfile.TemporaryDirectory(prefix="drafter-") as folder:
        target = Path(folder) / (path.stem + ".docx")
        with _quiet_success():
            code = _render_one(path, target, force=True, template=template, strict=strict, shown="标准输出")
        if code == 0:
            emit_bytes(target.read_bytes())
    return code


class _quiet_success:
    """Success lines go to stderr while stdout carries the document."""

    def __enter__(self):
        import sys as _sys
        self._stdout = _sys.stdout
        _sys.stdout = _sys.stderr

    def __exit__(self, *exc):
        import sys as _sys
        _sys.stdout = self._stdout
        return False




def _pdf(docx_files: list[Path]) -> int:
    from drafter.errors import DrafterError
    from drafter.render.fonts import fonts_warning, missing_fonts
    from drafter.render.render import convert_to_pdf

    missing = missing_fonts(docx_files)
    warning = fonts_warning(missing)
    if warning:
        click.echo(click.style("警告：" + warning, fg="yellow"))
    click.echo(f"正在用 LibreOffice 生成 PDF（共{len(docx_files)}个文件，每个约需数秒）……")

    def progress(i: int, n: int, pdf: Path) -> None:
        click.echo(click.style(f"PDF（{i}/{n}）：{pdf}", fg="green"))

    try:
        convert_to_pdf(docx_files, progress=progress, missing_fonts=missing)
    except DrafterError as exc:
        click.echo(click.style(exc.report(), fg="red"))
        return 1
    return 0


@click.group(cls=ZhGroup, short_help="查看、检查和新建模板")
def templates():
    """查看、检查和新建各层级的报告模板（.docx）。

    模板的修改方法见 docs/templates.md。
    """


@templates.command("list", short_help="列出各层级的模板")
def list_():
    """列出各层级及其模板文件（单独报告、党政联合报告）。"""
    from drafter import levels
    from drafter.render.build import template_name

    root = levels.templates_root()
    click.echo(f"模板目录：{root}")
    for level in levels.all_levels().values():
        click.echo(f"{level.id}  {level.name}（{level.description}）")
        for variant in level.variants.values():
            path = level.directory / template_name(variant.key)
            state = "" if path.is_file() else "  【缺失，请运行 python -m drafter.render.build】"
            click.echo(f"    {path.relative_to(root)}  {variant.name}{state}")
        if level.joint_unsupported:
            click.echo(f"    （无联合报告：{level.joint_unsupported}）")


def _check_definitions(path) -> int:
    """Check level.yaml / common.yaml (of ``path``, or every shipped one): the number that fail."""
    from drafter.data.definitions import check_file
    from drafter.errors import InputError
    from drafter.levels import LEVEL_FILE, templates_root

    if path is None:
        root = templates_root()
        files = [(root / "common.yaml", "common")] + [(p, "level") for p in sorted(root.glob(f"*/{LEVEL_FILE}"))]
    else:
        folder = Path(path) if Path(path).is_dir() else Path(path).parent
        files = [(folder / "common.yaml", "common"), (folder / LEVEL_FILE, "level")]
        files += [(p, "level") for p in sorted(folder.glob(f"*/{LEVEL_FILE}"))] if (folder / "common.yaml").is_file() else []
        files = [(f, kind) for f, kind in files if f.is_file()]
    bad = 0
    for file, kind in files:
        try:
            found = check_file(file, kind)
        except InputError as exc:
            found = exc.diagnostics or [exc.diagnostic()]
        if kind == "level" and not any(d.is_error for d in found):
            from drafter.errors import DrafterError
            from drafter.levels import load_level
            try:                                 # what the schema cannot say (item_order has all five …)
                load_level(file.parent)
            except DrafterError as exc:
                found = found + (exc.diagnostics or [exc.diagnostic()])
        for d in found:
            echo_diagnostic(d)
        if any(d.is_error for d in found):
            bad += 1
            problem(f"{file}: {sum(d.is_error for d in found)}个错误")
        else:
            info(f"{file}: 通过", fg="green")
    return bad


@templates.command("check", short_help="检查模板")
@click.argument("path", required=False, type=click.Path(exists=True), metavar="[模板或文件夹]")
@click.option("--strict", is_flag=True, help="有警告也视为不通过（退出码 1）。")
def check(path, strict):
    """检查模板（.docx）能否正确生成报告。

    不给路径时检查 drafter 自带的全部模板；可以给出一个 .docx 或一个文件夹（如 drafter templates new 创建的）。

    检查：被 Word 拆开或改坏的标签、未知变量和没有用到的数据字段、{%p %}/{%tr %} 用法、脚注中的标签；
    以及层级定义 level.yaml 和共用定义 common.yaml 中写错的键和值。

    \b
    退出码：0 没有错误；1 有错误（或 --strict 时有警告）；2 文件无法读取。
    """
    from drafter.render.check import check_template, template_files

    files = template_files(path)
    if not files:
        raise click.UsageError(f"“{path}”中没有 .docx 模板")
    definitions_bad = _check_definitions(path)
    bad = 0
    for file in files:
        found = check_template(file)
        for d in found:
            echo_diagnostic(d)
        errors = sum(1 for d in found if d.is_error)
        warnings = len(found) - errors
        if errors or (strict and warnings):
            bad += 1
            click.echo(f"{file}: {errors}个错误，{warnings}个警告")
        else:
            click.echo(click.style(f"{file}: 通过" + (f"（{warnings}个警告）" if warnings else ""), fg="green"))
    if len(files) > 1:
        click.echo(f"共检查{len(files)}个模板：{len(files) - bad}个通过，{bad}个有问题。")
    raise SystemExit(1 if bad or definitions_bad else 0)


@templates.command("new", short_help="新建本地模板")
@click.option("--from", "level_id", metavar="层级",
              help="（必填）以哪个层级的模板为基础：province、city、county、township、department。")
@click.argument("folder", type=click.Path(file_okay=False), metavar="文件夹")
def new(level_id, folder):
    """复制某一层级的模板到一个新文件夹，供本单位修改使用。

    修改后用 drafter templates check 文件夹 检查，生成报告时用 drafter render --template 文件夹 数据文件。

    文件夹中的 level.yaml 可调整五项内容的顺序（item_order）等。
    """
    from drafter import fsutil, levels
    from drafter.errors import OutputError

    if not level_id:
        from drafter.cli.zh import level_choices
        raise click.UsageError(f"缺少选项 --from：请指定以哪个层级的模板为基础。可选：{level_choices()}。例如：--from county")
    level = levels.get_level(level_id)
    target = Path(folder)
    if target.exists() and any(target.iterdir()):
        raise OutputError("目标文件夹已存在且不是空的，为避免覆盖，未复制", path=str(target),
                          hint="请换一个新的文件夹名")
    files = sorted(p for p in level.directory.iterdir() if p.is_file() and p.suffix in (".docx", ".yaml"))
    for source in files:
        fsutil.write_bytes(target / source.name, source.read_bytes())
    info(f"已创建本地模板：{target}（{level.name}，{len(files)}个文件）")
    for source in files:
        click.echo(f"    {target / source.name}")
    click.echo(f"下一步：用 Word/WPS 修改其中的 .docx，然后运行 drafter templates check {target}；"
               f"生成报告时加 --template {target}")

