"""Seeded fuzzers: data-field type confusion, draft mutation, template mutation.

Each ``*_cases(folder, rng, n)`` writes ``n`` hostile inputs into ``folder``
and returns ``[(argv, check)]`` where ``check(outcome)`` returns what is wrong
(an empty list when drafter behaved).  The tests run a small seeded sample;
``benchmarks/fuzz_hostile.py`` runs many more.
"""

from __future__ import annotations

import datetime as dt
import random
import zipfile
from pathlib import Path

import yaml

from tests.hostile import generators as g

HOSTILE_VALUES = [
    None, [], {}, ["a", "b"], {"a": 1}, [[[]]], 0, -1, 10 ** 400, -10 ** 20, 3.5, float("nan"), True,
    dt.datetime(2021, 1, 21, 9, 30), dt.date(1, 1, 1), dt.date(9999, 12, 31), "", " ", "\ud800",
    "\x0c\x01\x7f\x85\x86\u2028\u2029", "\x1b]0;title\x07\x1b[2J", "x" * 100_000, "{{ 7*7 }}{% for %}",
    "<w:p>&amp;</w:t>", "【待填写】", "2024-02-30", "\ufeff\u202e倒序", "A" * 300 + "\n\n" + "B" * 300,
]


def _paths(value, path=()):
    """Every path in a data tree: mapping keys and list items, containers and leaves."""
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paths(child, path + (i,))


def _set(data, path, value):
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _dump(data) -> str:
    from drafter.data.writer import dump
    return dump(data)


def _rendered_ok(path: Path) -> list[str]:
    from lxml import etree
    try:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith((".xml", ".rels")):
                    etree.fromstring(z.read(name))
    except Exception as exc:     # noqa: BLE001 - any failure means a broken output
        return [f"rendered file is broken: {exc}"]
    return []


def data_field_cases(folder: Path, rng: random.Random, n: int):
    """Every field of every example × hostile values (a seeded sample of ``n``): validate, then render."""
    examples = sorted(g.EXAMPLES.glob("*.yaml"))
    pool = []
    for example in examples:
        data = yaml.safe_load(example.read_text("utf-8"))
        for path in _paths(data):
            if path:
                pool.append((example, path))
    cases = []
    for k in range(n):
        example, path = rng.choice(pool)
        value = rng.choice(HOSTILE_VALUES)
        data = yaml.safe_load(example.read_text("utf-8"))
        _set(data, path, value)
        source = folder / f"field-{k}.yaml"
        source.write_text(_dump(data), "utf-8")
        target = folder / f"field-{k}.docx"
        cases.append((["validate", str(source)], None))
        cases.append((["render", str(source), "-o", str(target), "--force"], target))
    return cases


def check_pairs(cases, outcomes) -> list[str]:
    """Problems in validate/render pairs: bad exits, and a render that succeeded where validate failed."""
    problems = []
    for i in range(0, len(cases), 2):
        validated, rendered = outcomes[i], outcomes[i + 1]
        for outcome in (validated, rendered):
            found = outcome.problems()
            if found:
                problems.append(f"{outcome.args}: {found}: {outcome.text[-300:]}")
        if rendered.code == 0:
            if validated.code != 0:
                problems.append(f"{rendered.args}: rendered although validate said {validated.code}")
            problems += _rendered_ok(Path(cases[i + 1][1]))
    return problems


# --- drafts ------------------------------------------------------------------------------------------------

TOKENS = ["1", "2024", "年", "件", "，", "。", "其中", "包括", "分别为", "由", "至", "约", "余", "（", "）", "一、",
          "（一）", "1.", " ", "\u3000", "《", "》", "共", "占", "%", "\x1b[2J", "\x0c", "\ud800"[:0], "\u2028",
          "\x85", "××", "【待填写】", "法治政府建设", "\t", "第", "号", "〔", "〕"]


def _mutate_text(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 40)):
        op = rng.random()
        pos = rng.randrange(len(chars) + 1)
        if op < 0.5:
            chars[pos:pos] = list(rng.choice(TOKENS) * rng.choice([1, 1, 2, 50, 2000]))
        elif op < 0.8 and chars:
            del chars[pos:pos + rng.randint(1, 20)]
        else:
            chars[pos:pos] = [chr(rng.randrange(1, 0x3000))]
    return "".join(chars)


