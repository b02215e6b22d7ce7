"""The review screen's thread workers and timers: every slower read or write runs here and answers with a message.

Workers read through ``app.bg`` (or write through ``app.writer``), never
touch widgets, and post one of ``curator.tui.messages``; the screen's
handlers (on the UI thread) draw the answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.screen import Screen
from textual.timer import Timer

from curator.display import format_value
from curator.errors import CuratorError
from curator.tui.messages import (
    ArticleFound,
    ClaimLoaded,
    CountsLoaded,
    LeaseRefused,
    ListCounted,
    NextFound,
    RankFound,
    Refreshed,
)
from curator.tui.patient_write import Stopped, write_patiently
from curator.tui.review_filter import ReviewFilter
from curator.tui.review_state import ReviewState
from curator.tui.safe_text import notify

if TYPE_CHECKING:
    from collections.abc import Callable

    from curator.tui.app import CuratorApp

PRESENCE_DELAY_S = 0.3
COUNTS_DELAY_S = 0.3
CLAIM_WAIT_S = 0.1
"""How long the detail pane waits for a claim before it shows the fact with "…" for its sources."""


class ReviewWorkers(Screen[None]):
    """The review state, the workers that read and write for it, and the timers that start them."""

    def __init__(self) -> None:
        super().__init__()
        self.review = ReviewState()
        self._list_generation = 0
        self._presence_timer: Timer | None = None
        self._counts_timer: Timer | None = None
        self._polling = False
        self._data_version = -1
        self._list_loader: Callable[[int, int], Any] | None = None
        self._keep_rows = False

    @property
    def curator(self) -> CuratorApp:
        return self.app  # type: ignore[return-value]

    # -- workers (each answers with a message) ----------------------------

    @work(thread=True, group="presence", exit_on_error=False)
    def _write_presence(self, article_id: str | None, candidate_id: str | None, filters: dict[str, Any]) -> None:
        """Lease the candidate on screen (dropping the previous lease) and remember the reviewer's place."""
        app = self.curator
        try:
            move = lambda: app.writer.move(app.reviewer, article_id, candidate_id, filters, app.lease_seconds)  # noqa: E731
            holder = write_patiently(app.writer, move, app.closing)
            if candidate_id is not None and holder is not None:
                self.post_message(LeaseRefused(candidate_id, holder))
        except Stopped:
            return
        except CuratorError as error:
            self.app.call_from_thread(notify, self, str(error), severity="error")

    @work(thread=True, group="navigate", exit_on_error=False)
    def _find_article(self, reason: str, after: str | None) -> None:
        app = self.curator
        if reason == "conflict":
            found = app.bg.next_conflict(after, self.review.filters)
            self.post_message(ArticleFound(reason, *(found or (None, None))))
        else:
            self.post_message(ArticleFound(reason, app.bg.next_review_article(after, app.reviewer, self.review.filters)))

    @work(thread=True, group="look-ahead", exclusive=True, exit_on_error=False)
    def _look_ahead(self, after: str, filters: ReviewFilter) -> None:
        self.post_message(NextFound(after, filters, self.curator.bg.next_review_article(after, self.curator.reviewer, filters)))

    @work(thread=True, group="rank", exclusive=True, exit_on_error=False)
    def _find_rank(self, article_id: str, filters: ReviewFilter) -> None:
        self.post_message(RankFound(article_id, self.curator.bg.article_rank(article_id, filters)))

    @work(thread=True, group="list-count", exclusive=True, exit_on_error=False)
    def _count_list(self, generation: int, filters: ReviewFilter) -> None:
        self.post_message(ListCounted(generation, self.curator.bg.count_review_articles(filters)))

    @work(thread=True, group="claim", exclusive=True, exit_on_error=False)
    def _load_claim(self, candidate_id: str, claim_id: str) -> None:
        """The claim view, and what the candidate and its conflicting members are conversions of (``attrs.equivalents``).

        The claim is the candidate's as stored now: an edit moves a candidate to the claim its new value states.
        """
        bg = self.curator.bg
        view = bg.claim_view(bg.claims_of_candidates([candidate_id]).get(candidate_id, claim_id))
        ids = [candidate_id, *(m.candidate_id for _, members in (view.conflicts if view else ()) for m in members)]
        sides = {c.id: c.attrs.get("equivalents") or [] for c in bg.candidates_by_id(ids)}
        wanted = {e for equivalents in sides.values() for e in equivalents if isinstance(e, str)}
        found = {c.id: format_value(c.kind, c.value, c.unit) for c in bg.candidates_by_id(wanted)} if wanted else {}
        conversions = {cid: found[e[0]] for cid, e in sides.items() if e and e[0] in found}
        self.post_message(ClaimLoaded(candidate_id, view, conversions))

    @work(thread=True, group="counts", exclusive=True, exit_on_error=False)
    def _load_counts(self) -> None:
        self.post_message(CountsLoaded(self.curator.bg.review_counts(self.curator.reviewer)))

    @work(thread=True, group="poll", exit_on_error=False)
    def _check_changes(self) -> None:
        """Poll ``PRAGMA data_version`` on the writing connection: it moves only when someone else commits."""
        app = self.curator
        try:
            version = app.writer.data_version()
            if version == self._data_version:
                return
            self._data_version = version
            article_id = self.review.article.id if self.review.article else None
            ids = list(self.review.candidates)
            claims_read = self.review.claims_read
            self.post_message(
                Refreshed(
                    article_id,
                    app.bg.states_for_article(article_id) if article_id else {},
                    app.bg.leased_by_others(app.reviewer, ids),
                    app.bg.review_counts(app.reviewer),
                    app.bg.count_review_articles(self.review.filters),
                    app.bg.corroboration_for_article(article_id) if article_id else {},
                    app.bg.claims_of_candidates(ids),
                    claims_read,
                )
            )
        finally:
            self._polling = False

    # -- timers -----------------------------------------------------------

    def _poll(self) -> None:
        if not self._polling:
            self._polling = True
            self._check_changes()

    def _save_presence(self) -> None:
        self._write_presence(self.review.article.id if self.review.article else None, self.review.current, self.review.filters.to_dict())

    def _schedule_counts(self, delay: float = COUNTS_DELAY_S) -> None:
        if self._counts_timer is not None:
            self._counts_timer.stop()
        self._counts_timer = self.set_timer(delay, self._load_counts) if delay else None
        if not delay:
            self._load_counts()

    def _reset_list(self, keep_rows: bool = False) -> None:
        self._list_generation += 1
        filters, bg = self.review.filters, self.curator.bg
        self._count_list(self._list_generation, filters)
        self._list_loader = lambda offset, limit: bg.article_page(filters, offset, limit)
        self._keep_rows = keep_rows
