"""placeholder-text: XX, ××, **, 某某, x名, {{ }}, 【待填写】 — one finding per paragraph."""

from .common import messages, report, table

RULE = "placeholder-text"

CASES = [
    ("clean", report("城关镇共召开专题会议4次。"), []),
    ("XX", report("XX镇共召开专题会议4次。"), [2]),
    ("××", report("××县人民政府"), [2]),
    ("**", report("2018年，**市人民政府以建设法治政府为目标，为**经济发展服务。"), [2]),
    ("某某", report("某某局完成整改。"), [2]),
    ("x名 and *次", report("共有x名人员参加，召开会议*次。"), [2]),
    ("template tags", report("{{ meta.body }}关于{% if joint %}……"), [2]),
    ("待填写", report("全年办理案件【待填写】件。"), [2]),
    ("X月X日", report("于X月X日召开会议。"), [2]),
    ("Latin words are fine", report("推行Xbox与XXL均不涉及。", "12×3项"), []),
    ("markdown bold line", report("**一、主要举措和成效**"), []),
]


test_cases = table(RULE, CASES)


def test_counts_marks_in_paragraph():
    [message] = messages(RULE, report("**市和**区、**县"))
    assert "本段共3处" in message
