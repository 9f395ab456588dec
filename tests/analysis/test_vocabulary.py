"""Item headings as real reports word them (../shared/research/regulatory.md §4.3 and issue #8 §5).

Each heading is read in a small report as a top-level heading and must be taken as its item's
own section; the vocabulary is data (templates/common.yaml: heading_words, heading_patterns).
"""

import pytest

from drafter.analysis import analyse
from drafter.document.text_reader import read_text

VARIANTS = [
    # ① measures
    ("measures", "主要举措和成效"), ("measures", "2022年主要举措及成效"), ("measures", "主要工作情况及成效"),
    ("measures", "2023年推进法治政府建设的主要举措和成效"), ("measures", "法治政府建设主要措施和成效"),
    ("measures", "法治政府建设工作情况及成效"), ("measures", "法治政府建设工作开展情况"),
    ("measures", "法治政府建设工作完成情况"), ("measures", "基本情况"), ("measures", "主要成效"),
    ("measures", "主要举措及取得的成效"),
    # ② problems
    ("problems", "存在的不足和原因"), ("problems", "存在的问题"), ("problems", "正视问题短板,努力建设更高水平法治兴平"),
    ("problems", "存在的主要问题"), ("problems", "存在的主要问题及原因"), ("problems", "存在的突出问题和薄弱环节"),
    ("problems", "存在的困难和问题"), ("problems", "工作中的差距"), ("problems", "面临的主要困难"),
    ("problems", "2023年推进法治政府建设存在的不足和原因"),
    # ③ leadership
    ("leadership", "党政主要负责人履行推进法治建设第一责任人职责情况"), ("leadership", "主要负责同志述法情况"),
    ("leadership", "党政主要领导推进法治建设情况"), ("leadership", "主要负责人履职尽责情况"),
    # ④ plan
    ("plan", "2023年度推进法治政府建设的主要安排"), ("plan", "2024年重点工作安排"), ("plan", "下一步工作思路"),
    ("plan", "下一步工作打算"), ("plan", "下一年度工作计划"), ("plan", "2025年工作计划"), ("plan", "明年工作打算"),
    ("plan", "今后的努力方向"),
    # ⑤ other
    ("other", "其他需要报告的情况"), ("other", "其他需要说明的事项"), ("other", "其他需要报告的事项"),
    ("other", "其他有关情况"),
]
FILLER = {"measures": "一、主要举措和成效", "problems": "二、存在的不足和原因", "leadership": "三、第一责任人履职情况",
          "plan": "四、下一年度主要安排", "other": "五、其他需要报告的情况"}


@pytest.mark.parametrize("key,heading", VARIANTS, ids=[h for _, h in VARIANTS])
def test_heading_variant_is_its_item(key, heading):
    lines = ["青山县人民政府关于2022年法治政府建设情况的报告"]
    for other, filler in FILLER.items():
        text = filler if other != key else filler[:2] + heading
        lines += [text, "正文内容写在这里。"]
    reading = analyse(read_text("\n".join(lines)))
    status = reading.items[key]
    assert status.status == "section" and status.heading.endswith(heading)
    # and no other item claims it
    assert all(s.heading is None or not s.heading.endswith(heading) for k, s in reading.items.items() if k != key)
