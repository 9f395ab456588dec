"""Import stays linear on pathological text (issue #14 §3): every pattern is bounded.

On round 1's importer “共” repeated 20,000 times under a heading did not finish in a minute
(a lazy unbounded lead before 共).  These run in a fraction of a second now; the test does not
time them (guards with time limits live in the hostile suite and benchmarks/).
"""

import pytest

from drafter.document.text_reader import read_text
from drafter.importer import import_document

HEAD = "青山县人民政府关于2024年法治政府建设情况的报告\n一、主要举措和成效\n（一）加强执法\n"


@pytest.mark.parametrize("body", [
    "法治建设" * 25000,                          # a 100,000-character line without punctuation
    "共" * 20000 + "。",
    "共1件" * 20000,
    "法治建设" * 25000 + "共12件，其中" + "甲1件、" * 2000,
    "一是" * 30000,
])
def test_import_of_pathological_lines_completes(body):
    imported = import_document(read_text(HEAD + body))
    assert imported.data["meta"]["body"] == "青山县人民政府"
    assert imported.data["measures"]["areas"]


def test_statistics_still_found_after_bounding():
    text = HEAD + "全年共办理行政复议案件13件，其中维持3件、撤销10件。"
    stats = import_document(read_text(text)).data["measures"]["areas"][0]["stats"]
    assert stats == [{"name": "办理行政复议案件", "unit": "件", "total": 13,
                      "parts": [{"name": "维持", "value": 3}, {"name": "撤销", "value": 10}]}]
