"""The fact sheet as JSON (DESIGN.md's shape, described by schema/factsheet.schema.json).

Streamed: the header first, then one fact per line as it is built. Keys are
written in a fixed order, so the same database gives the same bytes.

Facts and evidence lines (one per candidate: the bulk of the sheet) are
written as f-strings with every string escaped by the json module's own C
escaper, rather than built as dicts and encoded: under half the time on a
million lines, and the same bytes ``json.dumps`` would give (the golden
file was made by json.dumps and the test holds the writer to it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from curator.export.facts import Fact, Sheet, clean_value, decode, line_edits, opinions, quote_selector
from curator.models import Article
from curator.store import ExportRow
from curator.textsafety import json_safe

_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
_string = json.encoder.encode_basestring  # the C escaper json.dumps(ensure_ascii=False) uses


def _text(value: str | None) -> str:
    return "null" if value is None else _string(value)


def _value(value: Any) -> str:
    """A fact or evidence value (number, text or null) exactly as json.dumps writes it."""
    value = clean_value(value)
    if value.__class__ is float:
        return repr(value)
    if value.__class__ is str:
        return _string(value)
    return _encode(value)


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "authors": list(article.authors),
        "published": article.published,
        "language": article.language,
        "sha256": article.sha256,
    }


def article_keys(article: Article) -> str:
    """The article's part of each of its evidence lines, encoded once per article."""
    return (
        f'"article_id": {_string(article.id)}, "article_sha256": {_string(article.sha256)}, '
        f'"source": {_string(article.source)}, "title": {_string(article.title)}, "url": {_text(article.url)}'
    )


def evidence_json(r: ExportRow, article: str, edits: dict[str, Any] | None, syndicated: bool = False) -> str:
    """One evidence line; ``article`` is its article's keys from ``article_keys``."""
    prefix, exact, suffix = quote_selector(r)
    s = _string
    return (
        f'{{"candidate_id": {s(r.candidate_id)}, {article}, "text": {s(r.text)}, "quote": {s(r.quote)}, '
        f'"quote_start": {r.quote_start}, "start": {r.start}, "end": {r.end}, '
        f'"selector": {{"type": "TextQuoteSelector", "exact": {s(exact)}, "prefix": {s(prefix)}, "suffix": {s(suffix)}}}, '
        f'"kind": {s(r.kind)}, "subject": {"null" if r.subject is None else s(r.subject)}, "statement": {s(r.statement)}, '
        f'"value": {_value(r.value)}, "unit": {"null" if r.unit is None else s(r.unit)}, '
        f'"qualifier": {"null" if r.qualifier is None else s(r.qualifier)}, "extractor": {s(r.extractor)}, '
        f'"attrs": {_encode(decode(r.attrs)) if r.attrs else "{}"}, "status": {s(r.status)}, '
        f'"disputed": {"true" if r.disputed else "false"}, '
        f'"edited": {_encode({k: clean_value(v) for k, v in edits.items()}) if edits else "null"}, '
        f'"reviewer": {"null" if r.reviewer is None else s(r.reviewer)}, '
        f'"decided_at": {"null" if r.decided_at is None else s(r.decided_at)}, '
        f'"note": {"null" if r.note is None else s(r.note)}, "opinions": {_encode(opinions(r.opinions)) if r.opinions else "[]"}, '
        f'"outlet": {"null" if r.outlet is None else s(r.outlet)}, "syndicated": {"true" if syndicated else "false"}, '
        f'"reason": {"null" if r.reason is None else s(r.reason)}}}'
    )


def fact_json(fact: Fact, articles: dict[str, str]) -> Iterator[str]:
    """One fact with its evidence lines, in pieces (its fields, then one piece per line as the store streams it,
    then its end) that join into the one JSON object; ``articles`` maps article ids to ``article_keys``."""
    conflicts = _encode(fact.conflicts_with) if fact.conflicts_with else "[]"
    yield (
        f'{{"id": {_string(fact.id)}, "kind": {_string(fact.kind)}, "subject": {_text(fact.subject)}, '
        f'"statement": {_string(fact.statement)}, "value": {_value(fact.value)}, '
        f'"value_range": {"null" if fact.high is None else f"[{_value(fact.value)}, {_value(fact.high)}]"}, '
        f'"unit": {_text(fact.unit)}, '
        f'"qualifier": {_text(fact.qualifier)}, "status": {_string(fact.status)}, '
        f'"edited": {"true" if fact.edited else "false"}, "disputed": {"true" if fact.disputed else "false"}, '
        f'"corroboration": {_string(fact.corroboration)}, "sources": {fact.sources}, "conflicts_with": {conflicts}, '
        f'"article_count": {fact.article_count}, "outlets": {_encode(fact.outlets)}, '
        f'"told_by": {_encode(fact.tellers)}, "also_carried_by": {_encode(fact.carriers)}, '
        '"evidence": ['
    )
    separator = ""
    for r in fact.evidence:
        yield separator + evidence_json(r, articles[r.article_id], line_edits(r), fact.syndicated(r))
        separator = ", "
    yield "]}"


def write_json(out: TextIO, sheet: Sheet) -> None:
    out.write(
        "{\n"
        f'  "generated_at": {_encode(sheet.generated_at)},\n'
        f'  "database": {json_safe(_encode(sheet.database))},\n'
        f'  "filters": {_encode(sheet.filters)},\n'
        '  "articles": ['
    )
    out.write(",".join(f"\n    {json_safe(_encode(article_json(a)))}" for a in sheet.articles))
    out.write("\n  ],\n" if sheet.articles else "],\n")
    out.write('  "facts": [')
    articles = {a.id: article_keys(a) for a in sheet.articles}
    separator = "\n    "
    for fact in sheet.facts:
        out.write(separator)
        for piece in fact_json(fact, articles):
            out.write(json_safe(piece))
        separator = ",\n    "
    out.write("\n  ]\n}\n" if separator != "\n    " else "]\n}\n")
