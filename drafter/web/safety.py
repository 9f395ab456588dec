"""What keeps ``drafter serve`` safe in an office: files only inside the start folder, hosts, uploads.

Every path the browser names is relative to the folder the server was started
in.  :func:`resolve_inside` refuses absolute paths, drive letters, ``..``,
Windows device names and alternate streams, and anything (a symlink, a
junction) that resolves outside the folder.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from drafter.errors import InputError

DATA_SUFFIXES = (".yaml", ".yml")
# Windows reserves these names in every folder, with any extension (CON.yaml is the console).
_DEVICE = re.compile(r"^(con|prn|aux|nul|clock\$|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.I)
_BAD_CHARS = re.compile(r'[\x00-\x1f<>:"|?*]')
MAX_NAME = 120


class PathRefused(InputError):
    """A path the server will not touch (outside its folder, a device, …)."""


def _refuse(name: str, why: str) -> PathRefused:
    return PathRefused(f"拒绝访问“{name[:80]}”：{why}", hint="只能打开和保存启动 drafter serve 的文件夹中的文件")


def resolve_inside(root: Path, name: str, *, suffixes: tuple = DATA_SUFFIXES) -> Path:
    """The file ``name`` (relative, ``/`` or ``\\`` separated) inside ``root``; refuses anything else."""
    if not isinstance(name, str) or not name.strip():
        raise _refuse(str(name), "没有给出文件名")
    if len(name) > 400:
        raise _refuse(name, "文件名过长")
    raw = name.replace("\\", "/")
    if raw.startswith("/") or re.match(r"^[A-Za-z]:", raw) or raw.startswith("//"):
        raise _refuse(name, "不能使用绝对路径")
    parts = PurePosixPath(raw).parts
    for part in parts:
        if part in ("..", "."):
            raise _refuse(name, "不能使用“..”跳出文件夹")
        if _BAD_CHARS.search(part):
            raise _refuse(name, "文件名中有不允许的字符（如 : * ? \" < > |）")
        if _DEVICE.match(part) or _DEVICE.match(part.rstrip(". ")):
            raise _refuse(name, "这是 Windows 的设备名，不能作为文件名")
        if part != part.rstrip(". ") or len(part) > MAX_NAME:
            raise _refuse(name, "文件名不能以点或空格结尾，也不能过长")
    if suffixes and not raw.lower().endswith(suffixes):
        raise _refuse(name, "只能使用 " + "、".join(suffixes) + " 文件")
    base = root.resolve()
    target = (base / Path(*parts)).resolve()
    if target != base and base not in target.parents:
        raise _refuse(name, "它（或它经过的链接）指向启动文件夹以外")
    return target


def relative_name(root: Path, path: Path) -> str:
    """``path`` as the server names it: relative to ``root``, ``/`` separated."""
    return path.resolve().relative_to(root.resolve()).as_posix()


def upload_name(filename: str | None, default: str = "草稿.docx") -> str:
    """A safe base name for an uploaded file, kept only for messages and the temporary copy."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _BAD_CHARS.sub("", name).strip(". ")
    if not name or _DEVICE.match(name):
        return default
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        return name[:MAX_NAME]
    return stem[: MAX_NAME - len(suffix) - 1] + "." + suffix


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def allowed_hosts(host: str, port: int) -> set:
    """Host-header values that may reach the server (against DNS rebinding)."""
    names = {"127.0.0.1", "localhost", "[::1]"}
    if host not in ("0.0.0.0", "::"):
        names.add(f"[{host}]" if ":" in host else host)
    return {n.lower() for n in names} | {f"{n}:{port}".lower() for n in names}


def host_ok(header: str | None, allowed: set, any_ip: bool) -> bool:
    """True if the Host header names this server.  ``any_ip``: bound to all addresses, so IP literals pass."""
    if not header:
        return False
    value = header.strip().lower()
    if value in allowed:
        return True
    if any_ip:
        bare = re.sub(r":\d+$", "", value) if not value.startswith("[") else value.split("]")[0] + "]"
        return bool(re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", bare) or re.fullmatch(r"\[[0-9a-f:.]+\]", bare))
    return False
