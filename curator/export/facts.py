"""Evidence lines grouped into facts: the status and value rules every format shares.

The store streams one row per evidence line with each fact's lines next to
each other, and beside it one ``FactHead`` per fact (its statuses, whether
disputed, its last edit): a fact is its head and first line, its lines are
read as the writer writes them, so memory follows neither the database nor
the largest fact. This runs once per candidate, so it stays plain: tuples
in, one small object per fact out.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from curator.display import range_end
from curator.models import Article, Status
from curator.provenance.syndication import copy_fingerprint
from curator.store import SELECTOR_CONTEXT, ExportRow, FactHead

STRENGTH = {
    Status.EDITED.value: 4,
    Status.ACCEPTED.value: 3,
    Status.PENDING.value: 2,
    Status.SKIPPED.value: 1,
    Status.REJECTED.value: 0,
}
"""A fact takes the strongest status of its evidence: a claim verified by anyone counts as verified."""

EDITED = Status.EDITED.value


def clean_value(value: Any) -> Any:
    """One representation per number so the same database always prints the same bytes.

    Integers become floats (``6700000000`` and ``6.7e9`` both print
    ``6700000000.0``); a non-finite float, which JSON cannot carry, becomes None.
    """
    if value.__class__ is int:
        return float(value)
    if value.__class__ is float and not math.isfinite(value):
        return None
    return value


def quote_selector(row: ExportRow) -> tuple[str, str, str]:
    """The W3C TextQuoteSelector's (prefix, exact, suffix), cut from the article text the row carries."""
    before = min(row.start, SELECTOR_CONTEXT)
    after = before + row.end - row.start
    window = row.context
    return window[:before], window[before:after], window[after:]


def decode(text: str | None) -> dict[str, Any]:
    """A JSON object column (``attrs``, ``edited``), {} when empty."""
    if not text:
        return {}
    data = json.loads(text)
    return data if isinstance(data, dict) else {}


def opinions(text: str | None) -> list[dict[str, Any]]:
    """An evidence line's ``opinions`` column as records, each value written the one way (``clean_value``)."""
    if not text:
        return []
    views = json.loads(text)
    for view in views:
        view["value"] = clean_value(view["value"])
    return views


@dataclass(frozen=True)
class Copy:
    """Syndicated copy in the database (``Store.syndicated_copy``): its sentence fingerprints and the articles
    carrying them. Only evidence of those articles has its sentence fingerprinted, so an export of articles
    without copy costs nothing more."""

    fingerprints: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()

    def syndicated(self, row: ExportRow) -> bool:
        """Whether the evidence line's sentence is syndicated copy."""
        return row.article_id in self.articles and copy_fingerprint(row.quote) in self.fingerprints


@dataclass(slots=True)
class Fact:
    """One claim (or one unmatched candidate) with the evidence lines the filter kept.

    ``evidence`` is an iterator read once, as the store streams the lines: a
    writer writes the fact's own fields first (all known from its ``FactHead``
    and first line) and then each line as it comes, so memory never holds a
    fact's lines. ``edited`` says whether any kept line is edited.
    """

    id: str
    kind: str
    subject: str | None
    statement: str
    value: Any
    unit: str | None
    qualifier: str | None
    status: str
    disputed: bool
    corroboration: str
    sources: int
    conflicts_with: list[str]
    evidence: Iterator[ExportRow]
    edited: bool = False
    article_count: int = 1
    outlets: list[str] = field(default_factory=list)
    tellers: list[str] = field(default_factory=list)
    """The original teller of each independent source with an outlet (``curator.provenance.sources``)."""
    carriers: list[str] = field(default_factory=list)
    """Outlets that only carried a teller's copy."""
    copy: Copy = Copy()
    """Syndicated copy in the database, to mark each line by (``syndicated``)."""
    high: Any = None
    """The high end of the range the fact states ("10% to 12%": 12.0), None for a single value (``range_high``)."""

    def syndicated(self, row: ExportRow) -> bool:
        """Whether the line's sentence is syndicated copy (``curator.provenance.syndication``)."""
        return self.copy.syndicated(row)


def line_edits(row: ExportRow) -> dict[str, Any] | None:
    """The fields a reviewer's edit set on this line, or None when its status is not edited."""
    return decode(row.edited) if row.status == EDITED else None


@dataclass(frozen=True)
class Sheet:
    """Everything a format writer needs: the header, then facts streamed once."""

    generated_at: str
    database: str
    filters: dict[str, Any]
    articles: list[Article]
    kind_labels: dict[str, str]
    facts: Iterable[Fact]
    by_id: dict[str, Article] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {a.id: a for a in self.articles})

    def label(self, kind: str) -> str:
        return self.kind_labels.get(kind, kind)


def build_fact(head: FactHead, rows: Iterator[ExportRow], conflicts: dict[str, list[str]], copy: Copy = Copy()) -> Fact:
    """A fact from its head and its evidence rows (read lazily): strongest status, fields as the claim states them.

    An edited line is matched by what its edit tells (``curator.match.pending``), so the claim's fields already agree
    with every line: no one reviewer's edit relabels other articles' evidence. ``conflicts`` maps claim ids to the
    claims they conflict with (``Store.claim_conflicts``).
    """
    first = next(rows)
    statuses = head.statuses.split(",")
    fact = Fact(
        id=first.fact_id,
        kind=first.fact_kind,
        subject=first.fact_subject,
        statement=first.fact_statement,
        value=first.fact_value,
        unit=first.fact_unit,
        qualifier=first.fact_qualifier,
        status=max(statuses, key=lambda status: STRENGTH.get(status, -1)),
        disputed=bool(head.disputed),
        corroboration=first.corroboration,
        sources=first.sources,
        conflicts_with=conflicts.get(first.fact_id, []),
        evidence=itertools.chain((first,), rows),
        edited=head.latest_edit is not None,
        article_count=first.article_count,
        outlets=json.loads(first.outlets),
        tellers=json.loads(first.tellers),
        carriers=json.loads(first.carriers),
        copy=copy,
    )
    fact.value = clean_value(fact.value)
    fact.high = range_high(first)
    return fact


def range_high(first: ExportRow) -> Any:
    """The high end of the fact's range, from its first line: a claim keeps no attrs, but its members agree on the
    range (``curator.match.clustering``), so the first line's range is the fact's when it starts at the fact's value
    (``curator.display.range_end``). None for a single value; attrs are decoded only when they name a range."""
    if not first.attrs or '"range"' not in first.attrs:
        return None
    return clean_value(range_end(first.fact_value, decode(first.attrs)))


def group_facts(rows: Iterable[ExportRow], heads: Iterable[FactHead], conflicts: dict[str, list[str]],
                copy: Copy = Copy()) -> Iterator[Fact]:
    """Facts from rows where each fact's lines are consecutive (``Store.iter_export_rows``) and the heads of the same
    facts in the same order (``Store.iter_fact_heads``); each fact's lines stay in the stream until written."""
    heads = iter(heads)
    for fact_id, run in itertools.groupby(rows, key=attrgetter("fact_id")):
        head = next(heads)
        if head.fact_id != fact_id:
            raise RuntimeError(f"the export read fact {head.fact_id}'s totals beside fact {fact_id}'s lines")
        yield build_fact(head, run, conflicts, copy)
