"""Level definitions: what each administrative level's report requires.

The facts live as data under ``templates/`` (``common.yaml`` plus
``<level>/level.yaml``); this module only reads them.  Validation, init,
render, lint and import all ask this module, so nothing of it is repeated in
code.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple
from pathlib import Path

from drafter import regex
from drafter import cache
from drafter.errors import DrafterError

ITEM_KEYS = ("measures", "problems", "leadership", "plan", "other")
LEVEL_FILE = "level.yaml"


def templates_root() -> Path:
    """The folder holding ``common.yaml`` and one folder per level.

    In an installed wheel the templates are shipped inside the package
    (``drafter/templates``); in a source checkout they are the top-level
    ``templates/`` folder.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "common.yaml").is_file():
            return candidate
    raise DrafterError("找不到模板目录 templates/（安装不完整）", hint="请重新安装 drafter：pip install --force-reinstall drafter")


class Deadline(NamedTuple):
    """A month and day in the year after the report year."""

    month: int
    day: int

    def date_for(self, report_year: int) -> _dt.date:
        return _dt.date(report_year + 1, self.month, self.day)

    def describe(self) -> str:
        return f"{self.month}月{self.day}日"


@lru_cache(maxsize=256)
def _role_pattern(pattern: str) -> re.Pattern:
    return regex.compile(pattern)


class Addressee(NamedTuple):
    """One addressee role (主送 or 抄送) with a pattern that recognises it."""

    role: str
    example: str                  # with the level's neutral place name (中共××县委)
    match: str | None = None
    example_pattern: str = ""     # as written in level.yaml, "{place}" for the reporting body's place

    def matches(self, name: str) -> bool:
        return bool(self.match and _role_pattern(self.match).search(name))

    def example_for(self, place: str) -> str:
        """The example with ``place`` (e.g. 兴平市) for “{place}”, or the neutral one."""
        if not self.example_pattern or "{place}" not in self.example_pattern:
            return self.example
        return _fill_place(self.example_pattern, place)


# An administrative place name at the start of a body's name: 金华市金东区 in 金华市金东区司法局.
_PLACE = regex.compile(r"^(?:[^省市县区旗镇乡\s]{1,8}?(?:自治区|自治州|自治县|省|市|县|区|旗|镇|乡|街道))+")


def place_of(body: str | None) -> str | None:
    """The place a body is named after (兴平市人民政府 → 兴平市, 中共安平县委 → 安平县), or None."""
    if not body:
        return None
    name = re.sub(r"^中共", "", body.strip())
    match = _PLACE.match(name)
    return match.group(0) if match else None


def _fill_place(pattern: str, place: str) -> str:
    unit = next((u for u in ("自治区", "省", "市", "县", "区", "旗", "镇", "乡") if place.endswith(u)), "市")
    unit = {"自治区": "区"}.get(unit, unit)
    return pattern.replace("{place}", place).replace("{unit}", unit)


class Variant(NamedTuple):
    """Joint Party–government report or a report by the body alone."""

    key: str
    name: str
    reporter: str
    title: str
    recipients: tuple[Addressee, ...]
    cc: tuple[Addressee, ...]
    deadline: Deadline

    def title_for(self, *, body: str, year: int, party_body: str | None = None) -> str:
        return self.title.format(body=body, year=year, next_year=year + 1,
                                 party_body=party_body or "").strip()


class Item(NamedTuple):
    """One of the five required content items."""

    key: str
    number: int
    name: str
    rule_text: str
    heading: str
    heading_words: tuple[str, ...]
    body_words: tuple[str, ...]
    cause_words: tuple[str, ...] = ()
    heading_patterns: tuple[str, ...] = ()    # regexes that tolerate inserted words

    def heading_for(self, year: int) -> str:
        """The standard heading text (without its number) for a report year."""
        return self.heading.format(year=year, next_year=year + 1)

    @property
    def marker(self) -> str:
        return "①②③④⑤"[self.number - 1]


class MeasureKind(NamedTuple):
    """A measure area kind (measures.areas[].kind)."""

    key: str
    name: str
    description: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Level:
    """One administrative level as defined under ``templates/<id>/``."""

    id: str
    name: str
    description: str
    directory: Path
    required_areas: tuple[str, ...]
    item_order: tuple[str, ...]
    items: dict = field(hash=False, compare=False)
    variants: dict = field(hash=False, compare=False)
    joint_unsupported: str | None = None
    publish_deadline: Deadline = Deadline(4, 1)
    place_example: str = "××"

    def place_for(self, body: str | None) -> str:
        """The place name examples use for this body (兴平市), else the level's neutral one (××县)."""
        return place_of(body) or self.place_example

    def variant(self, joint: bool) -> Variant | None:
        """The joint or single variant; ``None`` if the level has none."""
        return self.variants.get("joint" if joint else "single")

    def ordered_items(self) -> list[Item]:
        return [self.items[key] for key in self.item_order]


