"""Metadata a web page states for machines: meta tags, JSON-LD, parsely tags, ``<time datetime>``.

Read before the main-text extractor cleans the tree. trafilatura reads most
of the same (``curator.ingest.mainhtml`` takes its title, authors, site name
and date), but keeps only the day of a timestamp and never the JSON-LD
``articleBody``; this module keeps the time and zone as stated, the body a
script-rendered page carries only there, and the section name an outlet
must not be confused with.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from curator.ingest.dates import BYLINE_MAX, byline_date, iso_timestamp

_DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date", "pubdate", "publishdate",
    "publish-date", "date",
)
"""Meta tags (name, property or itemprop, lower-cased) that state when an article was published, best first."""


_COMMENT_TOKEN = re.compile(
    r"(?:[a-z0-9]+[-_])*(?:comments?|tie|replies|reply|discuss|disqus|feedback)(?:[-_][a-z0-9]+)*", re.IGNORECASE
)
"""A class or id token marking a reader-comment thread (``comments``, ``tie-cnt``, ``post_comment_area``,
``disqus_thread``), as a whole hyphen/underscore-separated token (``flag-unfollowComments-on`` is not one)."""


def is_comment_block(element: lxml_html.HtmlElement) -> bool:
    """Whether the element's class or id marks it as a reader-comment thread (never ``<html>``/``<body>``)."""
    if element.tag in {"html", "body"}:
        return False
    tokens = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    return any(_COMMENT_TOKEN.fullmatch(token) for token in tokens)
_STAMP_LABEL = re.compile(r"published|posted|updated|发布|发表|时间|日期|更新", re.IGNORECASE)
"""A publication label in a stamp's text: with it a date without a time is the page's own."""
_BYLINE_MARK = re.compile(r"date|byline|publish|time|dateline", re.IGNORECASE)
_MODIFIED = re.compile(r"modif|updat", re.IGNORECASE)
"""A ``<time>`` marked as the last change (``itemprop="dateModified"``, ``class="updated"``), not the publication."""


@dataclass
class PageMeta:
    """What the page's markup states: ``published`` is ISO 8601 as stated; empty fields were not found."""

    published: str | None = None
    url: str | None = None
    site_name: str | None = None
    section: str | None = None
    article_body: str | None = None
    comments: str = ""
    """The text of the page's comment threads, to tell a commenter's name from the article's author."""
    byline: str | None = None
    """The visible byline's date, looked for only when no metadata states one."""
    authors: list[str] = field(default_factory=list)


def read_page_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    """The page's stated metadata (see ``PageMeta``); never raises on odd markup."""
    meta: dict[str, str] = {}
    for tag in tree.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if key and content:
            meta.setdefault(key, content)
    found = PageMeta(site_name=meta.get("og:site_name"), section=meta.get("article:section"))
    canonical = next((link.get("href") for link in tree.iter("link") if (link.get("rel") or "").lower() == "canonical"), None)
    found.url = _absolute(meta.get("og:url")) or _absolute(canonical)
    stated = [meta[key] for key in _DATE_META if key in meta]
    for item in _json_ld(tree):
        if "articleBody" in item or "datePublished" in item:
            stated.insert(0, str(item.get("datePublished") or "")) if "datePublished" in item else None
            body = item.get("articleBody")
            if isinstance(body, str) and len(body) > len(found.article_body or ""):
                found.article_body = body
            found.section = found.section or _text(item.get("articleSection"))
            found.authors = found.authors or _names(item.get("author"))
    parsely = meta.get("parsely-page")
    if parsely:
        try:
            page = json.loads(parsely)
            stated.append(str(page.get("pub_date") or "")) if isinstance(page, dict) else None
        except ValueError:
            pass
    stated.extend(t.get("datetime") or "" for t in tree.iter("time") if not _MODIFIED.search(_marks(t)))
    found.published = next((iso for iso in map(iso_timestamp, stated) if iso), None)
    found.comments = _comment_text(tree)
    if found.published is None:
        found.byline = _byline(tree)
    return found


