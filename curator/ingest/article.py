"""Text and metadata -> an Article: line ends made ``\\n``, control characters dropped, id from the hash.

Every offset in curator counts code points of the stored text, and the
article id is the first 16 hex digits of its SHA-256, so the same text
ingested twice, from any file or page, is one article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from curator.ingest.dates import url_date
from curator.ingest.furniture import is_credit, is_title
from curator.ingest.textmeta import detect_language, find_authors, find_outlet, find_published, find_title, find_url
from curator.models import Article
from curator.textsafety import BIDI_OVERRIDES, CONTROL


TERMINAL_SEQUENCE = re.compile(
    "\x1b[\\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\\\|\x9c)?"
    "|\x9d[^\x07\x1b\x9c\n]{0,512}(?:\x07|\x1b\\\\|\x9c)"
    "|\x1b\\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    "|\x9b[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
    "|\x1b[\x20-\x2f]*[\x30-\x7e]"
)
"""A whole terminal escape sequence (ECMA-48 / ISO 6429, 5th ed. 1991): a control string (OSC ``ESC ]``, DCS
``ESC P``, SOS ``ESC X``, PM ``ESC ^``, APC ``ESC _``) up to its BEL or string terminator (``ESC \\``, U+009C;
an unterminated one up to the line's end), the C1 OSC U+009D with its terminator, a control sequence (CSI
``ESC [`` or U+009B, parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, a final byte 0x40-0x7E), or any other
escape sequence (``ESC``, intermediates, one final byte). A lone C1 character (mis-decoded text holds them) is
left to ``CONTROL``, so it never takes the text after it along."""


EMPTY = "empty (no text)"


@dataclass(frozen=True)
class Skipped:
    """A file, URL, or one line of a JSONL file, that was not ingested, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Page:
    """What a reader made of one document: the text to store and the metadata it found (None: not found)."""

    text: str
    reader: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = field(default_factory=tuple)
    empty_reason: str = EMPTY
    """Why ``text`` is empty, for the one sentence that names the skipped file or URL."""


def normalise(text: str) -> str:
    """A leading BOM dropped and every line end (CRLF, CR, and Unicode's LINE and PARAGRAPH SEPARATOR) made ``\\n``."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


def strip_controls(text: str) -> tuple[str, int]:
    """``text`` without C0/C1 control characters other than ``\\n`` and ``\\t`` (ESC, BEL, backspace, NUL, ...) and
    without bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069, which can make a quote read
    backwards on screen: the "Trojan Source" spoofing, CVE-2021-42574), and how many were removed. A terminal
    escape sequence (``TERMINAL_SEQUENCE``: ``ESC ]0;title BEL``, ``ESC [31m``) goes whole and counts as one, so
    none of it is left behind as text."""
    cleaned, sequences = TERMINAL_SEQUENCE.subn("", text)
    cleaned, removed = CONTROL.subn("", cleaned)
    cleaned, overrides = BIDI_OVERRIDES.subn("", cleaned)
    return cleaned, sequences + removed + overrides


def make_article(
    text: str,
    *,
    source: str,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
    authors: tuple[str, ...] = (),
    reader: str = "plain",
) -> Article | None:
    """An Article from text and whatever metadata is known; the rest is read off the text. None when empty."""
    text, removed = strip_controls(normalise(text))
    if not text.strip():
        return None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    url = _clean_field(url) or find_url(text)
    outlet = _clean_field(outlet) or find_outlet(text, url)
    return Article(
        id=digest[:16],
        sha256=digest,
        source=_clean_field(source) or "-",
        text=text,
        title=_clean_field(title) or find_title(text, outlet),
        url=url,
        outlet=_clean_field(outlet),
        published=_clean_field(published) or find_published(text),
        language=language or detect_language(text),
        authors=tuple(a for a in (_clean_field(a) for a in authors or find_authors(text)) if a),
        reader=reader,
        controls_removed=removed,
    )


def _clean_field(value: str | None) -> str | None:
    """A metadata value on one line, without control characters; None when nothing is left."""
    if value is None:
        return None
    value = " ".join(strip_controls(unicodedata.normalize("NFC", value))[0].split())
    return value or None


def page_article(page: Page, source: str, url: str | None = None) -> Article | None:
    """The Article of a reader's Page; ``url`` (where it was fetched from) wins over the page's own. A title the
    reader guessed from page furniture (``Photo``, ``1 / 5``, a byline; see ``textmeta.is_title``) gives way to
    the first headline of the text, and a picture credit (``Supplied``) is no outlet."""
    title = _clean_field(page.title)
    return make_article(
        page.text,
        source=source,
        title=title if title and is_title(title) and not find_published(title) else None,
        url=url or page.url,
        outlet=None if page.outlet and is_credit(page.outlet) else page.outlet,
        published=page.published or url_date(url),
        authors=page.authors,
        reader=page.reader,
    )