def _read_yaml(path: Path, kind: str) -> dict:
    """A definition file's data, checked against its schema (a misspelt key is a located error).

    The parse and the outcome of the check are kept together in the cache between runs, keyed by the
    file's bytes and the checking code, so a command answered from the cache loads neither PyYAML
    nor Cerberus (see docs/dev/caching.md).
    """
    from drafter.fsutil import MB, read_input

    try:
        raw = read_input(path, limit=MB, what="层级定义文件")    # a regular file of a sane size, or an InputError
        data = cache.yaml_file(path, raw=raw, check=lambda p: _check_definition(p, kind), check_files=_checker_files())
    except Exception as exc:
        import yaml                 # not at the top: read from the cache, level files need no PyYAML
        if not isinstance(exc, (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError)):
            raise
        raise DrafterError(f"层级定义文件无法读取：{path}", hint=f"请检查该文件（{exc.__class__.__name__}）") from exc
    if not isinstance(data, dict):
        raise DrafterError(f"层级定义文件格式不对：{path}", hint="文件内容应为“键: 值”形式")
    return data


@lru_cache(maxsize=1)
def _checker_files() -> tuple:
    """The code that checks a definition file (part of its cache key)."""
    here = Path(__file__).resolve().parent
    return tuple(here / "data" / name for name in ("definitions.py", "definitions.yaml", "prescan.py", "loader.py"))


def _check_definition(path: Path, kind: str) -> None:
    """Raise the located Chinese errors of a definition file."""
    from drafter.data.definitions import load_checked
    load_checked(path, kind)        # raises InputError listing every problem


def _need(data: dict, key: str, path: Path):
    if key not in data:
        raise DrafterError(f"层级定义文件缺少“{key}”：{path}", hint="请对照 templates/ 下的原始文件补齐")
    return data[key]


def _deadline(raw, path: Path) -> Deadline:
    try:
        deadline = Deadline(int(raw["month"]), int(raw["day"]))
        _dt.date(2001, deadline.month, deadline.day)
    except (KeyError, TypeError, ValueError) as exc:
        raise DrafterError(f"层级定义中的期限写法不对：{path}", hint="应写成 {month: 3, day: 1}") from exc
    return deadline


def _addressees(raw, path: Path, place: str) -> tuple[Addressee, ...]:
    result = []
    for entry in raw or []:
        pattern = str(entry.get("example", ""))
        result.append(Addressee(role=str(_need(entry, "role", path)), example=_fill_place(pattern, place),
                                match=entry.get("match"), example_pattern=pattern))
    return tuple(result)


@lru_cache(maxsize=1)
def _common() -> dict:
    return _read_yaml(templates_root() / "common.yaml", "common")


def _items(common: dict, overrides: dict, path: Path) -> dict:
    items = {}
    for key in ITEM_KEYS:
        raw = dict(_need(common["items"], key, path))
        raw.update((overrides or {}).get(key, {}))
        items[key] = Item(
            key=key, number=int(raw["number"]), name=raw["name"], rule_text=raw["rule_text"],
            heading=raw["heading"], heading_words=tuple(raw.get("heading_words", ())),
            body_words=tuple(raw.get("body_words", ())), cause_words=tuple(raw.get("cause_words", ())),
            heading_patterns=tuple(raw.get("heading_patterns", ())))
    return items


def load_level(directory: Path) -> Level:
    """Read one level definition from ``directory/level.yaml``; a Chinese DrafterError if it is wrong."""
    path = Path(directory) / LEVEL_FILE
    if not path.is_file():
        raise DrafterError(f"目录中没有层级定义文件 {LEVEL_FILE}：{directory}",
                           hint="模板目录应由 drafter templates new 创建，或从 templates/<层级>/ 复制")
    try:
        level = _load_level(path, directory)
        _try_patterns(level)
    except DrafterError:
        raise
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, re.error) as exc:
        raise DrafterError(f"层级定义文件格式不对：{path}",
                           hint=f"请对照 templates/ 下的原始文件检查（{exc.__class__.__name__}: {str(exc)[:80]}）") from exc
    return level


def _try_patterns(level: "Level") -> None:
    """Use every title pattern, heading and regex once, so a broken one is reported now, not mid-render."""
    for variant in level.variants.values():
        if not isinstance(variant, Variant):
            raise TypeError("variants")
        try:
            variant.title_for(body="某单位", year=2024, party_body="中共某委")
        except (KeyError, IndexError, ValueError, AttributeError) as exc:
            raise DrafterError(f"层级定义中“{variant.key}”的标题格式写法不对：{variant.title}",
                               hint="标题中只能用 {body}、{year}、{next_year}、{party_body}，花括号要成对") from exc
        for role in variant.recipients + variant.cc:
            role.matches("某单位")
    for item in level.items.values():
        item.heading_for(2024)


