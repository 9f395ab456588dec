"""The five seed reports read as a reviewer reads them (../shared/seeds/README.md)."""

import datetime as dt

import pytest

from drafter.analysis import analyse
from drafter.document.read import read_document

from ..conftest import seed_path

EXPECTED = {   # issuer, level, joint, year, title, 成文日期
    "000": ("兴平市人民政府", "county", False, 2020, "兴平市2020年法治政府建设工作开展情况", dt.date(2021, 1, 21)),
    "001": ("金东区", "county", False, 2021, None, None),
    "002": ("**市人民政府", "county", False, 2018, "年度法治政府建設(依法行政)工作總結", None),
    "003": ("重庆市涪陵区荔枝街道办事处", "township", False, 2022,
            "重庆市涪陵区荔枝街道办事处2022年法治政府建设工作年度报告", None),
    "004": ("鞍山市人民政府", "city", True, 2023, "中共鞍山市委 鞍山市人民政府 关于2023年鞍山市法治政府建设情况的报告", None),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_is_read_right(prefix, seeds_dir):
    reading = analyse(read_document(seed_path(prefix)))
    assert (reading.issuer, reading.level, reading.joint, reading.year, reading.title, reading.date) == EXPECTED[prefix]
    assert reading.level_source == "detected"


def test_seed_001_portal_publisher_is_weak_evidence(seeds_dir):
    reading = analyse(read_document(seed_path("001")))
    cues = {e.cue: e for e in reading.level_evidence}
    assert cues["portal"].name == "区司法局" and cues["portal"].level == "department"
    assert cues["index_code"].division == "金东区" and reading.level_evidence[0].cue == "opening"
