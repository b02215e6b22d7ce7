"""The visible-text reader: every visible block of an HTML page, one per line.

The fallback when the main-text reader finds no article (a bare fragment, a
page of one paragraph): nothing visible is lost. A line break in the source
is a space, as a browser shows it (outside ``<pre>``), so a paragraph wrapped
in the source stays one line. Scripts, styles, templates and the head are dropped; ``<title>``, the first ``<h1>`` and the ``og:`` /
canonical meta tags give the metadata.
"""

from __future__ import annotations

from html.parser import HTMLParser

from curator.ingest.article import Page
from curator.ingest.dates import iso_timestamp

READER = "visible-text"

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
    "header", "footer", "blockquote", "pre", "hr", "figcaption", "dd", "dt", "main", "aside", "nav", "title",
}
_HIDDEN = {"script", "style", "noscript", "template", "svg", "head"}


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.in_title = False
        self.title = ""
        self.h1: str | None = None
        self.in_h1 = False
        self.pre = 0
        self.h1_parts: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"].strip())
        elif tag == "link" and values.get("rel", "").lower() == "canonical" and values.get("href"):
            self.meta.setdefault("canonical", values["href"].strip())
        if tag == "title":
            self.in_title = True
        if tag in _HIDDEN:
            self.hidden += 1
        if tag == "h1":
            self.in_h1 = True
        if tag == "pre":
            self.pre += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _HIDDEN:
            self.hidden -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _HIDDEN and self.hidden:
            self.hidden -= 1
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag == "h1" and self.in_h1:
            self.in_h1 = False
            if self.h1 is None:
                self.h1 = " ".join("".join(self.h1_parts).split())
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.hidden:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self.parts.append(data if self.pre else data.replace("\r", " ").replace("\n", " "))


def html_to_text(html: str) -> Page:
    """Visible text of a page, one block per line; scripts, styles and the head dropped."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    text = "\n".join(line for line in lines if line)
    meta = parser.meta
    title = meta.get("og:title") or parser.h1 or " ".join(parser.title.split()) or None
    published = meta.get("article:published_time") or meta.get("date") or meta.get("pubdate")
    return Page(
        text=text,
        reader=READER,
        title=title,
        url=meta.get("og:url") or meta.get("canonical"),
        outlet=meta.get("og:site_name"),
        published=iso_timestamp(published),
    )
