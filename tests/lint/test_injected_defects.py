"""Recall and isolation: one defect put into a correct report makes exactly the intended rule fire.

Each case edits tests/lint/corpus/clean/county_joint_2024.txt (which lints clean, see
test_clean_corpus.py) and lists the rules that must then fire — and only those.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.document.text_reader import read_text
from drafter.lint.rules import _helpers
from drafter.lint.runner import lint_document

CLEAN = (Path(__file__).parent / "corpus" / "clean" / "county_joint_2024.txt").read_text(encoding="utf-8")
LINES = CLEAN.splitlines()
INTRO = LINES[3]


def _traditional(text: str) -> str:
    from drafter.text import _traditional_table

    back = {}
    for trad, simple in _traditional_table().items():
        back.setdefault(simple, chr(trad))
    return "".join(back.get(ch, ch) for ch in text)


def replace(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return edit


def drop_lines(*numbers: int):
    def edit(text: str) -> str:
        return "\n".join(line for i, line in enumerate(text.splitlines(), start=1) if i not in numbers)
    return edit


def append(line: str):
    return lambda text: text + "\n" + line


CASES = [
    ("missing-item", drop_lines(19, 20), {"missing-item", "heading-numbering"}),
    ("item-in-body", drop_lines(19), {"item-in-body", "heading-numbering"}),
    ("missing-other-item", drop_lines(25, 26), {"missing-other-item"}),
    ("problem-causes", lambda t: replace("主要原因是编制调整后人员补充不及时。", "")(
        replace("究其原因在于学法用法", "学法用法")(t)), {"problem-causes"}),
    ("plan-year", replace("四、2025年推进", "四、2024年推进"), {"plan-year"}),
    ("plan-vague", lambda t: replace("四、2025年推进法治政府建设的主要安排",
                                     "四、下一步工作打算\n我们将继续推进法治政府建设。")(drop_lines(22, 23, 24)(t)),
     {"plan-vague"}),
    ("item-year", replace("一、2024年推进", "一、2023年推进"), {"item-year"}),
    ("heading-numbering", replace("（三）健全依法决策机制", "（四）健全依法决策机制"), {"heading-numbering"}),
    ("heading-form", replace("（二）深化", "(二)深化"), {"heading-form"}),
    ("heading-level-skip", lambda t: replace("（一）持续推进", "1.持续推进")(replace("（二）完善行政规范性", "2.完善行政规范性")(
        replace("（三）落实行政机关负责人", "3.落实行政机关负责人")(t))), {"heading-level-skip"}),
    ("runin-reuse", replace("二是部分干部运用法治思维处理问题的能力有待提高",
                            "二是部分干部能力有待提高，一是学法不够，二是用法不足"), {"runin-reuse"}),
    ("blank-placeholder", replace("全县28个执法部门", "全县共\u00a0\u00a0个执法部门"), {"blank-placeholder"}),
    ("placeholder-text", replace("2024年，青山县坚持", "2024年，XX县坚持"), {"placeholder-text"}),
    ("web-junk", append("扫一扫手机查看当前页面"), {"web-junk"}),
    ("deictic-time", replace("2024年，我县配合完成", "截至目前，我县配合完成"), {"deictic-time"}),
    ("sum-mismatch (list)", replace("其余2件申请人主动撤回", "其余5件申请人主动撤回"), {"sum-mismatch"}),
    ("sum-mismatch (rate)", replace("压缩37.5%", "压缩45%"), {"sum-mismatch"}),
    ("approximation", replace("出具法律意见书41份", "挽回经济损失近200余万元"), {"approximation"}),
    ("rate-change", replace("下降1.2个百分点", "下降12%"), {"rate-change"}),
    ("document-name", replace("（2021—2025年）", "（2021-2025年）"), {"document-name"}),
    ("fazhi-drift", replace("带头学习宪法和法律", "带头参加法制宣传活动"), {"fazhi-drift"}),
    ("request-in-report", replace("主要原因是编制调整后人员补充不及时。",
                                  "主要原因是编制调整后人员补充不及时，恳请市里给予支持。"), {"request-in-report"}),
    ("traditional-chars", replace(INTRO, _traditional(INTRO)), {"traditional-chars"}),
    ("half-width-punctuation", replace("2024年，青山县坚持", "2024年,青山县坚持"), {"half-width-punctuation"}),
    ("cjk-digit-space", replace("涉企政务服务事项12360件", "涉企政务服务事项 12360件"), {"cjk-digit-space"}),
    ("duplicate-line", replace(INTRO, INTRO + "\n" + INTRO), {"duplicate-line"}),
    ("title-organ", replace("中共青山县委 青山县人民政府关于", "中共白水县委 白水县人民政府关于"), {"title-organ"}),
    ("heading-form (doubled)", replace("（二）深化", "（二）（二）深化"), {"heading-form"}),
    ("title-genre", replace("法治政府建设情况的报告", "法治政府建设工作总结"), {"title-genre"}),
    ("doc-number", replace("青委〔2025〕5号", "青委[2025]第5号"), {"doc-number"}),
    ("date-form", replace("2025年2月20日", "2025年02月20日"), {"date-form"}),
    ("date-late", replace("2025年2月20日", "2025年3月10日"), {"date-late"}),
    ("missing-metadata", drop_lines(3, 29), {"missing-metadata"}),
    ("recipient", replace("中共云城市委、云城市人民政府：", "云城市人民政府："), {"recipient"}),
]


def _rules(text: str) -> set:
    return {f.rule for f in lint_document(read_text(text, name="草稿.txt")).findings}


def test_baseline_is_clean():
    assert _rules(CLEAN) == set()


@pytest.mark.parametrize("edit,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_injected_defect(edit, expected):
    assert _rules(edit(CLEAN)) == expected


def test_every_text_rule_is_exercised():
    from drafter.lint import registry
    docx_only = {"revisions", "page-setup", "fonts", "paragraph-format"}
    text_only_in_old_reports = {"pre2019-item"}
    covered = set().union(*(c[2] for c in CASES))
    assert set(registry.ids()) - docx_only - text_only_in_old_reports <= covered
