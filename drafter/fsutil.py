"""File input and output with the promises every command makes.

Output:

* :func:`atomic_path` / :func:`write_text` / :func:`write_bytes` write to a
  temporary file beside the target and rename it on success, so a failure (an
  exception, Ctrl-C, SIGTERM, a full disk) never leaves a half-written file.
  An optional ``check`` callable sees the finished temporary file before the
  rename (e.g. "is every XML part well-formed") and can still refuse it.
* :func:`guard_output` is the one overwrite rule, called *before* any work is
  done for an output: an output that is one of the inputs is always refused;
  an existing file that drafter did not write is refused unless ``force``.
  "Drafter wrote it" means: its content is exactly what drafter last wrote at
  that path (a small ledger in the user's state folder, see
  :func:`state_dir`), or the caller's ``recognise`` callable says so (e.g.
  render's fingerprint inside a .docx).

Input:

* :func:`read_input` is the one way to read a user's file: regular files only
  (not /dev/zero, FIFOs, folders, symlink loops), with a byte cap, and a
  Chinese :class:`~drafter.errors.InputError` for everything that goes wrong.
"""

from __future__ import annotations

import os
import stat
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable

from drafter.errors import InputError, OutputError
from drafter.signals import Terminated, _live_temps, install_signal_handlers  # noqa: F401 - part of this API

MB = 1024 * 1024

#: Default cap for one input file read whole (data files, drafts, configs).
DEFAULT_INPUT_LIMIT = 64 * MB

#: Environment variable naming the folder for drafter's own state (the output ledger).
STATE_ENV = "DRAFTER_STATE_DIR"

LEDGER_FILE = "written.json"
LEDGER_ENTRIES = 2000          # oldest entries are dropped beyond this
_HASH_LIMIT = 512 * MB         # files larger than this are never "recognised" (refused without --force)

_TEMP_PREFIX = ".~drafter-"
_lock = threading.Lock()


# --- reading ----------------------------------------------------------------------------

def mb(limit: int) -> str:
    """A byte count in Chinese-friendly MB (``64 MB``)."""
    return f"{limit / MB:.0f} MB" if limit >= MB else f"{limit} 字节"


def regular_file(path: Path | str, what: str = "文件") -> Path:
    """``path`` if it names an existing regular file; else a Chinese InputError.

    Refuses folders, devices (``/dev/zero``), FIFOs and sockets, and symlink
    loops, which would otherwise make a read never end.
    """
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError as exc:
        raise InputError(f"{what}不存在", path=str(p), hint="请检查文件名和所在文件夹") from exc
    except PermissionError as exc:
        raise InputError(f"没有读取该{what}的权限", path=str(p), hint="请检查文件权限") from exc
    except OSError as exc:   # ELOOP (symlink loop), ENAMETOOLONG, EIO …
        raise InputError(f"无法打开{what}（{exc.strerror or exc}）", path=str(p),
                         hint="请检查路径是否正确（例如快捷方式或链接是否指向自身、文件名是否过长）") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"这是一个文件夹，不是{what}", path=str(p), hint="请给出文件名")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"这不是普通文件（可能是设备、管道或套接字），无法作为{what}读取", path=str(p),
                         hint="请先把内容保存为普通文件再使用")
    return p


