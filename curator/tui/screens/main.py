"""The review screen: article list, article text, candidates and claim panel, and every review key.

Ordering is the one rule that matters here. A decision is committed on the
spot (``store.decide`` is one short indexed transaction, far below a frame)
and only then does the cursor move. Moves that need a slower query (the next
article to review, the next conflict elsewhere) run in a thread worker; keys
pressed meanwhile wait in a queue and run in order when it answers, so fast
typing neither drops keys nor applies one to the wrong candidate."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Static

from curator.decisions import record_decisions
from curator.display import format_value
from curator.errors import CuratorError
from curator.models import Action, Article, Candidate, CandidateState, Decision, Status
from curator.review_records import ReviewFilter
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
from curator.tui.safe_text import notify, plain, plain_line
from curator.tui.widgets.article_list import ArticleList
from curator.tui.widgets.article_view import ArticleView, Mark
from curator.tui.widgets.candidate_table import CandidateRow, CandidateTable
from curator.tui.widgets.claim_panel import ClaimPanel
from curator.tui.widgets.header import ReviewHeader

if TYPE_CHECKING:
    from curator.tui.app import CuratorApp

PRESENCE_DELAY_S = 0.3
COUNTS_DELAY_S = 0.3

REVIEW_BINDINGS = [
    Binding("a", "accept", "accept", tooltip="Accept the current candidate and move to the next undecided one."),
    Binding("r", "reject", "reject", tooltip="Reject the current candidate and move on."),
    Binding("e", "edit", "edit", tooltip="Correct statement, subject, value, unit or qualifier, with a note."),
    Binding("s", "skip", "skip", tooltip="Leave the candidate for later and move on."),
    Binding("u", "undo", "undo", tooltip="Take back your last decision (a new entry in the log) and go to it."),
    Binding("question_mark", "help", "help", key_display="?", tooltip="All keys and marks."),
    Binding("q", "quit", "quit", tooltip="Save your place, release your leases and leave."),
    Binding("j,down", "next_candidate", "next", show=False, priority=True, tooltip="Next candidate (into the next article at the end)."),
    Binding("k,up", "previous_candidate", "previous", show=False, priority=True, tooltip="Previous candidate."),
    Binding("tab", "next_article", "next article", show=False, tooltip="Next article in the list."),
    Binding("shift+tab", "previous_article", "previous article", show=False, tooltip="Previous article in the list."),
    Binding("slash", "search", "find", key_display="/", tooltip="Search article text and candidates."),
    Binding("f", "filter", "filter", tooltip="Show only some candidates: status, kind, corroboration, reviewer, disputed."),
    Binding("c", "next_conflict", "conflict", tooltip="Jump to the next candidate whose claim conflicts with another source."),
    Binding("A", "adjudicate_accept", "adjudicate accept", show=False, key_display="A", tooltip="Accept and settle a dispute between reviewers; it stays settled until you undo it (u)."),
    Binding("R", "adjudicate_reject", "adjudicate reject", show=False, key_display="R", tooltip="Reject and settle a dispute between reviewers; it stays settled until you undo it (u)."),
    Binding("pagedown,space", "scroll_article(1)", "scroll text", show=False, tooltip="Scroll the article text down a page."),
    Binding("pageup", "scroll_article(-1)", "scroll text up", show=False, tooltip="Scroll the article text up a page."),
]


class MainScreen(Screen[None]):
    """Holds the review state; widgets only draw what it hands them."""

    BINDINGS = REVIEW_BINDINGS

    def __init__(self) -> None:
        super().__init__()
        self.filters = ReviewFilter()
        self.article: Article | None = None
        self.candidates: dict[str, Candidate] = {}
        self.states: dict[str, CandidateState] = {}
        self.corroboration: dict[str, tuple[str, int]] = {}
        self.leased: dict[str, str] = {}
        self.rows: list[str] = []
        self.current: str | None = None
        self.busy = False
        self._queue: deque[Callable[[], None]] = deque()
        self._awaiting_choice = False
        self._pick = "review"
        self._list_generation = 0
        self._presence_timer: Timer | None = None
        self._counts_timer: Timer | None = None
        self._polling = False
        self._data_version = -1
        self._list_loader: Callable[[int, int], Any] | None = None
        self._keep_rows = False
        self._next: str | None = None
        """The article after this one, found while the reviewer works here, so finishing an article is not a round trip."""

    @property
    def curator(self) -> CuratorApp:
        return self.app  # type: ignore[return-value]

    # -- layout -----------------------------------------------------------

    def compose(self) -> ComposeResult:
        app = self.curator
        yield ReviewHeader(app.db_path.name, app.reviewer, id="header")
        with Horizontal(id="body"):
            yield ArticleList(id="articles")
            with Vertical(id="article-pane"):
                yield Static("", id="article-meta", markup=False)
                yield ArticleView(id="article")
            with Vertical(id="side"):
                yield CandidateTable(id="candidates")
                yield ClaimPanel(id="claim")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        app = self.curator
        self.query_one("#articles", ArticleList).border_title = "Articles"
        self.query_one("#candidates", CandidateTable).border_title = "Candidates"
        self.query_one("#claim", ClaimPanel).border_title = "Claim"
        self.query_one("#candidates", CandidateTable).focus()
        self._data_version = app.writer.data_version()
        position = app.reader.position(app.reviewer)
        if position is not None:
            self.filters = ReviewFilter.from_dict(position.filters)
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

    def on_resize(self) -> None:
        """Below 120 columns the footer keeps its room for review keys (ctrl+p is still listed under ?)."""
        self.query_one(Footer).show_command_palette = self.size.width >= 120

    # -- the action queue -------------------------------------------------

    def _do(self, step: Callable[[], None]) -> None:
        """Run ``step`` now, or after the write or navigation in flight has landed."""
        if self.busy:
            self._queue.append(step)
        else:
            step()

    def _begin(self) -> None:
        self.busy = True

    def _end(self) -> None:
        self.busy = False
        while self._queue and not self.busy:
            self._queue.popleft()()

    # -- showing an article -----------------------------------------------

    def _matches(self, candidate_id: str) -> bool:
        state = self.states.get(candidate_id) or CandidateState(candidate_id, Status.PENDING)
        corroboration = self.corroboration.get(candidate_id, ("single-source", 1))[0]
        return self.filters.matches(self.candidates[candidate_id].kind, state, corroboration)

    def _to_review(self, candidate_id: str) -> bool:
        state = self.states.get(candidate_id)
        pending = state is None or state.status is Status.PENDING
        return (pending or not self.filters.wants_pending) and candidate_id not in self.leased

    def _open_article(
        self, article_id: str, candidate_id: str | None = None, pick: str = "review", index: int | None = None, force: bool = False
    ) -> None:
        """Load one article and its candidates (a handful of indexed reads) and show them.

        ``force`` shows ``candidate_id`` even when the filter hides it (a search hit, an undone decision).
        """
        app = self.curator
        article = app.reader.article(article_id)
        if article is None:
            return
        candidates = app.reader.candidates_for_article(article_id)
        self.article = article
        self.candidates = {c.id: c for c in candidates}
        self.states = app.reader.states_for_article(article_id)
        self.corroboration = app.reader.corroboration_for_article(article_id)
        self.leased = app.reader.leased_by_others(app.reviewer, self.candidates)
        self.rows = [c.id for c in candidates if self._matches(c.id) or (force and c.id == candidate_id)]
        if candidate_id not in self.rows:
            candidate_id = None
        if candidate_id is None and self.rows:
            if pick == "last":
                candidate_id = self.rows[-1]
            elif pick == "first":
                candidate_id = self.rows[0]
            else:
                candidate_id = next((c for c in self.rows if self._to_review(c)), self.rows[0])
        self.current = candidate_id
        meta = " · ".join(x for x in (article.source, article.outlet, article.published, article.language) if x)
        self.query_one("#article-meta", Static).update(plain(meta))
        self.query_one("#article-pane").border_title = plain_line(article.title)
        self.query_one("#article", ArticleView).show(article.text, self._marks(), candidate_id)
        table = self.query_one("#candidates", CandidateTable)
        table.show_rows([self._row(c) for c in self.rows])
        table.select(candidate_id)
        self._after_move()
        articles = self.query_one("#articles", ArticleList)
        if index is not None:
            articles.show_cursor(index)
        elif (near := articles.row(articles.cursor + 1)) is not None and near.id == article_id:
            articles.show_cursor(articles.cursor + 1)
        elif (near := articles.row(articles.cursor - 1)) is not None and near.id == article_id:
            articles.show_cursor(articles.cursor - 1)
        elif (same := articles.row(articles.cursor)) is None or same.id != article_id:
            self._find_rank(article_id, self.filters)
        self._next = None
        self._look_ahead(article_id, self.filters)

    def _marks(self) -> list[Mark]:
        marks = []
        for c in self.candidates.values():
            state = self.states.get(c.id)
            marks.append(Mark(c.start, c.end, c.id, state.status.value if state else "pending"))
        return marks

    def _row(self, candidate_id: str) -> CandidateRow:
        c = self.candidates[candidate_id]
        state = self.states.get(candidate_id)
        fields = state.fields if state and state.status is Status.EDITED else {}
        standing, sources = self.corroboration.get(candidate_id, ("single-source", 1))
        return CandidateRow(
            candidate_id=candidate_id,
            kind=c.kind,
            value=format_value(
                c.kind, fields.get("value", c.value), fields.get("unit", c.unit), fields.get("qualifier", c.qualifier)
            ),
            status=state.status.value if state else "pending",
            corroboration=standing,
            sources=sources,
            disputed=bool(state and state.disputed),
            leased_by=self.leased.get(candidate_id),
        )

    def _set_current(self, candidate_id: str | None) -> None:
        self.current = candidate_id
        self.query_one("#candidates", CandidateTable).select(candidate_id)
        self.query_one("#article", ArticleView).set_current(candidate_id)
        self._after_move()

    def _after_move(self) -> None:
        """Titles, the claim panel and (after a short rest) the lease and saved position follow the cursor."""
        table = self.query_one("#candidates", CandidateTable)
        where = f"{self.rows.index(self.current) + 1} of {len(self.rows)}" if self.current in self.rows else f"{len(self.rows)}"
        table.border_title = f"Candidates {where}"
        table.border_subtitle = plain_line(self._filter_label())
        panel = self.query_one("#claim", ClaimPanel)
        candidate = self.candidates.get(self.current) if self.current else None
        if candidate is None:
            panel.show(None, None, "No candidate here." if self.article else "Loading…")
        elif candidate.claim_id is None:
            panel.show(None, candidate.id, "Only this article states this; it matched no claim.")
        else:
            self._load_claim(candidate.id, candidate.claim_id)
        if self._presence_timer is not None:
            self._presence_timer.stop()
        self._presence_timer = self.set_timer(PRESENCE_DELAY_S, self._save_presence)

    def _filter_label(self) -> str:
        f = self.filters
        parts = [*f.status, *f.kind, *f.corroboration, *(f"by {r}" for r in f.reviewer)]
        if f.disputed:
            parts.append("disputed")
        return "filter: " + ", ".join(parts) if parts else ""

    def _refresh_rows(self, ids: list[str]) -> None:
        table = self.query_one("#candidates", CandidateTable)
        for candidate_id in ids:
            if candidate_id in self.rows:
                table.update_row(self._row(candidate_id))
        self.query_one("#article", ArticleView).set_marks(self._marks(), self.current)
        if self.article is not None:
            decided = sum(1 for s in self.states.values() if s.status is not Status.PENDING)
            self.query_one("#articles", ArticleList).update_progress(self.article.id, decided, len(self.candidates))

    # -- workers (each answers with a message) ----------------------------

    @work(thread=True, group="presence", exit_on_error=False)
    def _write_presence(self, article_id: str | None, candidate_id: str | None, filters: dict[str, Any]) -> None:
        """Lease the candidate on screen (dropping the previous lease) and remember the reviewer's place."""
        app = self.curator
        try:
            app.writer.release_leases(app.reviewer)
            if candidate_id is not None and not app.writer.claim_lease(candidate_id, app.reviewer, app.lease_seconds):
                holder = app.writer.leased_by_others(app.reviewer, [candidate_id]).get(candidate_id, "another reviewer")
                self.post_message(LeaseRefused(candidate_id, holder))
            app.writer.save_position(app.reviewer, article_id, candidate_id, filters)
        except CuratorError as error:
            self.app.call_from_thread(notify, self, str(error), severity="error")

    @work(thread=True, group="navigate", exit_on_error=False)
    def _find_article(self, reason: str, after: str | None) -> None:
        app = self.curator
        if reason == "conflict":
            found = app.bg.next_conflict(after, self.filters)
            self.post_message(ArticleFound(reason, *(found or (None, None))))
        else:
            self.post_message(ArticleFound(reason, app.bg.next_review_article(after, app.reviewer, self.filters)))

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
        self.post_message(ClaimLoaded(candidate_id, self.curator.bg.claim_view(claim_id)))

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
            article_id = self.article.id if self.article else None
            ids = list(self.candidates)
            self.post_message(
                Refreshed(
                    article_id,
                    app.bg.states_for_article(article_id) if article_id else {},
                    app.bg.leased_by_others(app.reviewer, ids),
                    app.bg.review_counts(app.reviewer),
                    app.bg.count_review_articles(self.filters),
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
        self._write_presence(self.article.id if self.article else None, self.current, self.filters.to_dict())

    def _schedule_counts(self, delay: float = COUNTS_DELAY_S) -> None:
        if self._counts_timer is not None:
            self._counts_timer.stop()
        self._counts_timer = self.set_timer(delay, self._load_counts) if delay else None
        if not delay:
            self._load_counts()

    def _reset_list(self, keep_rows: bool = False) -> None:
        self._list_generation += 1
        filters, bg = self.filters, self.curator.bg
        self._count_list(self._list_generation, filters)
        self._list_loader = lambda offset, limit: bg.article_page(filters, offset, limit)
        self._keep_rows = keep_rows

    # -- message handlers -------------------------------------------------

    def on_list_counted(self, message: ListCounted) -> None:
        if message.generation == self._list_generation:
            self.query_one("#articles", ArticleList).reset(self._list_loader, message.count, keep_rows=self._keep_rows)
            if self.article is not None:
                self._find_rank(self.article.id, self.filters)

    def on_next_found(self, message: NextFound) -> None:
        if self.article is not None and message.after == self.article.id and message.filters == self.filters:
            self._next = message.article_id

    def on_rank_found(self, message: RankFound) -> None:
        if self.article is not None and message.article_id == self.article.id:
            self.query_one("#articles", ArticleList).show_cursor(-1 if message.rank is None else message.rank)

    def on_claim_loaded(self, message: ClaimLoaded) -> None:
        if message.candidate_id == self.current:
            self.query_one("#claim", ClaimPanel).show(message.view, self.current, "This claim is gone (matching ran again).")

    def on_counts_loaded(self, message: CountsLoaded) -> None:
        self.query_one("#header", ReviewHeader).set_counts(message.counts)

    def on_lease_refused(self, message: LeaseRefused) -> None:
        self.leased[message.candidate_id] = message.holder
        self._refresh_rows([message.candidate_id])
        if message.candidate_id == self.current:
            notify(self, f"{message.holder} has this candidate open; your keys pass over it.", severity="warning")

    def _decided(self, candidate_id: str, state: CandidateState | None, problem: str | None) -> None:
        if problem or state is None:
            notify(self, problem or "Nothing was recorded.", severity="error")
            return
        self.states[candidate_id] = state
        self.leased.pop(candidate_id, None)
        self._refresh_rows([candidate_id])
        self._schedule_counts()
        self._advance(candidate_id)

    def _undone(self, undone: Decision | None, state: CandidateState | None) -> None:
        if undone is None:
            notify(self, "You have no decision to undo.", severity="warning")
            return
        notify(self, f"Undid {undone.action.value} of {undone.candidate_id}.")
        self._schedule_counts()
        if undone.candidate_id in self.candidates:
            if state is not None:
                self.states[undone.candidate_id] = state
            if undone.candidate_id in self.rows:
                self._refresh_rows([undone.candidate_id])
                self._set_current(undone.candidate_id)
                return
            self._open_article(self.article.id, undone.candidate_id, force=True)  # type: ignore[union-attr]
        else:
            candidate = self.curator.reader.candidate(undone.candidate_id)
            if candidate is not None:
                self._open_article(candidate.article_id, candidate.id, force=True)

    def on_article_found(self, message: ArticleFound) -> None:
        if message.article_id is None:
            note = {
                "conflict": "No candidate in conflict (with this filter).",
                "start": "Nothing to review yet: ingest and extract some articles first.",
            }.get(message.reason, "Nothing left to review with this filter. ✓")
            notify(self, note, severity="information")
            if message.reason == "start" and self.article is None:
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
        if self.article is None or message.article_id != self.article.id:
            return
        changed = []
        for candidate_id, state in message.states.items():
            old = self.states.get(candidate_id)
            if old is None or state.version > old.version:
                self.states[candidate_id] = state
                changed.append(candidate_id)
        if message.leased != self.leased:
            changed.extend(set(message.leased) ^ set(self.leased))
            self.leased = message.leased
        if changed:
            self._refresh_rows(changed)
            current = self.candidates.get(self.current) if self.current else None
            if current is not None and current.claim_id:
                self._load_claim(current.id, current.claim_id)

    @on(ArticleList.Chosen)
    def _article_chosen(self, message: ArticleList.Chosen) -> None:
        if self._awaiting_choice:
            self._awaiting_choice = False
            self._open_article(message.article.id, pick=self._pick, index=message.index)
            self._end()
        else:
            self._do(lambda: self._open_article(message.article.id, index=message.index))

    @on(DataTable.RowHighlighted, "#candidates")
    def _row_clicked(self, message: DataTable.RowHighlighted) -> None:
        candidate_id = str(message.row_key.value)
        if candidate_id != self.current:
            self._do(lambda: self._set_current(candidate_id))

    @on(ArticleView.Clicked)
    def _span_clicked(self, message: ArticleView.Clicked) -> None:
        if message.candidate_id in self.rows:
            self._do(lambda: self._set_current(message.candidate_id))

    # -- moving -----------------------------------------------------------

    def _advance(self, after: str) -> None:
        """After a decision: the next candidate to review in this article (wrapping), else the next article."""
        if after in self.rows:
            i = self.rows.index(after)
            order = self.rows[i + 1 :] + self.rows[:i]
        else:
            order = self.rows
        target = next((c for c in order if self._to_review(c)), None)
        if target is not None:
            self._set_current(target)
            return
        if self._next is not None:  # found ahead for this article and filter (opening another clears it)
            self._open_article(self._next)
            if self.current is not None and self._to_review(self.current):
                return  # else someone finished it meanwhile: look on from there
        self._begin()
        self._find_article("next", self.article.id if self.article else None)

    def _go_article(self, step: int, pick: str) -> None:
        articles = self.query_one("#articles", ArticleList)
        index = articles.cursor + step
        if not 0 <= index < articles.count:
            self.app.bell()
            return
        self._begin()
        self._awaiting_choice, self._pick = True, pick
        articles.go(index)

    def _move(self, step: int) -> None:
        if self.current in self.rows:
            index = self.rows.index(self.current) + step
        else:
            index = 0 if step > 0 else len(self.rows) - 1
        if 0 <= index < len(self.rows):
            self._set_current(self.rows[index])
        else:
            self._go_article(1 if step > 0 else -1, "first" if step > 0 else "last")

    def _decide(self, action: Action, fields: dict[str, Any] | None = None, note: str | None = None, adjudicate: bool = False) -> None:
        """Commit on the spot (one short indexed transaction, well under a frame), then move on."""
        candidate_id = self.current
        if candidate_id is None:
            self.app.bell()
            notify(self, "There is no candidate here to decide.", severity="warning")
            return
        app = self.curator
        try:
            holder = self._held_by_other(candidate_id)
            if holder is not None:
                self._pass_over(candidate_id, holder)
                return
            outcome = record_decisions(app.writer, action.value, [candidate_id], app.reviewer, fields, note=note, adjudicate=adjudicate)
        except CuratorError as error:
            self._decided(candidate_id, None, str(error))
            return
        state = outcome.decided[0] if outcome.decided else None
        self._decided(candidate_id, state, outcome.problems[0] if outcome.problems else None)

    def _held_by_other(self, candidate_id: str) -> str | None:
        """Who else holds the candidate's lease, else None: taking it is one atomic statement, so of two
        reviewers pressing a key on it at once exactly one decides (the screen's ⊘ may be a moment old)."""
        app = self.curator
        if app.writer.claim_lease(candidate_id, app.reviewer, app.lease_seconds):
            return None
        return app.writer.leased_by_others(app.reviewer, [candidate_id]).get(candidate_id, "another reviewer")

    def _pass_over(self, candidate_id: str, holder: str) -> None:
        """A key landed on a candidate someone else has open: decide nothing, say so, and move on."""
        self.leased[candidate_id] = holder
        self._refresh_rows([candidate_id])
        notify(self, f"{holder} has this candidate open, so your key did not decide it; moved on.", severity="warning")
        self._advance(candidate_id)

    def _undo(self) -> None:
        app = self.curator
        try:
            undone = app.writer.undo(app.reviewer)
            state = app.writer.state(undone.candidate_id) if undone else None
        except CuratorError as error:
            notify(self, str(error), severity="error")
            return
        self._undone(undone, state)

    def _next_conflict(self) -> None:
        if self.current in self.rows:
            after = self.rows[self.rows.index(self.current) + 1 :]
            target = next((c for c in after if self.corroboration.get(c, ("",))[0] == "conflict"), None)
            if target is not None:
                self._set_current(target)
                return
        self._begin()
        self._find_article("conflict", self.article.id if self.article else None)

    def apply_filters(self, filters: ReviewFilter) -> None:
        """A new filter: the list, the rows and the saved position all follow."""
        self.filters = filters
        self._reset_list()
        if self.article is not None:
            self._open_article(self.article.id, self.current)
            if not self.rows:
                self._begin()
                self._find_article("next", self.article.id)

    def go_to(self, article_id: str, candidate_id: str | None) -> None:
        """Open an article (and candidate) picked elsewhere, e.g. in search results."""
        self._open_article(article_id, candidate_id, force=True)

    # -- actions ----------------------------------------------------------

    def action_accept(self) -> None:
        self._do(lambda: self._decide(Action.ACCEPT))

    def action_reject(self) -> None:
        self._do(lambda: self._decide(Action.REJECT))

    def action_skip(self) -> None:
        self._do(lambda: self._decide(Action.SKIP))

    def action_adjudicate_accept(self) -> None:
        self._do(lambda: self._decide(Action.ACCEPT, adjudicate=True))

    def action_adjudicate_reject(self) -> None:
        self._do(lambda: self._decide(Action.REJECT, adjudicate=True))

    def action_undo(self) -> None:
        self._do(self._undo)

    def action_next_candidate(self) -> None:
        self._do(lambda: self._move(1))

    def action_previous_candidate(self) -> None:
        self._do(lambda: self._move(-1))

    def action_next_article(self) -> None:
        self._do(lambda: self._go_article(1, "review"))

    def action_previous_article(self) -> None:
        self._do(lambda: self._go_article(-1, "review"))

    def action_next_conflict(self) -> None:
        self._do(self._next_conflict)

    def action_scroll_article(self, pages: int) -> None:
        view = self.query_one("#article", ArticleView)
        view.scroll_to(y=view.scroll_y + pages * max(view.size.height - 2, 1), animate=False)

    def action_clear_filter(self) -> None:
        self._do(lambda: self.apply_filters(ReviewFilter()))

    def action_filter_disputed(self) -> None:
        self._do(lambda: self.apply_filters(ReviewFilter(disputed=True)))

    def action_edit(self) -> None:
        self._do(self._open_edit)

    def _open_edit(self) -> None:
        from curator.tui.screens.edit import EditScreen

        candidate = self.candidates.get(self.current) if self.current else None
        if candidate is None:
            self.app.bell()
            return

        def done(result: tuple[dict[str, Any], str | None] | None) -> None:
            if result is not None:
                fields, note = result
                self._do(lambda: self._decide(Action.EDIT, fields, note))

        self.app.push_screen(EditScreen(candidate, self.states.get(candidate.id), self.curator.schema), done)

    def action_filter(self) -> None:
        from curator.tui.screens.filter import FilterScreen

        def done(result: ReviewFilter | None) -> None:
            if result is not None and result != self.filters:
                self._do(lambda: self.apply_filters(result))

        self._do(lambda: self.app.push_screen(FilterScreen(self.filters), done))

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
        self._do(self.app.exit)

    def on_unmount(self) -> None:
        """Remember the place and free the leases as the app closes (the stores close after the screens)."""
        app = self.curator
        try:
            app.writer.save_position(app.reviewer, self.article.id if self.article else None, self.current, self.filters.to_dict())
            app.writer.release_leases(app.reviewer)
        except CuratorError:
            # The screen is already gone: there is nowhere left to say it, and the
            # position is also saved while reviewing, so at most the last move is lost.
            return
