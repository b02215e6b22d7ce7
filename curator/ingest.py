"""Files -> Articles, with metadata read off the text where it shows it.

Pure: reads files, returns ``Article`` records and a list of skipped files
with reasons. Storing them is the caller's job (``store.add_articles``).

Text is stored as decoded, with a leading BOM dropped and line ends made
``\\n``; every offset in curator counts code points of that stored text, and
the article id is the first 16 hex digits of its SHA-256, so the same text
ingested twice, from any file, is one article.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from curator import safejson
from curator.models import Article

MAX_BYTES = 5 * 1024 * 1024
"""Largest file ingested (5 MiB): far above any news article, small enough to review."""

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"}


@dataclass(frozen=True)
class Skipped:
    """A file, or one line of a JSONL file, that was not ingested, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class IngestResult:
    articles: list[Article]
    skipped: list[Skipped]


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """Files to read: folders recursed in sorted order, hidden entries and unknown suffixes left out.

    A folder that cannot be listed (no permission, gone meanwhile) is reported, never passed over.
    """
    files: list[Path] = []
    problems: list[Skipped] = []

    def unreadable(error: OSError) -> None:
        problems.append(Skipped(str(error.filename), f"folder cannot be read ({(error.strerror or str(error)).lower()})"))

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for folder, dirs, names in os.walk(path, onerror=unreadable, followlinks=True):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(Path(folder, n) for n in names if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES)
            files.extend(f for f in sorted(found) if f.is_file())
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Skipped(str(path), "no such file or folder"))
    return files, problems


def read_articles(path: Path, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[Skipped]]:
    """The articles in one file (several for JSONL), or the reason it was skipped."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return [], [Skipped(name, f"too large ({size:,} bytes; the limit is {max_bytes:,})")]
        data = path.read_bytes()
    except OSError as error:
        return [], [Skipped(name, f"cannot be read ({error.strerror or error})")]
    if b"\x00" in data[:8192]:
        return [], [Skipped(name, "binary file, not text")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [Skipped(name, f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})")]
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _read_jsonl(path, text)
    if suffix == ".json":
        try:
            record = safejson.loads(text)
        except safejson.BadJSON as error:
            return [], [Skipped(name, str(error))]
        article, problem = _from_record(record, path.name, name)
        return ([article], []) if article else ([], [problem] if problem else [])
    if suffix in {".html", ".htm"}:
        page = html_to_text(text)
        article = make_article(
            page.text, source=path.name, title=page.title, url=page.url, outlet=page.outlet, published=page.published
        )
    else:
        article = make_article(text, source=path.name)
    if article is None:
        return [], [Skipped(name, "empty (no text)")]
    return [article], []


def _read_jsonl(path: Path, text: str) -> tuple[list[Article], list[Skipped]]:
    articles, skipped = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = safejson.loads(line, one_line=True)
        except safejson.BadJSON as error:
            skipped.append(Skipped(where, str(error)))
            continue
        article, problem = _from_record(record, f"{path.name}:{number}", where)
        if article:
            articles.append(article)
        elif problem:
            skipped.append(problem)
    if not articles and not skipped:
        skipped.append(Skipped(str(path), "empty (no records)"))
    return articles, skipped


def _from_record(record: Any, default_source: str, where: str) -> tuple[Article | None, Skipped | None]:
    if not isinstance(record, dict):
        return None, Skipped(where, "a JSON article must be an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        return None, Skipped(where, "has no 'text' string")
    for key in ("title", "url", "published", "source", "outlet", "language"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return None, Skipped(where, f"field '{key}' must be a string")
    language = record.get("language")
    if language is not None and language not in {"en", "zh", "mixed"}:
        return None, Skipped(where, f"language '{language}' is not one of en, zh, mixed")
    article = make_article(
        text,
        source=record.get("source") or default_source,
        title=record.get("title"),
        url=record.get("url"),
        outlet=record.get("outlet"),
        published=record.get("published"),
        language=language,
    )
    return (article, None) if article else (None, Skipped(where, "empty (no text)"))


def normalise(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def make_article(
    text: str,
    *,
    source: str,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
) -> Article | None:
    """An Article from text and whatever metadata is known; the rest is read off the text."""
    text = normalise(text)
    if not text.strip():
        return None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    url = url or find_url(text)
    outlet = outlet or find_outlet(text, url)
    return Article(
        id=digest[:16],
        sha256=digest,
        source=source,
        text=text,
        title=title or find_title(text, outlet),
        url=url,
        outlet=outlet,
        published=published or find_published(text),
        language=language or detect_language(text),
    )


# -- metadata read off the text ---------------------------------------------

_URL_LINE = re.compile(
    r"^\s*(?:原始链接|原文链接|原文|来源|source|original(?:\s+source|\s+link|\s+url)?|url|link)\s*[:：]\s*(https?://\S+)",
    re.IGNORECASE | re.MULTILINE,
)
_ANY_URL = re.compile(r"https?://[^\s)\]>\"'，。]+")
_SOURCE_LINE = re.compile(r"^\s*(?:original\s+source|source|来源|出处)\s*[:：]\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_PAREN_DOMAIN = re.compile(r"\(((?:[a-z0-9-]+\.)+[a-z]{2,})(?:\s+\d+)?\)", re.IGNORECASE)
_PUBLISHED = re.compile(
    r"^\s*(?:published|date|posted|发布时间|发布日期|日期)\s*(?:on)?\s*[:：]?\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})",
    re.IGNORECASE | re.MULTILINE,
)
_FEED_NOISE = re.compile(r"collected in \d+\s*[mhd]\b|\b\d+\s*(?:min|minutes|hours?)\s+ago\b", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_DECORATION = " \t↗→➜»›•·|"


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
    """``Original source: X``, else the host of the source URL, else the first ``(domain.tld)`` citation."""
    match = _SOURCE_LINE.search(text)
    if match:
        name = match.group(1).strip(_DECORATION)
        if name and not name.lower().startswith("http"):
            return name
    if url:
        host = urlparse(url).hostname
        if host:
            return host.removeprefix("www.")
    match = _PAREN_DOMAIN.search(text)
    return match.group(1).lower().removeprefix("www.") if match else None


def find_title(text: str, outlet: str | None) -> str:
    """The first non-empty line that is not a feed masthead (the outlet's name with a fetch time)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:5]:
        masthead = _FEED_NOISE.search(line) or (outlet is not None and outlet in line and len(line) <= len(outlet) + 30)
        if not masthead:
            return _clip(line)
    return _clip(lines[0])


def _clip(line: str, limit: int = 200) -> str:
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def find_published(text: str) -> str | None:
    """A labelled publication date (``Published: 2026-04-13``, ``发布时间：2026年4月13日``) near the top."""
    head = "\n".join(text.split("\n")[:15])
    match = _PUBLISHED.search(head)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


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


# -- HTML -------------------------------------------------------------------


@dataclass
class Page:
    text: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None


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
        self.parts.append(data)


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
        title=title,
        url=meta.get("og:url") or meta.get("canonical"),
        outlet=meta.get("og:site_name"),
        published=published[:10] if published else None,
    )
