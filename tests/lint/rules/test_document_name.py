"""document-name: the 纲要's editions and dash, 督察 not 督查, 法治 not 法制 in key document names."""

from .common import messages, report, table

RULE = "document-name"

CASES = [
    ("canonical names", report("落实《法治政府建设实施纲要（2021—2025年）》和《法治政府建设与责任落实督察工作规定》。"), []),
    ("old edition", report("对标《法治政府建设实施纲要(2015—2020年)》。"), []),
    ("hyphen", report("贯彻《法治政府建設實施綱要(2015-2020年)》。"), [2]),
    ("wrong start year", report("落实《法治政府建设实施纲要（2020—2025年）》。"), [2]),
    ("no 年", report("落实《法治政府建设实施纲要（2021—2025）》。"), [2]),
    ("督查", report("对照《法治政府建设与责任落实督查工作规定》。"), [2]),
    ("法制 in 纲要", report("落实《法制政府建设实施纲要（2021—2025年）》。"), [2]),
    ("互联网+督查 is fine", report("全面升级改造“互联网+督查”平台。"), []),
    ("a local 纲要 with its own years", report("按照《青山区法治政府建设实施纲要（2022—2025年）》要求。"), []),
]


test_cases = table(RULE, CASES)


def test_names_the_canonical_title():
    finding = messages(RULE, report("落实《法治政府建设实施纲要（2020—2025年）》。"))
    assert finding and "起止年份" in finding[0]
