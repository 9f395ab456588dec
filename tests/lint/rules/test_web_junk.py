"""web-junk: portal leftovers, share buttons, copyright lines and impossible clock times."""

from .common import messages, report, table

RULE = "web-junk"

CASES = [
    ("report text", report("全年办理复议案件12件，来源于群众申请的占多数。"), []),
    ("scan and share", report("扫一扫手机查看当前页面", "分享文章到:"), [2, 3]),
    ("copyright", report("文章内容来自网络,如有侵权,联系删除"), [2]),
    ("traditional copyright", report("文章版權屬於文章作者所有"), [2]),
    ("metadata line", report("时间:2024-03-15 42:18来源:法治调研督察科作者:法治调研督察科点击:"), [2]),
    ("portal index and status", report("330703000000/2022-143212", "主动公开", "2022-03-03"), [2, 3, 4]),
    ("short labelled line", report("日期:2023-03-13"), [2]),
    ("breadcrumb", report("工作总结 >工作总结精选 >"), [2]),
    ("one label in a sentence is fine", report("资金来源：县财政预算安排。作者为本单位。"), []),
    ("a ratio is not a clock", report("按照30:70的比例分担。"), []),
    ("sharing experience is report text", report("将经验做法分享到各乡镇。"), []),
    ("a share button line", report("分享到："), [2]),
    ("mirror-site watermark inside a sentence", report("二是扛牢法治建设第一秘书网—每日更新www.example-mirror.com责任人职责。"), [2]),
    ("government site addresses are fine", report("在区政府网站（www.qingshan.gov.cn）公开。"), []),
]


test_cases = table(RULE, CASES)


def test_impossible_time_named():
    [message] = messages(RULE, report("时间:2024-03-15 42:18来源:某网站"))
    assert "42:18" in message and "不存在的时间" in message
