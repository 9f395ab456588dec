"""The five seed reports yield exactly the defects their text really has (as .txt and as .docx).

Expected findings were written down from reading the seeds (see
../shared/research/regulatory.md §4–§5):

* 000 兴平 2020: cover note to 咸阳市人民政府 only (主送 lacks 同级党委/人大常委会) with a half-width
  colon; title "…工作开展情况" (not a 报告); "一、 " with a space and ASCII "(一)"; item ③ a sentence in
  二、, plan an unheaded paragraph in 四、; "近200余万元"; "不予受理1件 ,"; "截至目前"; problems without
  causes; trailing "文章内容来自网络,如有侵权,联系删除". Its sums (14 = 12 + 2, 13 = 1+3+3+3+3) are right.
* 001 金东 2021: portal metadata lines (索引号, 单位审核公开, 2022-03-03, 主动公开); no title; no problems
  item; "今年来"; "428.6余万元"; "配强法制审查力量"; "扫一扫手机查看当前页面"; 38.5% is right.
* 002 "**市" 2018: traditional characters; "当前位置" breadcrumbs and copyright line; title "…工作總結"
  without year, three times; 19 "**" marks; "共完成  件" and "制定的  件" with U+00A0; "(2015-2020年)";
  "目前…1084本", "目前,共有12808件", "將在12月底之前", "至11月30日"; problems and plan only in the
  body; pre-2019, so items ③/⑤ are only hinted at; 法制化.
* 003 荔枝 2022: "部  门"/"街  镇"/"日期:" portal lines and "分享文章到:"; blank "字 号:"; no item ③;
  "截至目前"; heading promises 原因, body has none; "望能定期开展业务培训"; 法制学习, 法制宣传; nested
  一是…二是 inside 二是.
* 004 鞍山 2023: "时间:2024-03-15 42:18来源:…作者:…点击:"; "实施 2022年度"; item ③ a clause;
  "存在的问题" without causes; "败诉率较上一年度降低10%"; its sums and 42% are right.

No seed has item ⑤, so every seed from 2019 on gets missing-other-item; only 000 (its cover note)
has a 主送 line and a 成文日期, the others are web copies without them (missing-metadata).
"""

from __future__ import annotations

import pytest

from drafter.document.docx_reader import read_docx
from drafter.document.text_reader import read_text_file
from drafter.lint.runner import lint_document

from ..conftest import seed_path
from .docx_build import build_docx

EXPECTED = {
    "000": {"recipient": [1], "half-width-punctuation": [1], "missing-other-item": [5], "title-genre": [5],
            "heading-form": [7, 14], "item-in-body": [10, 24], "approximation": [18], "cjk-digit-space": [20],
            "deictic-time": [21], "problem-causes": [22], "web-junk": [25]},
    "001": {"missing-item": [1], "missing-metadata": [1, 1], "missing-other-item": [1], "title-genre": [1], "web-junk": [1, 2, 4, 5, 32],
            "half-width-punctuation": [6], "heading-form": [8], "item-in-body": [10], "deictic-time": [11],
            "approximation": [15], "fazhi-drift": [31]},
    "002": {"traditional-chars": [1], "missing-metadata": [5, 5], "web-junk": [1, 3, 59], "half-width-punctuation": [1],
            "pre2019-item": [5, 51], "title-genre": [5, 5], "duplicate-line": [7, 11],
            "placeholder-text": [9, 15, 25, 29, 31, 33, 41, 43, 51, 53, 57], "document-name": [9, 57],
            "heading-form": [15], "fazhi-drift": [15], "blank-placeholder": [23, 25],
            "deictic-time": [37, 41, 45, 51], "item-in-body": [53, 57]},
    "003": {"web-junk": [1, 2, 4, 51], "missing-metadata": [3, 3], "missing-item": [3], "missing-other-item": [3],
            "half-width-punctuation": [4], "doc-number": [5], "heading-form": [11], "deictic-time": [33],
            "problem-causes": [39], "fazhi-drift": [41, 45], "request-in-report": [41], "runin-reuse": [47]},
    "004": {"missing-other-item": [1], "missing-metadata": [1, 1], "web-junk": [2], "half-width-punctuation": [2], "heading-form": [10],
            "item-in-body": [12], "cjk-digit-space": [16], "rate-change": [28], "problem-causes": [50]},
}

# Findings that only a typed heading number can have: Word's auto-numbering writes the number itself.
TYPED_NUMBERS_ONLY = {"heading-form"}


def _by_rule(findings) -> dict:
    out: dict = {}
    for finding in findings:
        out.setdefault(finding.rule, []).append(finding.location.line)
    return out


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_text_findings(seed):
    result = lint_document(read_text_file(seed_path(seed)))
    assert _by_rule(result.findings) == EXPECTED[seed]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
@pytest.mark.parametrize("auto_numbering,style_names", [(True, "Heading {n}"), (False, "标题 {n}")],
                         ids=["auto-numbered", "typed-numbers-wps-styles"])
def test_docx_findings_match_text(seed, auto_numbering, style_names, tmp_path):
    """The .docx built from a seed (real styles, GB/T 9704 page and fonts) has the same defects, same places."""
    path = seed_path(seed)
    text_result = lint_document(read_text_file(path))
    docx = build_docx(tmp_path / f"{seed}.docx", path.read_text(encoding="utf-8"),
                      auto_numbering=auto_numbering, style_names=style_names)
    docx_result = lint_document(read_docx(docx))
    expected = {(f.rule, f.location.index) for f in text_result.findings
                if not (auto_numbering and f.rule in TYPED_NUMBERS_ONLY)}
    assert {(f.rule, f.location.index) for f in docx_result.findings} == expected
    assert (docx_result.level, docx_result.year) == (text_result.level, text_result.year)


def test_key_defects_are_named_in_messages():
    """Spot checks that the messages say what is wrong, in Chinese."""
    def messages(seed, rule):
        return " ".join(f.message for f in lint_document(read_text_file(seed_path(seed))).findings if f.rule == rule)
    assert "近200余" in messages("000", "approximation")
    assert "428.6余" in messages("001", "approximation")
    assert "不换行空格" in messages("002", "blank-placeholder")
    assert "至11月30日" in messages("002", "deictic-time") and "将在12月" in messages("002", "deictic-time")
    assert "总结" in messages("002", "title-genre") and "年度" in messages("002", "title-genre")
    assert "望能" in messages("003", "request-in-report")
    assert "法制宣传" in messages("003", "fazhi-drift")
    assert "42:18" in messages("004", "web-junk")
    assert "降低10%" in messages("004", "rate-change")


def test_consistent_arithmetic_is_not_flagged():
    """regulatory.md §5.2: all sums and percentages in the seeds are right — no sum-mismatch anywhere."""
    for seed in EXPECTED:
        findings = lint_document(read_text_file(seed_path(seed))).findings
        assert [f for f in findings if f.rule == "sum-mismatch"] == []


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_every_finding_is_located_and_has_a_hint(seed):
    for finding in lint_document(read_text_file(seed_path(seed))).findings:
        assert finding.location.line and finding.location.excerpt
        assert finding.hint and any("\u4e00" <= ch <= "\u9fff" for ch in finding.message + finding.hint)
