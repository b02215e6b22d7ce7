"""Values as a person reads them, shared by the review screen and the Markdown export."""

from __future__ import annotations

import pytest

from curator.display import editable_value, format_value, human_number, range_end
from curator.schema import load_schema, parse_value


@pytest.mark.parametrize(
    ("kind", "value", "unit", "qualifier", "expected"),
    [
        ("money", 6.7e9, "USD", None, "$6.7 billion"),
        ("money", 1e12, "JPY", None, "¥1 trillion"),
        ("money", 1e12, "JPY", "up to", "up to ¥1 trillion"),
        ("money", 6.1e9, "CNY", None, "CN¥6.1 billion"),
        ("money", 2.3e12, "USD", None, "$2.3 trillion"),
        ("money", 1500, "CHF", None, "1,500 CHF"),
        ("percent", 29, "%", None, "29%"),
        ("percent", 10.5, "%", "over", "over 10.5%"),
        ("quantity", 1e7, "robots", None, "10 million robots"),
        ("quantity", 18, "sectors", None, "18 sectors"),
        ("quantity", 1, "bodies", None, "1 body"),
        ("quantity", 1, "people", "over", "over 1 person"),
        ("quantity", 1, "years of age", None, "1 year of age"),
        ("quantity", 1, "percentage points", None, "1 percentage point"),
        ("quantity", 1, "名", None, "1 名"),
        ("quantity", -1, "degrees", None, "-1 degrees"),
        ("quantity", 1.5, "metres", None, "1.5 metres"),
        ("quantity", 5, "level", "approximately", "approximately 5 levels"),
        ("quantity", 1300, "lane-mile", None, "1,300 lane-miles"),
        ("quantity", 30, "foot", None, "30 feet"),
        ("quantity", 12, "inch", None, "12 inches"),
        ("quantity", 3, "city", None, "3 cities"),
        ("quantity", 6, "crew", None, "6 crew"),
        ("quantity", 60, "mph", None, "60 mph"),
        ("quantity", 2, "percentage point", None, "2 percentage points"),
        ("date", "2026-04", None, None, "2026-04"),
        ("date", "--04-12", None, None, "--04-12"),
        ("entity", "SoftBank", "organisation", None, "SoftBank"),
        ("naming", "Sakura AI Nexus", None, None, "Sakura AI Nexus"),
        ("money", None, "USD", None, "—"),
        ("money", "about six", "USD", None, "about six"),
    ],
)
def test_format_value(kind: str, value: object, unit: str | None, qualifier: str | None, expected: str) -> None:
    assert format_value(kind, value, unit, qualifier) == expected


def test_human_number_keeps_small_numbers_exact() -> None:
    assert human_number(999_999) == "999,999"
    assert human_number(1_234_567) == "1.235 million"
    assert human_number(-2e9) == "-2 billion"


@pytest.mark.parametrize("value", [6.7e9, 6.1e9, 1e12, 1234567891.0, 29, 10.5, 1e7, 0.125])
def test_editable_value_reads_back_to_the_same_number(value: float) -> None:
    spec = load_schema().kind("money")
    parsed, error = parse_value(spec, editable_value("money", value))
    assert error is None and parsed == value


def test_editable_value_uses_words_only_when_exact() -> None:
    assert editable_value("money", 6.7e9) == "6.7 billion"
    assert editable_value("money", 1234567891.0) == "1234567891"
    assert editable_value("date", "2026-04") == "2026-04"
    assert editable_value("money", None) == ""


@pytest.mark.parametrize(
    ("kind", "value", "unit", "qualifier", "high", "expected"),
    [
        ("money", 24, "USD", None, 28, "$24 to $28"),
        ("money", 5e6, "USD", "about", 1e7, "about $5 million to $10 million"),
        ("percent", 39, "%", None, 41, "39% to 41%"),
        ("quantity", 6, "degrees Celsius", None, 12, "6 to 12 degrees Celsius"),
        ("quantity", 400, "breaks", None, 600, "400 to 600 breaks"),
        ("quantity", 2500, "people", None, 3e6, "2,500 to 3 million people"),
        ("date", "2019-05-10", None, None, "2019-05-12", "2019-05-10 to 2019-05-12"),
        ("percent", 39, "%", None, 39, "39%"),
    ],
)
def test_a_range_reads_with_both_ends(kind: str, value: object, unit: str | None, qualifier: str | None, high: object,
                                      expected: str) -> None:
    assert format_value(kind, value, unit, qualifier, high) == expected


def test_the_high_end_of_a_range_is_shown_only_while_the_low_end_is_the_value() -> None:
    assert range_end(5.0, {"range": [5.0, 10.0]}) == 10.0
    assert range_end(7.0, {"range": [5.0, 10.0]}) is None  # edited: the range is no longer what is stated
    assert range_end(5.0, {}) is None and range_end(5.0, None) is None
