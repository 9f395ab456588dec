"""fazhi-drift: 法制 where 法治 is meant; proper names such as 法制办 and 法制审核 are allowed."""

from .common import report, table

RULE = "fazhi-drift"

CASES = [
    ("法治", report("广泛开展法治宣传教育活动。"), []),
    ("法制宣传", report("广泛开展形式多样的法制宣传教育活动。"), [2]),
    ("法制审查", report("配强法制审查力量。"), [2]),
    ("法制审核 is the system's name", report("严格执行重大执法决定法制审核制度，未经法制审核不得作出决定。"), []),
    ("法制办 and 法制机构", report("报市政府法制办审查，执法机关的法制机构负责审核。"), []),
    ("one finding per paragraph", report("法制宣传和法制教育并重。"), [2]),
    ("民主法制建设 is an established phrase", report("推进社会主义民主法制建设。"), []),
]


test_cases = table(RULE, CASES)
