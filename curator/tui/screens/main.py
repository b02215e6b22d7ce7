"""The review screen: article list, article text, candidates and claim panel, and every review key.

Built in four layers: ``ReviewWorkers`` (state, workers, timers),
``ReviewView`` (showing, moving, the key queue), ``ReviewDecide`` (decisions
and undos, and writes that wait for the lock without freezing the screen)
and this one (layout, message handlers, actions). Keys come from ``curator.tui.keys``.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer

from curator.errors import CuratorError
from curator.models import Action
from curator.tui.fact_detail import corroboration_words
from curator.tui.keys import REVIEW_BINDINGS
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
from curator.tui.review_filter import ReviewFilter
from curator.tui.safe_text import notify
from curator.tui.screens.review_decide import ReviewDecide
from curator.tui.widgets.article_list import ArticleList
from curator.tui.widgets.article_view import ArticleView
from curator.tui.widgets.candidate_table import CandidateTable
from curator.tui.widgets.claim_panel import ClaimPanel
from curator.tui.widgets.fact_detail import FactDetail
from curator.tui.widgets.header import ReviewHeader
from curator.tui.widgets.steady import SteadyStatic
from curator.tui.widgets.write_status import WriteStatus

QUIT_PATIENCE_S = 1.0
"""How long quitting waits for the write lock to save the place and free the leases (both also lapse on their own)."""


class MainScreen(ReviewDecide):
    """Holds the review state; widgets only draw what it hands them."""

    BINDINGS = REVIEW_BINDINGS

    # -- layout -----------------------------------------------------------

    def compose(self) -> ComposeResult:
        app = self.curator
        yield ReviewHeader(app.db_path.name, app.reviewer, id="header")
        with Horizontal(id="body"):
            yield ArticleList(id="articles")
            with Vertical(id="article-pane"):
                yield SteadyStatic("", id="article-meta")
                yield ArticleView(id="article")
            with Vertical(id="side"):
                yield CandidateTable(id="candidates")
                yield FactDetail(id="detail")
                yield ClaimPanel(id="claim")
        yield WriteStatus(id="write-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        app = self.curator
        self.query_one("#articles", ArticleList).border_title = "Articles"
        self.query_one("#candidates", CandidateTable).border_title = "Candidates"
        self.query_one("#claim", ClaimPanel).border_title = "Claim"
        self.query_one("#detail", FactDetail).border_title = "Fact"
        self.query_one("#candidates", CandidateTable).focus()
        self._data_version = app.writer.data_version()
        position = app.reader.position(app.reviewer)
        if position is not None:
            self.review.filters = ReviewFilter.from_dict(position.filters)
        # The list and the counts are queried after the first frame is on screen, never in front of it.
        self.call_after_refresh(self._reset_list)
        self.call_after_refresh(self._schedule_counts, 0)
        if position is not None and position.article_id and app.reader.article(position.article_id):
            self._open_article(position.article_id, position.candidate_id)
        else:
            self._begin()
            self._find_article("start", None)
        self.set_interval(app.poll_interval, self._poll)
        self.set_interval(max(app.lease_seconds / 3, 1.0), self._save_presence)

    # -- message handlers -------------------------------------------------

    def on_list_counted(self, message: ListCounted) -> None:
        if message.generation == self._list_generation:
            self.query_one("#articles", ArticleList).reset(self._list_loader, message.count, keep_rows=self._keep_rows)
            if self.review.article is not None:
                self._find_rank(self.review.article.id, self.review.filters)

    def on_next_found(self, message: NextFound) -> None:
        if self.review.article is not None and message.after == self.review.article.id and message.filters == self.review.filters:
            self.review.next_article = message.article_id

    def on_rank_found(self, message: RankFound) -> None:
        if self.review.article is not None and message.article_id == self.review.article.id:
            self.query_one("#articles", ArticleList).show_cursor(-1 if message.rank is None else message.rank)

    def on_claim_loaded(self, message: ClaimLoaded) -> None:
        if message.candidate_id == self.review.current:
            self.query_one("#claim", ClaimPanel).show(message.view, self.review.current, "This claim is gone (matching ran again).")
            self._show_detail(corroboration_words(message.view, message.candidate_id, message.conversions))

    def on_counts_loaded(self, message: CountsLoaded) -> None:
        self.query_one("#header", ReviewHeader).set_counts(message.counts)

    def on_lease_refused(self, message: LeaseRefused) -> None:
        self.review.leased[message.candidate_id] = message.holder
        self._refresh_rows([message.candidate_id])
        if message.candidate_id == self.review.current:
            notify(self, f"{message.holder} has this candidate open; your keys pass over it.", severity="warning")

    def on_article_found(self, message: ArticleFound) -> None:
        if message.article_id is None:
            note = {
                "conflict": "No candidate in conflict (with this filter).",
                "start": "Nothing to review yet: ingest and extract some articles first.",
            }.get(message.reason, "Nothing left to review with this filter. ✓")
            # Keys typed ahead were meant for the candidate this would have found: none of them may land elsewhere.
            dropped = self._drop_typed_ahead()
            ahead = f" {dropped} key{' was' if dropped == 1 else 's were'} typed ahead and not applied." if dropped else ""
            notify(self, note + ahead, severity="information")
            if message.reason == "start" and self.review.article is None:
                self.query_one("#claim", ClaimPanel).show(None, None, note)
        else:
            self._open_article(message.article_id, message.candidate_id)
        self._end()

    def on_refreshed(self, message: Refreshed) -> None:
        if message.counts is not None:
            self.query_one("#header", ReviewHeader).set_counts(message.counts)
        articles = self.query_one("#articles", ArticleList)
        if self._list_loader is not None:
            articles.reset(self._list_loader, message.article_count, keep_rows=True)
        if self.review.article is None or message.article_id != self.review.article.id:
            return
        changed = []
        for candidate_id, state in message.states.items():
            old = self.review.states.get(candidate_id)
            if old is None or state.version > old.version:
                self.review.states[candidate_id] = state
                changed.append(candidate_id)
        if message.leased != self.review.leased:
            changed.extend(set(message.leased) ^ set(self.review.leased))
            self.review.leased = message.leased
        restood: list[str] = []
        if message.claims_read == self.review.claims_read:
            restood = self._restand(message.corroboration, message.claims)
        else:  # this screen read the claims after the poll did: read them again on the next tick
            self._data_version = -1
        if changed:
            self._refresh_rows(changed)
            current = self.review.candidates.get(self.review.current) if self.review.current else None
            if current is not None and current.claim_id and current.id not in restood:
                self._load_claim(current.id, current.claim_id)

    @on(ArticleList.Chosen)
    def _article_chosen(self, message: ArticleList.Chosen) -> None:
        if self._awaiting_choice:
            self._awaiting_choice = False
            self._open_article(message.article.id, pick=self._pick, index=message.index)
            self._end()
        else:
            self._do(lambda: self._open_article(message.article.id, index=message.index))

    @on(CandidateTable.Chosen)
    def _row_clicked(self, message: CandidateTable.Chosen) -> None:
        candidate_id = message.candidate_id
        if candidate_id != self.review.current:
            self._do(lambda: self._set_current(candidate_id))

    @on(ArticleView.Clicked)
    def _span_clicked(self, message: ArticleView.Clicked) -> None:
        if message.candidate_id in self.review.rows:
            self._do(lambda: self._set_current(message.candidate_id))

    # -- actions ----------------------------------------------------------

    def action_decide(self, action: str, adjudicate: bool = False) -> None:
        """``decide('accept')``, ``decide('reject', True)`` (adjudicating) ...: an ``Action`` value, then move on."""
        self._do(lambda: self._decide(Action(action), adjudicate=adjudicate))

    def action_undo(self) -> None:
        self._do(self._undo)

    def action_edge(self, end: str) -> None:
        """``edge('first')`` / ``edge('last')``: the first or last candidate row of the article."""
        self._do(lambda: self._set_current(self.review.rows[0 if end == "first" else -1]) if self.review.rows else self.app.bell())

    def action_next_undecided(self) -> None:
        """The next candidate to review after the cursor, in this article or the ones after it."""
        self._do(self._next_undecided)

    def action_copy_id(self) -> None:
        candidate_id = self.review.current
        if candidate_id is None:
            self.app.bell()
            return
        self.app.copy_to_clipboard(candidate_id)
        notify(self, f"Copied the id {candidate_id} of {self.fact_label(candidate_id)}.")

    def action_reject_with_reason(self) -> None:
        self._do(self._open_reason)

    def _open_reason(self) -> None:
        from curator.tui.screens.reason import ReasonScreen, Rejection

        candidate_id = self.review.current
        if candidate_id is None:
            self.app.bell()
            return
        state = self.review.states.get(candidate_id)

        def done(result: Rejection | None) -> None:
            if result is not None and self.review.current == candidate_id:
                self._do(lambda: self._decide(Action.REJECT, note=result.note, adjudicate=result.adjudicate, reason=result.reason))

        fact = f"Reject {self.fact_label(candidate_id)}: {self.review.candidates[candidate_id].statement}"
        reasons = self.curator.schema.reject_reasons
        kept = self.drafts.pop(candidate_id, None)
        draft = Rejection(kept.reason, kept.note, kept.adjudicate) if kept and kept.action is Action.REJECT else None
        self.app.push_screen(ReasonScreen(fact, reasons, disputed=bool(state and state.disputed), draft=draft), done)

    def action_history(self) -> None:
        from curator.tui.screens.history import HistoryScreen

        candidate = self.review.candidates.get(self.review.current) if self.review.current else None
        if candidate is None:
            self.app.bell()
            return
        try:
            decisions = self.curator.reader.history(candidate.id)
        except CuratorError as error:
            notify(self, str(error), severity="error")
            return
        fact = f"{self.fact_label(candidate.id)}: {' '.join(candidate.statement.split())}"
        self.app.push_screen(HistoryScreen(fact, candidate, decisions))

    def action_move(self, step: int) -> None:
        """``move(1)``: the next candidate (into the next article at the end); ``move(-1)`` the previous."""
        self._do(lambda: self._move(step))

    def action_go_article(self, step: int) -> None:
        """``go_article(1)``: the next article in the list; ``go_article(-1)`` the previous."""
        self._do(lambda: self._go_article(step, "review"))

    def action_next_conflict(self) -> None:
        self._do(self._next_conflict)

    def action_scroll_article(self, pages: int) -> None:
        view = self.query_one("#article", ArticleView)
        view.scroll_to(y=view.scroll_y + pages * max(view.size.height - 2, 1), animate=False)

    def action_clear_filter(self) -> None:
        self._do(lambda: self.apply_filters(ReviewFilter()))

    def action_filter_disputed(self) -> None:
        self._do(lambda: self.apply_filters(ReviewFilter(disputed=True)))

    def action_filter_my_skips(self) -> None:
        """Revisit my skips: the candidates this reviewer skipped (and nobody decided since)."""
        self._do(lambda: self.apply_filters(ReviewFilter(status=("skipped",), reviewer=(self.curator.reviewer,))))

    def action_edit(self) -> None:
        self._do(self._open_edit)

    def _open_edit(self) -> None:
        from curator.tui.screens.edit import EditScreen

        candidate = self.review.candidates.get(self.review.current) if self.review.current else None
        if candidate is None:
            self.app.bell()
            return

        def done(result: tuple[dict[str, Any], str | None] | None) -> None:
            if result is not None:
                fields, note = result
                self._do(lambda: self._decide(Action.EDIT, fields, note))

        kept = self.drafts.pop(candidate.id, None)
        draft = (kept.fields or {}, kept.note) if kept and kept.action is Action.EDIT else None
        self.app.push_screen(EditScreen(candidate, self.review.states.get(candidate.id), self.curator.schema, draft), done)

    def action_filter(self) -> None:
        from curator.tui.screens.filter import FilterScreen

        def done(result: ReviewFilter | None) -> None:
            if result is not None and result != self.review.filters:
                self._do(lambda: self.apply_filters(result))

        self._do(lambda: self.app.push_screen(FilterScreen(self.review.filters), done))

    def action_search(self) -> None:
        from curator.tui.screens.search import SearchScreen

        def done(result: tuple[str, str | None] | None) -> None:
            if result is not None:
                self._do(lambda: self.go_to(*result))

        self._do(lambda: self.app.push_screen(SearchScreen(), done))

    def action_help(self) -> None:
        from curator.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self._quit()

    def on_unmount(self) -> None:
        """Remember the place and free the leases as the app closes (the stores close after the screens).

        Quitting waits for the lock at most ``QUIT_PATIENCE_S``: both are also saved while reviewing, and
        leases lapse by themselves, so a busy database costs at most the last move.
        """
        app = self.curator
        app.closing.set()
        if self._waiting is not None and self._waiting.key not in self._unsaved:
            app.tally.unsaved += 1  # closed while a write waited (not by q, which waits): the summary says so
        try:
            app.summary = app.tally.summary(app.reviewer, app.reader.review_counts(app.reviewer))
            with app.writer.without_waiting(QUIT_PATIENCE_S):
                app.writer.save_position(app.reviewer, self.review.article.id if self.review.article else None, self.review.current, self.review.filters.to_dict())
                app.writer.release_leases(app.reviewer)
        except CuratorError:
            # The screen is already gone: there is nowhere left to say it, and the
            # position is also saved while reviewing, so at most the last move is lost.
            return
