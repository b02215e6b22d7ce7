"""Dates a reader resolves against the day the article was published: ``yesterday``, ``on Tuesday``, ``last
Tuesday``, ``next Monday``, ``昨天``, ``前天``, ``周二``, ``上周二``, ``下周五``, and a month-day without a year.

A bare weekday (``on Tuesday``, ``周二``) is the last one on or before the
publication day (news reports what happened: "on Tuesday" in Tuesday's paper
is that day), or the first one after it when the words before it in the
sentence speak of the future (``will``, ``is due to``, ``将``, ``计划``: see
``FUTURE``). 昨天/昨日/前天/明天/明日 are counted from the publication day;
``yesterday`` and ``last``/``next`` weekdays are read by dateparser with ``RELATIVE_BASE`` set to the publication date.
Chinese week-prefixed weekdays (上周二, 本周一, 下周五) are
the weekday of the previous, current or next Monday-based week, which
dateparser does not read. Without a publication date there is nothing to
resolve against, and no candidate is made.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

WEEKDAYS_EN = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_ZH_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_ZH_WEEK_SHIFT = {"上": -1, "本": 0, "这": 0, "下": 1}
_ZH_DAYS = {"昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1}
"""Chinese days counted from the publication day, read directly (dateparser does not read 昨日)."""

PATTERN = re.compile(
    rf"(?P<en>(?:(?i:last|next|this)\s+|(?<=\b[Oo]n\s))(?:{WEEKDAYS_EN})\b|\b(?i:yesterday|tomorrow)\b)"
    r"|(?P<zhweek>(?P<shift>[上本这下])(?:周|星期|礼拜)(?P<day>[一二三四五六日天]))"
    r"|(?P<zh>(?<![上本这下])(?:周|星期|礼拜)[一二三四五六日天](?![年末度])|昨天|昨日|前天|明天|明日)"
)
"""A bare English weekday counts after ``on`` (``on Tuesday``) or with last/next/this."""

CUES = ("day", "yesterday", "tomorrow", "周", "星期", "礼拜", "昨", "前天", "明天", "明日")
"""One of these is in every sentence ``PATTERN`` can match (lower-cased): a cheap test before the regex."""

FUTURE = re.compile(
    r"(?i:\b(?:will|shall|is\s+(?:due|set|scheduled|expected|slated)\s+to|are\s+(?:due|set|scheduled|expected)\s+to"
    r"|plans?\s+to|to\s+be\s+held)\b)|将|计划|拟|预计|明天|下周"
)
"""Words before a date that put it ahead of the publication day; without one a date is read as past or present."""
_EN_WEEKDAYS = {name.lower(): index for index, name in enumerate(WEEKDAYS_EN.split("|"))}


def ahead(sentence: str, start: int) -> bool:
    """Whether the words of ``sentence`` before offset ``start`` speak of the future (``FUTURE``)."""
    return FUTURE.search(sentence, 0, start) is not None


_QUOTE_PAIRS = (("“", "”"), ("「", "」"), ("『", "』"), ("‘", "’"), ("«", "»"))
_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)|(?<=s)’(?=\s)")
"""A right single quote inside or after a word is an apostrophe (``don’t``, ``Tsai’s``, ``players’ union``)."""


def in_quotation(text: str, offset: int) -> bool:
    """Whether ``offset`` of ``text`` is inside direct quotation in its paragraph (``“…”``, ``"…"``, ``「…」``,
    ``『…』``, ``‘…’``, ``«…»``): an opening mark before it in the paragraph with no closing mark after that one.

    A relative day in a quote is the speaker's (``“If I wake up tomorrow…”``) or a figure of speech (``“Hong Kong
    today, Taiwan tomorrow”``): the publication day does not resolve it (AP style quotes speech as spoken)."""
    before = text[text.rfind("\n", 0, offset) + 1 : offset]
    if before.count('"') % 2:
        return True
    plain = _APOSTROPHE.sub("", before)
    return any(plain.rfind(opening) > plain.rfind(closing) for opening, closing in _QUOTE_PAIRS)


def published_date(published: str | None) -> dt.date | None:
    """The article's publication day, if its ``published`` field starts with a full ISO date."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve(match: re.Match[str], sentence: str, base: dt.date) -> dt.date | None:
    """The day a ``PATTERN`` match means, seen from ``base``; ``None`` when it cannot be read."""
    if match.group("zhweek"):
        monday = base - dt.timedelta(days=base.weekday())
        return monday + dt.timedelta(days=7 * _ZH_WEEK_SHIFT[match.group("shift")] + _ZH_WEEKDAY[match.group("day")])
    written = match.group()
    if written in _ZH_DAYS:
        return base + dt.timedelta(days=_ZH_DAYS[written])
    bare = _bare_weekday(match)
    future = ahead(sentence, match.start())
    if bare is not None:
        shift = (bare - base.weekday()) % 7
        return base + dt.timedelta(days=shift or 7) if future else base - dt.timedelta(days=(base.weekday() - bare) % 7)
    import dateparser  # 0.1 s to import: only when an article has a relative date

    prefer = "future" if future or written.lower().startswith("next") else "past"
    settings = {"RELATIVE_BASE": dt.datetime.combine(base, dt.time(12)), "PREFER_DATES_FROM": prefer}
    parsed = dateparser.parse(written, languages=["zh" if match.group("zh") else "en"], settings=settings)
    return parsed.date() if parsed else None


