"""Refuse to overwrite existing outputs without ``--force`` (the reviewer may have typed notes into them).

The shared overwrite rule ``drafter.fsutil.guard_output`` is used where it exists; until then the
same promise is kept here: an existing output is refused unless ``--force``.  The writes themselves
are atomic (``drafter.fsutil.atomic_path``).
"""

from __future__ import annotations

from pathlib import Path

from drafter.errors import OutputError


def check_targets(targets, *, force: bool, inputs=()) -> None:
    """``targets``: ``(path or None, option)`` pairs; raise :class:`OutputError` (exit 2) before any work."""
    targets = [(Path(t), option) for t, option in targets if t is not None]
    try:
        from drafter.fsutil import guard_output
    except ImportError:
        guard_output = None
    if guard_output is not None:
        for target, option in targets:
            guard_output(target, inputs=inputs, force=force, option=option)
        return
    for target, option in targets:
        if target.is_dir():
            raise OutputError("输出位置是一个文件夹", path=str(target), hint=f"请用 {option} 指定文件名")
        if any(target.resolve() == Path(source).resolve() for source in inputs):
            raise OutputError("输出文件就是输入文件，写入会毁掉原文件，未做任何修改", path=str(target),
                              hint=f"请用 {option} 另指定一个输出文件名")
    existing = [(t, o) for t, o in targets if t.exists()]
    if existing and not force:
        shown = "、".join(str(t) for t, _ in existing[:3]) + (f"等{len(existing)}个文件" if len(existing) > 3 else "")
        raise OutputError(f"输出文件已存在：{shown}，为免冲掉您在其中写的内容，未做任何修改",
                          hint=f"请用 {existing[0][1]} 换一个文件名，或确认可以覆盖后加 --force")
