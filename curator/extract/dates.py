"""Dates as ISO 8601 text, as precise as stated.

``April 12`` -> ``--04-12`` (or ``2026-04-12`` when the article's own
published date gives the year), ``February 2024`` -> ``2024-02``, ``fiscal
year 2026`` -> ``2026`` (attrs ``fiscal``), ``by 2040``/``2040年前`` -> ``2040``
with qualifier ``by``, ``since 1995`` -> ``1995`` with ``since``, a
``2026-04`` anywhere outside a URL -> ``2026-04``. A bare year counts only
after a preposition (``in 2024``), so numbers that merely look like years
are left alone.
"""

from __future__ import annotations

import re

from curator.extract.base import Context
from curator.extract.lexicon import Lexicon
from curator.extract.numbers import HAS_DIGIT
from curator.extract.sentences import Sentence

YEAR = r"(?:19|20)\d{2}"
_PREPOSITIONS = {"by": "by", "since": "since", "until": "until", "till": "until", "through": "until", "before": "by"}


class DateRule:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        month = rf"(?P<month>{lex.month_re})"
        self.patterns = [
            re.compile(rf"(?i:fiscal(?:\s+year)?|FY)\s?(?P<year>{YEAR})(?!\d)"),
            re.compile(rf"{month}\.?\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:,?\s+(?P<year>{YEAR}))?(?![\d:])"),
            re.compile(rf"{month}\.?\s+(?:of\s+)?(?P<year>{YEAR})(?!\d)"),
            re.compile(rf"(?<![\w/.-])(?P<year>{YEAR})-(?P<mnum>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?(?![\w-])"),
            re.compile(
                rf"(?P<prep>(?i:by|since|in|from|until|till|through|before|after|during|as of|end of|early|late|mid))"
                rf"[\s-]+(?P<year>{YEAR})(?![\d%.,]\d|[\w%-])"
            ),
            re.compile(rf"(?P<year>{YEAR})年(?:(?P<mnum>1[0-2]|0?[1-9])月(?:(?P<day>[12]\d|3[01]|0?[1-9])日)?)?(?P<suffix>前|以前|之前|以来|起)?"),
            re.compile(r"(?<!\d)(?P<mnum>1[0-2]|0?[1-9])月(?P<day>[12]\d|3[01]|0?[1-9])日"),
        ]

    def run(self, ctx: Context, sentence: Sentence) -> None:
        if not HAS_DIGIT.search(sentence.text):
            return
        taken: list[tuple[int, int]] = []
        subject = ctx.subject_of(sentence)
        for index, pattern in enumerate(self.patterns):
            for match in pattern.finditer(sentence.text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                value, qualifier, attrs = self._read(ctx, match, index)
                if value is None:
                    continue
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if index == 4:
                    start = sentence.start + match.start("year")
                if ctx.add(
                    "date", start, end, value, qualifier=qualifier, subject=subject, extractor="date", attrs=attrs,
                    statement=f"{subject + ': ' if subject else ''}{qualifier + ' ' if qualifier else ''}{value}",
                ):
                    taken.append((match.start(), match.end()))

    def _read(self, ctx: Context, match: re.Match[str], index: int) -> tuple[str | None, str | None, dict[str, object]]:
        groups = match.groupdict()
        year = groups.get("year")
        month = self.lex.months[groups["month"].lower()] if groups.get("month") else None
        if groups.get("mnum"):
            month = int(groups["mnum"])
        day = int(groups["day"]) if groups.get("day") else None
        qualifier = None
        attrs: dict[str, object] = {}
        if index == 0:
            attrs["fiscal"] = True
        prep = (groups.get("prep") or "").lower()
        if prep:
            qualifier = _PREPOSITIONS.get(prep)
        suffix = groups.get("suffix")
        if suffix:
            qualifier = self.lex.qualifiers.get(suffix)
        if day is not None and year is None:
            published = ctx.article.published
            if published and re.match(r"\d{4}", published):
                year = published[:4]
                attrs["year_from"] = "published"
            else:
                return f"--{month:02d}-{day:02d}", qualifier, attrs
        if year is None:
            return None, None, attrs
        if month is None:
            return year, qualifier, attrs
        if day is None:
            return f"{year}-{month:02d}", qualifier, attrs
        return f"{year}-{month:02d}-{day:02d}", qualifier, attrs
