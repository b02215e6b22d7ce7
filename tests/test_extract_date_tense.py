"""A date without a year, a quarter, a half or a season is read by the tense of its sentence (news style: the
current year, or the nearest occurrence), and a relative day inside direct quotation is no checkable date."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import found
from hypothesis import given
from hypothesis import strategies as st

from curator.extract.relative_dates import NEAR_DAYS, in_quotation, nearest_day_of_month, nearest_year, period_year


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # no tense cue: the nearest occurrence, either side of the publication day
        ("The film could win at the awards on Feb. 9.", "2020-01-19", [("Feb. 9", "2020-02-09", None, None)]),
        ("The ceremony on March 2 is a big night.", "2021-02-20", [("March 2", "2021-03-02", None, None)]),
        ("The summit of Dec. 28 drew crowds.", "2020-01-05", [("Dec. 28", "2019-12-28", None, None)]),
        # a past cue before it: on or before publication
        ("The film was shown on Feb. 9.", "2020-01-19", [("Feb. 9", "2019-02-09", None, None)]),
        ("The firm said on March 2 that it would cut jobs.", "2021-02-20", [("March 2", "2020-03-02", None, None)]),
        ("The bridge opened on March 2.", "2021-02-20", [("March 2", "2020-03-02", None, None)]),
        # irregular past tenses are past cues too
        ("The lake froze on Dec. 3.", "2019-11-25", [("Dec. 3", "2018-12-03", None, None)]),
        ("Gunmen shot two guards on Dec. 3.", "2019-11-25", [("Dec. 3", "2018-12-03", None, None)]),
        ("Residents fled the town on Dec. 3.", "2019-11-25", [("Dec. 3", "2018-12-03", None, None)]),
        # a past cue after it (a date first, the verb after)
        ("On March 2, the bridge collapsed.", "2021-02-20", [("March 2", "2020-03-02", None, None)]),
        ("3月2日，大桥坍塌了。", "2021-02-20", [("3月2日", "2020-03-02", None, None)]),
        # a future cue before it wins over a participle after an auxiliary ("will be held")
        ("The vote will be held on Jan. 3.", "2020-12-30", [("Jan. 3", "2021-01-03", None, None)]),
        ("The report is expected on Jan. 3.", "2020-12-30", [("Jan. 3", "2021-01-03", None, None)]),
        ("He said the vote would be on Jan. 3.", "2020-12-30", [("Jan. 3", "2021-01-03", None, None)]),
        # participles as adjectives and 为了 are no past event: the nearest occurrence
        ("The proposed merger vote on Jan. 3 matters.", "2020-12-30", [("Jan. 3", "2021-01-03", None, None)]),
        ("The Paris-based group meets on Jan. 3.", "2020-12-30", [("Jan. 3", "2021-01-03", None, None)]),
        ("The revised budget of Jan. 3 matters.", "2020-12-30", [("Jan. 3", "2021-01-03", None, None)]),
        ("为了1月3日的会议，各方正在准备。", "2020-12-30", [("1月3日", "2021-01-03", None, None)]),
        ("Flights were cancelled due to the storm on Dec. 20.", "2021-01-05", [("Dec. 20", "2020-12-20", None, None)]),
        # in reported speech the reported clause's tense counts, not the saying's
        ("The agency has said that after it joins the court on April 1, it will act.", "2015-03-16",
         [("April 1", "2015-04-01", None, None)]),
        ("Police said the man was arrested on March 2.", "2015-03-16", [("March 2", "2015-03-02", None, None)]),
        ("Police said on March 20 that the man fled.", "2015-03-16", [("March 20", "2014-03-20", None, None)]),
    ],
)
def test_a_month_day_without_a_year_takes_the_year_its_tense_gives(
        text: str, published: str, expected: list[tuple[str, str, None, None]]) -> None:
    assert found(text, "date", published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Sales rose 10 percent in the fourth quarter.", "2020-01-19", [("fourth quarter", "2019-Q4", None, None)]),
        ("Revenue fell in Q3.", "2020-01-19", [("Q3", "2019-Q3", None, None)]),
        ("Sales are expected to grow in the fourth quarter.", "2020-01-19", [("fourth quarter", "2020-Q4", None, None)]),
        ("Sales in the first quarter look strong.", "2020-01-19", [("first quarter", "2020-Q1", None, None)]),
        ("Profit doubled in the first half of the year.", "2020-01-19", [("first half of the year", "2019-40", None, None)]),
        ("Profit will double in the second half of the year.", "2020-01-19", [("second half of the year", "2020-41", None, None)]),
        ("Profit doubled in the first half of 2018.", "2020-01-19", [("first half of 2018", "2018-40", None, None)]),
        ("Profit doubled in H2 2018.", "2020-01-19", [("H2 2018", "2018-41", None, None)]),
        ("上半年营收增长了。", "2020-08-19", [("上半年", "2020-40", None, None)]),
        ("2018年下半年营收增长。", "2020-08-19", [("2018年下半年", "2018-41", None, None)]),
        ("气温创下半年以来新低。", "2019-11-25", []),  # 创下 "set (a record)", then 半年 "half a year"
        ("气温创今年下半年以来新低。", "2019-11-25", [("下半年", "2019-41", None, None)]),
        ("四季度销量下降了。", "2020-01-19", [("四季度", "2019-Q4", None, None)]),
        ("The store opened last summer.", "2020-01-19", [("last summer", "2019-22", None, None)]),
        ("The store opened this past spring.", "2020-07-19", [("this past spring", "2020-21", None, None)]),
        ("The store will open next autumn.", "2020-01-19", [("next autumn", "2020-23", None, None)]),
        ("The team scored in the first half.", "2020-01-19", []),
    ],
)
def test_a_quarter_half_or_season_without_a_year_takes_the_year_its_tense_gives(
        text: str, published: str, expected: list[tuple[str, str, None, None]]) -> None:
    assert found(text, "date", published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said: “If I wake up tomorrow, I will go.”", []),
        ("“Hong Kong today, Taiwan tomorrow” became her call.", []),
        ('"We will talk next Monday," he said.', []),
        ("他说：“明天我们再来。”", []),
        ("他说：「昨天下雨。」", []),
        ("“Talks were hard,” he said.\nThe minister spoke yesterday.", [("yesterday", "2020-01-18", None, None)]),
        ("The union’s chief said yesterday that “talks were hard”.", [("yesterday", "2020-01-18", None, None)]),
        # an absolute date in a quote is still stated
        ("He said: “We signed on 20 Jan, 2020, in Paris.”", [("20 Jan, 2020", "2020-01-20", None, None)]),
    ],
)
def test_relative_days_inside_direct_quotation_are_no_dates(text: str, expected: list[tuple[str, str, None, None]]) -> None:
    assert found(text, "date", "2020-01-19") == expected


_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))


@given(_DAYS, st.integers(1, 12), st.integers(1, 28))
def test_the_nearest_month_day_is_within_half_a_year(base: dt.date, month: int, day: int) -> None:
    nearest = nearest_year(month, day, base, "nearest")
    past, future = nearest_year(month, day, base, "past"), nearest_year(month, day, base, "future")
    assert nearest is not None and abs((nearest - base).days) <= 184
    assert past is not None and past <= base and future is not None and future > base
    assert nearest in (past, future)


@given(_DAYS, st.sampled_from([(1, 3), (4, 3), (7, 3), (10, 3), (1, 6), (7, 6), (12, 3)]))
def test_a_period_year_puts_the_period_on_the_side_its_tense_says(base: dt.date, period: tuple[int, int]) -> None:
    first, months = period

    def end(year: int) -> dt.date:
        index = year * 12 + first - 1 + months
        return dt.date(index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)

    past, future = period_year(first, months, base, "past"), period_year(first, months, base, "future")
    assert end(past) <= base < end(past + 1) or end(past + 1) == base
    assert end(future) >= base and end(future - 1) < base
    assert period_year(first, months, base, "nearest") in {past, past + 1, future}


@given(st.text(alphabet=st.characters(blacklist_characters='"“”「」『』‘’«»\n'), max_size=40))
def test_text_between_quotation_marks_is_quoted_and_after_them_is_not(inner: str) -> None:
    for opening, closing in (("“", "”"), ("「", "」"), ('"', '"')):
        text = f"He said {opening}{inner}{closing} then"
        assert in_quotation(text, len(f"He said {opening}") + len(inner))
        assert not in_quotation(text, len(text))


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a day of the month within a few days of publication is that one, whatever the tense
        ("气象台25日发布预警。预计25日夜间有雨。", "2019-11-25", ["2019-11-25", "2019-11-25"]),
        ("26日早晨气温降至零度。", "2019-11-25", ["2019-11-26"]),
        ("预计23日已入冬。", "2019-11-25", ["2019-11-23"]),
        # further away, the tense decides: past on or before, future on or after, else the nearest
        ("会议已于5日举行。", "2019-11-25", ["2019-11-05"]),
        ("会议将于5日举行。", "2019-11-25", ["2019-12-05"]),
        ("会议5日举行。", "2019-11-25", ["2019-12-05"]),
        # one article, one 12日: its first mention decides for the later ones
        ("法院已于12日开庭。法院12日将宣判。", "2019-11-25", ["2019-11-12", "2019-11-12"]),
    ],
)
def test_a_day_of_the_month_alone_is_near_publication_and_one_day_per_article(
        text: str, published: str, expected: list[str]) -> None:
    assert [value for _, value, _, _ in found(text, "date", published)] == expected


@pytest.mark.parametrize(
    "text",
    ["合肥(常年11月19日)入冬。", "往年同期11月28日已入冬。", "常年入冬时间为11月28日。", "历年的11月30日最冷。",
     "The first frost usually arrives on November 19.", "In an average year, the lake freezes on Dec. 3.",
     "The market normally opens on April 1."],
)
def test_a_month_day_of_an_average_year_is_no_date_claim(text: str) -> None:
    assert found(text, "date", "2019-11-25") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("合肥11月19日入冬，常年较晚。", "2019-11-19"), ("The road closed on Dec. 3, earlier than usual.", "2018-12-03"),
     ("He usually walks, but on March 3 he closed the shop.", "2019-03-03")],
)
def test_a_month_day_before_an_average_year_word_is_still_a_date(text: str, expected: str) -> None:
    assert [value for _, value, _, _ in found(text, "date", "2019-11-25")] == [expected]


@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), st.integers(1, 31), st.sampled_from(["past", "future", "nearest"]))
def test_a_day_of_the_month_is_near_or_on_the_side_its_tense_says(base: dt.date, day: int, side: str) -> None:
    resolved = nearest_day_of_month(day, base, side)  # type: ignore[arg-type]
    if resolved is None:
        return
    assert resolved.day == day and abs((resolved - base).days) <= 62
    if abs((resolved - base).days) > NEAR_DAYS:
        assert side != "past" or resolved < base
        assert side != "future" or resolved > base


@given(st.integers(1, 28), st.sampled_from(["已", "将", "预计", ""]), st.sampled_from(["已", "将", "预计", ""]))
def test_every_mention_of_one_day_of_the_month_has_one_value(day: int, first: str, second: str) -> None:
    values = {value for _, value, _, _ in found(f"气象台{first}{day}日发布预警。部门{second}{day}日行动。", "date", "2019-11-25")}
    assert len(values) == 1


@given(st.integers(1, 12), st.integers(1, 28), st.sampled_from(["常年", "往年", "历年", "往年同期", "常年的"]))
def test_any_month_day_after_an_average_year_word_is_no_date_and_without_it_one(month: int, day: int, cue: str) -> None:
    assert found(f"合肥({cue}{month}月{day}日)入冬。", "date", "2019-11-25") == []
    assert len(found(f"合肥({month}月{day}日)入冬。", "date", "2019-11-25")) == 1