def read_input(path: Path | str, *, limit: int = DEFAULT_INPUT_LIMIT, what: str = "文件") -> bytes:
    """The bytes of a user's file, at most ``limit`` of them (more is an InputError).

    Never trusts ``st_size``: it reads at most ``limit + 1`` bytes.
    """
    p = regular_file(path, what)
    try:
        with open(p, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise InputError(f"无法读取{what}（{exc.strerror or exc}）", path=str(p), hint="请检查文件权限") from exc
    if len(data) > limit:
        raise InputError(f"{what}过大（超过 {mb(limit)}），未读取", path=str(p),
                         hint="请确认选对了文件；限制见 docs/limits.md")
    return data


# --- the overwrite guard ------------------------------------------------------------------

def state_dir() -> Path:
    """Where drafter keeps its own state: $DRAFTER_STATE_DIR, else the user's local app-data folder."""
    if os.environ.get(STATE_ENV):
        return Path(os.environ[STATE_ENV])
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "drafter"
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "drafter"


def _ledger_path() -> Path:
    return state_dir() / LEDGER_FILE


def _key(path: Path) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


def _digest(path: Path) -> tuple[int, str] | None:
    """(size, sha256) of a regular file no larger than the hash limit; None otherwise."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > _HASH_LIMIT:
            return None
        from drafter.cache import sha256
        h = sha256()
        size = 0
        with open(path, "rb") as f:
            while size <= _HASH_LIMIT:
                chunk = f.read(MB)
                if not chunk:
                    break
                size += len(chunk)
                h.update(chunk)
        return (size, h.hexdigest()) if size <= _HASH_LIMIT else None
    except OSError:
        return None


def _read_ledger() -> dict:
    import json
    try:
        with open(_ledger_path(), "rb") as f:
            data = json.loads(f.read(16 * MB).decode("utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError, RecursionError):
        return {}


def record_written(path: Path | str) -> None:
    """Remember that drafter has just written ``path`` (best effort; failures are ignored)."""
    import json
    import tempfile

    digest = _digest(Path(path))
    if digest is None:
        return
    with _lock:
        ledger = _read_ledger()
        key = _key(Path(path))
        ledger.pop(key, None)
        ledger[key] = [digest[0], digest[1]]
        while len(ledger) > LEDGER_ENTRIES:
            ledger.pop(next(iter(ledger)))
        try:
            folder = state_dir()
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".json", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(json.dumps(ledger, ensure_ascii=False))      # dumps: the C encoder
            os.replace(tmp, folder / LEDGER_FILE)
        except OSError:
            pass


def written_by_drafter(path: Path | str) -> bool:
    """True if ``path`` holds exactly what drafter last wrote there."""
    entry = _read_ledger().get(_key(Path(path)))
    if not (isinstance(entry, list) and len(entry) == 2):
        return False
    try:
        if os.stat(path).st_size != entry[0]:
            return False
    except OSError:
        return False
    digest = _digest(Path(path))
    return digest is not None and list(digest) == entry


def same_file(a: Path | str, b: Path | str) -> bool:
    """True if ``a`` and ``b`` are the same file (hard links and symlinks included)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return _key(Path(a)) == _key(Path(b))


def guard_output(target: Path | str, *, inputs: Iterable[Path | str] = (), force: bool = False,
                 recognise: Callable[[Path], bool] | None = None, option: str = "-o") -> Path:
    """Check that drafter may write ``target``; return it as a Path or raise :class:`OutputError`.

    * ``target`` is one of ``inputs`` → always refused (``force`` does not help).
    * ``target`` is a folder → refused.
    * ``target`` exists and drafter did not write it (ledger, or ``recognise(target)``)
      → refused unless ``force``.

    ``option`` names the command-line option that chose the file, for the hint.
    Call it before doing the work, so a refusal costs nothing and changes nothing.
    """
    target = Path(target)
    for source in inputs:
        if source is not None and same_file(target, source):
            raise OutputError("输出文件就是输入文件，写入会毁掉原文件，未做任何修改", path=str(target),
                              hint=f"请用 {option} 另指定一个输出文件名")
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise OutputError(f"无法使用该输出文件名（{exc.strerror or exc}）", path=str(target),
                          hint=f"请用 {option} 换一个较短、有效的文件名") from exc
    if stat.S_ISDIR(st.st_mode):
        raise OutputError("输出位置是一个文件夹", path=str(target), hint=f"请用 {option} 指定文件名")
    if force:
        return target
    if written_by_drafter(target) or (recognise is not None and _safe(recognise, target)):
        return target
    raise OutputError("文件已存在，且不是 drafter 生成的（或生成后被修改过），为避免覆盖，未做任何修改",
                      path=str(target), hint=f"请用 {option} 换一个文件名，或确认可以覆盖后加 --force")


def _safe(recognise: Callable[[Path], bool], target: Path) -> bool:
    try:
        return bool(recognise(target))
    except Exception:      # a recogniser that fails does not recognise
        return False


# --- atomic writing ---------------------------------------------------------------------------

@contextmanager
def atomic_path(target: Path | str, check: Callable[[Path], None] | None = None, record: bool = True):
    """Yield a temporary path in the target's folder; move it onto ``target`` on success.

    ``check(tmp)`` runs on the finished temporary file before the rename and may
    raise to refuse it.  The written file is recorded as drafter's (see
    :func:`guard_output`).
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    install_signal_handlers()
    import tempfile                  # here, not at the top: every command imports this module at start
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=target.suffix[:16], dir=folder)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"无法在文件夹中写入文件（{exc.strerror or exc}）", path=str(folder),
                          hint="请检查文件夹是否存在、是否有写入权限") from exc
    tmp_path = Path(tmp)
    _live_temps.add(tmp)
    try:
        yield tmp_path
        if check is not None:
            check(tmp_path)
        _set_mode(tmp_path, target)
        os.replace(tmp_path, target)
    except PermissionError as exc:
        raise OutputError("无法写入文件：文件可能正在被 Word 或 WPS 打开", path=str(target),
                          hint="请关闭该文件后重试") from exc
    except OSError as exc:
        hint = "磁盘空间不足，请清理磁盘后重试" if getattr(exc, "errno", None) == 28 else None
        raise OutputError(f"无法写入文件（{exc.strerror or exc}）", path=str(target), hint=hint) from exc
    finally:
        _live_temps.discard(tmp)
        if tmp_path.exists():
            try:
                tmp_path.unlink()
            except OSError:
                pass
    if record:
        record_written(target)


def check_ooxml(path: Path | str) -> None:
    """A ``check`` for :func:`atomic_path`: every XML part of an Office package (.docx, .xlsx) is well-formed.

    Raises :class:`OutputError` (the target is then left untouched).
    """
    import zipfile

    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    etree.fromstring(z.read(info), parser)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, OSError, RuntimeError) as exc:
        raise OutputError("生成的文件内容不完整或格式有误，已放弃写入（原有文件未被改动）", path=None,
                          hint=f"这通常是模板有问题：请运行 drafter templates check 检查模板（{str(exc)[:120]}）") from exc


def _set_mode(tmp: Path, target: Path) -> None:
    """Give the new file the target's permissions, or the usual ones (mkstemp makes it private)."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def write_text(target: Path | str, text: str, encoding: str = "utf-8",
               check: Callable[[Path], None] | None = None) -> None:
    """Atomically write a text file (UTF-8, ``\\n`` line ends)."""
    with atomic_path(target, check) as tmp:
        tmp.write_text(text, encoding=encoding, newline="\n")


def write_bytes(target: Path | str, data: bytes, check: Callable[[Path], None] | None = None,
                record: bool = True) -> None:
    """Atomically write a binary file."""
    with atomic_path(target, check, record) as tmp:
        tmp.write_bytes(data)
