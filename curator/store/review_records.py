"""Plain records of the review queries: what they take (``CandidateFilter``) and what they return.

Imported only where a review query builds or reads them: ``curator status``,
``export`` and ``decide`` never do, so they do not pay for creating these
classes at start-up (each frozen dataclass compiles six methods when Python
defines it). The screen's own behaviour around them (matching in memory,
saving a filter with the position) lives in ``curator.tui.review_filter``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from curator.models import Claim


@dataclass(frozen=True)
class Position:
    """Where a reviewer left off: article, candidate, and the filters as saved (a JSON object)."""

    article_id: str | None
    candidate_id: str | None
    filters: dict[str, Any]


@dataclass(frozen=True)
class CandidateFilter:
    """Which candidates a review query keeps; an empty group means any, groups are ANDed.

    ``status`` holds ``Status`` values, ``corroboration`` ``Corroboration``
    values (a candidate without a claim counts as single-source), ``reviewer``
    names of whoever set the current status.
    """

    status: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    corroboration: tuple[str, ...] = ()
    reviewer: tuple[str, ...] = ()
    disputed: bool = False

    @property
    def active(self) -> bool:
        return bool(self.status or self.kind or self.corroboration or self.reviewer or self.disputed)

    @property
    def wants_pending(self) -> bool:
        """Whether "next" means next undecided (else: next that matches, e.g. when reviewing rejections)."""
        return not self.status or "pending" in self.status


@dataclass(frozen=True)
class ReviewCounts:
    """The header's progress: candidates decided by anyone (a skip is not a decision), skipped, and decided by this reviewer."""

    total: int
    decided: int
    mine: int
    skipped: int = 0


@dataclass(frozen=True)
class ClaimMember:
    """One article's wording of a claim, for the claim panel."""

    candidate_id: str
    claim_id: str
    article_id: str
    title: str
    source: str
    kind: str
    text: str
    quote: str
    value: Any
    unit: str | None
    qualifier: str | None
    status: str
    outlet: str | None = None
    high: Any = None
    """The high end of the range the member states (``curator.display.range_end``; ``value`` is its low end),
    None for a single value."""


@dataclass(frozen=True)
class ClaimView:
    """A claim (``candidate_ids`` left empty: claims can be huge) with its first members, their
    total, and the claims it conflicts with."""

    claim: Claim
    members: tuple[ClaimMember, ...]
    total: int
    conflicts: tuple[tuple[Claim, tuple[ClaimMember, ...]], ...]


@dataclass(frozen=True)
class SearchHit:
    """An article or a candidate whose text contains the searched words."""

    article_id: str
    candidate_id: str | None
    title: str
    snippet: str
    kind: str | None = None
