"""recipient: the 主送 line must include every addressee role of the level variant."""

import pytest

from .common import lines, messages, report

RULE = "recipient"
JOINT = "中共青山县委 青山县人民政府关于2024年法治政府建设情况的报告"

CASES = [
    ("county government to Party committee and people's congress",
     report("中共青山县委、青山县人大常委会：", "现将有关情况报告如下。"), []),
    ("county government to the city government only", report("云城市人民政府:", "现将有关情况报告如下。"), [2]),
    ("joint report to the level above", report("中共云城市委、云城市人民政府：", "……", title=JOINT), []),
    ("joint report missing the Party committee", report("云城市人民政府：", "……", title=JOINT), [2]),
    ("a sentence ending in a colon is not a recipient line", report("现将有关情况报告如下：", "……"), []),
]


@pytest.mark.parametrize("text,expected,level", [(c[1], c[2], c[3] if len(c) > 3 else None) for c in CASES],
                         ids=[c[0] for c in CASES])
def test_cases(text, expected, level):
    assert lines(RULE, text, level=level) == expected


def test_message_names_missing_roles():
    [message] = messages(RULE, report("云城市人民政府:", "……"))
    assert "同级党委" in message and "同级人大常委会" in message
