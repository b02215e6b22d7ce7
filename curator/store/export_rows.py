"""The fact-sheet query: evidence lines joined with their facts, streamed in fact order, and their articles."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from curator.models import Article
from curator.store.articles import article_columns, to_article
from curator.store.claims import (
    FACT_ARTICLE_COUNT, FACT_CARRIERS, FACT_CORROBORATION, FACT_ID, FACT_OUTLETS, FACT_SOURCES, FACT_TELLERS, fact_field,
)
from curator.store.connection import Connection
from curator.store.records import SELECTOR_CONTEXT, ExportFilter, ExportRow, FactHead

OPINIONS = (
    "SELECT json_group_array(json_object('reviewer', o.reviewer, 'action', o.action, 'value', o.value,"
    " 'note', o.note, 'reason', o.reason, 'adjudicate', json(o.adjudicate), 'decided_at', o.decided_at)) FROM ("
    " SELECT d.reviewer, d.action, d.note, d.decided_at,"
    "  CASE d.action WHEN 'reject' THEN json_extract(d.fields, '$.reason') END AS reason,"
    "  CASE d.adjudicate WHEN 0 THEN 'false' ELSE 'true' END AS adjudicate,"
    "  CASE d.action WHEN 'edit' THEN coalesce(json_extract(d.fields, '$.value'), c.value)"
    "   WHEN 'accept' THEN c.value END AS value"
    " FROM live_decisions d WHERE d.candidate_id = c.id"
    # "+n.reviewer": look the later decisions up by candidate, never by reviewer (one reviewer has thousands).
    "  AND NOT EXISTS (SELECT 1 FROM live_decisions n WHERE n.candidate_id = c.id AND +n.reviewer = d.reviewer"
    "   AND n.id > d.id)"
    " ORDER BY d.reviewer) o"
)
"""Each reviewer's live view of candidate ``c`` as a JSON array, by reviewer name: their latest decision no undo
took back, with the value it holds (an edit's value, the candidate's for an accept, null for a reject or skip) and a
reject's reason."""

_EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    # The fact: the claim's fields, or the candidate's own when it has no claim.
    ("fact_id", FACT_ID),
    ("fact_kind", fact_field("kind")),
    ("fact_subject", fact_field("subject")),
    ("fact_statement", fact_field("statement")),
    ("fact_value", fact_field("value")),
    ("fact_unit", fact_field("unit")),
    ("fact_qualifier", fact_field("qualifier")),
    ("corroboration", FACT_CORROBORATION),
    ("sources", FACT_SOURCES),
    # The evidence line.
    ("candidate_id", "c.id"),
    ("article_id", "c.article_id"),
    ("kind", "c.kind"),
    ("text", "c.text"),
    ("start", "c.span_start"),
    ("end", "c.span_end"),
    ("quote", "c.quote"),
    ("quote_start", "c.quote_start"),
    ("context", f"substr(a.text, max(c.span_start - {SELECTOR_CONTEXT}, 0) + 1,"
                f" c.span_end - max(c.span_start - {SELECTOR_CONTEXT}, 0) + {SELECTOR_CONTEXT})"),
    ("subject", "c.subject"),
    ("statement", "c.statement"),
    ("value", "c.value"),
    ("unit", "c.unit"),
    ("qualifier", "c.qualifier"),
    ("extractor", "c.extractor"),
    ("attrs", "c.attrs"),
    ("status", "c.status"),
    ("disputed", "c.disputed"),
    ("reviewer", "c.decided_by"),
    ("decided_at", "c.decided_at"),
    ("note", "c.note"),
    ("edited", "c.edited"),
    ("opinions", f"CASE WHEN c.decision_id IS NULL THEN NULL ELSE ({OPINIONS}) END"),
    # Provenance, after the rest: the fact's articles and outlets, the evidence's outlet.
    ("article_count", FACT_ARTICLE_COUNT),
    ("outlets", FACT_OUTLETS),
    ("outlet", "a.outlet_name"),
    # The reason of the reject that sets the status (kept in the decision's fields; see ``Store.decide``).
    ("reason", "CASE WHEN c.status = 'rejected' THEN"
               " (SELECT json_extract(d.fields, '$.reason') FROM decisions d WHERE d.id = c.decision_id) END"),
    # Who told the fact: each independent source's original teller, and outlets that only carried copy.
    ("tellers", FACT_TELLERS),
    ("carriers", FACT_CARRIERS),
)
assert tuple(name for name, _ in _EXPORT_COLUMNS) == ExportRow._fields
_EXPORT_SELECT = ", ".join(expression for _, expression in _EXPORT_COLUMNS)
_EXPORT_LOOSE = 1 << 62
"""Added to a candidate's seq to order candidates without a claim after every claim of their kind."""


