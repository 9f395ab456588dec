"""deictic-time: 今年, 截至目前, 目前+figure, 至11月30日, 将在12月底之前 (not in the plan)."""

from .common import report, table

RULE = "deictic-time"

CASES = [
    ("explicit year", report("2024年，共开展法治巡察3轮。截至2024年12月31日，已全部整改。"), []),
    ("今年来", report("今年来，共开展法治巡察3轮。"), [2]),
    ("今年以来 counted once", report("今年以来，共开展法治巡察3轮。"), [2]),
    ("截至目前", report("截至目前，全市突出问题已经整改到位。"), [2]),
    ("目前 with a figure", report("目前，全市共持有执法证1084本。"), [2]),
    ("目前 without a figure", report("目前仍存在执法力量不足的问题。"), []),
    ("partial year", report("至11月30日，新收一审行政案件86件。"), [2]),
    ("截至 a month", report("一、主要举措", "全年收案截至10月底共86件。"), [3]),
    ("a span within the year is fine", report("1月至6月底开展专项整治行动。"), []),
    ("a deadline in the plan is fine", report("三、2025年工作安排", "截至6月底前完成清理。"), []),
    ("future in a report", report("一、主要举措和成效", "将在12月底之前完成平台迁移。"), [3]),
    ("future in the plan is fine", report("三、2025年工作安排", "将于6月底前完成平台迁移。"), []),
    ("traditional", report("將在12月底之前完成。"), [2]),
    ("two in one paragraph", report("今年来开展巡察3轮，截至目前已整改。"), [2, 2]),
]


test_cases = table(RULE, CASES)
