"""Plain records the store returns or takes for articles and exports (no ``sqlite3`` type in any of them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from curator.models import Candidate, Claim

SELECTOR_CONTEXT = 32
"""Code points of article text kept either side of a quote selector's ``exact``."""


@dataclass(frozen=True)
class StoryPrint:
    """An article's stored story fingerprint (``curator.provenance.stories.Fingerprint`` as plain values)."""

    article_id: str
    signature: bytes
    shingles: int


@dataclass(frozen=True)
class Placement:
    """Where an article sits: its story id and canonical outlet (None when not placed or unknown), and when it was
    published (ISO 8601 as stated, None when unknown) to tell the original teller of copy."""

    story_id: str | None
    outlet: str | None
    published: str | None = None


@dataclass(frozen=True)
class StoryLink:
    """An article that is the same story as an earlier one: ``story_id`` is that earlier article's id."""

    article_id: str
    source: str
    story_id: str
    story_source: str




@dataclass(frozen=True)
class ArticleProgress:
    """An article as the article list shows it."""

    id: str
    source: str
    title: str
    url: str | None
    outlet: str | None
    published: str | None
    language: str
    candidates: int
    decided: int
    reader: str = "plain"
    outlet_name: str | None = None
    """Canonical outlet (``curator.provenance.outlets``)."""
    story_of: str | None = None
    """The id of the earlier article whose story this one is (a near-duplicate), None when it is its own story."""


@dataclass(frozen=True)
class ExportFilter:
    """Which candidates a fact sheet takes, and the kind order facts follow.

    ``None`` means no filter on that field. ``statuses`` and ``articles``
    (ids or source names) select evidence lines; ``kinds`` and
    ``corroborations`` select facts.
    """

    statuses: tuple[str, ...] | None = None
    disputed: bool = False
    kinds: tuple[str, ...] | None = None
    articles: tuple[str, ...] | None = None
    corroborations: tuple[str, ...] | None = None
    kind_order: tuple[str, ...] = ()


class FactHead(NamedTuple):
    """What a fact's evidence lines add up to, read before them so a sheet can write the fact and then stream its lines:
    ``statuses`` the distinct statuses of the lines kept (comma-separated), ``disputed`` 1 when any line is, and
    ``latest_edit`` the candidate id of the line edited last (by decision time, then id), or None."""

    fact_id: str
    statuses: str
    disputed: int
    latest_edit: str | None


class ExportRow(NamedTuple):
    """One evidence line joined with its claim (the fact).

    A NamedTuple rather than a dataclass, and no article columns (the export
    holds the few article records itself): a million of these are built per
    export. ``fact_*`` come from the claim, or from the candidate itself when
    it has none; ``attrs`` and ``edited`` are the stored JSON text; ``context`` is the article text of
    the span with up to ``SELECTOR_CONTEXT`` code points either side (one
    ``substr`` rather than two: scanning UTF-8 to an offset is the costly part). ``opinions`` is a JSON array of
    each reviewer's live decision (null while nobody decided), see ``export_rows.OPINIONS``.
    """

    fact_id: str
    fact_kind: str
    fact_subject: str | None
    fact_statement: str
    fact_value: Any
    fact_unit: str | None
    fact_qualifier: str | None
    corroboration: str
    sources: int
    candidate_id: str
    article_id: str
    kind: str
    text: str
    start: int
    end: int
    quote: str
    quote_start: int
    context: str
    subject: str | None
    statement: str
    value: Any
    unit: str | None
    qualifier: str | None
    extractor: str
    attrs: str | None
    status: str
    disputed: int
    reviewer: str | None
    decided_at: str | None
    note: str | None
    edited: str | None
    opinions: str | None
    article_count: int
    """The fact's distinct articles (1 for a candidate in no claim)."""
    outlets: str
    """The fact's outlets as a JSON array of canonical names."""
    outlet: str | None
    """The evidence's article's canonical outlet."""
    reason: str | None
    tellers: str
    """The fact's original tellers, one per independent source with an outlet, as a JSON array."""
    carriers: str
    """The fact's outlets that only carried a teller's copy, as a JSON array."""


@dataclass(frozen=True)
class UnmatchedBatch:
    """What incremental matching reads first: the candidates in no claim, the ingest order (``seq``) of their
    articles by id, and that of the newest article with a matched candidate (0 if none)."""

    candidates: list[Candidate]
    ranks: dict[str, int]
    last_matched_rank: int


@dataclass(frozen=True)
class Neighbourhood:
    """The stored claims new candidates can join or contradict, read in one call.

    ``claims`` by id, without members or conflicts; ``leaders`` their leading
    candidates by id; ``converted`` their members told with a conversion;
    ``ranks`` the ingest order of the leaders' articles by id.
    """

    claims: dict[str, Claim]
    leaders: dict[str, Candidate]
    converted: list[Candidate]
    ranks: dict[str, int]


@dataclass(frozen=True)
class ArticleHit:
    """An article a search found: ``snippet`` is a stretch of its text (or title) around the match, the matched
    words between ``[`` and ``]``; ``score`` is FTS5's bm25, lower is better (0.0 for a substring scan)."""

    article_id: str
    source: str
    title: str
    snippet: str
    score: float
