"""Evidence lines grouped into facts: the status and value rules every format shares.

The store streams one row per evidence line with each fact's lines next to
each other, so a fact is built from one run of rows and memory follows the
largest fact, never the database. This runs once per candidate, so it stays
plain: tuples in, one small object per fact out.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from curator.models import Article, Status
from curator.provenance.syndication import copy_fingerprint
from curator.store import SELECTOR_CONTEXT, ExportRow

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


@dataclass(slots=True)
class Fact:
    """One claim (or one unmatched candidate) with the evidence lines the filter kept.

    ``edits`` maps the candidate id of each edited line to the fields its
    reviewer set.
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
    evidence: list[ExportRow]
    edits: dict[str, dict[str, Any]] = field(default_factory=dict)
    article_count: int = 1
    outlets: list[str] = field(default_factory=list)
    syndicated: frozenset[str] = frozenset()
    """Ids of the evidence lines whose sentence is syndicated copy (``curator.provenance.syndication``)."""

    @property
    def edited(self) -> bool:
        return bool(self.edits)


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


def build_fact(rows: list[ExportRow], conflicts: dict[str, list[str]], copy: Copy = Copy()) -> Fact:
    """A fact from its evidence rows: strongest status, and the fields its evidence tells as edited.

    An edited line is matched by what its edit tells (``curator.match.pending``), so the fact's fields from the
    store already agree with every line: no one reviewer's edit relabels other articles' evidence.
    ``conflicts`` maps claim ids to the claims they conflict with (``Store.claim_conflicts``).
    """
    first = rows[0]
    status, rank, disputed = first.status, -1, False
    edits: dict[str, dict[str, Any]] = {}
    for row in rows:
        strength = STRENGTH.get(row.status, -1)
        if strength > rank:
            status, rank = row.status, strength
        if row.status == EDITED:
            edits[row.candidate_id] = decode(row.edited)
        if row.disputed:
            disputed = True
    fact = Fact(
        id=first.fact_id,
        kind=first.fact_kind,
        subject=first.fact_subject,
        statement=first.fact_statement,
        value=first.fact_value,
        unit=first.fact_unit,
        qualifier=first.fact_qualifier,
        status=status,
        disputed=disputed,
        corroboration=first.corroboration,
        sources=first.sources,
        conflicts_with=conflicts.get(first.fact_id, []),
        evidence=rows,
        edits=edits,
        article_count=first.article_count,
        outlets=json.loads(first.outlets),
        syndicated=frozenset(r.candidate_id for r in rows if copy.syndicated(r)),
    )
    fact.value = clean_value(fact.value)
    return fact


def group_facts(rows: Iterable[ExportRow], conflicts: dict[str, list[str]], copy: Copy = Copy()) -> Iterator[Fact]:
    """Facts from rows where each fact's lines are consecutive (as ``Store.iter_export_rows`` gives them)."""
    for _, run in itertools.groupby(rows, key=attrgetter("fact_id")):
        yield build_fact(list(run), conflicts, copy)
