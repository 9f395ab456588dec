"""cjk-digit-space: spaces between Chinese and digits, or before punctuation."""

from .common import report, table

RULE = "cjk-digit-space"

CASES = [
    ("no spaces", report("成功组织实施2022年度考试，不予受理1件，决定维持3件。"), []),
    ("before a year", report("成功组织实施 2022年度考试。"), [2]),
    ("before a comma", report("不予受理1件 ，决定维持3件。"), [2]),
    ("no-break space", report("共办理\u00a012件。"), [2]),
    ("Latin words may be spaced", report("推行 APP 办理。"), []),
    ("blank counts are blank-placeholder's", report("共完成   件审查。"), []),
]


test_cases = table(RULE, CASES)
