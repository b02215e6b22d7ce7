"""Files -> Articles: which files to read, and each format's reader.

``.html``/``.htm`` go through the main-text reader (``mainhtml``), ``.json``
and ``.jsonl`` through ``records``, everything else is plain text. Bad files
come back as ``Skipped`` with the reason, never as an exception.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from curator.ingest.article import EMPTY, Skipped, make_article, page_article
from curator.ingest.decoding import DecodeError, decode_html, decode_text
from curator.ingest.jsonl import stream_jsonl
from curator.ingest.records import read_json
from curator.models import Article
from curator.schema import find_profile

MAX_BYTES = 5 * 1024 * 1024
"""Largest article ingested (5 MiB): a file, a page, or one record of a JSONL file (whose size has no limit).
Far above any news article, small enough to review."""

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"}
HTML_SUFFIXES = {".html", ".htm"}


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
"""An address's scheme (RFC 3986 section 3.1) with its ``//``: what a path never starts with."""


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """Files to read: folders recursed in sorted order, hidden entries and unknown suffixes left out.

    A folder that cannot be listed (no permission, gone meanwhile) is reported, never passed over. Links are
    followed, but no folder is read twice (known by device and inode): a link back up the tree
    (``ln -s .. dir/loop``) is named once and not walked, a second way into a folder already read is passed over. An address of another scheme than http(s)
    (``ftp://``, ``file://``) is named with its scheme, never taken for a missing file.
    """
    files: list[Path] = []
    problems: list[Skipped] = []
    seen: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        problems.append(Skipped(str(error.filename), f"folder cannot be read ({(error.strerror or str(error)).lower()})"))

    def first_visit(folder: Path) -> bool:
        try:
            status = folder.stat()
        except OSError:
            return True
        key = (status.st_dev, status.st_ino)
        if key in seen:
            return False
        seen.add(key)
        return True

    def enter(folder: str, name: str) -> bool:
        if name.startswith("."):
            return False
        child = Path(folder, name)
        if first_visit(child):
            return True
        if child.is_symlink() and Path(folder).resolve().is_relative_to(child.resolve()):
            problems.append(Skipped(str(child), "links back to a folder above it (a loop); not walked"))
        return False

    for raw in paths:
        if isinstance(raw, str) and _SCHEME.match(raw):
            problems.append(Skipped(raw, "only http and https addresses can be fetched"))
            continue
        path = Path(raw)
        if path.is_dir():
            if not first_visit(path):
                continue
            found = []
            before = len(problems)
            for folder, dirs, names in os.walk(path, onerror=unreadable, followlinks=True):
                dirs[:] = [d for d in sorted(dirs) if enter(folder, d)]
                found.extend(Path(folder, n) for n in names if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES)
            for found_path in sorted(found):
                if found_path.is_file():
                    files.append(found_path)
                else:
                    problems.append(Skipped(str(found_path), _not_a_file(found_path)))
            if not found and len(problems) == before:
                problems.append(Skipped(str(path), f"holds no article files ({', '.join(sorted(SUFFIXES))})"))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Skipped(str(path), _not_a_file(path)))
    return files, problems


def _not_a_file(path: Path) -> str:
    """Why a path that is neither a folder nor a regular file is skipped."""
    if path.exists():
        return "not a regular file (a device, pipe or socket)"
    if path.is_symlink():
        return f"a link to {os.readlink(path)}, which does not exist"
    return "no such file or folder"


def read_articles(path: Path, max_bytes: int = MAX_BYTES, encoding: str | None = None) -> tuple[list[Article], list[Skipped]]:
    """The articles in one file (several for JSONL), or the reason it was skipped: ``iter_articles`` collected."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in iter_articles(path, max_bytes, encoding):
        (skipped if isinstance(item, Skipped) else articles).append(item)  # type: ignore[arg-type]
    return articles, skipped


def iter_articles(path: Path, max_bytes: int = MAX_BYTES, encoding: str | None = None) -> Iterator[Article | Skipped]:
    """The articles in one file, each as read, or the reason for each one skipped.

    A ``.jsonl`` file is streamed line by line, ``max_bytes`` capping each record
    (``jsonl``); any other file is one article, capped whole. ``encoding`` names
    the codec of files that are not UTF-8 (text files are refused without it).
    Each article carries its corpus profile: the ``curator.yaml`` beside the file
    (``curator.schema.find_profile``), recorded as a path.
    """
    profile = find_profile(path)
    for item in _items(path, max_bytes, encoding):
        yield replace(item, profile=str(profile)) if profile and isinstance(item, Article) else item


def _items(path: Path, max_bytes: int, encoding: str | None) -> Iterator[Article | Skipped]:
    if path.suffix.lower() == ".jsonl":
        yield from stream_jsonl(path, max_bytes, encoding)
        return
    articles, skipped = _read_one(path, max_bytes, encoding)
    yield from skipped
    yield from articles


def _read_one(path: Path, max_bytes: int, encoding: str | None) -> tuple[list[Article], list[Skipped]]:
    """The article of a file that holds one (text, Markdown, HTML, JSON), or why it was skipped."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return [], [Skipped(name, f"too large ({size:,} bytes; the limit is {max_bytes:,})")]
        data = path.read_bytes()
    except OSError as error:
        return [], [Skipped(name, f"cannot be read ({error.strerror or error})")]
    suffix = path.suffix.lower()
    if b"\x00" in data[:8192] and not _utf16_or_32(data):
        return [], [Skipped(name, "binary file, not text")]
    try:
        text = decode_html(data, encoding=encoding) if suffix in HTML_SUFFIXES else decode_text(data, encoding)
    except DecodeError as error:
        return [], [Skipped(name, str(error))]
    if suffix == ".json":
        return read_json(text, path.name, name)
    if suffix in HTML_SUFFIXES:
        from curator.ingest.mainhtml import read_html  # noqa: PLC0415 - trafilatura only when a page comes

        page = read_html(text)
        article, empty_reason = page_article(page, path.name), page.empty_reason
    else:
        article, empty_reason = make_article(text, source=path.name), EMPTY
    if article is None:
        return [], [Skipped(name, empty_reason)]
    return [article], []


def _utf16_or_32(data: bytes) -> bool:
    """Whether the bytes start with a UTF-16 or UTF-32 byte-order mark (their NUL bytes are text)."""
    return data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] == b"\x00\x00\xfe\xff"
