"""What the review screen reads from the store: positions, filters, counts, claims, search hits.

Defined apart from ``store`` and imported by it only where it builds them:
``curator status``, ``export`` and ``decide`` never do, so they do not pay
for creating these classes at start-up (each frozen dataclass compiles six
methods when Python defines it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from curator.models import CandidateState, Claim


@dataclass(frozen=True)
class Position:
    """Where a reviewer left off."""

    article_id: str | None
    candidate_id: str | None
    filters: dict[str, Any]


@dataclass(frozen=True)
class ReviewFilter:
    """Which candidates a reviewer walks through; an empty group means any, groups are ANDed."""

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

    def matches(self, kind: str, state: CandidateState, corroboration: str) -> bool:
        return (
            (not self.status or state.status.value in self.status)
            and (not self.kind or kind in self.kind)
            and (not self.corroboration or corroboration in self.corroboration)
            and (not self.reviewer or state.reviewer in self.reviewer)
            and (not self.disputed or state.disputed)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": list(self.status), "kind": list(self.kind), "corroboration": list(self.corroboration),
            "reviewer": list(self.reviewer), "disputed": self.disputed,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReviewFilter:
        """Tolerant of a hand-edited or older ``reviewers.filters``: unknown keys and bad types are dropped."""
        groups = {
            key: tuple(str(v) for v in data.get(key, ()) if isinstance(v, str))
            for key in ("status", "kind", "corroboration", "reviewer")
            if isinstance(data.get(key, ()), list)
        }
        return cls(**groups, disputed=data.get("disputed") is True)


@dataclass(frozen=True)
class ReviewCounts:
    """The header's progress: candidates decided by anyone, and by this reviewer."""

    total: int
    decided: int
    mine: int


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