def _mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not data:
            break
        pos = rng.randrange(len(data))
        op = rng.random()
        if op < 0.6:
            data[pos] = rng.randrange(256)
        elif op < 0.8:
            del data[pos:pos + rng.randint(1, 64)]
        else:
            data[pos:pos] = data[max(0, pos - 200):pos] * rng.randint(1, 5)
    return bytes(data)


def draft_cases(folder: Path, rng: random.Random, n: int):
    """Mutated .txt drafts (text level) and .docx drafts (XML level and byte level): lint and import."""
    base_text = g.VALID_DRAFT_TEXT
    base_docx = g.draft_docx(folder, "base.docx", base_text)
    with zipfile.ZipFile(base_docx) as z:
        document = z.read("word/document.xml")
    cases = []
    for k in range(n):
        kind = rng.random()
        if kind < 0.4:
            path = folder / f"draft-{k}.txt"
            path.write_text(_mutate_text(rng, base_text), "utf-8", errors="surrogatepass")
        elif kind < 0.8:
            path = g.rewrite_zip(base_docx, folder / f"draft-{k}.docx",
                                 {"word/document.xml": _mutate_bytes(rng, document)})
        else:
            path = folder / f"draft-{k}.docx"
            path.write_bytes(_mutate_bytes(rng, base_docx.read_bytes()))
        cases.append((["lint", str(path)], None))
        cases.append((["import", str(path), "-o", str(folder / f"draft-{k}.yaml"), "--force"], folder / f"draft-{k}.yaml"))
    return cases


def check_drafts(cases, outcomes) -> list[str]:
    problems = []
    for (argv, written), outcome in zip(cases, outcomes):
        found = outcome.problems()
        if found:
            problems.append(f"{outcome.args}: {found}: {outcome.text[-300:]}")
        if written is not None and outcome.code == 0:          # what import wrote must read back
            from drafter.data.loader import load_file
            try:
                load_file(written)
            except Exception as exc:     # noqa: BLE001
                problems.append(f"{argv}: the imported data file does not read back: {exc}")
    return problems


# --- templates ----------------------------------------------------------------------------------------------

TEMPLATE_TOKENS = ["{{", "}}", "{%", "%}", "{{ title }}", "{% for x in range(9999) %}", "{% endfor %}",
                   "{{ 1/0 }}", "{{ 'A' * 99999999 }}", "{%p if red_header %}", "{%p endif %}", "{%tr for r in x %}",
                   "{{ body|center(999999999) }}", "{{ '%999999999s' % 1 }}", "<", "&", "</w:t>", "]]>",
                   "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "{{ range(10)|list|length ** 99 }}",
                   "{{ lipsum(99999) }}", "{{ title|replace('', title * 999) }}", "{{ body|map(attribute='x')|list }}",
                   "{% for b in body %}{% for c in body %}{% for d in body %}{% for e in body %}{{ b }}{% endfor %}"
                   "{% endfor %}{% endfor %}{% endfor %}", "{{ self }}", "{{ ''.__class__ }}", "{% include 'x' %}"]


def template_cases(folder: Path, rng: random.Random, n: int):
    """Mutated copies of a shipped template: templates check, then render a valid data file with it."""
    with zipfile.ZipFile(g.shipped_template()) as z:
        document = z.read("word/document.xml").decode("utf-8")
    source = g.write_data(folder, g.VALID, "data.yaml")
    cases = []
    for k in range(n):
        text = document
        for _ in range(rng.randint(1, 4)):
            start = text.find("<w:t", rng.randrange(len(text)))
            start = text.find(">", start) + 1 if start >= 0 else -1
            if start > 0:
                text = text[:start] + rng.choice(TEMPLATE_TOKENS) + text[start:]
        data = text.encode("utf-8")
        if rng.random() < 0.2:
            data = _mutate_bytes(rng, data)
        template = g.local_template(folder, {"word/document.xml": data}, f"tpl-{k}.docx")
        target = folder / f"tpl-{k}-out.docx"
        cases.append((["templates", "check", str(template)], None))
        cases.append((["render", str(source), "--template", str(template), "-o", str(target), "--force"], target))
    return cases


def check_templates(cases, outcomes) -> list[str]:
    problems = []
    for (argv, target), outcome in zip(cases, outcomes):
        found = outcome.problems()
        if found:
            problems.append(f"{outcome.args}: {found}: {outcome.text[-300:]}")
        if target is not None and outcome.code == 0:
            problems += _rendered_ok(Path(target))
    return problems
