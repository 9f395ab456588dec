"""rate-change: a rate that went up or down N% without 个百分点 (info)."""

from .common import report, table

RULE = "rate-change"

CASES = [
    ("percentage points", report("行政案件败诉率较上一年度降低1.5个百分点。"), []),
    ("ambiguous", report("行政案件败诉率较上一年度降低10%。"), [2]),
    ("not a rate", report("行政服务效能提升30%。"), []),
    ("efficiency is not a percentage rate", report("行政效率提升30%。"), []),
    ("rate value, not a change", report("办结率98.8%，满意率95.8%。"), []),
]


test_cases = table(RULE, CASES)