def _export_conditions(f: ExportFilter) -> tuple[list[str], list[Any]]:
    """WHERE conditions (to AND together) of an export over ``candidates c``, ``articles a``, ``claims cl``."""
    conditions: list[str] = []
    params: list[Any] = []

    def among(expression: str, values: Sequence[str]) -> str:
        params.extend(values)
        return f"{expression} IN ({', '.join('?' * len(values))})"

    if f.statuses is not None:
        parts = [among("c.status", f.statuses)] if f.statuses else []
        if f.disputed:
            parts.append("c.disputed = 1")
        conditions.append(f"({' OR '.join(parts) or '0'})")
    if f.kinds is not None:
        conditions.append(among(fact_field("kind"), f.kinds))
    if f.articles is not None:
        conditions.append(f"({among('a.id', f.articles)} OR {among('a.source', f.articles)})")
    if f.corroborations is not None:
        conditions.append(among(FACT_CORROBORATION, f.corroborations))
    return conditions, params


class ExportRows(Connection):
    """What ``curator export`` reads, inside one ``read_snapshot``."""

    def iter_export_rows(self, f: ExportFilter) -> Iterator[ExportRow]:
        """Every evidence line the filter selects, streamed by one query, each fact's lines consecutive.

        Order: facts by ``f.kind_order`` (other kinds after, by name), then
        claims in claim order, then candidates without a claim in candidate
        order; a fact's lines by article (ingest order) and offset. SQLite
        sorts in bounded memory, spilling to a temporary file when large.
        """
        where, params, rank, fact_order = self._export_order(f)
        yield from self._tuple_stream(
            f"SELECT {_EXPORT_SELECT} FROM candidates c JOIN articles a ON a.id = c.article_id"
            f" LEFT JOIN claims cl ON cl.id = c.claim_id{where}"
            f" ORDER BY {rank}, {', '.join(fact_order)}, a.seq, c.span_start, c.span_end, c.seq",
            params,
            ExportRow._make,
        )

    def iter_fact_heads(self, f: ExportFilter) -> Iterator[FactHead]:
        """One ``FactHead`` per fact the filter selects, in the order of ``iter_export_rows``'s facts, streamed:
        read beside it, a fact's totals are known before its first line is written."""
        where, params, rank, fact_order = self._export_order(f)
        latest = f"max(CASE WHEN c.status = 'edited' THEN coalesce(c.decided_at, '') || char(1) || c.id END)"
        for head in self._tuple_stream(
            f"SELECT {FACT_ID}, group_concat(DISTINCT c.status), max(c.disputed), {latest}"
            f" FROM candidates c JOIN articles a ON a.id = c.article_id LEFT JOIN claims cl ON cl.id = c.claim_id{where}"
            f" GROUP BY 1 ORDER BY {', '.join(f'min({e})' for e in (rank, *fact_order))}",
            params,
            FactHead._make,
        ):
            yield head._replace(latest_edit=head.latest_edit.rpartition("\x01")[2]) if head.latest_edit else head

    @staticmethod
    def _export_order(f: ExportFilter) -> tuple[str, list[Any], str, tuple[str, str]]:
        """(WHERE clause, its parameters then the kind ranks', the kind rank expression, the fact order within a kind):
        facts sort by rank then the fact order's expressions, each one value per fact."""
        conditions, params = _export_conditions(f)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        kind = fact_field("kind")
        whens = " ".join("WHEN ? THEN ?" for _ in f.kind_order)
        ranks = [x for rank, name in enumerate(f.kind_order) for x in (name, rank)]
        rank = f"CASE {kind} {whens} ELSE {len(f.kind_order)} END" if f.kind_order else "0"
        fact_order = (kind, f"CASE WHEN cl.id IS NULL THEN c.seq + {_EXPORT_LOOSE} ELSE cl.seq END")
        return where, [*params, *ranks], rank, fact_order

    def export_articles(self, f: ExportFilter) -> list[Article]:
        """The articles at least one selected evidence line comes from, in ingest order (``text`` left empty)."""
        conditions, params = _export_conditions(f)
        columns = article_columns("a", text="''")
        rows = self._rows(
            f"SELECT {columns}"
            " FROM articles a WHERE EXISTS (SELECT 1 FROM candidates c LEFT JOIN claims cl ON cl.id = c.claim_id"
            f" WHERE {' AND '.join(['c.article_id = a.id', *conditions])}) ORDER BY a.seq",
            params,
        )
        return [to_article(r) for r in rows]
