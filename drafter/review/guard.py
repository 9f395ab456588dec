"""Refuse to overwrite existing outputs without ``--force`` (the reviewer may have typed notes into them).

Kept in one function so that it can be swapped for the shared output guard in
``drafter.fsutil`` once that exists; the writes themselves are atomic
(``drafter.fsutil.atomic_path``).
"""

from __future__ import annotations

from pathlib import Path

from drafter.errors import OutputError


def check_targets(targets, *, force: bool) -> None:
    """Raise :class:`OutputError` (exit 2) naming every target that exists, unless ``force``."""
    existing = [Path(t) for t in targets if t is not None and Path(t).exists()]
    folders = [p for p in existing if p.is_dir()]
    if folders:
        raise OutputError("输出文件的位置已有同名文件夹", path=str(folders[0]), hint="请换一个输出文件名")
    if existing and not force:
        shown = "、".join(str(p) for p in existing[:3]) + (f"等{len(existing)}个文件" if len(existing) > 3 else "")
        raise OutputError(f"输出文件已存在：{shown}", hint="为免冲掉您在其中写的内容，默认不覆盖；确需覆盖请加 --force，或换一个文件名")
