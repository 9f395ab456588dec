"""Validate a report data file: Cerberus schema + cross-field checks, in Chinese.

Every problem is collected at once and located ``file:line:col`` through the
positions kept by :mod:`drafter.data.loader`.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.data.cerberus_import import cerberus  # before other cerberus imports
from cerberus import errors as ce

from drafter import levels, regex
from drafter.data.loader import Loaded, format_field, load_file
from drafter.errors import ERROR, WARNING, Diagnostic
from drafter.analysis.headings import leading_number, strip_leading_number
from drafter.text import DOC_NUMBER, codepoint, doc_number_problem, illegal_xml_chars, zh_date

TODO_MARK = "【待填写】"
_PARTY_NAME = regex.compile(r"^中共|委$|委员会$|党组$|党工委$")
_TITLE_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")

TYPE_ZH = {
    "string": "文字", "integer": "整数", "number": "数字", "float": "数字",
    "boolean": "true 或 false", "date": "日期（如 2025-02-20）",
    "list": "列表（每项一行，以“- ”开头）", "dict": "一组“字段: 值”",
}


# --- schema ----------------------------------------------------------------

@lru_cache(maxsize=1)
def raw_schema() -> dict:
    """The Cerberus schema with allowed values filled in from templates/."""
    from drafter import cache
    schema = cache.yaml_file(Path(__file__).with_name("schema.yaml"))["schema"]
    schema["meta"]["schema"]["level"]["allowed"] = levels.level_ids()
    kinds = list(levels.measure_kinds())
    area = schema["measures"]["schema"]["areas"]["schema"]["schema"]
    area["kind"]["allowed"] = kinds
    area["items"]["schema"]["schema"]["kind"]["allowed"] = kinds
    return schema


def keys_of(schema: dict) -> frozenset:
    """Every field name a Cerberus schema knows, at any depth (lists, valuesrules included)."""
    names: set = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "schema" and isinstance(value, dict) and all(isinstance(v, dict) for v in value.values()):
                    names.update(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({"schema": schema})
    return frozenset(names)


@lru_cache(maxsize=1)
def schema_keys() -> frozenset:
    """Every field name the data file schema knows."""
    return keys_of(raw_schema())


def rules_at(path: tuple) -> dict | None:
    """The rules set that applies at a data path (list indices allowed), or None."""
    rules = {"type": "dict", "schema": raw_schema()}
    for part in path:
        sub = rules.get("schema")
        if sub is None:
            return None
        if isinstance(part, int):
            if rules.get("type") != "list":
                return None
            rules = sub
        else:
            if rules.get("type") != "dict" or part not in sub:
                return None
            rules = sub[part]
    return rules


def field_title(path: tuple) -> str:
    """The Chinese title of the field at ``path`` (``主送机关第2项`` for list items)."""
    rules = rules_at(path) or {}
    title = (rules.get("meta") or {}).get("title")
    if title:
        return title
    if path and isinstance(path[-1], int):
        return f"{field_title(path[:-1])}第{path[-1] + 1}项"
    return str(path[-1]) if path else ""


# --- the validator ---------------------------------------------------------

@dataclass
class Result:
    """What validation found, and the normalized document (defaults filled)."""

    path: str
    diagnostics: list = field(default_factory=list)
    document: dict | None = None

    @property
    def errors(self) -> list:
        return [d for d in self.diagnostics if d.severity == ERROR]

    @property
    def warnings(self) -> list:
        return [d for d in self.diagnostics if d.severity == WARNING]

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)


class ReportValidator(cerberus.Validator):
    """Cerberus validator with the report's custom rules and cross-field checks."""

    def _check_with_doc_number(self, field_name, value):
        if not isinstance(value, str):          # a wrong type is the schema's "type" error
            return
        problem = doc_number_problem(value)
        if problem:
            self._error(field_name, problem)

    # Cross-field checks run on the normalized document after the schema.
    # Each yields (severity, path, message, hint).

    def cross_checks(self, doc: dict):
        meta = doc.get("meta") if isinstance(doc.get("meta"), dict) else {}
        level = levels.all_levels().get(meta.get("level"))
        year = meta.get("year") if isinstance(meta.get("year"), int) else None
        yield from self._check_joint(meta, level)
        yield from self._check_masthead(meta)
        if year is not None:
            yield from self._check_years(doc, year)
            yield from self._check_dates(meta, level, year)
            yield from self._check_title(meta, year)
        if level is not None:
            yield from self._check_addressees(meta, level)
            yield from self._check_areas(doc, level)
        yield from self._check_stats(doc)
        yield from self._check_heading_numbers(doc)
        yield from self._check_strings(doc, ())

    def _check_joint(self, meta, level):
        joint = meta.get("joint") is True
        if joint and not meta.get("party_body"):
            place = level.place_for(meta.get("body")) if level is not None else "××"
            yield (ERROR, ("meta", "joint"), "联合报告必须写明党委名称",
                   f"请在 meta 下添加 party_body，例如：party_body: 中共{place}委")
        if not joint and meta.get("party_body"):
            yield (WARNING, ("meta", "party_body"), "写了党委名称，但 joint 不是 true",
                   "党政联合报告请设 joint: true；否则删除 party_body")
        if level is not None and level.variant(joint) is None:
            msg = level.joint_unsupported if joint and level.joint_unsupported else \
                f"层级“{level.name}”没有{'联合' if joint else '单独'}报告的形式"
            yield (ERROR, ("meta", "joint"), msg, "请修改 meta.joint 或 meta.level")
        party = meta.get("party_body")
        if joint and isinstance(party, str) and party and not _PARTY_NAME.search(party):
            yield (WARNING, ("meta", "party_body"), f"“{party}”不像党委的规范名称",
                   "一般写作“中共××市委”或“中共××县委员会”")

    def _check_masthead(self, meta):
        """发文字号 and 签发人 are printed only in a masthead: the red header or the cover letter."""
        red, letter = meta.get("red_header") is True, meta.get("cover_letter") is not None
        if not red and not letter:
            for key in ("doc_number", "signer"):
                if meta.get(key):
                    yield (WARNING, ("meta", key), f"写了{field_title(('meta', key))}，但报告中不会印出",
                           f"{field_title(('meta', key))}只印在红头版头或报送函上：需要时请设 red_header: true"
                           f"或添加 cover_letter；不需要时请删去 {key}")
        elif red and letter:
            yield (WARNING, ("meta", "red_header"), "报送函和报告首页都会印红头版头（发文字号、签发人印两次）",
                   "随报送函报送时，报告本身一般不再加红头：请删去 red_header: true，或不用 cover_letter")

    def _check_years(self, doc, year):
        plan = doc.get("plan") if isinstance(doc.get("plan"), dict) else {}
        plan_year = plan.get("year")
        if isinstance(plan_year, int) and plan_year != year + 1:
            yield (ERROR, ("plan", "year"), f"下一年度安排的年度应为{year + 1}年（报告年度{year}年的下一年），现为{plan_year}年",
                   f"请改为 year: {year + 1}，或检查 meta.year")
        title = plan.get("title")
        for found in _TITLE_YEAR.findall(title if isinstance(title, str) else ""):
            if int(found) != year + 1:
                yield (ERROR, ("plan", "title"), f"下一年度安排的标题写的是{found}年，应为{year + 1}年",
                       f"报告年度是{year}年：下一年度安排写{year + 1}年")
        # Other years in titles and the intro are found by lint's item-year rule, which validate
        # runs on the text (drafter.data.content) once the data has no errors.

    def _check_dates(self, meta, level, year):
        date = meta.get("date")
        if isinstance(date, dt.date):
            if date <= dt.date(year, 12, 31):
                yield (ERROR, ("meta", "date"), f"成文日期{zh_date(date)}不在报告年度{year}年结束之后",
                       f"年度报告应在{year + 1}年年初成文；请检查成文日期或 meta.year")
            elif level is not None:
                variant = level.variant(meta.get("joint") is True)
                if variant is not None:
                    deadline = variant.deadline.date_for(year)
                    if date > deadline:
                        yield (WARNING, ("meta", "date"),
                               f"成文日期{zh_date(date)}晚于报送期限{zh_date(deadline)}（{_level_variant(level, variant)}）",
                               "请尽早成文报送；如确已逾期，请在报送时说明原因")
                    elif date == deadline:
                        yield (WARNING, ("meta", "date"), f"成文日期恰为报送期限当天（{zh_date(deadline)}）",
                               f"规定为“{variant.deadline.describe()}之前”报送，建议提前成文")
        issue = meta.get("issue_date")
        if isinstance(issue, dt.date) and isinstance(date, dt.date) and issue < date:
            yield (ERROR, ("meta", "issue_date"), f"印发日期{zh_date(issue)}早于成文日期{zh_date(date)}",
                   "印发日期不能早于成文日期")
        number = meta.get("doc_number")
        m = DOC_NUMBER.match(number) if isinstance(number, str) else None
        if m and isinstance(date, dt.date) and int(m.group("year")) != date.year:
            yield (WARNING, ("meta", "doc_number"),
                   f"发文字号中的年份{m.group('year')}与成文日期的年份{date.year}不一致",
                   "发文字号的年份一般是发文（成文）的年份")

    def _check_title(self, meta, year):
        title = meta.get("title")
        if not isinstance(title, str) or not title:
            return
        others = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)", title) if int(y) != year]
        if others and str(year) not in title:
            # The report's year is read from its title: every other year check would then be off.
            yield (ERROR, ("meta", "title"), f"标题写的是{others[0]}年，而报告年度（meta.year）是{year}年",
                   f"请把标题中的“{others[0]}年”改为“{year}年”，或检查 meta.year")
        elif str(year) not in title:
            yield (WARNING, ("meta", "title"), f"标题中没有报告年度“{year}年”",
                   "标题一般为“{0}关于{1}年法治政府建设情况的报告”".format(meta.get("body") or "××", year))
        if "总结" in title:
            yield (WARNING, ("meta", "title"), "标题用了“总结”，年度报告的文种是“报告”",
                   "请改为“……情况的报告”")
        elif not title.endswith("报告"):
            yield (WARNING, ("meta", "title"), "标题没有以文种“报告”结尾", "请改为“……情况的报告”")

    def _check_addressees(self, meta, level):
        variant = level.variant(meta.get("joint") is True)
        recipients = [r for r in meta.get("recipients") or [] if isinstance(r, str)]
        if variant is None or not recipients:
            return
        for role in variant.recipients:
            if role.match and not any(role.matches(r) for r in recipients):
                yield (WARNING, ("meta", "recipients"),
                       f"主送机关中没有“{role.role}”（{variant.name}应主送{'、'.join(r.role for r in variant.recipients)}）",
                       f"例如：{role.example_for(level.place_for(meta.get('body')))}")

    def _check_areas(self, doc, level):
        measures = doc.get("measures") if isinstance(doc.get("measures"), dict) else {}
        present = set()
        for area in measures.get("areas") or []:
            if isinstance(area, dict):
                present.add(area.get("kind"))
                for item in area.get("items") or []:
                    if isinstance(item, dict) and item.get("kind"):
                        present.add(item.get("kind"))
        kinds = levels.measure_kinds()
        for kind in level.required_areas:
            if kind not in present:
                yield (ERROR, ("measures", "areas"),
                       f"{level.name}报告的主要举措中缺少“{kinds[kind].name}”领域",
                       f"请添加一条 kind: {kind} 的举措（{kinds[kind].description}）；"
                       "若它写在某条举措的要点中，可给该要点加 kind: " + kind)

    def _check_heading_numbers(self, doc):
        """A number typed into a heading's title would be printed twice (“（一）（一）”)."""
        def walk(node, path):
            if isinstance(node, dict):
                title = node.get("title")
                if isinstance(title, str) and path and path[0] != "meta":
                    number = leading_number(title)
                    if number is not None:
                        yield (WARNING, path + ("title",), f"标题开头写了编号“{number.strip()}”",
                               f"编号由程序按层次自动生成（一、（一）1.（1）），生成时会删去这个编号；"
                               f"请把标题改为“{strip_leading_number(title)}”")
                for key, child in node.items():
                    if key != "meta":
                        yield from walk(child, path + (key,))
            elif isinstance(node, list):
                for i, child in enumerate(node):
                    yield from walk(child, path + (i,))
        yield from walk(doc, ())

    def _check_stats(self, doc):
        for path, stat in _walk_stats(doc):
            yield from _stat_problems(path, stat)

    def _check_strings(self, value, path):
        if isinstance(value, dict):
            for key, child in value.items():
                yield from self._check_strings(child, path + (key,))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                yield from self._check_strings(child, path + (i,))
        elif isinstance(value, str):
            if path and isinstance(path[-1], int) and " - " in value and \
                    (rules_at(path) or {}).get("type") == "string":
                first, _, rest = value.partition(" - ")
                yield (ERROR, path, f"“{field_title(path)}”是“{value}”，像是两项被连成了一项",
                       f"“{first}”和“{rest}”应各占一行、各以“- ”开头，且两行的“-”上下对齐")
            if TODO_MARK in value:
                yield (ERROR, path, f"“{field_title(path)}”尚未填写（仍是“{TODO_MARK}”提示文字）",
                       "请把提示文字替换为实际内容")
            bad = illegal_xml_chars(value)
            if bad:
                names = "、".join(codepoint(c) for c in bad)
                yield (WARNING, path, f"含有不可见的控制字符 {names}（多为从网页或 PDF 复制带入）",
                       "生成文档时会删除这些字符；建议在编辑器中删除后重新输入该处文字")


