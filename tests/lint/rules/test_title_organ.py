"""title-organ: the organ named in the title is not the one that signs the report."""

from .common import messages, table

RULE = "title-organ"


def draft(title: str, *signature: str) -> str:
    return "\n".join([title, "中共云城市委、云城市人民政府：", "一、2024年主要举措和成效", "全年办理复议案件12件。",
                      *signature, "2025年2月20日"])


CASES = [
    ("same organ", draft("青山县人民政府关于2024年法治政府建设情况的报告", "青山县人民政府"), []),
    ("copied from another county", draft("白水县人民政府关于2024年法治政府建设情况的报告", "青山县人民政府"), [1]),
    ("joint, both sign", draft("中共青山县委 青山县人民政府关于2024年法治政府建设情况的报告", "中共青山县委", "青山县人民政府"), []),
    ("no organ in the title", draft("关于2024年法治政府建设情况的报告", "青山县人民政府"), []),
    ("no signature", draft("白水县人民政府关于2024年法治政府建设情况的报告"), []),
]

test_cases = table(RULE, CASES)


def test_message_names_both():
    (message,) = messages(RULE, draft("白水县人民政府关于2024年法治政府建设情况的报告", "青山县人民政府"))
    assert message == "标题中的发文机关“白水县人民政府”与落款“青山县人民政府”不一致"
