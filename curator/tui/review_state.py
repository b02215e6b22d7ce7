"""What the review screen holds, and its navigation policy, without Textual: unit-tested without the Pilot.

The screen loads an article into a ``ReviewState`` and asks it which rows to
show, which candidate to put the cursor on, and where a decision or a key
moves it; it then draws the answer and talks to the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from curator.models import Article, Candidate, CandidateState, Status
from curator.tui.review_filter import ReviewFilter

ALONE = ("single-source", 1)
"""The standing of a candidate in no claim: its own article only."""


@dataclass
class ReviewState:
    """The article on screen, its candidates and their states, the rows the filter keeps, and the cursor.

    ``corroboration`` maps a candidate id to (standing, number of sources) and
    ``claims_read`` counts its reads;
    ``leased`` to the other reviewer who has it open. ``next_article`` is the
    article to review after this one, found ahead while the reviewer works
    here (None until found, and again once another article opens).
    """

    filters: ReviewFilter = field(default_factory=ReviewFilter)
    article: Article | None = None
    candidates: dict[str, Candidate] = field(default_factory=dict)
    states: dict[str, CandidateState] = field(default_factory=dict)
    corroboration: dict[str, tuple[str, int]] = field(default_factory=dict)
    leased: dict[str, str] = field(default_factory=dict)
    rows: list[str] = field(default_factory=list)
    current: str | None = None
    next_article: str | None = None
    claims_read: int = 0
    """Counts the reads of the article's claims (``show``, ``restand``): a poll begun before the last one is stale."""

    def standing(self, candidate_id: str) -> tuple[str, int]:
        return self.corroboration.get(candidate_id, ALONE)

    def restand(self, corroboration: dict[str, tuple[str, int]], claims: dict[str, str]) -> list[str]:
        """Take the article's claims as stored now (after a decision here or elsewhere); the candidates that changed.

        ``corroboration`` is ``Store.corroboration_for_article``, ``claims`` maps
        a candidate id to its claim (``Store.claims_of_candidates``; absent: in
        none). An edit moves its candidate to the claim its new value states and
        changes the standing of the claim it left, so the rows of both follow.
        """
        changed = []
        for candidate_id, candidate in self.candidates.items():
            claim_id = claims.get(candidate_id)
            if corroboration.get(candidate_id, ALONE) != self.standing(candidate_id) or claim_id != candidate.claim_id:
                changed.append(candidate_id)
            if claim_id != candidate.claim_id:
                self.candidates[candidate_id] = replace(candidate, claim_id=claim_id)
        self.corroboration = corroboration
        self.claims_read += 1
        return changed

    def matches(self, candidate_id: str) -> bool:
        """Whether the filter keeps this candidate of the article on screen."""
        state = self.states.get(candidate_id) or CandidateState(candidate_id, Status.PENDING)
        return self.filters.matches(self.candidates[candidate_id].kind, state, self.standing(candidate_id)[0])

    def to_review(self, candidate_id: str) -> bool:
        """Whether "next" may stop here: undecided (or the filter wants decided ones) and not open elsewhere."""
        state = self.states.get(candidate_id)
        pending = state is None or state.status is Status.PENDING
        return (pending or not self.filters.wants_pending) and candidate_id not in self.leased

    def show(
        self,
        article: Article,
        candidates: list[Candidate],
        states: dict[str, CandidateState],
        corroboration: dict[str, tuple[str, int]],
        leased: dict[str, str],
        candidate_id: str | None = None,
        pick: str = "review",
        force: bool = False,
    ) -> str | None:
        """Put an article on screen (candidates in reading order) and choose the cursor; returns it.

        The cursor goes to ``candidate_id`` when the filter keeps it (or
        ``force``, for a search hit or an undone decision), else by ``pick``:
        the ``first`` or ``last`` row, or (``review``) the first to review,
        falling back to the first row. None when no row is left.
        """
        self.article = article
        self.candidates = {c.id: c for c in candidates}
        self.states, self.corroboration, self.leased = states, corroboration, leased
        self.claims_read += 1
        self.rows = [c.id for c in candidates if self.matches(c.id) or (force and c.id == candidate_id)]
        if candidate_id not in self.rows:
            candidate_id = None
        if candidate_id is None and self.rows:
            if pick == "last":
                candidate_id = self.rows[-1]
            elif pick == "first":
                candidate_id = self.rows[0]
            else:
                candidate_id = next((c for c in self.rows if self.to_review(c)), self.rows[0])
        self.current = candidate_id
        self.next_article = None
        return candidate_id

    def after_decision(self, decided: str) -> str | None:
        """The next candidate to review in this article after ``decided``, wrapping round; None when none is left."""
        if decided in self.rows:
            i = self.rows.index(decided)
            order = self.rows[i + 1 :] + self.rows[:i]
        else:
            order = self.rows
        return next((c for c in order if self.to_review(c)), None)

    def next_to_review(self) -> str | None:
        """The first row after the cursor that is to review (no wrapping round); None when none is left below it."""
        start = self.rows.index(self.current) + 1 if self.current in self.rows else 0
        return next((c for c in self.rows[start:] if self.to_review(c)), None)

    def step(self, step: int) -> str | None:
        """The row ``step`` rows from the cursor (from the first or last row when it is on none); None past an end."""
        if self.current in self.rows:
            index = self.rows.index(self.current) + step
        else:
            index = 0 if step > 0 else len(self.rows) - 1
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def next_conflict_here(self) -> str | None:
        """The next row after the cursor whose claim is in conflict, None when there is none in this article."""
        if self.current not in self.rows:
            return None
        after = self.rows[self.rows.index(self.current) + 1 :]
        return next((c for c in after if self.standing(c)[0] == "conflict"), None)

    def where(self) -> str:
        """The candidate table's title count: ``2 of 5``, or just the number of rows when the cursor is on none."""
        return f"{self.rows.index(self.current) + 1} of {len(self.rows)}" if self.current in self.rows else f"{len(self.rows)}"

    def filter_label(self) -> str:
        """``filter: pending, money, by ana, disputed``, or empty when nothing is filtered."""
        f = self.filters
        parts = [*f.status, *f.kind, *f.corroboration, *(f"by {r}" for r in f.reviewer)]
        if f.disputed:
            parts.append("disputed")
        return "filter: " + ", ".join(parts) if parts else ""

    def decided(self) -> int:
        """Candidates of the article on screen that are decided (a skip is not a decision)."""
        return sum(1 for s in self.states.values() if s.status not in (Status.PENDING, Status.SKIPPED))