def _load_level(path: Path, directory: Path) -> "Level":
    raw = _read_yaml(path, "level")
    common = _common()
    default_deadline = _deadline(common["deadline"], path)
    place = str(raw.get("place_example") or "××")
    variants = {}
    if not isinstance(_need(raw, "variants", path) or {}, dict):
        raise DrafterError(f"层级定义的 variants 应为 joint:/single: 两组设置：{path}",
                           hint="请对照 templates/ 下的原始文件修改")
    for key, v in (_need(raw, "variants", path) or {}).items():
        variants[key] = Variant(
            key=key, name=str(_need(v, "name", path)), reporter=str(v.get("reporter", "")),
            title=str(_need(v, "title", path)), recipients=_addressees(v.get("recipients"), path, place),
            cc=_addressees(v.get("cc"), path, place),
            deadline=_deadline(v["deadline"], path) if "deadline" in v else default_deadline)
    order = tuple(raw.get("item_order") or common["item_order"])
    if sorted(order) != sorted(ITEM_KEYS):
        raise DrafterError(f"层级定义的 item_order 必须恰好包含五项 {', '.join(ITEM_KEYS)}：{path}")
    kinds = measure_kinds()
    areas = tuple(raw.get("required_areas") or ())
    unknown = [a for a in areas if a not in kinds]
    if unknown:
        raise DrafterError(f"层级定义的 required_areas 含未知领域 {', '.join(unknown)}：{path}",
                           hint="可用领域见 templates/common.yaml 的 measure_kinds")
    return Level(
        id=str(_need(raw, "id", path)), name=str(_need(raw, "name", path)),
        description=str(raw.get("description", "")), directory=Path(directory),
        required_areas=areas, item_order=order,
        items=_items(common, raw.get("items"), path), variants=variants,
        joint_unsupported=raw.get("joint_unsupported"), place_example=place,
        publish_deadline=_deadline(common.get("publish_deadline", {"month": 4, "day": 1}), path))


@lru_cache(maxsize=None)
def _shipped(directory: Path) -> Level:
    """One level shipped under ``templates/``, read once (so ``get_level`` and ``all_levels`` share it)."""
    return load_level(directory)


_ORDER = ("province", "city", "county", "township", "department")


def _shipped_folders() -> list[Path]:
    """The folders under ``templates/`` holding a level definition, in the fixed order of their ids."""
    root = templates_root()
    folders = sorted(p for p in root.iterdir() if (p / LEVEL_FILE).is_file())
    return sorted(folders, key=lambda p: _ORDER.index(p.name) if p.name in _ORDER else len(_ORDER))


@lru_cache(maxsize=1)
def all_levels() -> dict[str, Level]:
    """Every level shipped under ``templates/``, keyed by id, in a fixed order."""
    return {level.id: level for level in map(_shipped, _shipped_folders())}


def level_ids() -> list[str]:
    """The ids of the shipped levels, in :func:`all_levels`'s order, without reading their definitions: a
    shipped level's folder is named after its id (``get_level`` relies on it; tests/data/test_definitions.py
    checks it)."""
    return list(_level_ids())


@lru_cache(maxsize=1)
def _level_ids() -> tuple[str, ...]:
    return tuple(p.name for p in _shipped_folders())


def get_level(level_id: str) -> Level:
    """The level with this id; a :class:`DrafterError` listing the choices otherwise.

    A shipped level lives in the folder named after its id: only that one is read when it is asked for
    (a command about one report does not load the other four)."""
    if isinstance(level_id, str) and level_id.isidentifier():
        directory = templates_root() / level_id
        if (directory / LEVEL_FILE).is_file():
            level = _shipped(directory)
            if level.id == level_id:
                return level
    levels = all_levels()
    if level_id not in levels:
        choices = "、".join(f"{lv.id}（{lv.name}）" for lv in levels.values())
        raise DrafterError(f"没有层级“{level_id}”", hint=f"可选：{choices}")
    return levels[level_id]


@lru_cache(maxsize=1)
def measure_kinds() -> dict[str, MeasureKind]:
    """The fixed vocabulary of measure area kinds, in order."""
    raw = _common()["measure_kinds"]
    return {key: MeasureKind(key=key, name=v["name"], description=v.get("description", ""),
                             keywords=tuple(v.get("keywords") or ())) for key, v in raw.items()}


def common_data() -> dict:
    """The raw shared definitions (for rules that read extra vocabulary)."""
    return _common()
