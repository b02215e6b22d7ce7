"""http(s) URLs -> Articles: fetch the page (urllib), decode it, read its main text.

Redirects are followed (urllib's limit of 10), the answer is capped at
``MAX_BYTES`` and each step waits at most ``TIMEOUT_S``. Every failure comes
back as a ``Skipped`` with one sentence: the host not found, the connection
refused, an HTTP error status, not an HTML page, too large, no answer in time.
"""

from __future__ import annotations

import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from pathlib import Path

from curator.ingest.article import Skipped, page_article
from curator.ingest.decoding import DecodeError, decode_html
from curator.ingest.files import MAX_BYTES
from curator.models import Article

TIMEOUT_S = 20.0
"""Seconds to wait for a connection, and then for each read of the answer."""
HTML_TYPES = {"text/html", "application/xhtml+xml"}
USER_AGENT = "curator/0.1 (news fact-checking desk; +https://pypi.org/project/trafilatura/ for the extractor)"


class FetchError(Exception):
    """A URL that gave no HTML page; the message is the reason, one sentence without the URL."""


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def read_url_list(path: Path) -> tuple[list[str], list[Skipped]]:
    """The URLs of a ``--urls`` file: one per line, blank lines and ``#`` comments ignored."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8"
        return [], [Skipped(str(path), f"cannot be read ({reason or error})")]
    urls, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            problems.append(Skipped(f"{path}:{number}", f"'{line[:80]}' is not an http(s) URL"))
        elif reason := url_problem(line):
            problems.append(Skipped(f"{path}:{number}", f"'{line[:80]}' {reason}"))
        else:
            urls.append(line)
    return urls, problems


def url_problem(url: str) -> str | None:
    """Why an http(s) address cannot be fetched as written, in a few words (None when it can be).

    The checks follow RFC 3986 as Python's ``urllib.parse`` reads it: a space or control character
    must be percent-encoded, an IPv6 host needs both brackets, the port is 0–65535, a host is required.
    """
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return "contains a space or control character (write a space as %20)"
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - reading it checks the port's range
    except ValueError as error:
        return f"is not a valid address ({error})"
    if not parts.hostname:
        return "names no host"
    return None


def fetch(url: str, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT_S) -> tuple[bytes, str | None, str]:
    """(body, declared charset or None, final URL after redirects); raises FetchError with the reason."""
    if reason := url_problem(url):
        raise FetchError(reason)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, checked by is_url
            headers: Message = response.headers
            kind = headers.get_content_type()
            if kind not in HTML_TYPES:
                raise FetchError(f"is not an HTML page (the server says {kind})")
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"too large ({int(length):,} bytes; the limit is {max_bytes:,})")
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise FetchError(f"too large (over {max_bytes:,} bytes, the limit)")
            return body, headers.get_content_charset(), response.geturl()
    except urllib.error.HTTPError as error:
        raise FetchError(f"the server answered HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(_network_reason(error.reason, url, timeout)) from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"no answer within {timeout:g} seconds") from None
    except (ConnectionError, OSError) as error:
        raise FetchError(_network_reason(error, url, timeout)) from None


def _network_reason(reason: object, url: str, timeout: float) -> str:
    host = urllib.request.urlparse(url).hostname or url
    if isinstance(reason, socket.gaierror):
        return f"the host {host} was not found (DNS lookup failed)"
    if isinstance(reason, ConnectionRefusedError):
        return f"the connection to {host} was refused (nothing listens there)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} seconds"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection to {host} failed ({getattr(reason, 'reason', None) or reason})"
    return f"cannot be fetched ({getattr(reason, 'strerror', None) or reason})"


def read_url(url: str, max_bytes: int = MAX_BYTES, encoding: str | None = None) -> tuple[list[Article], list[Skipped]]:
    """The article at ``url`` (its ``url`` field the address it was fetched from), or why it was skipped."""
    try:
        body, charset, final = fetch(url, max_bytes)
        text = decode_html(body, declared=charset, encoding=encoding)
    except (FetchError, DecodeError) as error:
        return [], [Skipped(url, str(error))]
    from curator.ingest.mainhtml import read_html  # noqa: PLC0415 - trafilatura only when a page comes

    page = read_html(text)
    article = page_article(page, source=url, url=final)
    return ([article], []) if article else ([], [Skipped(url, page.empty_reason)])
