"""Publication dates as ISO 8601 text, as precise as the source states them.

Two shapes come in: machine timestamps from a page's metadata
(``2020-01-20T10:00:00+08:00``, ``2016-07-30``; read by ``datetime.fromisoformat``,
ISO 8601 / RFC 3339) and the bylines people read (``March 3, 2016``,
``Published: 10:00am, 20 Jan, 2020``, ``时间：2018-06-21``, ``最后更新: 2018-06-21 09:30:00``).
A byline is a short line that is a date, or a date after a publication label;
a date inside a sentence of the article is not a byline.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_TIME = r"(?:(?:[ T]+|(?<=日))(?P<h>\d{1,2})[:：](?P<mi>\d{2})(?:[:：](?P<s>\d{2}))?)?"
_NUMERIC = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)(?:\s*日)?" + _TIME
)
_MONTH_FIRST = re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\b", re.IGNORECASE)
_DAY_FIRST = re.compile(r"\b(?P<d>\d{1,2})\s+" + _MONTH + r",?\s+(?P<y>(?:19|20)\d{2})\b", re.IGNORECASE)
_LABEL = re.compile(
    r"^\W*(?:published|posted|updated|last\s+updated|date|dated|first\s+published|"
    r"发布时间|发布日期|发表时间|发表于|发布于|最后更新|更新时间|更新于|更新|时间|日期|出版时间)\b",
    re.IGNORECASE,
)
BYLINE_MAX = 80
"""Longest line (characters) read as a byline: longer lines are sentences of the article."""
_BYLINE_WORDS = re.compile(
    r"^(?:on|at|by|am|pm|a\.m\.|p\.m\.|et|edt|est|gmt|utc|bst|hkt|cst|pst|pdt|updated|published|posted|"
    r"mon|tue|wed|thu|fri|sat|sun|[a-z]{3,9}day|\d{1,2}[:.]\d{2}(?:am|pm)?|\d{1,2}(?:am|pm))[.,]?$",
    re.IGNORECASE,
)

_OUTLET_HEAD = re.compile(
    r"^(?P<outlet>[A-Za-z0-9]{0,12}[\u4e00-\u9fff]{0,8}(?:网|網|报|報|社|台|站|新闻|新聞)"
    r"|(?:(?!(?:First|Last|Published|Posted|Updated)\b)[A-Z][\w&.'’-]*[ \t]*){1,4})[ \t]*(?:[(（][^()（）]{1,30}[)）])?[ \t]*"
)
"""An outlet's name heading a byline (``中国网 2019-11-25 10:37``, ``TNW中文站2016年10月14日``,
``CNNMoney (New York) First published February 1, 2016``): a Chinese name ending in 网/报/社/台/站/新闻, or up
to four capitalised words, with an optional place in brackets."""

_SOURCE_CLAUSE = re.compile(r"(?:来源|出处|source)\s*[:：].*$", re.IGNORECASE)
"""A source credit sharing the byline's line (``2020-06-06 10:08 来源：澎湃新闻``)."""


def iso_timestamp(value: str | None) -> str | None:
    """A metadata timestamp as ISO 8601: ``YYYY-MM-DD``, or date-time with the zone it states (none if none).

    Written dates some pages put in their meta tags (``March 3, 2016``, ``3 March 2016``) are read too.
    """
    if not value:
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    text = re.sub(r"^(\d{4}-\d{2}-\d{2})\s+", r"\1T", text).replace(" ", "")
    try:
        stamp = datetime.fromisoformat(text.removesuffix("Z") + ("+00:00" if text.endswith("Z") else ""))
    except ValueError:
        value = value.strip()
        match = _NUMERIC.match(value) or _MONTH_FIRST.fullmatch(value) or _DAY_FIRST.fullmatch(value)
        return _from_match(match) if match else None
    return stamp.isoformat() if 1900 <= stamp.year <= 2100 else None


def byline_date(line: str) -> str | None:
    """The date of a byline line, ISO 8601 (with the time when one is stated, never a zone it does not state)."""
    found = outlet_byline(line)
    return found[1] if found else None


def outlet_byline(line: str) -> tuple[str | None, str] | None:
    """(the outlet heading the byline or None, its date as in ``byline_date``), or None when ``line`` is no byline.

    A byline is a date alone, or with a publication label, a weekday, a time and a zone; it may be headed by
    an outlet's name (``_OUTLET_HEAD``): a Chinese name ending in 网/报/社/站... always, capitalised Latin words
    only before a publication label (``CNNMoney (New York) First published ...``), so that a sentence's
    subject before a bare date (``Apple 2019-11-25``) is not read as one.
    """
    line = line.strip()
    if not line or len(line) > BYLINE_MAX:
        return None
    for pattern in (_NUMERIC, _MONTH_FIRST, _DAY_FIRST):
        match = pattern.search(line)
        if not match:
            continue
        iso = _from_match(match)
        rest = (line[: match.start()] + " " + line[match.end():]).strip()
        if _LABEL.match(rest) or _LABEL.match(line) or _only_byline_words(rest):
            return (None, iso) if iso else None
        head = _OUTLET_HEAD.match(line[: match.start()])
        if head and iso:
            after = (line[head.end(): match.start()] + " " + line[match.end():]).strip()
            chinese = not head.group("outlet")[:1].isupper() or not head.group("outlet").isascii()
            if _LABEL.match(after) or (chinese and _only_byline_words(after)):
                return head.group("outlet").strip(), iso
        return None
    return None


def _only_byline_words(rest: str) -> bool:
    """Whether what surrounds the date is at most a weekday, a time and a zone (``Updated 10:22 AM ET, Thu``)."""
    rest = _SOURCE_CLAUSE.sub("", rest)
    words = [w for w in re.split(r"[\s,|·•/()]+", rest) if w and w not in {"-", "—", "–"}]
    return all(_BYLINE_WORDS.match(w) for w in words)


def _from_match(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    month = int(parts["m"]) if parts.get("m") else _MONTHS[parts["mon"][:3].lower()]
    try:
        day = date(int(parts["y"]), month, int(parts["d"]))
    except ValueError:
        return None
    if parts.get("h") is None:
        return day.isoformat()
    hour, minute, second = int(parts["h"]), int(parts["mi"]), int(parts.get("s") or 0)
    if hour > 23 or minute > 59 or second > 59:
        return day.isoformat()
    return datetime(day.year, day.month, day.day, hour, minute, second).isoformat()


_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-]?(?P<m>[01]\d)[/-]?(?P<d>[0-3]\d)(?=[/_.-])")
"""A date as a path segment of an article's address: ``/2019/09/07/``, ``/2019-09-07/``, ``/20190907/``."""


def url_date(url: str | None) -> str | None:
    """The date in an article's own address (``https://tech.sina.com.cn/t/2019-09-07/doc-….shtml``), ISO 8601."""
    match = _URL_DATE.search(url or "")
    return _from_match(match) if match else None
