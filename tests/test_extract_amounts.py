"""Money, percentages and their qualifiers (issue 13, items 4 and 6): every example with its right value."""

from __future__ import annotations

import pytest
from extract_helpers import facts, found

from curator.extract.numbers import parse_number
from curator.schema import load_schema


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HK$1.2bn was raised.", [("HK$1.2bn", 1.2e9, "HKD", None)]),
        ("It cost US$171-million.", [("US$171-million", 1.71e8, "USD", None)]),
        ("A$5 million, C$3 million, S$2 billion and NT$100 were pledged.",
         [("A$5 million", 5e6, "AUD", None), ("C$3 million", 3e6, "CAD", None), ("S$2 billion", 2e9, "SGD", None),
          ("NT$100", 100.0, "TWD", None)]),
        ("China built a 1.2-billion-yuan telescope.", [("1.2-billion-yuan", 1.2e9, "CNY", None)]),
        ("The bank lent RMB5bn to the city.", [("RMB5bn", 5e9, "CNY", None)]),
        ("The fund paid 300 yuan per share.", [("300 yuan", 300.0, "CNY", None)]),
        ("The budget is €1,5 billion this year.", [("€1,5 billion", 1.5e9, "EUR", None)]),
        ("He paid 500 pounds for the painting.", [("500 pounds", 500.0, "GBP", None)]),
        ("The fish can weigh 500 pounds.", []),
        ("The halibut catch is capped at 29.4 million pounds.", []),
        ("公司投资三亿五千万元建厂。", [("三亿五千万元", 3.5e8, "CNY", None)]),
        ("项目耗资3亿5000万人民币。", [("3亿5000万人民币", 3.5e8, "CNY", None)]),
        ("该公司获得1,200万港元融资。", [("1,200万港元", 1.2e7, "HKD", None)]),
        ("投入300多万元。", [("300多万元", 3e6, "CNY", "over")]),
        # 数/几 before a numeral is "several": 数千万元 is over ten million, not exactly it.
        ("新增成本数千万元。", [("数千万元", 1e7, "CNY", "over")]),
        ("公司投资几十亿元。", [("几十亿元", 1e9, "CNY", "over")]),
        ("融资总数3亿元。", [("3亿元", 3e8, "CNY", None)]),
        ("约合61亿美元。", [("61亿美元", 6.1e9, "USD", "approximately")]),
        ("融资突破500亿元。", [("500亿元", 5e10, "CNY", "over")]),
        ("投千亿元恢复环境。", [("千亿元", 1e11, "CNY", None)]),
        ("Sales rose by $5 billion.", [("$5 billion", 5e9, "USD", None)]),
    ],
)
def test_money(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "money") == expected


@pytest.mark.parametrize(
    ("text", "expected", "range_"),
    [
        ("Growth of 5%-10% is expected.", [("5%-10%", 5.0, "%", None)], [5.0, 10.0]),
        ("Growth of 5 to 10 percent is expected.", [("5 to 10 percent", 5.0, "%", None)], [5.0, 10.0]),
        ("预计增长5%至10%。", [("5%至10%", 5.0, "%", None)], [5.0, 10.0]),
        ("占比百分之十二点五。", [("百分之十二点五", 12.5, "%", None)], None),
        ("利率不低于百分之五。", [("百分之五", 5.0, "%", "at least")], None),
        ("Inflation eased to 2,5% in May.", [("2,5%", 2.5, "%", None)], None),
    ],
)
def test_percent_values_and_ranges(text: str, expected: list[tuple[str, float, str, str | None]], range_: list[float] | None) -> None:
    [candidate] = [c for c in facts(text) if c.kind == "percent"]
    assert [(candidate.text, candidate.value, candidate.unit, candidate.qualifier)] == expected
    assert candidate.attrs.get("range") == range_


def test_money_range_keeps_both_ends() -> None:
    [money] = [c for c in facts("The round raised $5-10 million.") if c.kind == "money"]
    assert (money.text, money.value, money.attrs["range"]) == ("$5-10 million", 5e6, [5e6, 1e7])


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("The price rose from $5 to $10.", "money", [("$5", 5.0, "USD", None), ("$10", 10.0, "USD", None)]),
        ("Support rose from 5% to 10%.", "percent", [("5%", 5.0, "%", None), ("10%", 10.0, "%", None)]),
        ("支持率从5%到10%。", "percent", [("5%", 5.0, "%", None), ("10%", 10.0, "%", None)]),
    ],
)
def test_a_change_from_one_figure_to_another_is_no_range(text: str, kind: str, expected: list[tuple[str, float, str, None]]) -> None:
    assert found(text, kind) == expected
    assert all("range" not in c.attrs for c in facts(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Returns of no less than 20% are promised.", [("20%", 20.0, "%", "at least")]),
        ("收益率不低于20%。", [("20%", 20.0, "%", "at least")]),
        ("Each holds at least 10%.", [("10%", 10.0, "%", "at least")]),
        ("Fees of not more than 5% apply.", [("5%", 5.0, "%", "at most")]),
        ("降幅在20%以下。", [("20%", 20.0, "%", "at most")]),
        ("涨幅不超过5%。", [("5%", 5.0, "%", "at most")]),
        ("A rise of 20% or more is rare.", [("20%", 20.0, "%", "at least")]),
        ("持股比例超过10%。", [("10%", 10.0, "%", "over")]),
        ("增幅将近30%。", [("30%", 30.0, "%", "approximately")]),
        ("增幅近30%。", [("30%", 30.0, "%", "approximately")]),
        ("It fell nearly 30%.", [("30%", 30.0, "%", "approximately")]),
        ("Turnout surpassed 60% for the first time.", [("60%", 60.0, "%", "over")]),
    ],
)
def test_qualifiers_keep_their_sense(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "percent") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Finish by March 2019.", [("March 2019", "2019-03", None, "by")]),
        ("The pilot runs through June 2021.", [("June 2021", "2021-06", None, "until")]),
        ("Report no later than 2030.", [("2030", "2030", None, "by")]),
    ],
)
def test_date_qualifiers_keep_their_sense(text: str, expected: list[tuple[str, str, None, str]]) -> None:
    assert found(text, "date") == expected


