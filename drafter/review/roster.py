"""The roster of units expected to report (报送单位名单) and matching files to its units.

A roster is an .xlsx, .csv or .yaml table with a header row: a name column
(单位名称 / 单位 / 名称 …) and optionally 层级, 联系人, 联系电话 and 别名 (other
names, separated by 、，; or spaces).  Files are matched by the issuer the
analysis found, tolerating short and full forms: a place prefix such as 安平县
may be shortened to 县 or left out, ``人民政府``/``办事处`` may be dropped, and
the abbreviations in ``templates/review.yaml`` (人社局 = 人力资源和社会保障局 …)
are expanded.  Every match carries its evidence in Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.errors import InputError

NAME_HEADERS = ("单位名称", "报送单位", "单位全称", "单位", "名称", "name")
LEVEL_HEADERS = ("层级", "级别", "单位层级", "level")
CONTACT_HEADERS = ("联系人", "contact")
PHONE_HEADERS = ("联系电话", "联系方式", "电话", "phone")
ALIAS_HEADERS = ("别名", "简称", "其他名称", "aliases", "alias")
ROSTER_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".yaml", ".yml")
_ALIAS_SPLIT = re.compile(r"[、，,;；/\s]+")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Unit:
    """One roster row."""

    name: str
    row: int                               # row number in the roster (1-based, as Excel shows it)
    level: str | None = None               # a level id, if the roster gives one
    contact: str = ""
    aliases: list = field(default_factory=list)


# --- reading -----------------------------------------------------------------------------------

def load_roster(path: Path | str) -> list[Unit]:
    """Read a roster; :class:`InputError` (exit 2) for anything that is not a usable table."""
    path = Path(path)
    if not path.is_file():
        raise InputError("名单文件不存在", path=str(path), hint="请检查 --roster 后面的文件名")
    suffix = path.suffix.lower()
    if suffix not in ROSTER_SUFFIXES:
        raise InputError(f"名单文件应为 .xlsx、.csv 或 .yaml，不支持“{path.suffix or '（无扩展名）'}”", path=str(path),
                         hint="请在 Excel 或 WPS 表格中“另存为”.xlsx")
    if suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path)
    elif suffix == ".csv":
        rows = _csv_rows(path)
    else:
        rows = _yaml_rows(path)
    return _units(rows, path)


def _xlsx_rows(path: Path) -> list:
    head = path.read_bytes()[:8]
    if head == _OLE_MAGIC:
        data = path.read_bytes()
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise InputError("名单文件设置了打开密码，无法读取", path=str(path),
                             hint="请在 Excel 或 WPS 中打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存")
        raise InputError("名单文件是旧版 .xls 格式，却以 .xlsx 为扩展名", path=str(path),
                         hint="请在 Excel 或 WPS 中打开并“另存为”Excel 工作簿（.xlsx）")
    # calamine (Rust) reads a roster in about a millisecond; openpyxl took about 90 ms just to import, time the
    # review's checking processes wait for on a two-core machine.  Values are the cached ones (as Excel shows them).
    from python_calamine import CalamineWorkbook
    broken = InputError("名单文件无法打开（不是有效的 .xlsx 文件，或已损坏）", path=str(path),
                        hint="请在 Excel 或 WPS 中打开并重新“另存为”.xlsx")
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own errors (and zip/XML ones) for a broken file
        raise broken from exc
    try:
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False) if book.sheet_names else []
    except Exception as exc:
        raise broken from exc
    finally:
        if hasattr(book, "close"):           # releases the file (older calamine versions hold none open)
            book.close()
    return [[_cell(v) for v in row] for row in rows]


def _cell(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _csv_rows(path: Path) -> list:
    import csv
    import io

    from drafter.document.text_reader import decode
    text = decode(path.read_bytes(), str(path))
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",\t;，")
    except csv.Error:
        dialect = csv.excel
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]


def _yaml_rows(path: Path) -> list:
    import yaml

    from drafter.data.loader import read_text
    text, _ = read_text(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError("名单文件不是有效的 YAML", path=str(path), hint="请检查缩进和冒号（冒号后要有空格）") from exc
    if isinstance(data, dict) and len(data) == 1 and isinstance(next(iter(data.values())), list):
        data = next(iter(data.values()))        # units: [...] / 单位: [...]
    if not isinstance(data, list) or not data:
        raise InputError("名单不是一张表：应为单位的列表", path=str(path),
                         hint="每个单位写一项，如“- 单位名称: 安平县教育局”，可加“别名: 县教育局”")
    if all(isinstance(x, str) for x in data):
        return [["单位名称"]] + [[x] for x in data]
    if not all(isinstance(x, dict) for x in data):
        raise InputError("名单不是一张表：每一项应是一个单位（名称、层级、别名……）", path=str(path),
                         hint="每个单位写一项，如“- 单位名称: 安平县教育局”")
    headers = list(dict.fromkeys(k for x in data for k in map(str, x)))
    return [headers] + [[_yaml_cell(x.get(h)) for h in headers] for x in data]


def _yaml_cell(value) -> str:
    if isinstance(value, list):
        return "、".join(map(str, value))
    return "" if value is None else str(value).strip()


def _column(headers: list, names) -> int | None:
    for wanted in names:
        for i, h in enumerate(headers):
            if h.strip().lower() == wanted:
                return i
    return None


def _level_id(text: str) -> str | None:
    from drafter.levels import all_levels
    text = text.strip()
    if not text:
        return None
    for level in all_levels().values():
        if text in (level.id, level.name) or (len(text) >= 2 and level.name.startswith(text)):
            return level.id
    return {"部门": "department", "乡镇": "township", "街道": "township", "县": "county", "市": "city",
            "省": "province"}.get(text)


HEADER_SEARCH_ROWS = 5          # filled rows looked at for the header (a caption or two may come first)


def _units(rows: list, path: Path) -> list[Unit]:
    filled = [i for i, row in enumerate(rows) if any(row)][:HEADER_SEARCH_ROWS]
    if not filled:
        raise InputError("名单是空的", path=str(path), hint="第一行写表头（单位名称、层级、联系人、别名），以下每行一个单位")
    # the header is the first row naming the 单位名称 column: offices often put a caption (名单的标题) above it
    start = next((i for i in filled if _column(rows[i], NAME_HEADERS) is not None), filled[0])
    headers = rows[start]
    name_col = _column(headers, NAME_HEADERS)
    if name_col is None:
        raise InputError("名单不是一张可读的表：开头几行中没有“单位名称”列", path=str(path),
                         hint="请把第一行写成表头：单位名称、层级、联系人、别名（只有“单位名称”是必需的）")
    level_col, alias_col = _column(headers, LEVEL_HEADERS), _column(headers, ALIAS_HEADERS)
    contact_cols = [c for c in (_column(headers, CONTACT_HEADERS), _column(headers, PHONE_HEADERS)) if c is not None]
    units, seen, problems = [], {}, []

    def get(row, col):
        return row[col] if col is not None and col < len(row) else ""

    for number, row in enumerate(rows[start + 1:], start=start + 2):
        name = re.sub(r"\s+", "", get(row, name_col))
        if not name:
            continue
        level_text = get(row, level_col)
        level = _level_id(level_text)
        if level_text and level is None:
            problems.append(f"第{number}行的层级“{level_text}”无法识别（可写：县级、乡镇、政府部门等）")
        aliases = [a for a in _ALIAS_SPLIT.split(get(row, alias_col)) if a and a != name]
        contact = " ".join(x for x in (get(row, c) for c in contact_cols) if x)
        units.append(Unit(name=name, row=number, level=level, contact=contact, aliases=aliases))
    if not units:
        raise InputError("名单中没有单位", path=str(path), hint="表头下面每行写一个单位的名称")
    names: dict = {}
    for unit in units:
        for form in [unit.name] + unit.aliases:
            key = normalise(form)
            if key in names and names[key] is not unit:
                other = names[key]
                what = "单位名称" if form == unit.name and normalise(other.name) == key else "名称或别名"
                problems.append(f"第{other.row}行和第{unit.row}行的{what}重复：“{form}”")
            names.setdefault(key, unit)
    del seen
    if problems:
        raise InputError("名单有问题：" + "；".join(problems), path=str(path),
                         hint="每个单位只写一行，名称和别名不能重复；改好后重新运行")
    return units


# --- names -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict, tuple]:
    from drafter.cache import yaml_file
    from drafter.levels import templates_root
    data = yaml_file(templates_root() / "review.yaml")          # package data: parsed once, then from the cache
    abbreviations = dict(sorted(data["abbreviations"].items(), key=lambda kv: -len(kv[0])))
    return abbreviations, tuple(data["government_suffixes"])


_PLACE = re.compile(r"^(.{0,10}?(?:自治区|自治州|自治县|省|市|州|盟|地区|县|旗|区|镇|乡|街道))(?=.)")
_PARTY_PREFIX = re.compile(r"^(?:中共|中国共产党)")


@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    """A name as compared: simplified characters, no spaces or brackets' width differences."""
    from drafter.text import simplified
    name = simplified(re.sub(r"[\s\u3000]+", "", name or ""))
    return name.replace("(", "（").replace(")", "）")


