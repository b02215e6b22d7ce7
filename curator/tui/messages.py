"""Messages that worker threads post back to the main screen (handled on the UI thread)."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from curator.models import CandidateState
from curator.store.review_records import ClaimView, ReviewCounts
from curator.tui.review_filter import ReviewFilter


@dataclass
class ArticleFound(Message):
    """Where a navigation query (next to review, next conflict, start) says to go; ``article_id`` None: nowhere."""

    reason: str
    article_id: str | None
    candidate_id: str | None = None


@dataclass
class NextFound(Message):
    """Looked up ahead of need: the article to review after ``after`` under ``filters`` (None: none)."""

    after: str
    filters: ReviewFilter
    article_id: str | None


@dataclass
class RankFound(Message):
    """The current article's row in the (filtered) article list."""

    article_id: str
    rank: int | None


@dataclass
class ListCounted(Message):
    """How many articles the list has under ``generation``'s filter."""

    generation: int
    count: int


@dataclass
class ClaimLoaded(Message):
    """The claim of ``candidate_id``; ``conversions`` maps it and its conflicting members to the value each converts."""

    candidate_id: str
    view: ClaimView | None
    conversions: dict[str, str] = field(default_factory=dict)


@dataclass
class CountsLoaded(Message):
    counts: ReviewCounts


@dataclass
class LeaseRefused(Message):
    """Another reviewer holds the candidate this screen tried to lease."""

    candidate_id: str
    holder: str


@dataclass
class Refreshed(Message):
    """Another connection committed: fresh states, leases and counts for what is on screen."""

    article_id: str | None
    states: dict[str, CandidateState] = field(default_factory=dict)
    leased: dict[str, str] = field(default_factory=dict)
    counts: ReviewCounts | None = None
    article_count: int = 0
    corroboration: dict[str, tuple[str, int]] = field(default_factory=dict)
    claims: dict[str, str] = field(default_factory=dict)
    claims_read: int = 0
    """``ReviewState.claims_read`` when the poll began: the claims above are stale when it has moved since."""
