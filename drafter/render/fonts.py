"""Fonts for the PDF: which ones a document asks for, which are installed, and what stands in for the rest.

The 公文 fonts (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体) are often missing, above all on a machine
that only converts documents.  LibreOffice would then set every Chinese character in one fallback sans
font.  :func:`missing_fonts` names each missing font and the installed font of the same kind (a 仿宋 or
serif for 仿宋, a 楷体 for 楷体, a 黑体 or sans for 黑体) that the PDF uses instead;
:func:`for_pdf_fonts` writes those substitutes into the copy LibreOffice converts.  The web form and the
command line show the same list (:func:`fonts_warning`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafter import regex
from drafter.render.build import FANGSONG, HEITI, KAITI, LATIN, SONG, XIAOBIAOSONG

# Other names an official font is installed under (Windows lists most fonts by their English name).
FONT_NAMES = {
    FANGSONG: ("FangSong_GB2312",),
    KAITI: ("KaiTi_GB2312",),
    HEITI: ("SimHei",),
    SONG: ("SimSun",),
    XIAOBIAOSONG: ("FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
    LATIN: (),
}

# Installed fonts of the same kind, best first: the GBK versions Windows ships, macOS's, then free fonts.
SUBSTITUTES = {
    FANGSONG: ("仿宋", "FangSong", "STFangsong", "华文仿宋", "Noto Serif CJK SC", "Source Han Serif SC",
               "思源宋体", "AR PL UMing CN", "Noto Serif CJK JP"),
    KAITI: ("楷体", "KaiTi", "STKaiti", "华文楷体", "Kaiti SC", "LXGW WenKai", "AR PL UKai CN",
            "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif CJK JP"),
    HEITI: ("SimHei", "Microsoft YaHei", "微软雅黑", "STHeiti", "Heiti SC", "Noto Sans CJK SC",
            "Source Han Sans SC", "思源黑体", "WenQuanYi Zen Hei", "Noto Sans CJK JP"),
    SONG: ("SimSun", "NSimSun", "新宋体", "STSong", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC",
           "AR PL UMing CN", "Noto Serif CJK JP"),
    XIAOBIAOSONG: ("华文中宋", "STZhongsong", "宋体", "SimSun", "Songti SC", "Noto Serif CJK SC",
                   "Source Han Serif SC", "Noto Serif CJK JP"),
    LATIN: ("Liberation Serif", "Tinos", "Times", "Nimbus Roman", "TeX Gyre Termes", "DejaVu Serif",
            "Noto Serif"),
}

_FONT_ATTR = re.compile(rb'w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"')
_RFONTS = re.compile(rb"<w:rFonts\b[^>]*>")
_STYLE_REF = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle)\s+w:val="([^"]+)"')
_CONTENT_PARTS = regex.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_FONT_PARTS = regex.compile(r"^word/(document|styles|header\d*|footer\d*)\.xml$")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class FontSubstitute:
    """A font a document uses that is not installed, and the installed font the PDF uses instead."""

    font: str
    substitute: str | None         # None: nothing of the same kind installed; LibreOffice picks one

    def describe(self) -> str:
        return f"{self.font} → {self.substitute or '由 LibreOffice 自动选择'}"


def _key(name: str) -> str:
    return re.sub(r"[\s_-]", "", name).casefold()


@lru_cache(maxsize=1)
def installed_fonts() -> frozenset[str] | None:
    """Normalised names of the installed font families; None where they cannot be listed."""
    names: set[str] = set()
    if sys.platform == "win32":
        names |= _windows_fonts()
    fc_list = shutil.which("fc-list")
    if fc_list:
        try:
            out = subprocess.run([fc_list, "--format", "%{family}\\n"], capture_output=True, timeout=60,
                                 encoding="utf-8", errors="replace").stdout
        except (OSError, subprocess.TimeoutExpired):
            out = ""
        for line in out.splitlines():
            names.update(_key(part) for part in line.split(",") if part.strip())
    return frozenset(names) if names else None


def _windows_fonts() -> set[str]:
    """Font names registered for all users and for the current user (“Name (TrueType)” → name)."""
    import winreg  # noqa: PLC0415 (Windows only)

    names = set()
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            key = winreg.OpenKey(hive, r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts")
        except OSError:
            continue
        with key:
            for i in range(winreg.QueryInfoKey(key)[1]):
                value = winreg.EnumValue(key, i)[0]
                for part in re.sub(r"\s*\([^)]*\)\s*$", "", value).split("&"):
                    names.add(_key(part))
    return names


def is_installed(font: str, installed: frozenset[str]) -> bool:
    return any(_key(name) in installed for name in (font, *FONT_NAMES.get(font, ())))


def _fonts_in(xml: bytes) -> list[str]:
    return [m.group(1).decode("utf-8", "replace") for tag in _RFONTS.findall(xml) for m in _FONT_ATTR.finditer(tag)]


def document_fonts(path: Path | str) -> list[str]:
    """The fonts a .docx sets its text in: its direct formatting, the styles it uses (with the styles they
    are based on) and the document defaults; the official fonts first."""
    from lxml import etree

    found: dict[str, None] = {}
    used: set[str] = set()
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for name in names:
            if _CONTENT_PARTS.match(name):
                xml = z.read(name)
                found.update(dict.fromkeys(_fonts_in(xml)))
                used.update(v.decode("utf-8", "replace") for v in _STYLE_REF.findall(xml))
        styles = etree.fromstring(z.read("word/styles.xml")) if "word/styles.xml" in names else None
    if styles is not None:
        by_id = {s.get(W + "styleId"): s for s in styles.iter(W + "style")}
        by_id.update({None: styles.find(W + "docDefaults")})
        used |= {s.get(W + "styleId") for s in styles.iter(W + "style") if s.get(W + "default") == "1"}
        todo, seen = [None, *used], set()
        while todo:
            sid = todo.pop()
            if sid in seen or by_id.get(sid) is None:
                continue
            seen.add(sid)
            found.update(dict.fromkeys(_fonts_in(etree.tostring(by_id[sid], encoding="utf-8"))))
            based = by_id[sid].find(W + "basedOn")
            if based is not None:
                todo.append(based.get(W + "val"))
    official = [f for f in SUBSTITUTES if f in found]
    return official + sorted(f for f in found if f not in SUBSTITUTES)


def missing_fonts(paths=None) -> list[FontSubstitute]:
    """The fonts the documents (default: drafter's own templates) use that are not installed, with the
    installed font that stands in for each in the PDF.  Empty where the installed fonts cannot be listed."""
    installed = installed_fonts()
    if installed is None:
        return []
    if paths is None:
        from drafter import levels
        from drafter.render.build import template_name
        paths = [level.directory / template_name(v.key) for level in levels.all_levels().values()
                 for v in level.variants.values()]
    fonts: dict[str, None] = {}
    for path in paths:
        try:
            fonts.update(dict.fromkeys(document_fonts(path)))
        except (OSError, zipfile.BadZipFile, KeyError):
            continue
    out = []
    for font in fonts:
        if not is_installed(font, installed):
            substitute = next((s for s in SUBSTITUTES.get(font, ()) if _key(s) in installed), None)
            out.append(FontSubstitute(font, substitute))
    return out


def fonts_warning(missing: list[FontSubstitute]) -> str | None:
    """The Chinese warning for missing fonts (None if nothing is missing)."""
    if not missing:
        return None
    return ("本机没有安装报告使用的字体 " + "、".join(m.font for m in missing) + "，PDF 中改用其他字体（"
            + "；".join(m.describe() for m in missing) + "），字形和换行可能与正式公文不同。"
            "正式报送前请安装这些字体后重新生成，或在已安装公文字体的电脑上用 Word/WPS 打开 .docx 后“另存为 PDF”。")


def for_pdf_fonts(xml: bytes, missing: list[FontSubstitute]) -> bytes:
    """``xml`` (a part of a .docx) with each missing font replaced by its substitute."""
    table = {m.font.encode("utf-8"): m.substitute.encode("utf-8") for m in missing if m.substitute}
    if not table:
        return xml

    def attr(m):
        return m.group(0).replace(m.group(1), table.get(m.group(1), m.group(1)))
    return _RFONTS.sub(lambda tag: _FONT_ATTR.sub(attr, tag.group(0)), xml)


def is_font_part(name: str) -> bool:
    return bool(_FONT_PARTS.match(name))

