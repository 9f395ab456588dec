"""The template context: numbers, order, titles, dates, causes, tables, removed characters."""

from __future__ import annotations

import copy
import datetime as dt

from drafter.levels import get_level
from drafter.render.context import build_context, title_lines
from drafter.text import zh_date
from tests.render.conftest import report_document


def _headings(context, kind="h1"):
    return [b["number"] + b["text"] for b in context["body"] if b["kind"] == kind]


def test_five_items_numbered_in_level_order_with_standard_headings():
    doc = report_document()
    context, warnings = build_context(doc)
    level = get_level("county")
    expected = [f"{n}{item.heading_for(2024)}" for n, item in
                zip(["一、", "二、", "三、", "四、", "五、"], level.ordered_items())]
    assert _headings(context) == expected
    assert expected[-1] == "五、其他需要报告的情况"
    assert warnings == []


def test_department_puts_leadership_first():
    doc = report_document(level="department", body="示例县司法局", recipients=["中共示例县委", "示例县人民政府"])
    context, _ = build_context(doc)
    first = _headings(context)[0]
    assert first.startswith("一、") and "第一责任人" in first


def test_given_item_title_replaces_standard_heading():
    doc = report_document(other={"title": "需要说明的其他事项", "text": "无。"})
    assert _headings(build_context(doc)[0])[-1] == "五、需要说明的其他事项"


def test_nested_levels_are_numbered_per_parent():
    doc = report_document()
    doc = copy.deepcopy(doc)
    doc["measures"]["areas"][1]["items"] = [
        {"title": "甲", "text": "正文。", "items": [{"title": "子一"}, {"title": "子二"}]},
        {"title": "乙"}]
    context, _ = build_context(doc)
    h2 = _headings(context, "h2")
    assert h2[:3] == ["（一）完善依法行政制度体系", "（二）严格规范公正文明执法", "（三）依法化解矛盾纠纷"]
    assert h2[3] == "（一）基层执法能力有待提升"          # numbering restarts under item 二
    assert _headings(context, "h3") == ["1.甲", "2.乙"]
    assert _headings(context, "h4") == ["（1）子一", "（2）子二"]


def test_blank_line_is_a_new_paragraph_and_lines_join():
    context, _ = build_context(report_document())
    texts = [b["text"] for b in context["body"] if b["kind"] == "p"]
    assert texts[0] == "2024年，示例县坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下。"


def test_cause_reads_as_a_cause():
    doc = report_document(problems={"items": [
        {"title": "甲", "cause": "培训覆盖面不够。"},
        {"title": "乙", "cause": "由于人手不足，任务未完成。"}]})
    texts = [b["text"] for b in build_context(doc)[0]["body"] if b["kind"] == "p"]
    assert "原因：培训覆盖面不够。" in texts
    assert "由于人手不足，任务未完成。" in texts


def test_dates_titles_signature_recipients():
    context, _ = build_context(report_document())
    assert context["date"] == "2025年2月20日"
    assert zh_date(dt.date(2024, 10, 1)) == "2024年10月1日"
    assert context["title"] == "示例县人民政府\n关于2024年法治政府建设情况的报告"
    assert context["signature"] == ["示例县人民政府"]
    assert context["recipients"] == "中共示例县委、示例县人大常委会："


def test_joint_report_defaults():
    doc = report_document(joint=True, party_body="中共示例县委",
                    recipients=["中共示例市委", "示例市人民政府"])
    context, _ = build_context(doc)
    assert context["title"] == "中共示例县委 示例县人民政府\n关于2024年法治政府建设情况的报告"
    assert context["signature"] == ["中共示例县委", "示例县人民政府"]
    assert context["masthead"] == ["中共示例县委", "示例县人民政府"]


def test_imprint_and_cover_letter():
    doc = report_document(cc=["示例市司法局", "示例县司法局"], issuer="示例县人民政府办公室", cover_letter={})
    context, _ = build_context(doc)
    assert context["cc"] == "抄送：示例市司法局，示例县司法局。"
    assert context["issue_date"] == "2025年2月20日印发"
    assert context["cover_letter"]["text"] == ["现将《示例县人民政府关于2024年法治政府建设情况的报告》随文报上，请审阅。"]
    assert build_context(report_document())[0]["imprint"] is False


def test_statistics_become_table_rows():
    context, _ = build_context(report_document())
    table = next(b for b in context["body"] if b["kind"] == "table")
    assert table["caption"] == "行政复议案件（单位：件）"
    rows = [(r["name"], r["value"]) for r in table["rows"]]
    assert rows[0] == ("不予受理", "1") and ("合计", "13") in rows and rows[-1] == ("撤销率", "23.1%")


def test_illegal_characters_removed_with_warning_naming_field():
    doc = report_document()
    doc["leadership"]["text"] = "带头\x0c学法\x01。"
    context, warnings = build_context(doc, source="t.yaml")
    assert "带头学法。" in [b["text"] for b in context["body"]]
    assert len(warnings) == 1
    assert warnings[0].field == "leadership.text"
    assert "U+000C" in warnings[0].message and "U+0001" in warnings[0].message


def test_long_title_breaks_between_words_with_even_lines():
    assert title_lines("某县人民政府关于2024年法治政府建设情况的报告") == [
        "某县人民政府", "关于2024年法治政府建设情况的报告"]
    assert title_lines("关于法治政府建设的报告") == ["关于法治政府建设的报告"]          # fits one line
    # Joint title whose organ names do not fit one line: between the organ names first, then before 关于.
    assert title_lines("中共重庆市涪陵区委员会 重庆市涪陵区人民政府关于2023年法治政府建设情况的报告") == [
        "中共重庆市涪陵区委员会", "重庆市涪陵区人民政府", "关于2023年法治政府建设情况的报告"]
    # The organ names fit one line: they stay together (the space between them kept).
    assert title_lines("中共鞍山市委 鞍山市人民政府关于2023年法治政府建设情况的报告") == [
        "中共鞍山市委 鞍山市人民政府", "关于2023年法治政府建设情况的报告"]
    # No space in the title: the organ names passed in mark the break.
    assert title_lines("中共重庆市涪陵区委员会重庆市涪陵区人民政府关于2023年法治政府建设情况的报告",
                       ("中共重庆市涪陵区委员会", "重庆市涪陵区人民政府"))[:2] == [
        "中共重庆市涪陵区委员会", "重庆市涪陵区人民政府"]
    # A subject longer than a line breaks between phrases, before the conjunction first.
    assert title_lines("重庆市涪陵区司法局关于2023年度法治政府建设工作情况和2024年工作安排的报告") == [
        "重庆市涪陵区司法局", "关于2023年度法治政府建设工作情况", "和2024年工作安排的报告"]
    # An organ name longer than a line: between its administrative units, never inside one.
    long_body = "某某省某某市某某县某某镇某某村民委员会某某小组"
    lines = title_lines(long_body + "关于2024年法治政府建设情况的报告")
    assert lines[-1] == "关于2024年法治政府建设情况的报告" and "".join(lines[:-1]) == long_body
    assert all(line.endswith(("镇", "县", "市", "省", "会", "组")) for line in lines[:-1])


def test_last_paragraph_kept_with_the_signature_unless_too_long_for_one_page():
    doc = report_document()
    body = build_context(doc)[0]["body"]
    assert [b["closing"] for b in body] == [False] * (len(body) - 1) + [True]      # “无。”
    doc = report_document(other={"text": "情况说明。" * 60})                        # 300 characters, 11 lines
    body = build_context(doc)[0]["body"]
    assert not any(b["closing"] for b in body)                                     # left to the normal flow
