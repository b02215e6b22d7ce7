"""Dates a reader resolves against the day the article was published: ``yesterday``, ``on Tuesday``, ``last
Tuesday``, ``next Monday``, ``昨天``, ``前天``, ``周二``, ``上周二``, ``下周五``, and a month-day without a year.

English words and a bare Chinese weekday are read by dateparser with
``RELATIVE_BASE`` set to the publication date (a bare weekday is the last
one on or before it, or the next one when the sentence speaks of the future:
``will``, ``将``). Chinese week-prefixed weekdays (上周二, 本周一, 下周五) are
the weekday of the previous, current or next Monday-based week, which
dateparser does not read. Without a publication date there is nothing to
resolve against, and no candidate is made.
"""

from __future__ import annotations

import datetime as dt
import re

WEEKDAYS_EN = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_ZH_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_ZH_WEEK_SHIFT = {"上": -1, "本": 0, "这": 0, "下": 1}

PATTERN = re.compile(
    rf"(?P<en>(?:(?i:last|next|this)\s+|(?<=\b[Oo]n\s))(?:{WEEKDAYS_EN})\b|\b(?i:yesterday|tomorrow)\b)"
    r"|(?P<zhweek>(?P<shift>[上本这下])(?:周|星期|礼拜)(?P<day>[一二三四五六日天]))"
    r"|(?P<zh>(?<![上本这下])(?:周|星期|礼拜)[一二三四五六日天](?![年末度])|昨天|昨日|前天|明天)"
)
"""A bare English weekday counts after ``on`` (``on Tuesday``) or with last/next/this."""

CUES = ("day", "yesterday", "tomorrow", "周", "星期", "礼拜", "昨", "前天", "明天")
"""One of these is in every sentence ``PATTERN`` can match (lower-cased): a cheap test before the regex."""

_FUTURE = re.compile(r"(?i:\bwill\b|\bnext\b|将|下周|明天)")


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
    import dateparser  # 0.1 s to import: only when an article has a relative date

    written = match.group()
    prefer = "future" if _FUTURE.search(sentence) or written.lower().startswith("next") else "past"
    settings = {"RELATIVE_BASE": dt.datetime.combine(base, dt.time(12)), "PREFER_DATES_FROM": prefer}
    parsed = dateparser.parse(written, languages=["zh" if match.group("zh") else "en"], settings=settings)
    return parsed.date() if parsed else None


def nearest_year(month: int, day: int, base: dt.date) -> dt.date | None:
    """The month-day in the year that puts it nearest the publication date, ties before it.

    An article of 3 January saying "December 30" means the previous December;
    one of 13 April saying "April 12" means the day before, and "April 20" the
    coming one. ``None`` for a day the calendar does not have.
    """
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: (abs((d - base).days), d > base)) if options else None
