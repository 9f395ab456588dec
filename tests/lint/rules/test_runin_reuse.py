"""runin-reuse: 一是…二是… restarting inside a run-in list."""

from .common import report, table

RULE = "runin-reuse"

CASES = [
    ("one list", report("一是完善制度；二是加强培训；三是强化监督。"), []),
    ("paragraph list", report("一是完善制度。", "二是加强培训。", "三是强化监督。"), []),
    ("nested in 二是", report("一是完善制度。", "二是强化队伍建设。一是做好培训；二是推进持证上岗。"), [3]),
    ("restart in one paragraph", report("一是完善制度；二是加强培训；一是强化监督。"), [2]),
    ("统一是 is not a marker", report("一是完善制度，统一是前提；二是加强培训。"), []),
]


test_cases = table(RULE, CASES)
