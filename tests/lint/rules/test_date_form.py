"""date-form: a stand-alone 成文日期 in Arabic numerals without zero padding."""

from .common import report, table

RULE = "date-form"

CASES = [
    ("correct", report("青山县人民政府", "2025年2月20日"), []),
    ("Chinese numerals", report("青山县人民政府", "二〇二五年二月二十日"), [3]),
    ("zero padded", report("青山县人民政府", "2025年02月20日"), [3]),
    ("dates inside sentences are not checked", report("于2025年02月20日召开会议。"), []),
]


test_cases = table(RULE, CASES)
