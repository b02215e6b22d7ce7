"""Dates as a reader resolves them (issue 13, item 5): every example with its right ISO 8601 value."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import facts, found
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.extract.relative_dates import nearest_year
from curator.schema import load_schema


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("It opened on 24 September 2019.", None, [("24 September 2019", "2019-09-24", None, None)]),
        ("Signed on 20 Jan, 2020, in Paris.", None, [("20 Jan, 2020", "2020-01-20", None, None)]),
        ("Filed on 2025/09/30.", None, [("2025/09/30", "2025-09-30", None, None)]),
        ("Filed on 9/30/2025 in Ohio.", None, [("9/30/2025", "2025-09-30", None, None)]),
        ("Filed on 30/9/2025 in Leeds.", None, [("30/9/2025", "2025-09-30", None, None)]),
        ("Sales in Q3 2025 rose.", None, [("Q3 2025", "2025-Q3", None, None)]),
        ("Profit fell in the third quarter of 2016.", None, [("third quarter of 2016", "2016-Q3", None, None)]),
        ("2016年三季度营收增长。", None, [("2016年三季度", "2016-Q3", None, None)]),
        ("三季度营收增长。", "2019-09-07", [("三季度", "2019-Q3", None, None)]),
        ("2016年营收增长，第四季度尤甚。", None, [("2016年", "2016", None, None), ("第四季度", "2016-Q4", None, None)]),
        ("前三季度营收增长。", "2019-09-07", []),
        ("It closed in the autumn of 2018.", None, [("autumn of 2018", "2018-23", None, None)]),
        ("2018年秋季开学。", None, [("2018年秋季", "2018-23", None, None)]),
        ("Guidance for 2017.", None, [("2017", "2017", None, None)]),
        ("The minister spoke on Tuesday.", "2026-04-15", [("Tuesday", "2026-04-14", None, None)]),
        ("The minister spoke last Tuesday.", "2026-04-17", [("last Tuesday", "2026-04-14", None, None)]),
        ("The minister spoke yesterday.", "2026-04-15", [("yesterday", "2026-04-14", None, None)]),
        ("The minister will speak next Monday.", "2026-04-15", [("next Monday", "2026-04-20", None, None)]),
        ("部长上周二表示。", "2026-04-15", [("上周二", "2026-04-07", None, None)]),
        ("部长昨天表示。", "2026-04-15", [("昨天", "2026-04-14", None, None)]),
        ("The minister spoke on Tuesday.", None, []),
        ("The deal closed on December 30.", "2026-01-03", [("December 30", "2025-12-30", None, None)]),
        ("The deal closed on December 30.", None, [("December 30", "--12-30", None, None)]),
        ("The vote will be held on April 20.", "2026-04-13", [("April 20", "2026-04-20", None, None)]),
        ("MH370 went missing on March 8.", "2014-12-30", [("March 8", "2014-03-08", None, None)]),
        # A weekday is the last one on or before the publication day: "on Tuesday" in Tuesday's paper is that day,
        # and "next month" elsewhere in the sentence does not move it.
        ("Rescuers found debris on Tuesday.", "2014-12-30", [("Tuesday", "2014-12-30", None, None)]),
        ("It won the awards on Sunday, ahead of the Oscars next month.", "2020-01-19", [("Sunday", "2020-01-19", None, None)]),
        ("The ministers will meet on Friday.", "2026-04-15", [("Friday", "2026-04-17", None, None)]),
        ("部长周三表示。", "2026-04-15", [("周三", "2026-04-15", None, None)]),
        ("12月28日，客机失联。", "2014-12-29", [("12月28日", "2014-12-28", None, None)]),
        ("自6月6日起实施。", None, [("6月6日起", "--06-06", None, "since")]),
        ("They may 5 times refuse.", None, []),
    ],
)
def test_dates(text: str, published: str | None, expected: list[tuple[str, str, None, str | None]]) -> None:
    assert found(text, "date", published) == expected


def test_relative_dates_are_marked_and_keep_the_words() -> None:
    [date] = [c for c in facts("The minister spoke last Tuesday.", "2026-04-17") if c.kind == "date"]
    assert date.text == "last Tuesday" and date.attrs == {"relative": True}


def test_nearest_year_is_before_unless_the_sentence_looks_ahead() -> None:
    assert nearest_year(12, 30, dt.date(2026, 1, 3)) == dt.date(2025, 12, 30)
    assert nearest_year(4, 12, dt.date(2026, 4, 13)) == dt.date(2026, 4, 12)
    assert nearest_year(4, 13, dt.date(2026, 4, 13)) == dt.date(2026, 4, 13)
    assert nearest_year(4, 20, dt.date(2026, 4, 13)) == dt.date(2025, 4, 20)
    assert nearest_year(4, 20, dt.date(2026, 4, 13), "future") == dt.date(2026, 4, 20)
    assert nearest_year(2, 29, dt.date(2026, 3, 1)) is None


@pytest.mark.parametrize("value", ["2025-Q3", "2018-23", "2019-40", "2019-41", "2026-04-13", "--12-30", "2040"])
def test_quarters_and_seasons_are_valid_date_values(value: str) -> None:
    clean, errors = load_schema().validate_fields("date", {"value": value})
    assert not errors and clean["value"] == value


@pytest.mark.parametrize("value", ["2025-Q5", "2018-25", "2019-42", "2018-autumn"])
def test_bad_quarters_and_seasons_are_refused(value: str) -> None:
    _, errors = load_schema().validate_fields("date", {"value": value})
    assert "ISO 8601" in errors["value"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Chinese wire copy gives the day of the month alone: the nearest such day on or before publication
        ("法国9日再次爆发全国大罢工。", "2019-12-10", [("9日", "2019-12-09", None, None)]),
        ("总理28日表示将继续改革。", "2019-12-10", [("28日", "2019-11-28", None, None)]),
        ("工程将在3日内完成，第5日结束，连续5日下雨。", "2019-12-10", []),
        # a weekday followed by its date in brackets: the bracketed date is the one stated
        ("梁振英在星期二（12月10日）道歉。", "2012-12-10", [("12月10日", "2012-12-10", None, None)]),
        ("民主党计划在星期三（11日）提出动议。", "2012-12-10", [("11日", "2012-12-11", None, None)]),
        # a weekday inside a title is a name
        ("总理8日在接受《星期日报》采访时表示。", "2019-12-10", [("8日", "2019-12-08", None, None)]),
        # a page's time stamps are not stated by the story
        ("2018-03-02 08:58:39", None, []),
        ("Date created : 2015-05-12", None, []),
        ("First published February 1, 2016: 1:28 AM ET", None, []),
        ("On February 1, 2016: the vote.", None, [("February 1, 2016", "2016-02-01", None, None)]),
        # 2008-9 is two years; a month without its day needs two digits
        ("A downturn like the one in 2008-9 is rare.", None, []),
        ("2026-02\nThe firms sign a memorandum.", None, [("2026-02", "2026-02", None, None)]),
    ],
)
def test_dates_of_wire_copy_and_page_furniture(text: str, published: str | None,
                                                expected: list[tuple[str, str, None, None]]) -> None:
    assert [(t, v, u, q) for t, v, u, q in found(text, "date", published)] == expected


def test_a_span_of_days_in_one_month_keeps_both_ends() -> None:
    dates = [c for c in facts("5月10-12日，年会在重庆举行。", "2019-05-18") if c.kind == "date"]
    assert [(c.text, c.value, c.attrs.get("range")) for c in dates] == [("5月10-12日", "2019-05-10", ["2019-05-10", "2019-05-12"])]


@pytest.mark.parametrize("text", ["地址：北京市朝阳区大屯路甲11号", "发布日期：2019-03-06 责任编辑：龙慧"])
def test_street_numbers_and_page_labels_are_no_dates(text: str) -> None:
    assert found(text, "date", "2019-05-18") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("１２月３日，２０１９年的计划公布。", [("１２月３日", "2019-12-03", None, None), ("２０１９年", "2019", None, None)]),
        ("公司昨日宣布裁员。", [("昨日", "2020-01-18", None, None)]),
        ("会议明日举行。", [("明日", "2020-01-20", None, None)]),
        ("In 2000 years the site changed.", []),
    ],
)
def test_full_width_digits_and_chinese_days_from_publication(text: str, expected: list[tuple[str, str, None, None]]) -> None:
    assert found(text, "date", "2020-01-19") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sept. 25, 2018\nThe debt grew.", []),
        ("昨天\n运营商不会提供补贴。", []),
        ("2026-02\nThe firms sign a memorandum.", [("2026-02", "2026-02", None, None)]),
        ("The debt grew on Sept. 25, 2018.", [("Sept. 25, 2018", "2018-09-25", None, None)]),
    ],
)
def test_a_byline_date_alone_on_its_line_is_no_claim(text: str, expected: list[tuple[str, str, None, None]]) -> None:
    assert found(text, "date", "2018-09-25") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fair runs May 10-12.", ("May 10-12", "2019-05-10", "2019-05-10 to 2019-05-12")),
        ("The fair ran from May 10 to 12.", ("May 10 to 12", "2019-05-10", "2019-05-10 to 2019-05-12")),
        ("The fair ran 10–12 May.", ("10–12 May", "2019-05-10", "2019-05-10 to 2019-05-12")),
        ("The fair ran Sept. 3-5, 2018.", ("Sept. 3-5, 2018", "2018-09-03", "2018-09-03 to 2018-09-05")),
        ("5月10-12日，年会在重庆举行。", ("5月10-12日", "2019-05-10", "2019-05-10 to 2019-05-12")),
        ("年会于5月10日至12日举行。", ("5月10日至12日", "2019-05-10", "2019-05-10 to 2019-05-12")),
    ],
)
def test_a_span_of_days_is_stated_with_both_ends(text: str, expected: tuple[str, str, str]) -> None:
    [date] = [c for c in facts(text, "2019-05-18") if c.kind == "date"]
    assert (date.text.rstrip("."), date.value, date.statement) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fair ran from May 30 to June 2.", [("May 30 to June 2", "2018-05-30", "2018-05-30 to 2018-06-02")]),
        ("The fair ran between May 10 and May 12.", [("May 10 and May 12", "2019-05-10", "2019-05-10 to 2019-05-12")]),
        ("会议于5月10日至6月2日举行。", [("5月10日至6月2日", "2019-05-10", "2019-05-10 to 2019-06-02")]),
        ("The plan runs from 2019 to 2021.", [("2019 to 2021", "2019", "2019 to 2021")]),
        ("The plan ran between 2019 and 2021.", [("2019 and 2021", "2019", "2019 to 2021")]),
        ("The plan ran in 2019-2021.", [("2019-2021", "2019", "2019 to 2021")]),
        ("2019年至2021年，销量增长。", [("2019年至2021年", "2019", "2019 to 2021")]),
        ("Output rose from Q1 2019 to Q3 2019.", [("Q1 2019 to Q3 2019", "2019-Q1", "2019-Q1 to 2019-Q3")]),
        # two dates that are no span: a list, a year and a day, a later date first
        ("It was signed on Jan 3 and Jan 9.", [("Jan 3", "2019-01-03", "2019-01-03"), ("Jan 9", "2019-01-09", "2019-01-09")]),
        ("Sales in 2019 and 2021 rose.", [("2019", "2019", "2019")]),
        ("It moved from June 2, 2019 to May 30, 2019.",
         [("June 2, 2019", "2019-06-02", "2019-06-02"), ("May 30, 2019", "2019-05-30", "2019-05-30")]),
    ],
)
def test_a_span_between_two_dates_is_one_date_with_both_ends(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(c.text, c.value, c.statement) for c in facts(text, "2019-05-18") if c.kind == "date"] == expected


@settings(max_examples=30, deadline=None)
@given(st.integers(1990, 2040), st.integers(1990, 2040), st.sampled_from(["from {} to {}", "between {} and {}", "in {}-{}", "{}年至{}年"]))
def test_a_span_of_years_keeps_both_ends_only_when_it_runs_forward(first: int, last: int, form: str) -> None:
    dates = [c for c in facts(f"The plan ran {form.format(first, last)}.", "2019-05-18") if c.kind == "date"]
    spans = [c for c in dates if "range" in c.attrs]
    if first < last:
        assert [(c.value, c.attrs["range"], c.statement) for c in spans] == [(str(first), [str(first), str(last)], f"{first} to {last}")]
    else:
        assert spans == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Referrals rose from June to November 2013.", [("June to November 2013", "2013-06", "2013-06 to 2013-11")]),
        ("Sales rose between January and June 2012.", [("January and June 2012", "2012-01", "2012-01 to 2012-06")]),
        ("Prices fell from November to February 2014.", [("November to February 2014", "2013-11", "2013-11 to 2014-02")]),
        ("产业资本曾在2008年9月-10月增持。", [("2008年9月-10月", "2008-09", "2008-09 to 2008-10")]),
        ("2015-2017年每年投入5亿元。", [("2015-2017年", "2015", "2015 to 2017")]),
        # two months named with "and" but no "between" are two points, not a span
        ("Sales rose in January and June 2012.", [("June 2012", "2012-06", "2012-06")]),
    ],
)
def test_a_span_of_months_or_years_written_once_keeps_both_ends(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(c.text, c.value, c.statement) for c in facts(text, "2019-05-18") if c.kind == "date"] == expected


@settings(max_examples=40, deadline=None)
@given(st.integers(1990, 2040), st.integers(1, 12), st.integers(1, 12), st.sampled_from(["{y}年{a}月-{b}月", "{y}年{a}月至{b}月"]))
def test_a_chinese_span_of_months_runs_forward_or_is_refused(year: int, first: int, last: int, form: str) -> None:
    dates = [c for c in facts(f"增持潮出现在{form.format(y=year, a=first, b=last)}。", "2019-05-18") if c.kind == "date"]
    spans = [c for c in dates if "range" in c.attrs]
    if first < last:
        assert [c.attrs["range"] for c in spans] == [[f"{year}-{first:02d}", f"{year}-{last:02d}"]]
    else:
        assert all(c.attrs["range"][0] <= c.attrs["range"][1] for c in spans)


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (Aug. 13) -- Declaring the fleet at stake, the secretary ordered a review.",
        "BEIJING, Aug 13 (Reuters) - The central bank held rates.",
        "LONDON, March 3, 2019 -- Sales rose.",
        "新华社巴黎12月9日电（记者王明）法国再次爆发罢工。",
        "人民网合肥11月8日电 （记者李明）司法厅日前出台办法。",
        "某科技网站 10月14日报道",
        "Contact fy2016@example.com for the figures.",
    ],
)
def test_datelines_and_addresses_state_no_date(text: str) -> None:
    assert found(text, "date") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aug 13 - the day it rained - was the wettest.", [("Aug 13", "--08-13", None, None)]),
        ("12月9日电力公司宣布涨价。", [("12月9日", "--12-09", None, None)]),
        ("据报道，12月9日电视台播出了节目。", [("12月9日", "--12-09", None, None)]),
    ],
)
def test_dates_that_only_look_like_datelines_stay(text: str, expected: list[tuple[str, str, None, None]]) -> None:
    assert found(text, "date") == expected


def test_a_relative_day_before_reported_is_no_dateline() -> None:
    assert found("据外国媒体昨日报道，该公司股价下跌。", "date", "2009-11-01") == [("昨日", "2009-10-31", None, None)]
