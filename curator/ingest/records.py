"""JSON and JSONL articles: an object with a ``text`` string and optional metadata fields.

A ``.json`` file holds one article (its size cap is the record's); a ``.jsonl``
file one per line, read as a stream by ``jsonl``.

Fields: ``text`` (required), ``title``, ``url``, ``published`` (ISO 8601),
``source``, ``outlet``, ``language`` (``en``/``zh``/``mixed``) as strings,
``authors`` as a list of strings (or one string).
"""

from __future__ import annotations

import re
from typing import Any

from curator import safejson
from curator.ingest.article import EMPTY, Skipped, make_article
from curator.models import Article

READER = "json"
_TEXT_FIELDS = ("title", "url", "published", "source", "outlet", "language")
_ISO_DATE = re.compile(
    r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
)
"""``published`` as ISO 8601 says it: a year, a month or a day, with a time and zone if any (as stated)."""


def read_json(text: str, default_source: str, where: str) -> tuple[list[Article], list[Skipped]]:
    """The article of a ``.json`` file, or why it was skipped."""
    try:
        record = safejson.loads(text)
    except safejson.BadJSON as error:
        return [], [Skipped(where, str(error))]
    article, problem = from_record(record, default_source, where)
    return ([article], []) if article else ([], [problem] if problem else [])


def from_line(line: str, default_source: str, where: str) -> Article | Skipped:
    """The article of one JSONL line (``where`` names it as ``file:line``), or why it was skipped."""
    try:
        record = safejson.loads(line, one_line=True)
    except safejson.BadJSON as error:
        return Skipped(where, str(error))
    article, problem = from_record(record, default_source, where)
    return article or problem or Skipped(where, EMPTY)


def from_record(record: Any, default_source: str, where: str) -> tuple[Article | None, Skipped | None]:
    """An Article from one JSON object, or why it cannot be one."""
    if not isinstance(record, dict):
        return None, Skipped(where, "a JSON article must be an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        return None, Skipped(where, "has no 'text' string")
    for key in _TEXT_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            return None, Skipped(where, f"field '{key}' must be a string")
    authors = record.get("authors")
    if isinstance(authors, str):
        authors = [authors]
    if authors is not None and not (isinstance(authors, list) and all(isinstance(a, str) for a in authors)):
        return None, Skipped(where, "field 'authors' must be a list of strings")
    published = record.get("published")
    if published and not _ISO_DATE.fullmatch(published):
        return None, Skipped(where, f"published '{published}' is not an ISO 8601 date (2016-03-03, 2016-03-03T09:30:00+08:00)")
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
        authors=tuple(authors or ()),
        reader=READER,
    )
    return (article, None) if article else (None, Skipped(where, EMPTY))
