"""The fact sheet as JSON (DESIGN.md's shape, described by schema/factsheet.schema.json).

Streamed: the header first, then one fact per line as it is built. Keys are
written in a fixed order, so the same database gives the same bytes.

Facts and evidence lines (one per candidate: the bulk of the sheet) are
written through format strings with every string escaped by the json
module's own C escaper, rather than built as dicts and encoded: a third
less time on a million lines, and the same bytes ``json.dumps`` would give
(the golden file test holds both to that).
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from curator.export.facts import Fact, Sheet, clean_value, decode, quote_selector
from curator.models import Article
from curator.store import ExportRow

_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
_string = json.encoder.encode_basestring  # the C escaper json.dumps(ensure_ascii=False) uses

_FACT = (
    '{"id": %s, "kind": %s, "subject": %s, "statement": %s, "value": %s, "unit": %s, "qualifier": %s, '
    '"status": %s, "edited": %s, "disputed": %s, "corroboration": %s, "sources": %d, "conflicts_with": %s, '
    '"evidence": [%s]}'
)
_EVIDENCE = (
    '{"candidate_id": %s, %s, "text": %s, "quote": %s, "quote_start": %d, "start": %d, "end": %d, '
    '"selector": {"type": "TextQuoteSelector", "exact": %s, "prefix": %s, "suffix": %s}, '
    '"kind": %s, "subject": %s, "statement": %s, "value": %s, "unit": %s, "qualifier": %s, '
    '"extractor": %s, "attrs": %s, "status": %s, "disputed": %s, "edited": %s, '
    '"reviewer": %s, "decided_at": %s, "note": %s}'
)


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
        "published": article.published,
        "language": article.language,
        "sha256": article.sha256,
    }


def article_keys(article: Article) -> str:
    """The article's part of each of its evidence lines, encoded once per article."""
    return (
        f'"article_id": {_string(article.id)}, "article_sha256": {_string(article.sha256)}, '
        f'"source": {_string(article.source)}, "title": {_string(article.title)}, "url": {_encode(article.url)}'
    )


def evidence_json(r: ExportRow, article: str, edits: dict[str, Any] | None) -> str:
    prefix, exact, suffix = quote_selector(r)
    return _EVIDENCE % (
        _string(r.candidate_id), article, _string(r.text), _string(r.quote), r.quote_start, r.start, r.end,
        _string(exact), _string(prefix), _string(suffix), _string(r.kind),
        "null" if r.subject is None else _string(r.subject),
        _string(r.statement),
        _value(r.value),
        "null" if r.unit is None else _string(r.unit),
        "null" if r.qualifier is None else _string(r.qualifier),
        _string(r.extractor),
        _encode(decode(r.attrs)) if r.attrs else "{}",
        _string(r.status),
        "true" if r.disputed else "false",
        _encode({k: clean_value(v) for k, v in edits.items()}) if edits else "null",
        "null" if r.reviewer is None else _string(r.reviewer),
        "null" if r.decided_at is None else _string(r.decided_at),
        "null" if r.note is None else _string(r.note),
    )


def fact_json(fact: Fact, articles: dict[str, str]) -> str:
    edits = fact.edits
    return _FACT % (
        _string(fact.id), _string(fact.kind),
        "null" if fact.subject is None else _string(fact.subject),
        _string(fact.statement),
        _value(fact.value),
        "null" if fact.unit is None else _string(fact.unit),
        "null" if fact.qualifier is None else _string(fact.qualifier),
        _string(fact.status),
        "true" if edits else "false",
        "true" if fact.disputed else "false",
        _string(fact.corroboration),
        fact.sources,
        _encode(fact.conflicts_with) if fact.conflicts_with else "[]",
        ", ".join([evidence_json(r, articles[r.article_id], edits.get(r.candidate_id)) for r in fact.evidence]),
    )


def write_json(out: TextIO, sheet: Sheet) -> None:
    out.write(
        "{\n"
        f'  "generated_at": {_encode(sheet.generated_at)},\n'
        f'  "database": {_encode(sheet.database)},\n'
        f'  "filters": {_encode(sheet.filters)},\n'
        '  "articles": ['
    )
    out.write(",".join(f"\n    {_encode(article_json(a))}" for a in sheet.articles))
    out.write("\n  ],\n" if sheet.articles else "],\n")
    out.write('  "facts": [')
    articles = {a.id: article_keys(a) for a in sheet.articles}
    separator = "\n    "
    for fact in sheet.facts:
        out.write(separator + fact_json(fact, articles))
        separator = ",\n    "
    out.write("\n  ]\n}\n" if separator != "\n    " else "]\n}\n")
