"""Read any supported draft into a :class:`~drafter.document.model.Document`, by file suffix.

.docx → :mod:`drafter.document.docx_reader`; .txt/.md → :mod:`drafter.document.text_reader`;
.doc/.wps/.rtf/.odt → converted to .docx by LibreOffice (``soffice --headless``)
when it is installed, otherwise a Chinese message says how to convert by hand.
.pdf → its text through poppler's ``pdftotext`` (reflowed into paragraphs) when
installed, else through LibreOffice; a PDF's text is approximate (no formatting).
"""

from __future__ import annotations

from pathlib import Path

from drafter.document.model import Document
from drafter.errors import InputError

DOCX_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")   # the same OOXML package
TEXT_SUFFIXES = (".txt", ".md", ".text")
CONVERTIBLE_SUFFIXES = (".doc", ".wps", ".pdf", ".rtf", ".odt", ".wpt", ".dot")
SUPPORTED_SUFFIXES = DOCX_SUFFIXES + TEXT_SUFFIXES + CONVERTIBLE_SUFFIXES
CONVERT_TIMEOUT = 120


def read_document(path: Path | str) -> Document:
    """Read a draft; :class:`InputError` (Chinese message and hint) if it cannot be read."""
    from drafter.fsutil import regular_file

    path = Path(path)
    if path.is_dir():
        raise InputError("这是一个文件夹", path=str(path), hint="请给出报告文件；检查整个文件夹请直接用 drafter lint 文件夹")
    regular_file(path, "文件")       # missing, a device, a FIFO, a symlink loop, a name too long
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        from drafter.document.docx_reader import read_docx
        return read_docx(path)
    if suffix in TEXT_SUFFIXES:
        from drafter.document.text_reader import read_text_file
        return read_text_file(path)
    if suffix == ".pdf" and pdftotext() is not None:
        return _read_pdf(path)
    if suffix in CONVERTIBLE_SUFFIXES:
        return _read_converted(path)
    raise InputError(f"不支持的文件类型“{path.suffix or '（无扩展名）'}”", path=str(path),
                     hint="支持 .docx（及 .docm、.dotx 模板）、.txt、.md；.doc、.wps、.pdf 需安装 LibreOffice 后自动转换")


def soffice() -> str | None:
    """The LibreOffice command, if installed."""
    import shutil

    return shutil.which("soffice") or shutil.which("libreoffice")


def pdftotext() -> str | None:
    """poppler's pdftotext, if installed (it keeps the reading order of a PDF's lines)."""
    import shutil

    return shutil.which("pdftotext")


def _read_pdf(path: Path) -> Document:
    """A PDF's text through pdftotext, reflowed into paragraphs (format checks are not possible)."""
    import subprocess
    import tempfile

    from drafter.document.text_reader import MAX_TEXT_BYTES, decode, read_pdf_text
    try:
        with tempfile.TemporaryFile() as out:     # a file, not a pipe: the text is read back with a cap
            done = subprocess.run([pdftotext(), "-enc", "UTF-8", "-nopgbrk", str(path), "-"], stdout=out,
                                  stderr=subprocess.DEVNULL, timeout=CONVERT_TIMEOUT, check=False)
            out.seek(0)
            data = out.read(MAX_TEXT_BYTES + 1)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise InputError("读取 PDF 文件失败或超时", path=str(path), hint="请改用 Word 或 WPS 中的 .docx 原稿检查") from exc
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(f"PDF 中的文字过多（超过 {MAX_TEXT_BYTES // (1024 * 1024)} MB），未读取", path=str(path),
                         hint="请确认选对了文件，或改用 .docx 原稿检查")
    text = decode(data, str(path)) if done.returncode == 0 else ""
    if not text.strip():
        raise InputError("无法从 PDF 中取出文字（文件可能已损坏、加密，或是扫描图片）", path=str(path),
                         hint="请改用 Word 或 WPS 中的 .docx 原稿检查")
    return read_pdf_text(text, str(path))


def _read_converted(path: Path) -> Document:
    import subprocess
    import tempfile

    command = soffice()
    if command is None:
        raise InputError(f"无法直接读取 {path.suffix} 文件", path=str(path),
                         hint="请在 Word 或 WPS 中“另存为”.docx 后再检查，或安装 LibreOffice 以便自动转换")
    with tempfile.TemporaryDirectory(prefix="drafter-convert-") as tmp:
        try:
            converted = convert_to_docx([path], Path(tmp), timeout=CONVERT_TIMEOUT).get(path)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise InputError("用 LibreOffice 转换文件失败或超时", path=str(path),
                             hint="请在 Word 或 WPS 中“另存为”.docx 后再检查") from exc
        if converted is None:
            raise InputError("LibreOffice 无法转换该文件（文件可能已损坏或加密）", path=str(path),
                             hint="请在 Word 或 WPS 中打开并“另存为”.docx 后再检查")
        return read_converted(path, converted)


def convert_to_docx(paths: list, folder: Path, *, timeout: float) -> dict:
    """Convert files to .docx in ``folder`` with ONE LibreOffice run; ``{path: converted .docx}`` for those it could.

    Starting LibreOffice takes far longer than converting a file, so a folder's .doc/.wps drafts are
    converted together.  Inputs are linked under numbered names first (two drafts may share a name).
    Raises ``OSError`` / ``subprocess.TimeoutExpired`` if LibreOffice cannot be run.
    """
    import subprocess

    paths = [Path(p) for p in paths]
    source, out = folder / "in", folder / "out"
    source.mkdir(parents=True, exist_ok=True)
    staged = {}
    for i, path in enumerate(paths):
        link = source / f"{i:05d}{path.suffix.lower()}"
        try:
            link.symlink_to(path.resolve())
        except OSError:                     # no symlinks (Windows without the right): a copy
            import shutil

            shutil.copyfile(path, link)
        staged[path] = link
    pdf = ["--infilter=writer_pdf_import"] if paths and all(p.suffix.lower() == ".pdf" for p in paths) else []
    subprocess.run([soffice(), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", *pdf,
                    "--convert-to", "docx", "--outdir", str(out), *map(str, staged.values())], capture_output=True,
                   timeout=timeout, check=False)
    found = {path: out / (link.stem + ".docx") for path, link in staged.items()}
    return {path: converted for path, converted in found.items() if converted.is_file()}


def read_converted(path: Path | str, converted: Path | str) -> Document:
    """The model of ``path`` read from its LibreOffice conversion ``converted`` (a .docx)."""
    from drafter.document.docx_reader import read_docx
    document = read_docx(Path(converted))
    document.path = str(path)
    document.source = None          # the converted copy is temporary; annotate needs a real .docx
    return document
