"""The review screen's view and moves: an article on screen, the cursor, and the queue of keys.

Ordering is the one rule that matters here. A decision is committed before
the cursor moves (``review_decide``). Moves that need a slower query (the
next article to review, the next conflict elsewhere) and writes that wait
for another process's lock run in a thread worker; keys pressed meanwhile
wait in a queue and run in order when it answers, so fast typing neither
drops keys nor applies one to the wrong candidate. Where the cursor goes is
``ReviewState``'s choice; this draws it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from rich.text import Text

from curator.display import format_value, range_end
from curator.models import Article, Candidate, Status
from curator.schema import Schema
from curator.tui.fact_detail import corroboration_words, detail_lines
from curator.tui.review_filter import ReviewFilter
from curator.textsafety import visible_line
from curator.tui.safe_text import plain_line
from curator.tui.screens.review_workers import CLAIM_WAIT_S, PRESENCE_DELAY_S, ReviewWorkers
from curator.tui.widgets.article_list import ArticleList
from curator.tui.widgets.article_view import ArticleView, Mark
from curator.tui.widgets.candidate_table import CandidateRow, CandidateTable
from curator.tui.widgets.claim_panel import ClaimPanel
from curator.tui.widgets.fact_detail import FactDetail
from curator.tui.widgets.steady import SteadyStatic


def article_header(article: Article, story: str | None = None) -> Text:
    """Title in full; outlet, authors, date, language, reader and ``story`` ("same story as …"); the URL (else the
    source file). Plain text, never markup."""
    about = (article.outlet, ", ".join(article.authors), article.published, article.language, f"read by {article.reader}", story)
    header = Text(visible_line(article.title), style="bold")
    header.append("\n" + visible_line(" · ".join(x for x in about if x)), style="")
    header.append("\n" + visible_line(article.url or article.source), style="underline" if article.url else "")
    return header


def shared_values(candidates: list[Candidate], schema: Schema) -> set[tuple[str, Any]]:
    """(kind, value) of relations that several candidates of one article share (four ``member-of`` the venture).

    Their rows lead with the subject (``SoftBank → SoftBank-NEC-…``), so rows that would read alike tell apart.
    """
    seen: set[tuple[str, Any]] = set()
    shared: set[tuple[str, Any]] = set()
    for c in candidates:
        spec = schema.kinds.get(c.kind)
        if spec is None or not spec.relation or isinstance(c.value, (dict, list)):
            continue
        key = (c.kind, c.value)
        (shared if key in seen else seen).add(key)
    return shared


class ReviewView(ReviewWorkers):
    """Shows articles and candidates and moves the cursor; keys wait in a queue while a move is in flight."""

    def __init__(self) -> None:
        super().__init__()
        self.busy = False
        self._queue: deque[Callable[[], None]] = deque()
        self._awaiting_choice = False
        self._pick = "review"
        self._shared: set[tuple[str, Any]] = set()
        self._detail_for: str | None = None
        """The candidate the detail pane shows (it waits for a claim before showing the next one)."""

    # -- the action queue -------------------------------------------------

    @property
    def idle(self) -> bool:
        """No move in flight and no key waiting for one."""
        return not self.busy and not self._queue

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
        candidate_id = self.review.show(
            article,
            candidates,
            app.reader.states_for_article(article_id),
            app.reader.corroboration_for_article(article_id),
            app.reader.leased_by_others(app.reviewer, [c.id for c in candidates]),
            candidate_id,
            pick,
            force,
        )
        self._shared = shared_values(candidates, self.curator.schema)
        link = app.reader.story_link(article_id)
        story = f"same story as {link.story_source}" if link else None
        self.query_one("#article-meta", SteadyStatic).show_content(article_header(article, story))
        self.query_one("#article-pane").border_title = "Article"
        self.query_one("#article", ArticleView).show(article.text, self._marks(), candidate_id)
        table = self.query_one("#candidates", CandidateTable)
        table.show_rows([self._row(c) for c in self.review.rows])
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
            self._find_rank(article_id, self.review.filters)
        self._look_ahead(article_id, self.review.filters)

    def _marks(self) -> list[Mark]:
        marks = []
        for c in self.review.candidates.values():
            state = self.review.states.get(c.id)
            marks.append(Mark(c.start, c.end, c.id, state.status.value if state else "pending"))
        return marks

    def _row(self, candidate_id: str) -> CandidateRow:
        c = self.review.candidates[candidate_id]
        state = self.review.states.get(candidate_id)
        fields = state.fields if state and state.status is Status.EDITED else {}
        standing, sources = self.review.standing(candidate_id)
        shown = fields.get("value", c.value)
        value = format_value(c.kind, shown, fields.get("unit", c.unit), fields.get("qualifier", c.qualifier), range_end(shown, c.attrs))
        subject = fields.get("subject", c.subject)
        if (c.kind, c.value) in self._shared and subject:
            value = f"{' '.join(str(subject).split())} → {value}"
        return CandidateRow(
            candidate_id=candidate_id,
            kind=c.kind,
            value=value,
            status=state.status.value if state else "pending",
            corroboration=standing,
            sources=sources,
            disputed=bool(state and state.disputed),
            leased_by=self.review.leased.get(candidate_id),
        )

    def fact_label(self, candidate_id: str) -> str:
        """The fact as a toast names it: ``$6.7 billion (money)``; the id only when the candidate is gone."""
        candidate = self.review.candidates.get(candidate_id) or self.curator.reader.candidate(candidate_id)
        if candidate is None:
            return candidate_id
        if candidate.id in self.review.candidates:
            value = self._row(candidate.id).value
        else:
            value = format_value(candidate.kind, candidate.value, candidate.unit, candidate.qualifier)
        return f"{value} ({candidate.kind})"

    def _set_current(self, candidate_id: str | None) -> None:
        self.review.current = candidate_id
        self.query_one("#candidates", CandidateTable).select(candidate_id)
        self.query_one("#article", ArticleView).set_current(candidate_id)
        self._after_move()

    def _after_move(self) -> None:
        """Titles, the claim panel and (after a short rest) the lease and saved position follow the cursor."""
        self.query_one("#candidates", CandidateTable).set_titles(
            f"Candidates {self.review.where()}", plain_line(self.review.filter_label())
        )
        self._show_claim()
        if self._presence_timer is not None:
            self._presence_timer.stop()
        self._presence_timer = self.set_timer(PRESENCE_DELAY_S, self._save_presence)

    def _show_claim(self) -> None:
        """The claim panel and the detail pane for the candidate under the cursor; its claim is read in a worker."""
        panel = self.query_one("#claim", ClaimPanel)
        candidate = self.review.candidates.get(self.review.current) if self.review.current else None
        if candidate is None:
            panel.show(None, None, "No candidate here." if self.review.article else "Loading…")
            self._show_detail(None)
        elif candidate.claim_id is None:
            panel.show(None, candidate.id, "Only this article states this; it matched no claim.")
            self._show_detail(corroboration_words(None, candidate.id, {}))
        else:
            # The detail pane waits for the claim (a few ms: as a rule it lands before the next frame), so a move
            # draws the pane once, not first with "…" (a second draw, and often a screen layout pass, per key).
            self._load_claim(candidate.id, candidate.claim_id)
            self.set_timer(CLAIM_WAIT_S, self._claim_late)

    def _restand(self, corroboration: dict[str, tuple[str, int]], claims: dict[str, str]) -> list[str]:
        """The article's claims as stored now (``ReviewState.restand``): changed rows are redrawn, and the claim panel
        and detail pane when the cursor's candidate is among them; returns the changed ids."""
        changed = self.review.restand(corroboration, claims)
        if changed:
            self._refresh_rows(changed)
        if self.review.current in changed:
            self._show_claim()
        return changed

    def _reread_claims(self) -> None:
        """After this screen's own decision or undo: ``_restand`` from two indexed reads of the article on screen."""
        if self.review.article is not None:
            reader = self.curator.reader
            self._restand(
                reader.corroboration_for_article(self.review.article.id), reader.claims_of_candidates(list(self.review.candidates))
            )

    def _claim_late(self) -> None:
        """The claim is slow to come: show the fact meanwhile, its sources as "…"."""
        if self._detail_for != self.review.current:
            self._show_detail("…")

    def _show_detail(self, corroboration: str | None) -> None:
        """The detail pane for the current candidate; ``corroboration`` None keeps its sentence (none while awaited)."""
        candidate = self.review.candidates.get(self.review.current) if self.review.current else None
        detail = self.query_one("#detail", FactDetail)
        if candidate is None:
            self._detail_for = None
            detail.show([], "No candidate here." if self.review.article else "Loading…")
            return
        if corroboration is None:
            if self._detail_for != candidate.id:
                return
            corroboration = dict(detail.lines).get("Sources", "…")
        self._detail_for = candidate.id
        detail.show(detail_lines(candidate, self.review.states.get(candidate.id), corroboration))

    def _refresh_rows(self, ids: list[str]) -> None:
        table = self.query_one("#candidates", CandidateTable)
        for candidate_id in ids:
            if candidate_id in self.review.rows:
                table.update_row(self._row(candidate_id))
        if self.review.current in ids:
            self._show_detail(None)
        self.query_one("#article", ArticleView).set_marks(self._marks(), self.review.current)
        if self.review.article is not None:
            self.query_one("#articles", ArticleList).update_progress(
                self.review.article.id, self.review.decided(), len(self.review.candidates)
            )

    # -- moving -----------------------------------------------------------

    def _advance(self, after: str) -> None:
        """After a decision: the next candidate to review in this article (wrapping), else the next article."""
        target = self.review.after_decision(after)
        if target is not None:
            self._set_current(target)
            return
        self._to_next_article()

    def _next_undecided(self) -> None:
        """``n``: the next candidate to review after the cursor in this article (no wrapping), else in the next article."""
        target = self.review.next_to_review()
        if target is not None:
            self._set_current(target)
        else:
            self._to_next_article()

    def _to_next_article(self) -> None:
        """The next article with something to review: found ahead already, or looked for in a worker."""
        if self.review.next_article is not None:  # found ahead for this article and filter (opening another clears it)
            self._open_article(self.review.next_article)
            if self.review.current is not None and self.review.to_review(self.review.current):
                return  # else someone finished it meanwhile: look on from there
        self._begin()
        self._find_article("next", self.review.article.id if self.review.article else None)

    def _go_article(self, step: int, pick: str) -> None:
        articles = self.query_one("#articles", ArticleList)
        index = articles.cursor + step
        if not 0 <= index < articles.count:
            self.app.bell()
            return
        if (row := articles.row(index)) is not None:  # loaded already: open it now, not after a message round trip
            self._open_article(row.id, pick=pick, index=index)
            return
        self._begin()
        self._awaiting_choice, self._pick = True, pick
        articles.go(index)

    def _move(self, step: int) -> None:
        target = self.review.step(step)
        if target is not None:
            self._set_current(target)
        else:
            self._go_article(1 if step > 0 else -1, "first" if step > 0 else "last")

    def _next_conflict(self) -> None:
        target = self.review.next_conflict_here()
        if target is not None:
            self._set_current(target)
            return
        self._begin()
        self._find_article("conflict", self.review.article.id if self.review.article else None)

    def apply_filters(self, filters: ReviewFilter) -> None:
        """A new filter: the list, the rows and the saved position all follow."""
        self.review.filters = filters
        self._reset_list()
        if self.review.article is not None:
            self._open_article(self.review.article.id, self.review.current)
            if not self.review.rows:
                self._begin()
                self._find_article("next", self.review.article.id)

    def go_to(self, article_id: str, candidate_id: str | None) -> None:
        """Open an article (and candidate) picked elsewhere, e.g. in search results."""
        self._open_article(article_id, candidate_id, force=True)
