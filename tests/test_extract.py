"""Extraction: the facts a careful reviewer marks in the seeds, and hand-written hard cases in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.extract import candidate_id, extract_article
from curator.extract.sentences import split_sentences
from curator.ingest import make_article, read_articles
from curator.models import Candidate
from curator.schema import load_schema

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
VENTURE = "SoftBank-NEC-Sony-Honda AI venture"

# (kind, text as written, value, unit, qualifier) per seed article, in the order they appear.
EXPECTED: dict[str, list[tuple[str, str, object, str | None, str | None]]] = {
    "000": [
        ("money", "$6.7B", 6.7e9, "USD", None),
        ("quantity", "Trillion-Parameter", 1e12, "parameters", None),
        ("money", "$6.7 billion", 6.7e9, "USD", None),
        ("quantity", "trillion-parameter", 1e12, "parameters", None),
        ("quantity", "Trillion-Parameter", 1e12, "parameters", None),
        ("quantity", "trillion-parameter", 1e12, "parameters", None),
        ("quantity", "trillion-parameter", 1e12, "parameters", None),
    ],
    "001": [
        ("quantity", "Trillion-Parameter", 1e12, "parameters", None),
        ("quantity", "trillion-parameter", 1e12, "parameters", None),
        ("percent", "10%", 10.0, "%", "over"),
        ("quantity", "trillion parameters", 1e12, "parameters", None),
        ("money", "¥1 trillion", 1e12, "JPY", "approximately"),
        ("money", "$6.7 billion", 6.7e9, "USD", "approximately"),
        ("quantity", "five years", 5.0, "years", None),  # "¥1 trillion ... over five years": the period
        ("date", "fiscal year 2026", "2026", None, None),
        ("quantity", "trillion-parameter", 1e12, "parameters", None),
    ],
    "002": [
        ("quantity", "一千万台机器人", 1e7, "robots", None),
        ("money", "2.3万亿美元", 2.3e12, "USD", None),
        ("money", "$2.3 Trillion", 2.3e12, "USD", None),
        ("quantity", "10M Robots", 1e7, "robots", None),
        ("date", "2040年前", "2040", None, "by"),
        ("quantity", "18个工业领域", 18.0, "sectors", None),
        ("quantity", "1000万台机器人", 1e7, "robots", None),
        ("naming", "Noetra", "Noetra", None, None),
        ("quantity", "五年", 5.0, "years", None),
        ("money", "1万亿日元", 1e12, "JPY", "up to"),
        ("money", "61亿美元", 6.1e9, "USD", "approximately"),
        ("quantity", "14年", 14.0, "years", None),
        ("money", "370万亿日元", 3.7e14, "JPY", None),
        ("money", "2.3万亿美元", 2.3e12, "USD", "approximately"),
        ("quantity", "10 million AI-equipped robots", 1e7, "robots", "approximately"),
        ("quantity", "18 sectors", 18.0, "sectors", None),
        ("date", "2040", "2040", None, "by"),
        ("quantity", "14-year", 14.0, "years", None),
        ("money", "¥370 trillion", 3.7e14, "JPY", None),
        ("money", "$2.3 trillion", 2.3e12, "USD", None),
        ("quantity", "17 priority areas", 17.0, "priority areas", None),
        ("money", "1 trillion yen", 1e12, "JPY", "up to"),
        ("money", "$6.1 billion", 6.1e9, "USD", "approximately"),
        ("quantity", "five years", 5.0, "years", None),
        ("naming", "Noetra", "Noetra", None, None),
        ("quantity", "44 participating companies", 44.0, "companies", None),
        ("role", "Industry Minister Ryosei Akazawa", "Industry Minister", None, None),
        ("quantity", "18 fields", 18.0, "sectors", None),
        ("quantity", "half", 0.5, "share", "approximately"),  # "produces roughly half of all industrial robots"
        ("percent", "29%", 29.0, "%", "over"),
        ("date", "1995", "1995", None, "since"),
    ],
    "003": [
        ("naming", "Japan AI基盘模型开发", "Japan AI基盘模型开发", None, None),
        ("percent", "10%", 10.0, "%", None),
        ("naming", "Sakura AI Nexus", "Sakura AI Nexus", None, None),
        ("quantity", "four conglomerates", 4.0, "companies", None),  # "among the four conglomerates"
        ("percent", "20%", 20.0, "%", None),
        ("date", "2027", "2027", None, "by"),
        ("percent", "15%", 15.0, "%", "over"),
        ("quantity", "18 months", 18.0, "months", None),
        ("date", "2026-02", "2026-02", None, None),
        ("date", "2026-04", "2026-04", None, None),
        ("naming", "Sakura AI Nexus", "Sakura AI Nexus", None, None),
    ],
    "004": [
        ("date", "April 13", "--04-13", None, None),
        ("date", "April 12", "--04-12", None, None),
        ("date", "February 2024", "2024-02", None, None),
        ("date", "October 2024", "2024-10", None, None),
        ("quantity", "20 development themes", 20.0, "development themes", None),
        ("date", "March 17", "--03-17", None, None),
        ("quantity", "four founders", 4.0, "founders", None),
    ],
}

CHECKED_KINDS = {"money", "percent", "quantity", "date", "naming", "role"}


def seed(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    [article], _ = read_articles(path)
    return article, extract_article(article, load_schema())


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_facts_exactly(prefix: str) -> None:
    """Every fact a reviewer marks comes out with its kind, value, unit and qualifier, and nothing else of these kinds."""
    _, candidates = seed(prefix)
    got = [(c.kind, c.text, c.value, c.unit, c.qualifier) for c in candidates if c.kind in CHECKED_KINDS]
    assert got == EXPECTED[prefix]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_offsets_and_quotes_point_at_the_text(prefix: str) -> None:
    article, candidates = seed(prefix)
    assert candidates
    for c in candidates:
        assert article.text[c.start : c.end] == c.text
        assert article.text[c.quote_start : c.quote_start + len(c.quote)] == c.quote
        assert c.quote_start <= c.start and c.end <= c.quote_start + len(c.quote)
        assert c.id == candidate_id(article.id, c.kind, c.start, c.end)
        assert c.statement and c.extractor
    assert len({(c.kind, c.start, c.end) for c in candidates}) == len(candidates)


def test_seed_entities_are_canonical() -> None:
    names = {p: {c.value for c in seed(p)[1] if c.kind == "entity"} for p in EXPECTED}
    assert all("SoftBank" in found for found in names.values())
    assert {"Sony Group", "Preferred Networks", "NEDO", "Mizuho Bank"} <= names["001"]
    assert {"Ryosei Akazawa", "Noetra", "METI", "AIST"} <= names["002"]
    assert "Sakura AI Nexus" in names["003"]
    assert "GENIAC" in names["004"]
    chinese = [c for c in seed("002")[1] if c.kind == "entity" and c.text == "软银"]
    assert chinese and chinese[0].value == "SoftBank" and chinese[0].unit == "organisation"


def test_parenthetical_conversion_makes_equivalents() -> None:
    _, candidates = seed("001")
    by_text = {c.text: c for c in candidates if c.kind == "money"}
    yen, dollars = by_text["¥1 trillion"], by_text["$6.7 billion"]
    assert yen.attrs["equivalents"] == [dollars.id]
    assert dollars.attrs["equivalents"] == [yen.id]


def test_naming_subjects_are_the_one_venture() -> None:
    names = [c for p in ("002", "003") for c in seed(p)[1] if c.kind == "naming"]
    assert {c.subject for c in names} == {VENTURE}
    assert {"Noetra", "Sakura AI Nexus"} <= {c.value for c in names}


def test_relations_in_the_seeds() -> None:
    founders = {c.value for c in seed("004")[1] if c.kind == "founded-by" and c.subject == VENTURE}
    assert founders == {"SoftBank", "NEC", "Sony Group", "Honda"}
    geniac = {c.value for c in seed("004")[1] if c.kind == "founded-by" and c.subject == "GENIAC"}
    assert geniac == {"METI", "NEDO"}
    funded = [c for c in seed("001")[1] if c.kind == "funded-by" and c.value == "NEDO"]
    assert funded and len(funded[0].attrs["amounts"]) == 2
    stakes = {c.value: c.attrs.get("share") for c in seed("001")[1] if c.kind == "stake"}
    assert stakes == dict.fromkeys(["SoftBank", "NEC", "Honda", "Sony Group"], "over 10%")
    members = {c.subject for c in seed("001")[1] if c.kind == "member-of"}
    assert members == {"Preferred Networks", "Nippon Steel", "Kobe Steel", "MUFG Bank", "Mizuho Bank"}


def facts(text: str, published: str | None = None) -> list[Candidate]:
    article = make_article(text, source="t.txt", published=published)
    assert article is not None
    return extract_article(article, load_schema())


def values(text: str, kind: str, published: str | None = None) -> list[tuple[object, str | None, str | None]]:
    return [(c.value, c.unit, c.qualifier) for c in facts(text, published) if c.kind == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Revenue rose to $6.7B last year.", [(6.7e9, "USD", None)]),
        ("It costs 6.7 billion dollars.", [(6.7e9, "USD", None)]),
        ("They pledged €40 million and £2.5bn.", [(4e7, "EUR", None), (2.5e9, "GBP", None)]),
        ("The fund holds USD 5 million.", [(5e6, "USD", None)]),
        ("Spending of up to ¥1 trillion was approved.", [(1e12, "JPY", "up to")]),
        ("政府将投资约2.3万亿美元。", [(2.3e12, "USD", "approximately")]),
        ("公司获得了一千万元人民币的投资。", [(1e7, "CNY", None)]),
        ("Version 6.7 shipped; see https://x.test/$5-billion-deal for $5 billion.", [(5e9, "USD", None)]),
    ],
)
def test_money_cases(text: str, expected: list[tuple[object, str, str | None]]) -> None:
    assert values(text, "money") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares fell -3.5% on Monday.", [(-3.5, "%", None)]),
        ("Margins were exceeding 15% in Q2.", [(15.0, "%", "over")]),
        ("Growth of 5-10% is expected.", [(5.0, "%", None)]),
        ("持股比例超过10%。", [(10.0, "%", "over")]),
        ("Unemployment is 4.2 percent.", [(4.2, "%", None)]),
    ],
)
def test_percent_cases(text: str, expected: list[tuple[object, str, str | None]]) -> None:
    assert values(text, "percent") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They plan 10M Robots by then.", [(1e7, "robots", None)]),
        ("目标是一千万台机器人。", [(1e7, "robots", None)]),
        ("目标是1000万台机器人。", [(1e7, "robots", None)]),
        ("The group has 44 participating companies.", [(44.0, "companies", None)]),
        ("A trillion-parameter model is planned.", [(1e12, "parameters", None)]),
        ("Funding lasts over five years.", [(5.0, "years", "over")]),
        ("Founded in 2040年, it grew.", []),
        ("It was collected in 15m by the feed.", []),
    ],
)
def test_quantity_cases(text: str, expected: list[tuple[object, str, str | None]]) -> None:
    assert values(text, "quantity") == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The firm was established on April 12, 2026.", None, [("2026-04-12", None, None)]),
        ("The firm was established on April 12.", None, [("--04-12", None, None)]),
        ("The firm was established on April 12.", "2026-04-13", [("2026-04-12", None, None)]),
        ("Output has declined since 1995.", None, [("1995", None, "since")]),
        ("Targets for 2040年前 were set.", None, [("2040", None, "by")]),
        ("2026年4月13日，公司成立。", None, [("2026-04-13", None, None)]),
        ("It began in February 2024 and ends by 2030.", None, [("2024-02", None, None), ("2030", None, "by")]),
        ("Read https://news.test/2026-04/story for 1995 numbers.", None, []),
    ],
)
def test_date_cases(text: str, published: str | None, expected: list[tuple[object, str | None, str | None]]) -> None:
    assert values(text, "date", published) == expected


def test_sentences_do_not_split_decimals_or_abbreviations() -> None:
    text = "SoftBank put $6.7 billion in the U.S. market. Mr. Son agreed! 政府计划投资1万亿日元。该项目由软银牵头。"
    assert [s.text for s in split_sentences(text)] == [
        "SoftBank put $6.7 billion in the U.S. market.",
        "Mr. Son agreed!",
        "政府计划投资1万亿日元。",
        "该项目由软银牵头。",
    ]


def test_quote_is_the_whole_sentence() -> None:
    [money] = [c for c in facts("Intro line.\nNEDO committed $6.7 billion. Another sentence.") if c.kind == "money"]
    assert money.quote == "NEDO committed $6.7 billion."
    assert money.subject == "NEDO"


def test_extraction_is_deterministic() -> None:
    article, first = seed("002")
    assert extract_article(article, load_schema()) == first
