"""Atomic file output: write to a temporary file beside the target, then rename.

A failure half-way never leaves a half-written file, and the target is only
replaced once the new content is complete.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from drafter.errors import OutputError


@contextmanager
def atomic_path(target: Path | str):
    """Yield a temporary path in the target's folder; move it onto ``target`` on success."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".~drafter-", suffix=target.suffix, dir=folder)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"无法在文件夹中写入文件（{exc.strerror or exc}）", path=str(folder),
                          hint="请检查文件夹是否存在、是否有写入权限") from exc
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        _set_mode(tmp_path, target)
        os.replace(tmp_path, target)
    except PermissionError as exc:
        raise OutputError("无法写入文件：文件可能正在被 Word 或 WPS 打开", path=str(target),
                          hint="请关闭该文件后重试") from exc
    except OSError as exc:
        raise OutputError(f"无法写入文件（{exc.strerror or exc}）", path=str(target)) from exc
    finally:
        if tmp_path.exists():
            try:
                tmp_path.unlink()
            except OSError:
                pass


def _set_mode(tmp: Path, target: Path) -> None:
    """Give the new file the target's permissions, or the usual ones (mkstemp makes it private)."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def write_text(target: Path | str, text: str, encoding: str = "utf-8") -> None:
    """Atomically write a text file (UTF-8, ``\\n`` line ends)."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding=encoding, newline="\n")


def write_bytes(target: Path | str, data: bytes) -> None:
    """Atomically write a binary file."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
