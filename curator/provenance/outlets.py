"""One name per outlet, and the outlet a dateline names.

``canonical_outlet`` turns any way of naming an outlet (a site name, a byline
credit, a URL or domain, Chinese or English) into the one name the fact sheet
shows, using ``schema/outlets.yaml``: ``"reuters.com"``, ``"Thomson Reuters"``
and ``"路透社"`` are ``"Reuters"``; ``"edition.cnn.com"`` is ``"CNN"``;
``"bbc.com/zhongwen"`` and ``"BBC News 中文"`` are ``"BBC"``. A name is looked
up by its normalised tokens (``curator.provenance.text``: case, width,
punctuation and spaces do not matter; a leading "the" is dropped), then part
by part when it reads ``"Site | Section"`` or ``"Site - Section"``. A URL or
bare domain is looked up by host, any subdomain of a listed domain counting;
an unlisted one is known by its registrable domain from the Public Suffix List
(``publicsuffixlist``: ``news.example.co.uk`` -> ``example.co.uk``). Any other
unlisted name is returned as the outlet spells it, spaces collapsed; counting
compares outlets case-insensitively (``curator.provenance.sources``).

``outlet_from_dateline`` reads the wire dateline at the head of an article
(AP Stylebook "datelines"; Chinese wire style ``新华社北京6月21日电``):
``(CNN) --``, ``JAKARTA (Reuters) -``, ``WASHINGTON (AP) —``,
``LONDON, March 3 (Reuters) -``, ``Bloomberg --`` (bare names only for listed
outlets), ``新华社北京6月21日电``, ``中新网6月21日电``, ``证券时报e公司讯，``, ``新京报讯（记者…）``, ``(中央社)``. Only the
first ``HEAD`` characters are searched, and a dateline starts a line.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from curator.provenance.tables import fail, load_entries, table_path
from curator.provenance.text import tokens

HEAD = 1500
"""Characters from the start of an article in which a dateline is looked for."""

_PLACE = r"[A-Z][A-Z.'’]+(?:[ /-][A-Za-z][A-Za-z.'’]*)*(?:,[ \t]*[^()\n]{1,40}?)?[ \t]*"
"""A dateline's place: capitals first (``JAKARTA``, ``WINSTON-SALEM``, ``SURABAYA, Indonesia/JAKARTA``).
Words and their one-character separators never overlap, so a long run of them cannot backtrack."""
_CREDIT = r"\((?P<paren>[A-Z][A-Za-z0-9.&'’ -]{0,38}[A-Za-z.])\)[ \t]*(?:--|[-–—:])"
_BARE = r"(?P<bare>[A-Z][A-Za-z.&'’ ]{1,30}?)[ \t]*(?:--|—)(?=[ \t])"
_EN = re.compile(rf"^[ \t]*(?:{_PLACE})?(?:{_CREDIT}|{_BARE})", re.MULTILINE)
_CJK_NUM = "0-9〇零一二三四五六七八九十"
_ZH_OUTLET = r"[\u4e00-\u9fffA-Za-z]{1,8}?(?:社|网|網|报|報|台|新闻|新聞)"
_ZH = re.compile(
    rf"^[ \t]*[【\[]?(?:(?P<wire>{_ZH_OUTLET})[\u4e00-\u9fff·\s]{{0,12}}?(?:[{_CJK_NUM}]{{2,4}}年)?"
    rf"(?:[{_CJK_NUM}]{{1,3}}月)?[{_CJK_NUM}]{{1,3}}日(?:电|電|讯|訊)"
    rf"|(?P<brief>{_ZH_OUTLET})(?:[A-Za-z]{{0,2}}[\u4e00-\u9fff]{{0,3}})?(?:讯|訊)(?=[，,：:（(\s])"
    rf"|[\u4e00-\u9fff]{{0,6}}[（(](?P<zhparen>{_ZH_OUTLET})[）)])",
    re.MULTILINE,
)
_MAYBE = re.compile(r"[(（]|--|—|日[电電讯訊]|[讯訊][，,：:（(\s]")
"""What every dateline has in its first characters: a cheap test before the full patterns."""
_OWN = {"本报", "本報", "本网", "本網", "本台", "本社"}
""""This paper/site/station": a publication's own credit, naming no outlet."""
_URL = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://)?(?P<host>(?:[^\s/:?#@.]+\.)+[a-z][a-z0-9-]*[a-z0-9])\.?(?::\d+)?(?:[/?#]\S*)?$"
)
"""A URL or bare domain; the last label has two letters or more, so "U.S." is a name, not a domain."""
_PARTS = re.compile(r"\s+[|\-–—]\s+")
_LOCAL = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^\s/@]*@)?(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]*\])\.?(?::\d+)?(?:[/?#]\S*)?$"
)
"""An address on this machine or a bare IP address (``http://127.0.0.1:8765/a.html``, ``localhost``, ``[::1]``):
it names no outlet, so two pages served from one test server are not one source."""


@dataclass(frozen=True)
class Dateline:
    """A dateline found in text: its span (code-point offsets) and the outlet as written."""

    start: int
    end: int
    outlet: str


@dataclass(frozen=True)
class OutletTable:
    """``schema/outlets.yaml`` as lookups: normalised name -> outlet, domain -> outlet."""

    names: dict[str, str]
    domains: dict[str, str]


@functools.lru_cache(maxsize=4)
def outlet_table(path: Path | None = None) -> OutletTable:
    """Load and check ``schema/outlets.yaml`` (or ``path``); CuratorError naming the file and key if malformed."""
    path = table_path(path, "outlets.yaml")
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for outlet, fields in load_entries(path, "outlets", ("names", "domains")).items():
        for name in (outlet, *fields["names"]):
            key = _key(name)
            if not key or names.setdefault(key, outlet) != outlet:
                raise fail(path, f"outlets.{outlet}.names", f"repeats '{name}', already a name of {names.get(key)}")
        for domain in fields["domains"]:
            host = domain.strip().lower()
            if not _URL.match(host) or domains.setdefault(host, outlet) != outlet:
                raise fail(path, f"outlets.{outlet}.domains", f"has '{domain}', not a domain or already {domains.get(host)}'s")
    return OutletTable(names, domains)


def is_local_address(text: str) -> bool:
    """Whether ``text`` (a URL, a bare host or an address) points at this machine or at a bare IP address
    (``http://127.0.0.1:8765/a.html``, ``localhost``, ``[::1]``, ``::1``): such an address names no outlet."""
    if _LOCAL.match(text.lower()):
        return True
    try:
        ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return False
    return True


def canonical_outlet(name: str | None) -> str | None:
    """The one name of the outlet ``name`` refers to (see the module docstring); None for a blank name."""
    text = " ".join(unicodedata.normalize("NFKC", name or "").split())
    if not text:
        return None
    if is_local_address(text):
        return None
    table = outlet_table()
    url = _URL.match(text.lower())
    if url and " " not in text:
        return _by_domain(url.group("host"), table)
    for part in (text, *_PARTS.split(text)):
        known = table.names.get(_key(part))
        if known:
            return known
    return text


def listed_outlet(name: str) -> str | None:
    """The outlet ``schema/outlets.yaml`` lists under ``name`` (any of its names, any case), else None."""
    return outlet_table().names.get(_key(name)) if name.strip() else None


def find_dateline(text: str, head: int = HEAD) -> Dateline | None:
    """The first dateline starting a line within the first ``head`` characters of ``text``, or None."""
    window = text[:head]
    found: list[Dateline] = []
    for match in _EN.finditer(window):
        if match.group("paren") or canonical_outlet(match.group("bare")) in outlet_table().names.values():
            found.append(Dateline(match.start(), match.end(), (match.group("paren") or match.group("bare")).strip()))
            break
    for match in _ZH.finditer(window):
        outlet = (match.group("wire") or match.group("brief") or match.group("zhparen")).removeprefix("据").removeprefix("據")
        if outlet not in _OWN:
            found.append(Dateline(match.start(), match.end(), outlet))
            break
    return min(found, key=lambda d: d.start) if found else None


def outlet_from_dateline(text: str) -> str | None:
    """The canonical outlet named by the article's dateline (``"JAKARTA (Reuters) - ..."`` -> ``"Reuters"``)."""
    dateline = find_dateline(text)
    return canonical_outlet(dateline.outlet) if dateline else None


def strip_dateline(sentence: str) -> str:
    """``sentence`` without a dateline at its very start, so wire copy re-run without it still matches."""
    if not _MAYBE.search(sentence, 0, 120):
        return sentence
    dateline = find_dateline(sentence, head=200)
    if dateline is None or sentence[: dateline.start].strip():
        return sentence
    return sentence[dateline.end :].lstrip(" \t，,：:")


def _by_domain(host: str, table: OutletTable) -> str:
    labels = host.lower().split(".")
    for i in range(len(labels) - 1):
        known = table.domains.get(".".join(labels[i:]))
        if known:
            return known
    return _suffixes().privatesuffix(host.lower()) or host.lower()


@functools.lru_cache(maxsize=1)
def _suffixes():  # type: ignore[no-untyped-def]
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def _key(name: str) -> str:
    words = tokens(name)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(words)