def _byline(tree: lxml_html.HtmlElement) -> str | None:
    """The first byline date shown on the page: a ``<time>`` or an element classed as a date or byline.

    What the reader sees counts: an element marked as the last change is taken only when no other
    shows a date (its ``datetime`` may be the change while its text is the dateline); dates inside links are other stories' teasers and are passed over. The text
    must itself read as a byline (``JULY 29, 2016``, ``更新时间 2012年12月10日``), see ``dates.byline_date``.
    """
    changed = None
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in {"script", "style", "meta"}:
            continue
        marks = _marks(element) + f" {element.get('id') or ''}"
        if (element.tag == "time" or _BYLINE_MARK.search(marks)) and next(element.iterancestors("a"), None) is None:
            found = byline_date(" ".join(element.text_content().split())[:BYLINE_MAX + 1])
            if found and not _MODIFIED.search(marks):
                return found
            changed = changed or found
    return changed or _stamp(tree)


def _stamp(tree: lxml_html.HtmlElement) -> str | None:
    """The first dated stamp in unmarked markup: a piece of text outside links (an element's own text, or the text
    after a child) that reads as a byline and states a time of day or a publication label
    (``<div id="ArtFrom"><a>ent.QQ.com</a> 2009年11月09日11:30 <a>腾讯音乐</a>``, ``时间：2019年10月31日 23:00 浏览：``).
    A bare date without either is too often a teaser's in a list of related links to be taken for the page's own.
    """
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in {"script", "style", "meta", "a", "title"}:
            continue
        if next(element.iterancestors("a"), None) is not None:
            continue
        pieces = [element.text or "", *(child.tail or "" for child in element)]
        for piece in pieces:
            piece = " ".join(piece.split())
            found = byline_date(piece[:BYLINE_MAX + 1]) if piece else None
            if found and ("T" in found or _STAMP_LABEL.search(piece)):
                return found
    return None


def _comment_text(tree: lxml_html.HtmlElement) -> str:
    """The text of every outermost element marked as a comment thread, joined."""
    parts, stack = [], [tree]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        if is_comment_block(element):
            parts.append(element.text_content())
        else:
            stack.extend(element)
    return "\n".join(parts)


def is_commenter(name: str, tree_text: str, comments: str) -> bool:
    """Whether ``name`` shows on the page only inside its comment threads (case-blind)."""
    wanted = name.casefold()
    inside = comments.casefold().count(wanted)
    return inside > 0 and tree_text.casefold().count(wanted) <= inside


def _marks(element: lxml_html.HtmlElement) -> str:
    return f"{element.get('itemprop') or ''} {element.get('class') or ''}"


_SAVED_FROM = re.compile(
    r"\A\ufeff?\s*(?:<!DOCTYPE[^>]{0,200}>\s*)?<!--\s*(?:saved from url=\(\d{1,5}\))?\s*(https?://[^\s<>\"]{1,2000})\s*-->",
    re.IGNORECASE,
)


def saved_from(html: str) -> str | None:
    """The address a saved page names in a comment at its very start, or None: the "Mark of the Web" browsers write
    on "Save page as" (``<!-- saved from url=(0043)https://... -->``, Microsoft's convention) or a bare URL
    (``<!--https://www.thepaper.cn/newsDetail_forward_7732983-->``). A page states its own address this way when it
    has no ``og:url`` or canonical link."""
    match = _SAVED_FROM.match(html[:2500])
    return match.group(1) if match else None


def _absolute(url: str | None) -> str | None:
    return url.strip() if url and url.strip().lower().startswith(("http://", "https://")) else None


def _json_ld(tree: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, ``@graph`` members included; unreadable blocks skipped."""
    items: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                stack.extend(graph if isinstance(graph, list) else [])
    return items


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() or None if isinstance(value, str) else None


def _names(value: Any) -> list[str]:
    """Author names from a JSON-LD ``author``: a name, a Person object, or a list of either."""
    values = value if isinstance(value, list) else [value]
    names = []
    for v in values:
        name = v.get("name") if isinstance(v, dict) else v
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names
