"""Metadata read off plain text: source link, outlet, title, byline date, language.

Used for text files and JSON records, and for what a web page's own
metadata left open.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from curator.ingest.dates import byline_date, outlet_byline
from curator.ingest.furniture import is_credit, is_title

_URL_LINE = re.compile(
    r"^\s*(?:原始链接|原文链接|原文|来源|source|original(?:\s+source|\s+link|\s+url)?|url|link)\s*[:：]\s*(https?://\S+)",
    re.IGNORECASE | re.MULTILINE,
)
_ANY_URL = re.compile(r"https?://[^\s)\]>\"'，。]+")
_SOURCE_LINE = re.compile(r"^[ \t]*(?:original\s+source|source|来源|出处)[ \t]*[:：][ \t]*(.+?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_REPOST_TAIL = re.compile(r"\s+(?:\S*(?:收集|转载|轉載|整理)|(?:19|20)\d{2}[-/.年]).*$")
"""What follows a source's name on a reposter's line: ``新浪科技 酷勤网收集 2009-11-01``."""
_PAREN_DOMAIN = re.compile(r"\(((?:[a-z0-9-]+\.)+[a-z]{2,})(?:\s+\d+)?\)", re.IGNORECASE)
_FEED_NOISE = re.compile(r"collected in \d+\s*[mhd]\b|\b\d+\s*(?:min|minutes|hours?)\s+ago\b", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_DECORATION = " \t↗→➜»›•·|"
_BY_LINE = re.compile(r"^\s*(?:by|written by|words by)\s+(.+?)\s*$", re.IGNORECASE)
_ZH_BY_LINE = re.compile(
    r"^\s*(?:\S{0,8}?记者[\s:：]*|(?:作者|撰文|文)\s*[:：|/]\s*|作者\s+)"
    r"([\u3400-\u9fff·]{2,5}(?:[\s、，,]+[\u3400-\u9fff·]{2,5})*)\s*$"
)
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|bin|al)){0,3}")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|、|，)\s*")
_BYLINE_TAIL = re.compile(r"\s*(?:[|,;]\s*)?(?:for |in |at )?(?:reuters|ap|afp|bloomberg|cnn|bbc|staff|correspondent).*$|\s+\|.*$", re.IGNORECASE)
BYLINE_LINES = 15
"""How many lines from the top a byline date is looked for in."""
FOOTER_LINES = 5
"""How many lines from the end a byline date is looked for in, when the top has none (``CNNMoney (New York) First
published February 1, 2016`` closes CNN's pages)."""


def find_url(text: str) -> str | None:
    """A labelled source link (``原始链接: URL``, ``Source: URL``), else a URL on a line of its own near the top."""
    match = _URL_LINE.search(text)
    if match:
        return match.group(1).rstrip(".,;")
    for line in text.split("\n")[:10]:
        stripped = line.strip()
        if _ANY_URL.fullmatch(stripped):
            return stripped
    return None


def find_outlet(text: str, url: str | None) -> str | None:
    """``Original source: X`` in the top or last lines, else the host of the source URL, else a known outlet heading
    a byline, else the first ``(domain.tld)`` citation.

    A source line listing several sources (``SOURCE: Aviation Safety Network; ICAO``) credits a chart, and a
    date or ``收集``/``转载`` after the name is the reposter's stamp, cut off. An address on this machine or an IP
    address names no outlet, and an upper-case ``(LART.NS)`` is a stock ticker (a Reuters instrument code), not a
    domain.
    """
    for match in _SOURCE_LINE.finditer("\n".join(_byline_lines(text))):
        name = _REPOST_TAIL.sub("", match.group(1)).strip(_DECORATION)
        if name and ";" not in name and not name.lower().startswith("http") and not byline_date(name) and not is_credit(name):
            return name
    from curator.provenance.outlets import is_local_address  # noqa: PLC0415 - the outlet table's module, as below

    host = urlparse(url).hostname if url else None
    if host and not is_local_address(host):
        return host.removeprefix("www.")
    known = _byline_outlet(text)
    if known:
        return known
    match = next((m for m in _PAREN_DOMAIN.finditer(text) if not m.group(1).isupper()), None)
    return match.group(1).lower().removeprefix("www.") if match else None


def _byline_outlet(text: str) -> str | None:
    """The outlet heading a byline in the top lines (``中国网 2019-11-25``) when the outlet table knows it."""
    from curator.provenance.outlets import canonical_outlet, outlet_table  # noqa: PLC0415 - the table only when needed

    for line in _byline_lines(text):
        found = outlet_byline(line)
        if found and found[0] and canonical_outlet(found[0]) in outlet_table().names.values():
            return found[0]
    return None


def find_title(text: str, outlet: str | None) -> str:
    """The first line that reads as a headline: not a feed masthead (the outlet's name with a fetch time), a
    byline (``TNW中文站2016年10月14日07:17``) or page furniture (``is_title``); else the first line."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:8]:
        masthead = _FEED_NOISE.search(line) or (outlet is not None and outlet in line and len(line) <= len(outlet) + 30)
        if not masthead and is_title(line) and not byline_date(line):
            return _clip(line)
    return _clip(lines[0])


def _clip(line: str, limit: int = 200) -> str:
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def find_published(text: str) -> str | None:
    """The first byline date in the top lines, else the last lines (``Published: 2026-04-13``, ``March 3, 2016``,
    ``时间：2018-06-21``, ``最后更新: 2018-06-21 09:30:00``, ``中国网 2019-11-25 10:37:31``), ISO 8601; see
    ``dates.byline_date``."""
    for line in _byline_lines(text):
        found = byline_date(line)
        if found:
            return found
    return None


def _byline_lines(text: str) -> list[str]:
    lines = text.split("\n")
    return lines[:BYLINE_LINES] + lines[max(BYLINE_LINES, len(lines) - FOOTER_LINES):]


def find_authors(text: str) -> tuple[str, ...]:
    """Author names from a byline in the top lines: ``By Ana Sato and Ben Ito``, ``作者：李华``, ``澎湃新闻记者 贺梨萍``."""
    for line in text.split("\n")[:BYLINE_LINES]:
        if len(line) > 80:
            continue
        zh = _ZH_BY_LINE.match(line)
        if zh:
            return tuple(n for n in _NAME_SPLIT.split(zh.group(1).strip()) if n)
        match = _BY_LINE.match(line)
        if match:
            names = [n.strip() for n in _NAME_SPLIT.split(_BYLINE_TAIL.sub("", match.group(1))) if n.strip()]
            if names and all(_NAME.fullmatch(n) for n in names):
                return tuple(names)
    return ()


def detect_language(text: str) -> str:
    """``zh``, ``en`` or ``mixed`` from the share of Chinese characters against Latin words.

    A Chinese character carries about as much as an English word, so the two
    are counted alike; a few Chinese names in an English article keep it ``en``.
    """
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN_WORD.findall(text))
    if cjk + latin == 0:
        return "en"
    share = cjk / (cjk + latin)
    if share >= 0.85:
        return "zh"
    if share <= 0.05:
        return "en"
    return "mixed"
