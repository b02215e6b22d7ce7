"""A range is one fact stated with both ends ($24 to $28, 5% to 10%), never as its low end alone, in English and
Chinese, for money, percentages, quantities and dates; a change (from … to, 从…到) is two facts."""

from __future__ import annotations

import pytest
from extract_helpers import facts
from hypothesis import given, settings
from hypothesis import strategies as st


def ranged(text: str, kind: str) -> list[tuple[str, object, object, str]]:
    return [(c.text, c.value, c.attrs.get("range"), c.statement) for c in facts(text, "2019-05-18") if c.kind == kind]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("The shares cost between $24 and $28.", "money", [("$24 and $28", 24.0, [24.0, 28.0], "$24 to $28")]),
        ("The plan costs $5 billion to $7 billion.", "money",
         [("$5 billion to $7 billion", 5e9, [5e9, 7e9], "$5 billion to $7 billion")]),
        ("投资24亿至28亿元。", "money", [("24亿至28亿元", 2.4e9, [2.4e9, 2.8e9], "CN¥2.4 billion to CN¥2.8 billion")]),
        ("投资24至28亿元。", "money", [("24至28亿元", 2.4e9, [2.4e9, 2.8e9], "CN¥2.4 billion to CN¥2.8 billion")]),
        ("投资24-28亿美元。", "money", [("24-28亿美元", 2.4e9, [2.4e9, 2.8e9], "$2.4 billion to $2.8 billion")]),
        ("Inflation will be between 5% and 10%.", "percent", [("5% and 10%", 5.0, [5.0, 10.0], "5% to 10%")]),
        ("支持率在39%至41%之间。", "percent", [("39%至41%", 39.0, [39.0, 41.0], "39% to 41%")]),
        ("The crews made between 400 and 600 repairs.", "quantity",
         [("400 and 600 repairs", 400.0, [400.0, 600.0], "400 to 600 repairs")]),
        ("预计降温6～12℃。", "quantity", [("6～12℃", 6.0, [6.0, 12.0], "6 to 12 degrees Celsius")]),
        ("降雨量为2～12毫米。", "quantity", [("2～12毫米", 2.0, [2.0, 12.0], "2 to 12 millimetres")]),
        # a change, two amounts; two amounts side by side without "between" are two
        ("Revenue rose from $5 billion to $7 billion.", "money", [("$5 billion", 5e9, None, "$5 billion"),
                                                                   ("$7 billion", 7e9, None, "$7 billion")]),
        ("营收从24亿元增至28亿元。", "money", [("24亿元", 2.4e9, None, "CN¥2.4 billion"), ("28亿元", 2.8e9, None, "CN¥2.8 billion")]),
        ("It paid $24 and $28 for them.", "money", [("$24", 24.0, None, "$24"), ("$28", 28.0, None, "$28")]),
    ],
)
def test_a_range_is_one_fact_with_both_ends(text: str, kind: str, expected: list[tuple[str, object, object, str]]) -> None:
    assert ranged(text, kind) == expected


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 900), st.integers(1, 900), st.sampled_from(["between ${} and ${}", "${} to ${}", "{}至{}亿元", "{}%至{}%"]))
def test_a_range_of_any_two_ends_keeps_both_or_is_two_amounts(low: int, high: int, form: str) -> None:
    kind = "percent" if "%" in form else "money"
    found = [c for c in facts(f"The budget is {form.format(low, high)}.") if c.kind == kind]
    if low < high:
        [fact] = found
        assert fact.attrs["range"][0] == fact.value and fact.attrs["range"][1] / fact.value == pytest.approx(high / low)
        assert " to " in fact.statement
    else:
        assert all("range" not in c.attrs for c in found)
