"""The fact sheet as CSV: one row per evidence line, the fact's columns repeated on each.

UTF-8 with a byte-order mark unless ``--no-bom`` (Excel reads a file
without one in the local code page and garbles Chinese; ``write_export``
writes the mark), a header row, RFC 4180 quoting and CRLF line ends, so the
csv module (``encoding="utf-8-sig"``) and pandas read it as written. Spreadsheets run
a cell that begins with ``=``, ``+``, ``-``, ``@``, tab or carriage return
as a formula, so every text cell beginning with one gets a leading ``'``.
Numbers are written as numbers (``6700000000.0``, ``-5.0``): a spreadsheet
reads a plain number, even a negative one, as a value, and no text can
reach those cells; ``fact_value_text`` and ``value_text`` beside them give
the value as a person reads it (``$6.7 billion``, ``29%``, a range with both ends: ``$24 to $28``), from
``curator.display`` like the review screen and the Markdown sheet.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

from curator.display import format_value, range_end
from curator.export.facts import EDITED, Fact, Sheet, clean_value, decode, opinions, quote_selector
from curator.models import Article
from curator.textsafety import CONTROL, visible

COLUMNS = (
    "fact_id", "fact_kind", "fact_subject", "fact_statement", "fact_value", "fact_unit", "fact_qualifier",
    "fact_status", "fact_edited", "fact_disputed", "corroboration", "sources", "conflicts_with",
    "candidate_id", "article_id", "article_sha256", "source", "title", "url",
    "text", "start", "end", "quote", "quote_start", "prefix", "suffix",
    "kind", "subject", "statement", "value", "unit", "qualifier", "extractor", "attrs",
    "status", "disputed", "edited", "reviewer", "decided_at", "note",
    "authors", "opinions",
    "article_count", "outlets", "outlet", "syndicated",
    "fact_value_text", "value_text", "reason",
    "told_by", "also_carried_by",
)
"""One row per evidence line. New columns go at the end, so readers that index columns keep working."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = "".join(FORMULA_STARTS)
_control = CONTROL.search


def _neutral(text: str) -> str:
    return "'" + text if text and text[0] in _FORMULA_FIRST else text


def _cells(values: list[Any]) -> list[Any]:
    """None as an empty cell, booleans as true/false, risky text neutralised, numbers as they are.

    Control characters in text (ESC, BEL, C1; not newline or tab) become their visible pictures
    (``curator.textsafety``), one for one, so a sheet shown in a terminal drives nothing.

    One comprehension rather than a function call per cell: this runs for
    every cell of every row.
    """
    return [
        ("'" + v if v and v[0] in _FORMULA_FIRST else v) if v.__class__ is str and not _control(v)
        else _neutral(visible(v)) if v.__class__ is str
        else "" if v is None
        else ("true" if v else "false") if v.__class__ is bool
        else v
        for v in values
    ]


def fact_rows(fact: Fact, articles: dict[str, Article]) -> Iterator[list[Any]]:
    """The fact's rows, one per evidence line, made as the store streams the lines."""
    head = [
        fact.id, fact.kind, fact.subject, fact.statement, fact.value, fact.unit, fact.qualifier,
        fact.status, fact.edited, fact.disputed, fact.corroboration, fact.sources, " ".join(fact.conflicts_with),
    ]
    fact_text: str | None = None
    tellers, carriers = "; ".join(fact.tellers), "; ".join(fact.carriers)
    for r in fact.evidence:
        attrs = decode(r.attrs)
        if fact_text is None:
            # A claim keeps no attrs: its members agree on the range (``curator.match.clustering``), so the first
            # line's range is the fact's when it starts at the fact's value.
            fact_text = format_value(fact.kind, fact.value, fact.unit, None, range_end(fact.value, attrs))
        article = articles[r.article_id]
        prefix, _, suffix = quote_selector(r)
        yield _cells([
            *head,
            r.candidate_id, r.article_id, article.sha256, article.source, article.title, article.url,
            r.text, r.start, r.end, r.quote, r.quote_start, prefix, suffix,
            r.kind, r.subject, r.statement, clean_value(r.value), r.unit, r.qualifier, r.extractor, r.attrs,
            r.status, bool(r.disputed), r.edited if r.status == EDITED else None,
            r.reviewer, r.decided_at, r.note,
            "; ".join(article.authors),
            json.dumps(opinions(r.opinions), ensure_ascii=False) if r.opinions else "[]",
            fact.article_count, "; ".join(fact.outlets), r.outlet, fact.syndicated(r),
            fact_text, format_value(r.kind, r.value, r.unit, None, range_end(r.value, attrs)), r.reason, tellers, carriers,
        ])


def write_csv(out: TextIO, sheet: Sheet) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for fact in sheet.facts:
        writer.writerows(fact_rows(fact, sheet.by_id))