def _bare_weekday(match: re.Match[str]) -> int | None:
    """The weekday (Monday 0) of a match written without last/next (``on Tuesday``, ``this Tuesday``, ``周二``)."""
    written = match.group()
    if match.group("en"):
        words = written.lower().split()
        return _EN_WEEKDAYS.get(words[-1]) if len(words) == 1 or words[0] == "this" else None
    if match.group("zh") and written[-1] in _ZH_WEEKDAY and written[:-1] in {"周", "星期", "礼拜"}:
        return _ZH_WEEKDAY[written[-1]]
    return None


PAST = re.compile(
    r"(?i:\b(?:was|were|had|did|said|says|ago|last|went|came|began|met|won|lost|fell|rose|told|took|made|gave|held|left|"
    r"saw|got|became|struck|hit|paid|sold|spent|found|led|ran|wrote|broke|chose|flew|grew|knew|sent|"
    r"froze|shot|fought|brought|bought|caught|taught|thought|kept|felt|dealt|meant|built|sank|drove|rode|spoke|stole|"
    r"stood|threw|blew|drew|fled|hid|bit|bled|slid|swept|wept|slept|sought|swore|tore|wore|woke|"
    r"(?!(?:need|speed|feed|seed|breed|proceed|exceed|succeed|indeed|hundred|bed|shed|red|expected|scheduled|planned|"
    r"slated|proposed|based|called|named|located|related|listed|limited|united|advanced|detailed|dedicated|"
    r"interested|concerned|involved)\b)[a-z]{2,}ed)\b)|已|曾|(?<![为除])了(?!解)|此前|日前"
)
"""Words of a past event (``was``, ``said``, ``closed``, ``went``, ``ago``, ``last``, ``已``, ``了``): a date without a
year near one of them is on or before the publication day. Participles used as adjectives (``a proposed vote``,
``based in``) and 为了/除了/了解 are no past event."""
_AHEAD_WORDS = re.compile(r"(?i:\b(?:expected|scheduled|planned|proposed|slated|upcoming|coming|next|would)\b)")
"""Words ahead of a date besides ``FUTURE``: ``the proposed vote on March 3``, reported speech (``said the vote
would be on March 3``)."""
Tense = Literal["past", "future", "nearest"]
REPORTED_CLAUSE = re.compile(
    r"(?i:\b(?:said|says|told\s+\w+|announced|stated|added|warned|reported|noted|explained)"
    r"(?:\s+that\b|\s+(?=(?:it|he|she|they|we|the|a|an|its|their)\b))"
    r"|\b(?:estimat|predict|forecast|project|expect|believ|argu|claim|conclud)\w*\s+that\b|\b(?:found|finds|shows?|showed)\s+that\b)")
"""A verb of saying that opens reported speech (``said that``, ``said the``, ``estimated that``, ``found that``): a
date inside takes the tense of the reported clause, not of the saying (``said on March 2`` dates the saying
itself), and the sayer is not the subject of what is reported."""
_AUXILIARY_BEFORE = re.compile(
    r"(?i:\b(?:be|been|being|will|would|could|might|may|can|should|must|to|the|a|an|its|their|this|that)\s+)$")
"""A participle after one of these takes its tense from the auxiliary (``will be held``, ``may have``), or is an
adjective after a determiner (``the revised plan``): no past cue."""


def _past_cues(sentence: str, start: int, end: int) -> list[re.Match[str]]:
    """``PAST`` cues in ``sentence[start:end]``, without participles after an auxiliary (``will be held``)."""
    return [m for m in PAST.finditer(sentence, start, end) if not _AUXILIARY_BEFORE.search(sentence, 0, m.start())]


