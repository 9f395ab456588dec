"""doc-number: 发文字号 in the form 代字〔YYYY〕N号; a blank 字号 field."""

from .common import report, table

RULE = "doc-number"

CASES = [
    ("correct", report("鞍委〔2024〕17号", "一、主要举措"), []),
    ("square brackets", report("鞍委[2024]17号", "一、主要举措"), [2]),
    ("第 and leading zero", report("鞍委〔2024〕第017号", "一、主要举措"), [2]),
    ("two-digit year", report("鞍委〔24〕17号", "一、主要举措"), [2]),
    ("blank field", report("字 号:", "一、主要举措"), [2]),
    ("with the 签发人 on the same line", report("鞍委〔2024〕17号\t签发人：张建国", "一、主要举措"), []),
    ("wrong, with the 签发人", report("鞍委[2024]17号  签发人：张建国", "一、主要举措"), [2]),
    ("filled field", report("文号：鞍委〔2024〕17号", "一、主要举措"), []),
    ("cited numbers in the body are not checked", report("出台《通知》（建政函〔2015〕50號）。"), []),
]


test_cases = table(RULE, CASES)
