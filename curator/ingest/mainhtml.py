"""The main-text reader: an HTML page's article, without the page around it.

trafilatura (A. Barbaresi, "Trafilatura: A Web Scraping Library and
Command-line Tool for Text Discovery and Extraction", ACL 2021 demos; the
best-scoring open-source main-text extractor in the field's comparisons)
finds the article's blocks; they are kept one per
line, headings included, and what it still lets through is dropped here by
kind: link menus (lists of very short items), blocks marked as comments by
their class, and one-line page furniture (share buttons, "continue reading",
newsletter and copyright lines). A page that carries its body only in
JSON-LD ``articleBody`` (script-rendered pages) is read from there. When
neither gives a main text, the visible-text reader takes the page, so
nothing is lost. A page whose every line is a link or a heading (a
directory listing, a section front, a site map) holds no article and is
skipped with that reason.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from curator.ingest import visible
from curator.ingest.article import Page
from curator.ingest.dates import byline_date, iso_timestamp, url_date
from curator.ingest.pagemeta import PageMeta, is_comment_block, is_commenter, read_page_meta, saved_from

READER = "trafilatura"
JSON_LD_READER = "json-ld"

_MENU_ITEM_WORDS = 3
"""A list whose every item has at most this many words (CJK: twice as many characters) is a menu, not prose."""
_FURNITURE_CLASS = re.compile(
    r"related|share|social|newsletter|subscribe|promo|advert|cookie|breadcrumb|\bnav|menu|footer|keyword|\btags?\b",
    re.IGNORECASE,
)
_FURNITURE_LINE = re.compile(
    r"(?:continue reading(?: the main story)?|read more|advertisement|(?:tweet|share|link|digg|email|print|save)"
    r"(?: this| on \w+)?|reprints?|sign up.*|subscribe.*|click here.*|follow us.*|related(?: articles| stories| coverage)?"
    r"|all rights reserved.*|copyright\b.*|©.*|our standards\b.*|why you can trust\b.*"
    r"|精彩视频推荐|相关阅读|相关新闻|推荐阅读|延伸阅读|字号|分享到.*|转播到.*|责任编辑[:：].*"
    r"|关键词\s*>>.*|.*版权所有.*|【.*(?:未经授权|不得转载|版权).*】|打开.*客户端.*)[\s:：.。!！]*",
    re.IGNORECASE,
)
FURNITURE_MAX = 100
"""Longest line (characters) the one-line furniture patterns apply to: longer lines are prose."""
_COPYRIGHT = re.compile(r"版权所有|copyright|©|all rights reserved", re.IGNORECASE)
LINKS_ONLY = "a page of links and headings (an index or directory listing), not an article"
PAGE_DATE_ONLY = {"extensive_search": False, "original_date": True}
"""htmldate's cheapest settings. Its answer is not used: even without the extensive search it takes dates from
related links' text and addresses, and with it a year from the article's own sentences ("opened its first plant
in 2009" gave 2009-01-01). The date comes from the page's metadata, byline or stamp (``pagemeta``), else its own
address (``dates.url_date``)."""
_HEADINGS = ("title", "h1", "h2", "h3", "h4", "h5", "h6")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def read_html(html: str) -> Page:
    """The article of a page with its metadata (see ``Page``); falls back to ``visible.html_to_text``."""
    import trafilatura  # noqa: PLC0415 - a heavy import, paid only when a page is read

    tree = trafilatura.load_html(html)
    if tree is None:
        return visible.html_to_text(html)
    stated = read_page_meta(tree)
    stated.url = stated.url or saved_from(html)
    page_text = tree.text_content() if stated.comments else ""
    document = trafilatura.bare_extraction(
        tree, output_format="xml", with_metadata=True, include_comments=False, include_tables=True, deduplicate=False,
        date_extraction_params=PAGE_DATE_ONLY,
    )
    lines = _body_lines(document.body) if document is not None and document.body is not None else []
    text, reader = "\n".join(lines), READER
    body = "\n".join(" ".join(line.split()) for line in (stated.article_body or "").splitlines() if line.strip())
    if len(body) > 2 * len(text):
        text, reader = body, JSON_LD_READER
    if not text.strip():
        fallback = visible.html_to_text(html)
        text, reader = fallback.text, fallback.reader
    if _links_and_headings_only(tree, text):
        return Page(text="", reader=reader, empty_reason=LINKS_ONLY)
    page = _page(text, reader, stated, document)
    page.authors = tuple(a for a in page.authors if not is_commenter(a, page_text, stated.comments))
    return page


def _links_and_headings_only(tree: Any, text: str) -> bool:
    """Whether every line of ``text`` is the whole text of one of the page's links or headings."""
    labels = {_flat(element.text_content()) for element in tree.iter("a", *_HEADINGS)}
    return all(line in labels for line in _split(text))


def _page(text: str, reader: str, stated: PageMeta, document: Any) -> Page:
    title = getattr(document, "title", None)
    authors = _authors(getattr(document, "author", None)) or tuple(stated.authors)
    url = stated.url or getattr(document, "url", None)
    published = stated.published or stated.byline or url_date(url)
    return Page(
        text=text,
        reader=reader,
        title=title,
        url=url,
        outlet=_outlet(stated.site_name, stated.section, url)
        or _outlet(getattr(document, "sitename", None), stated.section, url),
        published=published,
        authors=authors,
    )


def _authors(value: str | None) -> tuple[str, ...]:
    """trafilatura's ``A; B`` as names, each once (case-blind), in the order given."""
    seen: dict[str, str] = {}
    for name in (value or "").split(";"):
        name = " ".join(name.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())


def _outlet(name: str | None, section: str | None, url: str | None) -> str | None:
    """A site name fit to be an outlet: not a date line, a section or edition name, a copyright line or a code.

    A Latin-script name must match the page's host (``Nature``/nature.com, ``NYTimes``/nytimes.com) or
    be its initials (``South China Morning Post``/scmp.com); otherwise the host names the outlet.
    """
    if not name:
        return None
    name = " ".join(name.split())
    if byline_date(name) or iso_timestamp(name) or _COPYRIGHT.search(name) or "_" in name or len(name) > 60:
        return None
    if section and name.casefold() == " ".join(section.split()).casefold():
        return None
    host = (urlparse(url).hostname or "") if url else ""
    if host and not _CJK.search(name) and not _fits_host(name, host):
        return None
    return name


def _fits_host(name: str, host: str) -> bool:
    words = re.findall(r"[a-z0-9]+", name.lower())
    compact, initials = "".join(words), "".join(w[0] for w in words)
    labels = [label for label in host.lower().split(".") if label not in {"www", "com", "co", "org", "net", "uk", "cn"}]
    return any(compact and (compact in label or label in compact or initials == label) for label in labels)


def _body_lines(body: Any) -> list[str]:
    """The article's lines from trafilatura's XML body: one per paragraph, heading, list item or table row."""
    lines: list[str] = []
    for block in body:
        classes = f"{block.get('class') or ''} {block.get('id') or ''}"
        if is_comment_block(block):
            break
        if not _FURNITURE_CLASS.search(classes) and not (block.tag == "list" and _is_menu(block)):
            lines.extend(_block_lines(block))
        lines.extend(_split(block.tail))
    return [line for line in lines if not _is_furniture(line)]


def _block_lines(block: Any) -> list[str]:
    if block.tag == "list":
        return [line for item in block.iter("item") for line in _split(_text_of(item))]
    if block.tag == "table":
        rows = (" | ".join(_flat(_text_of(cell)) for cell in row.iter("cell")) for row in block.iter("row"))
        return [row for row in rows if row.strip(" |")]
    return _split(_text_of(block))


def _text_of(element: Any) -> str:
    """The element's text with ``<lb/>`` as a line break."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _split(text: str | None) -> list[str]:
    return [line for line in (_flat(part) for part in (text or "").split("\n")) if line]


def _is_menu(block: Any) -> bool:
    items = [_flat(_text_of(item)) for item in block.iter("item")]
    return len(items) >= 2 and all(_short(item) for item in items)


def _short(item: str) -> bool:
    cjk = len(_CJK.findall(item))
    return len(item.split()) <= _MENU_ITEM_WORDS and cjk <= 2 * _MENU_ITEM_WORDS


def _is_furniture(line: str) -> bool:
    return len(line) <= FURNITURE_MAX and bool(_FURNITURE_LINE.fullmatch(line))
