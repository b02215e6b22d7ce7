"""Dates as ISO 8601 text, as precise as stated, resolved as a reader would.

- ``April 12``, ``24 September 2019``, ``20 Jan, 2020``, ``12月28日``: a day;
  without a year it takes the year nearest the article's ``published`` date
  (``attrs["year_from"] = "published"``), else stays ``--04-12``;
- ``February 2024``, ``by March 2019`` (qualifier ``by``), ``through June
  2021`` (``until``), ``no later than``: a month;
- ``2025/09/30``, ``2026-04-13``, ``9/30/2025`` (US copy: month first unless
  the first number cannot be a month, ``30/9/2025``), ``2026年4月13日``;
- quarters ``Q3 2025``, ``the third quarter of 2016``, ``2016年第三季度``,
  ``三季度`` -> ``2025-Q3`` (the year from the sentence, else the published
  year); seasons ``autumn of 2018``, ``2018年秋季`` -> ``2018-23`` (ISO
  8601-2 sub-year groupings: 21 spring, 22 summer, 23 autumn, 24 winter);
- years ``fiscal year 2026`` (attrs ``fiscal``), ``by 2040``/``2040年前``
  (``by``), ``since 1995`` (``since``), ``for 2017`` (at the end of a clause:
  ``for 1995 numbers`` counts numbers): a bare year counts only after a
  preposition, so numbers that merely look like years are left alone;
- ``yesterday``, ``on Tuesday``, ``last Tuesday``, ``上周二``, and the day of the
  month alone as Chinese wire copy writes it (``法国9日再次爆发罢工``): the day, from
  the published date (``attrs["relative"] = True``; see ``relative_dates``).

A page's time stamp (``2018-03-02 08:58:39``, ``Date created : …``), its
byline date alone on a line (the publication day), a weekday followed by its date in brackets and a weekday in a title
(《星期日报》) are not stated by the story: no candidate. ``2008-9`` is two
years, not a month: a year-month in figures without its day needs two-digit
months (``2026-02``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from curator.display import format_value, range_end
from curator.extract import relative_dates
from curator.extract.base import Context, join_pairs
from curator.extract.lexicon import Lexicon
from curator.extract.numbers import HAS_DIGIT
from curator.extract.sentences import Sentence

YEAR = r"(?:19|20)\d{2}"
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_PREPOSITIONS = {"by": "by", "no later than": "by", "not later than": "by", "since": "since", "until": "until", "till": "until", "through": "until", "before": "by"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "一": 1, "二": 2, "三": 3, "四": 4}
_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24, "春": 21, "夏": 22, "秋": 23, "冬": 24}
_YEAR_IN_TEXT = re.compile(rf"(?<!\d)({YEAR})(?!\d)")
_DATE_QUALIFIERS = {"by", "since", "until"}

Read = tuple[str | None, str | None, dict[str, object]]
_TIME_AFTER = re.compile(r"^[,:]?\s*\d{1,2}:\d{2}")
_STAMP_LABEL = re.compile(r"^\W*(?i:(?:date\s+)?(?:created|published|updated|posted|modified)\b|first\s+published|last\s+updated)"
                          r"|^\W*(?:发布|更新|发表)(?:时间|日期)\s*[:：]")
_DATE_AFTER = re.compile(r"^\s*[（(]\s*(?:(?:1[0-2]|0?[1-9])月)?(?:[12]\d|3[01]|0?[1-9])[日号]"
                         r"|^\s*[（(]\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)")


def _byline(ctx: Context, sentence: Sentence, match: re.Match[str], value: str, attrs: dict[str, object]) -> bool:
    """Whether a date standing alone on its line is the page's own: the publication day (``Sept. 25, 2018`` under
    the headline) or a relative day (``昨天`` beside a listed story). A date alone that is not the publication day
    heads a timeline entry (``2026-02`` then the event) and stays."""
    if sentence.text.strip(" \t.,:;，。：；|-—") != match.group().strip():
        return False
    published = relative_dates.published_date(ctx.article.published)
    return bool(attrs.get("relative")) or (published is not None and value == published.isoformat())


_DATELINE_EN = (re.compile(r"^\W*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?\s*[(,]\s*$"),
                re.compile(r"^\s*(?:\((?:[A-Z][\w ]{1,20})\)\s*)?\)?\s*(?:-|–|—|--)"))
_DATELINE_ZH = (re.compile(r"^(?!据)[^，。；\s]*[\u4e00-\u9fff][^，。；\s]{0,23}\s?$"),
                re.compile(r"^\s?(?:电|電|讯|訊|报道|報道|消息)(?=[\s（(：:，,)）]|$)"))
_DATELINES = (_DATELINE_EN, _DATELINE_ZH)
"""A wire story's dateline (``WASHINGTON (Aug. 13) --``, ``BEIJING, Aug 13 (Reuters) -``, ``新华社巴黎12月9日电``,
``人民网合肥11月8日电``, ``TNW中文站 10月14日报道``): the place and day the story was filed, its provenance, not a
claim of the story (AP and Xinhua dateline style). A relative day is never a dateline (``据外媒昨日报道``: the day
of the reports)."""


def _not_a_claim(text: str, match: re.Match[str]) -> bool:
    """Dates that the story does not state: a page's time stamp (a date then a time of day, ``2018-03-02
    08:58:39``, or after a label, ``Date created : 2015-05-12``), a dateline (``_DATELINES``), a weekday whose
    date follows in brackets (``星期三（11日）``: the bracketed date is the one stated), and a weekday inside a title
    in 《》 (《星期日报》 is a newspaper)."""
    if _TIME_AFTER.match(text[match.end() :]) or _STAMP_LABEL.match(text):
        return True
    if not (match.groupdict().get("en") or match.groupdict().get("zh")) and any(
            before.match(text[: match.start()]) and after.match(text[match.end() :]) for before, after in _DATELINES):
        return True
    if match.groupdict().get("en") or match.groupdict().get("zh") or match.groupdict().get("zhweek"):
        opened = text.rfind("《", 0, match.start())
        return bool(_DATE_AFTER.match(text[match.end() :])) or (opened >= 0 and text.find("》", opened) >= match.end())
    return False


_HABITUAL = re.compile(r"(?:常年|往年|历年|同期)[^，。；、,;：:\n]{0,12}$"
                       r"|(?i:\b(?:usually|normally|typically|ordinarily|in\s+an\s+average\s+year|in\s+a\s+normal\s+year)\b(?![^;]*(?:;|\bbut\b)))")
"""Words before a month-day without a year that make it a day of no particular year (``合肥(常年11月19日)``, the date
in an average year; ``the first frost usually comes on Nov. 19``): no date claim. A Chinese cue counts in its own
clause (up to 12 characters before the date), an English one anywhere before the date in the sentence unless a
``;`` or ``but`` comes between (``He usually walks, but on March 3 he drove``)."""


@dataclass(frozen=True)
class _Pattern:
    """One date form: its regex, how a match is read, words one of which the sentence must hold (lower-cased)
    for the regex to be worth running, and whether it needs a digit."""

    regex: re.Pattern[str]
    read: Callable[[Context, Sentence, re.Match[str]], Read]
    cues: tuple[str, ...] = ()
    digits: bool = True
    relative: bool = False


class DateRule:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        capital_month = rf"(?=[A-Z])(?P<month>{lex.month_re})"  # "may 5" is a verb and a number
        self.patterns: list[_Pattern] = [
            _Pattern(re.compile(rf"(?i:fiscal(?:\s+year)?|FY)\s?(?P<year>{YEAR})(?!\d)"), self._fiscal, ("fiscal", "fy")),
            _Pattern(re.compile(
                rf"(?:\b(?P<q>Q[1-4])|\b(?P<ord>(?i:first|second|third|fourth))[\s-](?i:quarter)(?![\w-]))"
                rf"(?:,?\s+(?:of\s+)?(?P<year>{YEAR})(?!\d))?"
                rf"|(?<!\d)(?P<year2>{YEAR})\s?(?P<q2>Q[1-4])\b"), self._quarter, ("quarter", "q1", "q2", "q3", "q4"), False),
            _Pattern(re.compile(rf"(?:(?P<year>{YEAR})年)?(?<!前)(?:第)?(?P<zq>[一二三四1-4])季度"), self._quarter, ("季度",), False),
            _Pattern(re.compile(
                rf"(?i:\b(?P<season>spring|summer|autumn|winter)|\b(?P<fall>fall(?=\s+of\b)|Fall))(?:\s+of)?\s+(?P<year>{YEAR})(?!\d)"
                rf"|(?P<year2>{YEAR})年(?P<zseason>[春夏秋冬])(?:季|天)"), self._season,
                ("spring", "summer", "autumn", "winter", "fall", "春", "夏", "秋", "冬")),
            _Pattern(re.compile(r"\b(?P<shift>(?i:last|this|next|this\s+past))\s+(?P<season>(?i:spring|summer|autumn|winter|fall))\b"
                                r"(?P<year>)(?P<year2>)(?P<fall>)(?P<zseason>)"),
                     self._season, ("spring", "summer", "autumn", "winter", "fall"), False),
            _Pattern(re.compile(
                rf"\b(?P<half>(?i:first|second))\s+half\s+of\s+(?:(?P<year>{YEAR})(?!\d)|(?i:the|this)\s+year\b)"
                rf"|\b(?P<h>H[12])\s?(?P<year2>{YEAR})(?!\d)|(?:(?P<zyear>{YEAR})年)?(?P<zhalf>上|(?<!创)下)半年"), self._half,
                ("half", "h1", "h2", "半年"), False),
            _Pattern(re.compile(
                rf"(?=[A-Z])(?P<month_from>{lex.month_re})\.?(?:\s?[-–]\s?|\s+(?P<sep>to|through|until|and)\s+){capital_month}\.?,?"
                rf"\s+(?:of\s+)?(?P<year>{YEAR})(?!\d)"
                rf"|(?<!\d)(?P<zyear>{YEAR})年(?P<zfrom>1[0-2]|0?[1-9])月?\s?[-–~～至到]\s?(?P<zto>1[0-2]|0?[1-9])月(?![\d\-–]*[日号])"
                rf"|(?<![\d-])(?P<year_from>{YEAR})\s?[-–~～至到]\s?(?P<year_to>{YEAR})年(?![\d\-–]*月)"), self._months),
            _Pattern(re.compile(rf"(?<![\d$€£¥.,])(?P<day>{DAY})(?:st|nd|rd|th)?(?:\s?[-–]\s?(?P<day_to>{DAY})(?:st|nd|rd|th)?)?"
                                rf"\s+(?:of\s+)?{capital_month}\.?(?:,?\s+(?P<year>{YEAR}))?(?![\d:\w])"), self._day),
            _Pattern(re.compile(rf"{capital_month}\.?\s+(?P<day>{DAY})(?:st|nd|rd|th)?"
                                rf"(?:(?:\s?[-–]\s?|\s+(?:to|through)\s+)(?P<day_to>{DAY})(?:st|nd|rd|th)?(?![\d:%.,]\d|[\w%:]))?"
                                rf"(?:,?\s+(?P<year>{YEAR}))?(?!\d|:\d)"), self._day),
            _Pattern(re.compile(rf"{capital_month}\.?,?\s+(?:of\s+)?(?P<year>{YEAR})(?!\d)"), self._day),
            _Pattern(re.compile(
                rf"(?<![\w/.-])(?P<year>{YEAR})(?:([-/.])(?P<mnum>0?[1-9]|1[0-2])\2(?P<day>{DAY})|[-/.](?P<mnum2>0[1-9]|1[0-2]))(?![\w-]|[/.]\d)"),
                self._day,
                ("-", "/", ".")),
            _Pattern(re.compile(rf"(?<![\w/.-])(?P<a>{DAY})/(?P<b>{DAY})/(?P<year>{YEAR})(?![\w/-])"), self._slashed, ("/",)),
            _Pattern(re.compile(
                rf"(?P<prep>(?i:by|no later than|not later than|since|in|from|until|till|through|before|after|during|as of|end of|early|late|mid"
                rf"|(?P<btw>between)))[\s-]+(?P<year>{YEAR})"
                rf"(?:\s?(?:[-–]|(?i:to|through|until)\b|(?(btw)\s(?i:and)|(?!)))\s?(?P<year_to>{YEAR})(?!\d))?"
                rf"(?![\d%.,]\d|[\w%-]|\s+(?i:years|people|times|miles|metres|meters|feet)\b)"
                rf"|(?P<prep2>(?i:for))\s+(?P<year2>{YEAR})(?=\s*(?:[.,;:!?)]|$|(?i:and|or|to|as|but|was|is|were|are|will|the|in|on|at|from|when|while|compared|versus|vs)\b))"),
                self._day),
            _Pattern(re.compile(rf"(?P<year>{YEAR})年(?:(?P<mnum>1[0-2]|0?[1-9])月(?:(?P<day>{DAY})[日号])?)?(?P<suffix>前|以前|之前|以来|起)?"),
                     self._day, ("年",)),
            _Pattern(re.compile(rf"(?<!\d)(?P<mnum>1[0-2]|0?[1-9])月(?P<day>{DAY})(?:[-–~～至到](?P<day_to>{DAY}))?[日号]"
                                rf"(?:[-–~～至到](?P<day_to2>{DAY})[日号])?(?P<suffix>前|以前|之前|以来|起)?"),
                     self._day, ("月",)),
            _Pattern(re.compile(rf"(?<![\d月年第前后近每数多这那连续\-–~至到])(?P<dday>{DAY})日(?![内间游前后以来])"), self._day_of_month,
                     ("日",), True, True),
            _Pattern(relative_dates.PATTERN, self._relative, relative_dates.CUES, False, True),
        ]

    def run(self, ctx: Context, sentence: Sentence) -> None:
        has_digit = HAS_DIGIT.search(sentence.text) is not None
        lowered = sentence.text.lower()
        published = relative_dates.published_date(ctx.article.published) is not None
        taken: list[tuple[int, int]] = []
        found: list[_Found] = []
        for pattern in self.patterns:
            if (pattern.digits and not has_digit) or (pattern.relative and not published):
                continue
            if pattern.cues and not any(cue in lowered for cue in pattern.cues):
                continue
            for match in pattern.regex.finditer(sentence.text):
                if any(s < match.end() and match.start() < e for s, e in taken) or _not_a_claim(sentence.text, match):
                    continue
                value, qualifier, attrs = pattern.read(ctx, sentence, match)
                if value is None or _byline(ctx, sentence, match, value, attrs):
                    continue
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if match.groupdict().get("prep") or match.groupdict().get("prep2"):
                    start = sentence.start + match.start("year" if match.group("prep") else "year2")
                if ("date", start, end) in ctx.found or ctx.is_blocked(start, end):
                    continue
                found.append(_Found(start, end, value, qualifier or self._qualifier_before(ctx, sentence, start), attrs))
                taken.append((match.start(), match.end()))
        for date in _join_spans(ctx.article.text, sorted(found, key=lambda f: f.start)):
            subject = ctx.subject_of(sentence, date.start, date.end, in_list=False)
            shown = format_value("date", date.value, None, date.qualifier, range_end(date.value, date.attrs))
            ctx.add("date", date.start, date.end, date.value, qualifier=date.qualifier, subject=subject, extractor="date",
                    attrs=date.attrs, statement=f"{subject + ': ' if subject else ''}{shown}")

    def _qualifier_before(self, ctx: Context, sentence: Sentence, start: int) -> str | None:
        qualifier = ctx.qualifier_before(sentence, start)
        return qualifier if qualifier in _DATE_QUALIFIERS else None

    def _fiscal(self, ctx: Context, sentence: Sentence, match: re.Match[str]) -> Read:
        return match.group("year"), None, {"fiscal": True}

    def _quarter(self, ctx: Context, sentence: Sentence, match: re.Match[str]) -> Read:
        groups = match.groupdict()
        written = groups.get("q") or groups.get("q2")
        number = int(written[1]) if written else _ORDINALS.get((groups.get("ord") or "").lower()) or _ORDINALS.get(
            groups.get("zq") or "", int(groups["zq"]) if (groups.get("zq") or "").isdigit() else 0)
        if not number:
            return None, None, {}
        year = groups.get("year") or groups.get("year2") or self._context_year(ctx, sentence, match, 3 * number - 2, 3)
        return (f"{year}-Q{number}", None, {}) if year else (None, None, {})

    def _half(self, ctx: Context, sentence: Sentence, match: re.Match[str]) -> Read:
        """``first half of 2019``, ``H2 2019``, ``2019年上半年``, ``上半年``: ISO 8601-2 semesters (40 first, 41 second)."""
        written = (match.group("half") or match.group("h") or match.group("zhalf")).lower()
        half = 1 if written in {"first", "h1", "上"} else 2
        year = (match.group("year") or match.group("year2") or match.group("zyear")
                or self._context_year(ctx, sentence, match, 6 * half - 5, 6))
        return (f"{year}-{39 + half}", None, {}) if year else (None, None, {})

    def _season(self, ctx: Context, sentence: Sentence, match: re.Match[str]) -> Read:
        season = (match.group("season") or match.group("fall") or match.group("zseason")).lower()
        year = match.group("year") or match.group("year2")
        if not year:  # "last summer", "this spring": seen from the publication day
            base = relative_dates.published_date(ctx.article.published)
            if base is None:
                return None, None, {}
            shift = match.group("shift").lower()  # "this past summer" is the last one
            side: relative_dates.Tense = "past" if shift.endswith(("last", "past")) else "future" if shift == "next" else "nearest"
            first = {21: 3, 22: 6, 23: 9, 24: 12}[_SEASONS[season]]
            year = str(relative_dates.period_year(first, 3, base, side))
        return f"{year}-{_SEASONS[season]}", None, {"season": season}

    @staticmethod
    def _context_year(ctx: Context, sentence: Sentence, match: re.Match[str], first_month: int, months: int) -> str | None:
        """The year a period without one (a quarter, a half) belongs to: the last year written before it in the
        sentence, else the one ``relative_dates.period_year`` gives by the sentence's tense (``rose in the fourth
        quarter`` in a January paper is the last fourth quarter)."""
        years = _YEAR_IN_TEXT.findall(sentence.text[: match.start()])
        if years:
            return years[-1]
        published = relative_dates.published_date(ctx.article.published)
        if published is None:
            return None
        side = relative_dates.tense(sentence.text, match.start(), match.end())
        return str(relative_dates.period_year(first_month, months, published, side))

    def _slashed(self, ctx: Context, sentence: Sentence, match: re.Match[str]) -> Read:
        first, second = int(match.group("a")), int(match.group("b"))
        month, day = (second, first) if first > 12 else (first, second)
        if month > 12:
            return None, None, {}
        return f"{match.group('year')}-{month:02d}-{day:02d}", None, {}

    def _day_of_month(self, ctx: Context, sentence: Sentence, match: re.Match[str]) -> Read:
        """``9日`` (Chinese wire copy): ``relative_dates.nearest_day_of_month`` by the sentence's tense, and the day its
        first mention in the article resolved to for every later one (one article, one 25日)."""
        base = relative_dates.published_date(ctx.article.published)
        if base is None:
            return None, None, {}
        earlier = [c.value for c in ctx.found.values()
                   if c.kind == "date" and c.extractor == "date" and c.text == match.group() and c.attrs.get("relative")]
        if earlier:
            return str(earlier[0]), None, {"relative": True}
        side = relative_dates.tense(sentence.text, match.start(), match.end())
        day = relative_dates.nearest_day_of_month(int(match.group("dday")), base, side)
        return (day.isoformat(), None, {"relative": True}) if day else (None, None, {})

    def _months(self, ctx: Context, sentence: Sentence, match: re.Match[str]) -> Read:
        """A span of months in one year (``June to November 2013``, ``between January and June 2012``,
        ``2008年9月-10月``) or of years (``2015-2017年``): one date from its first month or year, ``attrs["range"]`` to
        its last. ``January and June 2012`` without ``between`` is two months, not a span (and no candidate here);
        ``November to February 2014`` starts in the year before."""
        if match.group("year_from"):
            first, last = match.group("year_from"), match.group("year_to")
            return (first, None, {"range": [first, last]}) if last > first else (None, None, {})
        if match.group("zyear"):
            year, first, last = int(match.group("zyear")), int(match.group("zfrom")), int(match.group("zto"))
        else:
            if match.group("sep") == "and" and not _BETWEEN.search(sentence.text[max(0, match.start() - 9) : match.start()]):
                return None, None, {}
            year = int(match.group("year"))
            first, last = self.lex.months[match.group("month_from").lower()], self.lex.months[match.group("month").lower()]
        if first == last:
            return None, None, {}
        start_year = year if first < last else year - 1
        value = f"{start_year}-{first:02d}"
        return value, None, {"range": [value, f"{year}-{last:02d}"]}

    def _relative(self, ctx: Context, sentence: Sentence, match: re.Match[str]) -> Read:
        """A day counted from the publication day; none inside direct quotation (``relative_dates.in_quotation``)."""
        if relative_dates.in_quotation(ctx.article.text, sentence.start + match.start()):
            return None, None, {}
        base = relative_dates.published_date(ctx.article.published)
        day = relative_dates.resolve(match, sentence.text, base) if base else None
        if day is None:
            return None, None, {}
        return day.isoformat(), None, {"relative": True}

    def _day(self, ctx: Context, sentence: Sentence, match: re.Match[str]) -> Read:
        groups = match.groupdict()
        year = groups.get("year") or groups.get("year2")
        month = self.lex.months[groups["month"].lower()] if groups.get("month") else None
        if groups.get("mnum") or groups.get("mnum2"):
            month = int(groups.get("mnum") or groups["mnum2"])
        day = int(groups["day"]) if groups.get("day") else None
        qualifier = _PREPOSITIONS.get((groups.get("prep") or "").lower())
        if groups.get("suffix"):
            qualifier = self.lex.qualifiers.get(groups["suffix"])
        attrs: dict[str, object] = {}
        if month is not None and day is not None and year is None:
            if _HABITUAL.search(sentence.text, 0, match.start()):
                return None, None, attrs
            base = relative_dates.published_date(ctx.article.published)
            side = relative_dates.tense(sentence.text, match.start(), match.end())
            resolved = relative_dates.nearest_year(month, day, base, side) if base else None
            if resolved is None:
                return (None if base else f"--{month:02d}-{day:02d}"), qualifier, attrs
            attrs["year_from"] = "published"
            return resolved.isoformat(), qualifier, _span(resolved.isoformat(), match, attrs)
        if year is None:
            return None, None, attrs
        if month is None:
            if groups.get("year_to") and groups["year_to"] > year:  # "from 2019 to 2021", "in 2019-2021"
                attrs["range"] = [year, groups["year_to"]]
            return year, qualifier, attrs
        if day is None:
            return f"{year}-{month:02d}", qualifier, attrs
        value = f"{year}-{month:02d}-{day:02d}"
        return value, qualifier, _span(value, match, attrs)


@dataclass(frozen=True)
class _Found:
    """A date read in a sentence (article offsets), before it becomes a candidate."""

    start: int
    end: int
    value: str
    qualifier: str | None
    attrs: dict[str, object]


_SPAN_JOIN = re.compile(r"^\s?(?:[-–—~～至到]|(?i:to|through|until|till)\b)\s?$|^\s(?i:and)\s$")
_BETWEEN = re.compile(r"(?i:\bbetween\s)$|[在于]$")


def _join_spans(text: str, dates: list[_Found]) -> list[_Found]:
    """Two dates of one precision joined as a span (``May 30 to June 2``, ``between 2019 and 2021``,
    ``5月10日至6月2日``) as one date from the first, ``attrs["range"]`` to the second: a span is stated with both
    ends. For dates ``from May 10 to June 2`` is a span too (a period, not a change of value)."""
    def joined(first: _Found, second: _Found) -> _Found | None:
        if not _spans(text, first, second):
            return None
        return _Found(first.start, second.end, first.value, first.qualifier, {**first.attrs, "range": [first.value, second.value]})

    return join_pairs(dates, joined)


def _spans(text: str, first: _Found, second: _Found) -> bool:
    if "range" in first.attrs or "range" in second.attrs or first.attrs.get("relative") or second.attrs.get("relative"):
        return False
    if len(first.value) != len(second.value) or first.value[4:5] != second.value[4:5] or not first.value < second.value:
        return False  # one precision: two days, two months, two years
    if first.value[4:6] in {"-Q", "-2", "-4"} and first.value[4:6] != second.value[4:6]:
        return False
    joined = _SPAN_JOIN.match(text[first.end : second.start])
    if joined is None:
        return False
    return "and" not in joined.group().lower() or _BETWEEN.search(text[max(0, first.start - 9) : first.start]) is not None


def _span(value: str, match: re.Match[str], attrs: dict[str, object]) -> dict[str, object]:
    """A span of days in one month (``May 10-12``, ``10-12 May``, ``5月10-12日``, ``5月10日至12日``) is one date from
    its first day, ``attrs["range"]`` to its last: a range is stated with both ends, never its first day alone."""
    last = match.groupdict().get("day_to") or match.groupdict().get("day_to2")
    if last and int(last) > int(value[-2:]):
        attrs["range"] = [value, f"{value[:-2]}{int(last):02d}"]
    return attrs