def _level_variant(level, variant) -> str:
    """“县级 县（市、区）人民政府报告”, but “政府部门报告” where the variant already names the level."""
    return variant.name if variant.name.startswith(level.name) else f"{level.name}{variant.name}"


def _walk_stats(doc):
    measures = doc.get("measures") if isinstance(doc.get("measures"), dict) else {}
    for i, area in enumerate(measures.get("areas") or []):
        if not isinstance(area, dict):
            continue
        for j, stat in enumerate(area.get("stats") or []):
            yield ("measures", "areas", i, "stats", j), stat
        for k, item in enumerate(area.get("items") or []):
            if isinstance(item, dict):
                for j, stat in enumerate(item.get("stats") or []):
                    yield ("measures", "areas", i, "items", k, "stats", j), stat


def _num(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _fmt(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def percent_tolerance(value: float) -> float:
    """Half a unit of the last digit written, at least 0.05 percentage points."""
    text = repr(float(value))
    decimals = 0 if text.endswith(".0") else len(text.split(".")[1]) if "." in text else 0
    return max(0.5 * 10 ** -decimals, 0.05) + 1e-9


def _stat_problems(path, stat):
    if not isinstance(stat, dict):
        return
    name = stat.get("name") or "统计数据"
    unit = stat.get("unit") if isinstance(stat.get("unit"), str) else ""
    total = stat.get("total")
    parts = [p for p in stat.get("parts") or [] if isinstance(p, dict) and _num(p.get("value"))]
    values = {p.get("name"): p["value"] for p in parts}
    if _num(total) and parts:
        s = sum(p["value"] for p in parts)
        listing = " + ".join(f"{p.get('name')}{_fmt(p['value'])}" for p in parts)
        if stat.get("partial") is True:
            if s > total + 1e-9:
                yield (ERROR, path + ("parts",), f"“{name}”所列各项之和{_fmt(s)}{unit}超过总数{_fmt(total)}{unit}（{listing}）",
                       "请核对各项数字或总数")
        elif abs(s - total) > 1e-9:
            yield (ERROR, path + ("total",), f"“{name}”各项之和{_fmt(s)}{unit}不等于总数{_fmt(total)}{unit}（{listing}）",
                   "请核对数字；如果只列举了其中一部分，请加 partial: true")
    for i, rate in enumerate(stat.get("rates") or []):
        if not isinstance(rate, dict) or not _num(rate.get("value")):
            continue
        rpath = path + ("rates", i)
        rname = rate.get("name") or "比率"
        value = rate["value"]
        computed = None
        how = ""
        if _num(rate.get("from")) and _num(rate.get("to")):
            if rate["from"] == 0:
                continue
            computed = abs(rate["from"] - rate["to"]) / rate["from"] * 100
            how = f"由{_fmt(rate['from'])}变为{_fmt(rate['to'])}"
        else:
            numerator = rate.get("numerator")
            if isinstance(rate.get("part"), str):
                if rate["part"] not in values:
                    yield (ERROR, rpath + ("part",), f"比率“{rname}”引用的构成项“{rate['part']}”不存在",
                           "part 应写 parts 中某一项的名称：" + "、".join(str(k) for k in values))
                    continue
                numerator = values[rate["part"]]
            denominator = rate.get("denominator", total)
            if not (_num(numerator) and _num(denominator)) or denominator == 0:
                continue
            computed = numerator / denominator * 100
            how = f"{_fmt(numerator)} ÷ {_fmt(denominator)}"
        if computed is not None and abs(computed - value) > percent_tolerance(value):
            yield (ERROR, rpath + ("value",), f"比率“{rname}”写的是{_fmt(value)}%，按数字计算（{how}）应为{computed:.2f}%",
                   "请核对百分数或所依据的数字")


# --- messages for Cerberus errors -----------------------------------------

def _suggest(key: str, allowed: list[str]) -> str | None:
    import difflib                 # only for a misspelt key: not loaded at every start

    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
    if close:
        return close[0]
    lowered = {a.lower(): a for a in allowed}
    return lowered.get(key.lower())


def _type_hint(expected: str, value, path: tuple = ()) -> str:
    if expected in ("integer", "number") and isinstance(value, str):
        if re.search(r"[０-９．－]", value):
            narrow = unicodedata.normalize("NFKC", value).strip()
            return (f"“{value.strip()}”是全角数字：请改为半角数字 {narrow}；"
                    "输入法按 Shift+空格 可切换全角/半角")
        if re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", value):
            key = path[-1] if path and isinstance(path[-1], str) else None
            shown = f"{key}: {value}" if key else value
            return f"数字两边不加引号：请去掉引号，写成 {shown}"
        digits = re.match(r"^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*(\S*)$", value)
        if digits:
            unit = digits.group(2).rstrip("%％")
            if not unit:
                tail = "，不带“%”"
            elif "stats" in path:
                tail = f"，单位“{unit}”写在 unit 字段"
            else:
                tail = f"，不带“{unit}”"
            return f"只写数字 {digits.group(1)}{tail}"
        return "只写阿拉伯数字，如 13"
    if expected == "date" and isinstance(value, (str, int)):
        return "日期请写成 2025-02-20 的形式（年-月-日，不加引号）"
    if expected == "boolean":
        return "请写 true（是）或 false（否）"
    if expected == "list" and isinstance(value, str):
        return "请写成列表：每项另起一行，以“- ”开头"
    if expected == "string" and isinstance(value, (list, dict)):
        return "这里应是一段文字；多段文字请用“|”开头的文字块"
    if expected == "string":
        return "如需写成文字，请给它加引号"
    return f"请写成{TYPE_ZH.get(expected, expected)}"


def _value_text(value) -> str:
    if isinstance(value, (dict, list)):
        return TYPE_ZH["dict" if isinstance(value, dict) else "list"]
    text = str(value)
    return text if len(text) <= 30 else text[:29] + "…"


def _messages(error: ce.ValidationError) -> tuple[str, str | None] | None:
    path = tuple(error.document_path)
    title = field_title(path)
    code = error.code
    if code == ce.REQUIRED_FIELD.code:
        rules = rules_at(path) or {}
        example = (rules.get("meta") or {}).get("example")
        empty_hint = (rules.get("meta") or {}).get("empty_hint")
        hint = f"请添加 {path[-1]}:" + (f"，例如：{path[-1]}: {_example_text(example)}" if example is not None else "")
        hint += f"；{empty_hint}" if empty_hint else ""
        return f"缺少必填字段“{path[-1]}”（{title}）", hint
    if code == ce.UNKNOWN_FIELD.code:
        parent = rules_at(path[:-1]) or {}
        allowed = list((parent.get("schema") or {}).keys())
        key = str(path[-1])
        guess = _suggest(key, allowed)
        hint = (f"是不是“{guess}”？" if guess else "") + "此处可用的字段：" + "、".join(allowed)
        return f"未知字段“{key}”", hint
    if code in (ce.EMPTY_NOT_ALLOWED.code, ce.NOT_NULLABLE.code):
        empty_hint = ((rules_at(path) or {}).get("meta") or {}).get("empty_hint")
        return f"“{title}”没有填写", empty_hint or "请填写内容；不需要的可选字段可整行删除"
    if code == ce.BAD_TYPE.code:
        expected = error.constraint if isinstance(error.constraint, str) else error.constraint[0]
        return (f"“{title}”应为{TYPE_ZH.get(expected, expected)}，现在是“{_value_text(error.value)}”",
                _type_hint(expected, error.value, path))
    if code == ce.BAD_TYPE_FOR_SCHEMA.code:
        return None  # reported by BAD_TYPE at the same place
    if code == ce.MIN_LENGTH.code:
        if isinstance(error.value, str):
            return f"“{title}”太短", None
        return f"“{title}”至少要有{error.constraint}项", "请补充内容"
    if code == ce.MAX_LENGTH.code:
        if isinstance(error.value, str):
            return f"“{title}”过长（{len(error.value)}字，上限{error.constraint}字）", "请精简文字"
        return f"“{title}”最多{error.constraint}项", None
    if code == ce.MIN_VALUE.code:
        return f"“{title}”不能小于{error.constraint}，现在是{_value_text(error.value)}", "请检查数字"
    if code == ce.MAX_VALUE.code:
        return f"“{title}”不能大于{error.constraint}，现在是{_value_text(error.value)}", "请检查数字"
    if code == ce.UNALLOWED_VALUE.code:
        return f"“{_value_text(error.value)}”不是“{title}”的可选值", "可选：" + _choices(path, error.constraint)
    if code == ce.REGEX_MISMATCH.code:
        return f"“{title}”的写法不对：{_value_text(error.value)}", None
    if code == ce.DEPENDENCIES_FIELD.code:
        deps = error.constraint if isinstance(error.constraint, (list, tuple)) else [error.constraint]
        return f"写了“{path[-1]}”就必须同时写“{'、'.join(map(str, deps))}”", None
    if code == ce.EXCLUDES_FIELD.code:
        other = error.constraint if isinstance(error.constraint, (list, tuple)) else [error.constraint]
        return f"“{path[-1]}”不能与“{'、'.join(map(str, other))}”同时写", "请只保留其中一种写法"
    if code == ce.CUSTOM.code:
        return str(error.info[0]) if error.info else "写法不对", None
    return f"“{title}”不符合要求（{error.rule}）", None


def _choices(path, allowed) -> str:
    names = {}
    if path[-1] == "level":
        names = {lv.id: lv.name for lv in levels.all_levels().values()}
    elif path[-1] == "kind":
        names = {k: v.name for k, v in levels.measure_kinds().items()}
    return "、".join(f"{a}（{names[a]}）" if a in names else str(a) for a in allowed)


def _example_text(example) -> str:
    if isinstance(example, list):
        return "[" + ", ".join(map(str, example)) + "]"
    return str(example)


def leaf_errors(errs):
    """Cerberus's errors with every group error replaced by the errors inside it (what a message is made of)."""
    for error in errs:
        if error.is_group_error:
            yield from leaf_errors(error.child_errors)
        else:
            yield error


# --- entry points ----------------------------------------------------------

def validate_loaded(loaded: Loaded) -> Result:
    """Validate parsed data; return every problem (loader's ones included)."""
    result = Result(path=loaded.path, diagnostics=list(loaded.diagnostics))
    validator = report_validator()
    validator.validate(loaded.data)
    for error in leaf_errors(validator._errors):
        msg = _messages(error)
        if msg is None:
            continue
        path = tuple(error.document_path)
        key = error.code in (ce.UNKNOWN_FIELD.code, ce.EXCLUDES_FIELD.code, ce.DEPENDENCIES_FIELD.code)
        result.diagnostics.append(loaded.diagnostic(ERROR, path, msg[0], msg[1], key=key))
    document = validator.document if validator.document is not None else loaded.data
    checked = _without(document, [tuple(e.document_path) for e in leaf_errors(validator._errors)])
    for severity, path, message, hint in validator.cross_checks(checked):
        result.diagnostics.append(loaded.diagnostic(severity, path, message, hint))
    if not result.errors:          # the text as it will be printed, checked by lint's content rules
        from drafter.data.content import content_problems
        for severity, path, message, hint, (paragraph, offset) in content_problems(document):
            found = loaded.diagnostic(severity, path, message, hint)
            where = loaded.paragraph_position(path, paragraph, offset)
            if where is not None:                  # the paragraph's own line inside a text block
                found.line, found.column = where
            result.diagnostics.append(found)
    result.diagnostics = _dedupe(sorted(result.diagnostics, key=Diagnostic.sort_key))
    result.document = document
    return result


def _without(document, error_paths: list) -> dict:
    """A copy of ``document`` with every value the schema refused replaced by None.

    Cross checks then only ever see values of the schema's types and ranges
    (a year of 0, ``level: [county]`` or a list where a name belongs has
    already been reported by the schema), whatever the data file holds.
    """
    if not error_paths:
        return document
    pruned = copy.deepcopy(document)
    for path in sorted(set(error_paths), key=len):
        if not path:
            continue
        parent = pruned
        for part in path[:-1]:
            try:
                parent = parent[part]
            except (KeyError, IndexError, TypeError):
                parent = None
                break
        last = path[-1]
        if isinstance(parent, dict) and last in parent:
            parent[last] = None
        elif isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent):
            parent[last] = None
    return pruned


@lru_cache(maxsize=1)
def report_validator() -> ReportValidator:
    """One validator per process, reused for every file (Cerberus resets it on each ``validate``);
    its schema's own check was done at build time (see :mod:`drafter.data.schema_check`)."""
    from drafter.data.schema_check import checked_schema

    validator = ReportValidator()
    validator.schema = checked_schema(validator, raw_schema())
    return validator


def _dedupe(diags: list) -> list:
    seen, out = set(), []
    for d in diags:
        k = (d.severity, d.line, d.column, d.field, d.message)
        if k not in seen:
            seen.add(k)
            out.append(d)
    return out


def validate_file(path: Path | str) -> Result:
    """Load and validate one data file.  Raises InputError if it cannot be read."""
    return validate_loaded(load_file(path))


__all__ = ["Result", "ReportValidator", "validate_file", "validate_loaded", "raw_schema", "rules_at",
           "doc_number_problem", "format_field", "TODO_MARK"]