def _expand(organ: str) -> tuple[str, str | None]:
    """The organ name with an abbreviation written out: ``(full, "人社局＝人力资源和社会保障局")``."""
    abbreviations, _ = _vocabulary()
    for short, full in abbreviations.items():
        if organ.endswith(short) and not organ.endswith(full):
            return organ[: -len(short)] + full, f"{short}＝{full}"
    return organ, None


@lru_cache(maxsize=8192)
def forms(name: str) -> tuple:
    """``(place, organ, note)`` readings of a name: with and without a place prefix, abbreviations expanded."""
    _, suffixes = _vocabulary()
    n = normalise(name)
    n = _PARTY_PREFIX.sub("中共", n)
    for suffix in suffixes:
        if n.endswith(suffix) and len(n) > len(suffix):
            n = n[: -len(suffix)]
            break
    out = []
    match = _PLACE.match(n)
    readings = [("", n)]
    if match:
        readings.insert(0, (match.group(1), n[match.end():]))
    for place, organ in readings:
        full, note = _expand(organ)
        out.append((place, full, note))
    return tuple(out)


def _place(name: str) -> str:
    """The place prefix of a name (安平县 of 安平县教育局), or ""."""
    return forms(name)[0][0]


def _places_agree(a: str, b: str) -> bool:
    """Whether two place prefixes can be the same place: 县 and 安平县 can, 区 and 安平县 cannot."""
    return not a or not b or a == b or a.endswith(b) or b.endswith(a)


