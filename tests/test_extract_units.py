"""Units as written where one word names two measures or a compound names another, and figures that name a thing
(an instrument's term, a model number) rather than count it."""

from __future__ import annotations

import pytest
from extract_helpers import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tons (short tons in US copy) are not tonnes unless the text says metric
        ("The city laid more than one million tons of asphalt.", [("one million tons", 1e6, "tons", "over")]),
        ("The mill made 500 metric tons of steel.", [("500 metric tons", 500.0, "tonnes", None)]),
        ("The mill made 500 tonnes of steel.", [("500 tonnes", 500.0, "tonnes", None)]),
        ("钢厂生产了500吨钢。", [("500吨", 500.0, "tonnes", None)]),
        # a noun before a measure makes a compound measure, kept as written
        ("The state maintains 19,000 lane miles of road.", [("19,000 lane miles", 19000.0, "lane miles", None)]),
        ("The ship sailed 40 nautical miles.", [("40 nautical miles", 40.0, "nautical miles", None)]),
        ("The runners ran 5 more miles.", [("5 more miles", 5.0, "miles", None)]),
        ("The road is 12 miles long.", [("12 miles", 12.0, "miles", None)]),
        # slang is not turned into a unit it may not mean
        ("The download was 27 megs.", [("27 megs", 27.0, "megs", None)]),
        # power, energy, torque and speed: a pound-foot is not a pound, a kWh not a count
        ("The car has a 275 horsepower motor, an 82 kWh battery and 406 lb-ft of torque.",
         [("275 horsepower", 275.0, "horsepower", None), ("82 kWh", 82.0, "kilowatt-hours", None),
          ("406 lb-ft", 406.0, "pound-feet", None)]),
        ("The 300 hp version reaches 60 mph in five seconds.",
         [("300 hp", 300.0, "horsepower", None), ("60 mph", 60.0, "miles per hour", None),
          ("five seconds", 5.0, "second", None)]),
        ("The plant will produce 500 MW, or 4,000 GWh a year.",
         [("500 MW", 500.0, "megawatts", None), ("4,000 GWh", 4000.0, "gigawatt-hours", None)]),
    ],
)
def test_units_are_kept_as_written_where_a_word_could_mean_another_measure(
        text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "quantity") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The yield on the 10-year Treasury note fell.",
        "Rates on a 30-year mortgage rose.",
        "The two-year yield slipped.",
        "The airline grounded its 737 aircraft.",
        "The carrier flies 787 jets to Tokyo.",
        "Regulators cleared the 737 MAX jets.",
    ],
)
def test_a_figure_that_names_a_thing_is_no_quantity(text: str) -> None:
    assert found(text, "quantity") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It builds on a 14-year growth strategy.", [("14-year", 14.0, "years", None)]),
        ("Firm Unveils 14-Year Growth Strategy", [("14-Year", 14.0, "years", None)]),
        ("The bond matures in 10 years.", [("10 years", 10.0, "years", None)]),
        ("The airline grounded its 12 aircraft.", [("12 aircraft", 12.0, "aircraft", None)]),
        ("The airline ordered 100 Boeing jets.", [("100 Boeing jets", 100.0, "aircraft", None)]),
    ],
)
def test_counts_and_periods_beside_those_names_still_count(text: str, expected: list[tuple[str, float, str, None]]) -> None:
    assert found(text, "quantity") == expected