@pytest.mark.parametrize("written", ["at least", "at most", "no less than", "不低于", "不超过"])
def test_edit_validation_accepts_floor_and_ceiling(written: str) -> None:
    clean, errors = load_schema().validate_fields("percent", {"qualifier": written})
    assert not errors
    assert clean["qualifier"] in {"at least", "at most"}


def test_at_least_is_no_longer_over() -> None:
    qualifiers = load_schema().qualifiers
    assert qualifiers["at least"] == "at least" and qualifiers["不低于"] == "at least"
    assert qualifiers["not more than"] == "at most" and qualifiers["不超过"] == "at most"


@pytest.mark.parametrize(
    ("written", "value"),
    [("三亿五千万", 3.5e8), ("十二点五", 12.5), ("2.3万亿", 2.3e12), ("9.6万", 9.6e4), ("一千万", 1e7), ("两", 2.0),
     ("1,000", 1000.0), ("1,5", 1.5), ("3亿5000万", 3.5e8), ("千亿", 1e11), ("千万", 1e7), ("十万", 1e5)],
)
def test_parse_number(written: str, value: float) -> None:
    assert parse_number(written) == pytest.approx(value)


def test_parse_number_refuses_what_is_no_number() -> None:
    with pytest.raises(ValueError):
        parse_number("万")


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Halibut sold for $24 to $28 a pound.", "$24 to $28"),
        ("Fees of $5-10 million apply.", "$5 million to $10 million"),
        ("Growth of 5%-10% is expected.", "5% to 10%"),
    ],
)
def test_a_range_is_stated_with_both_ends(text: str, statement: str) -> None:
    """A reviewer accepts what the statement says: a range never reads as its low end alone."""
    [ranged] = [c for c in facts(text) if "range" in c.attrs]
    assert ranged.statement.endswith(statement)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It charges a minimum of $100 Australian per ride.", [("$100", 100.0, "AUD", "at least")]),
        ("The deal is worth $5 million Canadian.", [("$5 million", 5e6, "CAD", None)]),
        ("It costs $10 in the US.", [("$10", 10.0, "USD", None)]),
    ],
)
def test_a_dollar_amount_with_its_nation_after_it(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "money") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("医药费几百元。", [("几百元", 100.0, "CNY", "over")]),
        ("It may bring a payment of up to a $1 billion.", [("$1 billion", 1e9, "USD", "up to")]),
    ],
)
def test_several_hundred_yuan_and_a_qualifier_before_an_article(
        text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "money") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The budget is Rs 1.5 lakh crore.", [("Rs 1.5 lakh crore", 1.5e12, "INR", None)]),
        ("It costs Rs. 500 crore this year.", [("Rs. 500 crore", 5e9, "INR", None)]),
        ("Samsung paid 5 trillion won and RM2.5 billion.",
         [("5 trillion won", 5e12, "KRW", None), ("RM2.5 billion", 2.5e9, "MYR", None)]),
        ("It raised R$ 3 million and 300 Swiss francs.", [("R$ 3 million", 3e6, "BRL", None), ("300 Swiss francs", 300.0, "CHF", None)]),
        ("韩国花费500亿韩元，俄罗斯100亿卢布。", [("500亿韩元", 5e10, "KRW", None), ("100亿卢布", 1e10, "RUB", None)]),
        ("She won 52 seats.", []),
    ],
)
def test_currencies_of_outlets_beyond_the_seeds(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "money") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("超过七成受访者支持，近三成五的企业亏损。", [("七成", 70.0, "%", "over"), ("三成五", 35.0, "%", "approximately")]),
        ("公司成为第一，一成不变，三成员出席。", []),
        ("Sales rose 5pc while 10 pcs sold.", [("5pc", 5.0, "%", None)]),
    ],
)
def test_tenths_in_chinese_and_pc_in_british_copy(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "percent") == expected


def test_a_chinese_currency_named_before_the_amount() -> None:
    assert found("另有港币5000万元和人民币10亿元，新台币20亿元。", "money") == [
        ("5000万元", 5e7, "HKD", None), ("10亿元", 1e9, "CNY", None), ("20亿元", 2e9, "TWD", None)]


def test_a_figure_too_long_for_a_number_is_no_candidate() -> None:
    """5,000 nines read as infinity: no article means that, and the sheet must never say ``$inf trillion``."""
    text = "The fund raised $" + "9" * 5000 + " million last year. It also raised $5 million in May."
    money = found(text, "money")
    assert money == [("$5 million", 5e6, "USD", None)]
    assert all(not isinstance(c.value, float) or c.value < 1e300 for c in facts(text))
