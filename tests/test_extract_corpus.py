"""Expected money, percent, quantity and date candidates on real news pages (tests/data/news), and the false
friends that must not come out. Each row is one candidate a careful reviewer marks, with its right value, in the
article as ingest stores it (figures in related links, captions and datelines are page furniture, not the article)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from curator.extract import extract_article
from curator.ingest import read_articles
from curator.models import Candidate
from curator.schema import load_schema

NEWS = Path(__file__).resolve().parent / "data" / "news"

# page: [(kind, text as written, value, unit, qualifier)]
EXPECTED: dict[str, list[tuple[str, str, object, str | None, str | None]]] = {
    "en_cnn_airasia_breaking.txt": [
        ("quantity", "162 people", 162.0, "people", None),
        ("quantity", "155 passengers", 155.0, "passengers", None),
        ("quantity", "two pilots", 2.0, "pilots", None),
        ("quantity", "five cabin crew members", 5.0, "crew", None),
    ],
    "en_reuters_airasia_bodies.html": [
        ("quantity", "162 people", 162.0, "people", None),
        ("quantity", "40 bodies", 40.0, "bodies", None),
        ("quantity", "30 ships", 30.0, "ships", "approximately"),
        ("quantity", "21 aircraft", 21.0, "aircraft", None),
        ("quantity", "32,000 feet", 32000.0, "foot", None),
        ("date", "Sunday", "2014-12-28", None, None),  # published Tuesday 30 December 2014
    ],
    "zh_airasia_caption.txt": [
        ("quantity", "155名乘客", 155.0, "passengers", None),
        ("date", "12月28日", "--12-28", None, None),
    ],
    "en_nature_telescope.html": [
        ("money", "1.2-billion-yuan", 1.2e9, "CNY", None),
        ("money", "US$171-million", 1.71e8, "USD", None),
        ("quantity", "36 dishes", 36.0, "dish", None),
    ],
    "en_seattletimes_amazon.html": [
        ("money", "$13.7 billion", 1.37e10, "USD", None),
        ("quantity", "100 vessels", 100.0, "ships", "approximately"),
        ("quantity", "500 pounds", 500.0, "pounds", None),
        ("quantity", "29.4 million pounds", 2.94e7, "pounds", None),
    ],
    "en_scmp_playbook.html": [
        ("date", "January 15", "2020-01-15", None, None),  # published 20 January 2020
    ],
    "zh_163_longfor.html": [
        ("money", "1056.2亿元", 1.0562e11, "CNY", None),
        ("percent", "39%至41%", 39.0, "%", None),
        ("percent", "149%", 149.0, "%", "up to"),
        ("quantity", "4.51个百分点", 4.51, "percentage points", None),
        ("date", "7月26日", "2019-07-26", None, None),  # published 7 September 2019
        ("date", "8月26日", "2019-08-26", None, None),
    ],
    "zh_thepaper_lancet.html": [
        ("quantity", "18401名用户", 18401.0, "users", None),
        ("quantity", "3倍", 3.0, "fold", None),
        ("percent", "65.03%", 65.03, "%", None),
        ("date", "2020年5月18日", "2020-05-18", None, None),
    ],
    "zh_bbc_hk_leung_copy2.html": [
        ("date", "12月10日", "2012-12-10", None, None),  # "星期二（12月10日）": the bracketed date is the one stated
        ("quantity", "1.5小时", 1.5, "hours", None),
    ],
}


@cache
def _candidates(page: str) -> tuple[Candidate, ...]:
    [article], _ = read_articles(NEWS / page)
    return tuple(extract_article(article, load_schema()))


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_expected_candidates_come_out(page: str) -> None:
    got = {(c.kind, c.text, c.value, c.unit, c.qualifier) for c in _candidates(page)}
    missing = [row for row in EXPECTED[page] if row not in got]
    assert not missing


def test_pounds_of_halibut_are_no_sterling() -> None:
    assert not [c for c in _candidates("en_seattletimes_amazon.html") if c.kind == "money" and c.unit == "GBP"]


def test_no_negative_percentages_or_range_ends_on_the_corpus() -> None:
    for page in EXPECTED:
        assert all(c.value >= 0 for c in _candidates(page) if c.kind == "percent"), page


def test_range_keeps_both_ends() -> None:
    [ranged] = [c for c in _candidates("zh_163_longfor.html") if c.text == "39%至41%"]
    assert ranged.attrs["range"] == [39.0, 41.0]
