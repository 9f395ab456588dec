"""Shared building blocks: paragraphs, heading numbers, the YAML writer, level data."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from drafter import levels
from drafter.data.writer import Comment, dump
from drafter.numbering import cn_numeral, heading_number, parse_cn_numeral
from drafter.text import illegal_xml_chars, paragraphs, strip_illegal_xml


def test_blank_line_starts_a_paragraph_and_line_breaks_join_without_space():
    text = "第一段第一行\n第一段第二行\n\n\u3000\u3000第二段\n  \n第三段 with\nEnglish words\n"
    assert paragraphs(text) == ["第一段第一行第一段第二行", "第二段", "第三段 with English words"]
    assert paragraphs("") == [] and paragraphs(None) == []
    assert paragraphs("a\r\n\r\nb") == ["a", "b"]


def test_illegal_xml_characters():
    assert illegal_xml_chars("a\x0cb\x00c\tok\n") == ["\x0c", "\x00"]
    assert strip_illegal_xml("a\x0cb\x0bc\td") == "abc\td"


@pytest.mark.parametrize("n, text", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五"),
                                     (100, "一百"), (105, "一百零五")])
def test_chinese_numerals_round_trip(n, text):
    assert cn_numeral(n) == text
    assert parse_cn_numeral(text) == n


def test_heading_numbers_follow_gb_practice():
    assert [heading_number(level, 2) for level in (1, 2, 3, 4)] == ["二、", "（二）", "2.", "（2）"]
    assert parse_cn_numeral("甲") is None and parse_cn_numeral("") is None


def test_writer_round_trips_tricky_values():
    data = {"meta": {"body": "示例县人民政府", "year": 2024, "date": dt.date(2025, 2, 20), "n": "2024",
                     "yes": "yes", "colon": "a: b", "hash": "#x", "quote": "“引号”", "empty": None,
                     "list": ["a", "b"], "none": [], "flag": True},
            "intro": "第一段\n第二行\n\n第二段\n", "lead": " 前导空格\n第二行", "plain": "无换行"}
    text = dump(data, {("meta", "body"): Comment(["报告主体"], "待核对")}, header=["头部"])
    assert text.startswith("# 头部\nmeta:\n  # 报告主体\n  body: 示例县人民政府  # 待核对\n")
    assert "intro: |\n  第一段\n  第二行\n\n  第二段\n" in text
    assert yaml.safe_load(text) == data


def test_every_level_is_complete():
    kinds = levels.measure_kinds()
    for level in levels.all_levels().values():
        assert sorted(level.item_order) == sorted(levels.ITEM_KEYS)
        assert level.variants, level.id
        for variant in level.variants.values():
            assert "{year}" in variant.title and variant.recipients
            assert variant.deadline.date_for(2024) in (dt.date(2025, 3, 1), dt.date(2025, 4, 1))
        assert all(k in kinds for k in level.required_areas)
    assert levels.get_level("province").variant(True).deadline.describe() == "4月1日"
    assert levels.get_level("department").variant(True) is None
    assert levels.get_level("county").items["plan"].heading_for(2024).startswith("2025年")


def test_atomic_write_keeps_usual_permissions_and_leaves_no_temp_files(tmp_path):
    import os
    import stat

    from drafter.fsutil import write_text

    target = tmp_path / "a.yaml"
    write_text(target, "一\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o640)
    write_text(target, "二\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "二\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_date_lines_are_read_and_written_once():
    from drafter.text import parse_date_line, zh_date

    assert zh_date(dt.date(2025, 3, 1)) == "2025年3月1日"
    assert parse_date_line(" 2025年2月20日 ") == dt.date(2025, 2, 20)
    assert parse_date_line("二〇二五年二月二十日") == dt.date(2025, 2, 20)
    assert parse_date_line("2025年2月30日") is None and parse_date_line("2025年2月20日印发") is None