def tense(sentence: str, start: int, end: int) -> Tense:
    """Which side of the publication day a date at ``start``-``end`` of ``sentence`` lies on, from the tense cue
    nearest before it (``FUTURE`` or ``expected``/``upcoming`` ahead, ``PAST`` behind), else ``past`` when a past cue follows
    (``On March 8, the plane crashed``, ``12月28日，客机失联了``; a future word after it is too often a noun, 计划
    "plan"); with no cue, ``nearest``.

    Inside reported speech (``has said that after it joins the court on April 1``) only the cues of the reported
    clause count. News style (AP, Reuters) writes a date without a year for the current year or the nearest occurrence, so a
    cue-less date (``the Oscars on Feb. 9``) takes the nearest one, not always the past one."""
    reported = [m.end() for m in REPORTED_CLAUSE.finditer(sentence, 0, start)]
    begin = reported[-1] if reported else 0  # "has said that after it joins … on April 1": the clause's own tense
    cues = [(m.end(), "future") for m in FUTURE.finditer(sentence, begin, start)]
    cues += [(m.end(), "future") for m in _AHEAD_WORDS.finditer(sentence, begin, start)]
    cues += [(m.end() - 1, "past") for m in _past_cues(sentence, begin, start)]  # a future phrase ending with it wins
    if cues:
        return max(cues)[1]  # type: ignore[return-value]
    return "past" if _past_cues(sentence, end, len(sentence)) else "nearest"


def nearest_year(month: int, day: int, base: dt.date, side: Tense = "past") -> dt.date | None:
    """The month-day in the year that puts it nearest the publication date: on or before it (``past``), after it
    (``future``) or on either side (``nearest``), as ``tense`` reads the sentence.

    An article of 3 January saying "December 30" means the previous December,
    and one of 30 December 2014 saying "went missing on March 8" means March
    2014; "the vote will be held on April 20" in an article of 13 April means
    the coming one, and "at the Oscars on Feb. 9" in one of 19 January the
    coming February. ``None`` for a day the calendar does not have.
    """
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if side != "nearest":
        options = [d for d in options if (d > base if side == "future" else d <= base)]
    return min(options, key=lambda d: abs((d - base).days)) if options else None


NEAR_DAYS = 3
"""A day of the month this many days or fewer from the publication day is that nearby one whatever the tense: wire
copy of the 25th writes ``25日`` for today and ``26日`` for tomorrow, even after 预计 or 已."""


def nearest_day_of_month(day: int, base: dt.date, side: Tense = "nearest") -> dt.date | None:
    """The day of the month ``day`` (Chinese wire copy's ``9日``) in the publication month or one either side: the
    occurrence within ``NEAR_DAYS`` of the publication date when there is one, else the nearest on or before it
    (``past``), on or after it (``future``) or either side (``nearest``), as ``tense`` reads the sentence. In an
    article of 10 December, ``9日`` and ``12日`` are 9 and 12 December, ``28日`` after a past cue 28 November.
    ``None`` for a day no nearby month has."""
    options = []
    for shift in (-1, 0, 1):
        month_index = base.year * 12 + base.month - 1 + shift
        try:
            options.append(dt.date(month_index // 12, month_index % 12 + 1, day))
        except ValueError:
            continue
    near = [d for d in options if abs((d - base).days) <= NEAR_DAYS]
    if not near and side != "nearest":
        options = [d for d in options if (d >= base if side == "future" else d <= base)]
    return min(near or options, key=lambda d: abs((d - base).days)) if near or options else None


def period_year(first_month: int, months: int, base: dt.date, side: Tense) -> int:
    """The year of a period written without one (a quarter, a half, a season: ``first_month`` and its length in
    ``months``; winter starts in December): the latest that ended on or before the publication day for ``past``
    ("sales rose in the fourth quarter" in January is last year's), the first not yet ended for ``future``, else
    the one nearest the publication day (the one under way when it contains it)."""
    def span(year: int) -> tuple[dt.date, dt.date]:
        index = year * 12 + first_month - 1 + months
        return dt.date(year, first_month, 1), dt.date(index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)

    years = (base.year - 2, base.year - 1, base.year, base.year + 1)
    if side == "past":
        return max(y for y in years if span(y)[1] <= base)
    if side == "future":
        return min(y for y in years if span(y)[1] >= base)
    return min(years, key=lambda y: max((span(y)[0] - base).days, (base - span(y)[1]).days, 0))