def same_unit(a: str, b: str) -> str | None:
    """Why names ``a`` and ``b`` denote the same unit (Chinese), or ``None``."""
    if normalise(a) == normalise(b):
        return "名称相同"
    for place_a, organ_a, note_a in forms(a):
        for place_b, organ_b, note_b in forms(b):
            if organ_a and organ_a == organ_b and _places_agree(place_a, place_b) and (place_a or place_b or note_a or note_b):
                notes = [n for n in (note_a, note_b) if n]
                return "简称与全称对应" + (f"（{'；'.join(dict.fromkeys(notes))}）" if notes else "")
            if not organ_a and not organ_b:
                continue
    # a town or sub-district: "安平镇人民政府" and "安平镇" (the place is the whole name)
    core_a, core_b = forms(a)[-1][1], forms(b)[-1][1]
    if core_a and core_a == core_b:
        return "去掉“人民政府”“办事处”后相同"
    return None


@dataclass
class Match:
    """How one file was matched: the unit (or ``None``), the evidence, and other candidates."""

    unit: Unit | None
    evidence: str
    candidates: list = field(default_factory=list)
    by_file_name: bool = False


def match_file(result, units: list[Unit]) -> Match:
    """Match an analysed file to a roster unit: by its issuer, then other organ names in it, then its file name."""
    tiers = []
    if result.issuer:
        tiers.append(([result.issuer], f"发文机关“{result.issuer}”（取自{result.issuer_source or '报告'}）"))
    others = [n for n in result.names if n != result.issuer]
    if others:
        tiers.append((others, "标题或落款中的名称"))
    for names, source in tiers:
        hits = []
        for unit in units:
            why = _unit_reason(unit, names)
            if why:
                hits.append((unit, why))
        if len(hits) == 1:
            unit, why = hits[0]
            return Match(unit, f"{source}：{why}")
        if len(hits) > 1:
            exact = [(u, w) for u, w in hits if "名称相同" in w or "与别名" in w]
            if len(exact) == 1:
                unit, why = exact[0]
                return Match(unit, f"{source}：{why}")
            return Match(None, f"{source}可能对应多个单位，请人工确认", [u for u, _ in hits])
    stem = normalise(Path(result.path).stem)
    by_name = [u for u in units if any(normalise(f) in stem for f in [u.name] + u.aliases)]
    if len(by_name) == 1:
        detail = f"发文机关“{result.issuer}”与名单不符；" if result.issuer else "报告中未识别出发文机关；"
        return Match(by_name[0], detail + f"仅按文件名“{Path(result.path).name}”对应，请核对", by_file_name=True)
    if result.issuer:
        return Match(None, f"发文机关“{result.issuer}”不在名单中", by_name)
    return Match(None, "报告中未识别出发文机关，文件名也对应不上名单中的单位", by_name)


def _unit_reason(unit: Unit, names: list) -> str | None:
    for name in names:
        if normalise(name) == normalise(unit.name):
            return f"与名单中的“{unit.name}”名称相同"
        for alias in unit.aliases:
            if normalise(name) == normalise(alias):
                return f"与“{unit.name}”的别名“{alias}”相同"
    for name in names:
        for form in [unit.name] + unit.aliases:
            if form != unit.name and not _places_agree(_place(name), _place(unit.name)):
                continue                      # “武邑县教育局” is not 安平县's “县教育局”
            why = same_unit(name, form)
            if why:
                return f"与名单中的“{unit.name}”{why}" + (f"（按别名“{form}”）" if form != unit.name else "")
    return None
