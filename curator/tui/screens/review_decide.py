"""The review screen's decisions and undos: committed before the screen moves on, and never a frozen screen.

A decision is written on the spot when the database is free, which is
nearly always (one short ``BEGIN IMMEDIATE``, well under a frame). When
another process holds the write lock past ``FAST_WRITE_S`` the same write
goes to a thread worker that waits for it (``patient_write``), and the screen stays live: the
write-status line says what is waiting and for how long, keys typed
meanwhile are queued in order (up to ``QUEUE_LIMIT``; more are refused with
a bell and counted on the line) and run once the write lands, and ``q``
quits only after it landed. A write that finally fails (the store gives up
on a lock nobody releases) is said in one sentence and stays on the line as
not saved; the queued keys, which were meant for the candidates after it,
are dropped and counted, and a queued ``q`` is not obeyed, so nothing is
lost without the reviewer seeing it.

Before a decision is recorded the store leases the candidate and checks its
state version (``Store.turn_to_decide``) against the one the screen had when
the cursor arrived on it: a key never decides a candidate another screen
holds, nor one that changed under the cursor. A row that flips to ✓ a
moment before the key lands was not what the reviewer judged; the first key
is refused and says so, and a second one (a deliberate second opinion) records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from time import monotonic
from typing import Any

from textual import work
from textual.message import Message
from textual.timer import Timer

from curator.decisions import Outcome, record_decisions, undo_decision
from curator.errors import CuratorError
from curator.models import Action, CandidateState, Decision, Status
from curator.store.connection import WriteBusy
from curator.store.presence import DecideTurn
from curator.tui.patient_write import Stopped, write_patiently
from curator.tui.safe_text import notify
from curator.tui.screens.review_view import ReviewView
from curator.tui.widgets.write_status import WriteStatus

FAST_WRITE_S = 0.05
"""How long a key waits on the UI thread for the write lock before its write moves to a worker (a few frames at most)."""
QUEUE_LIMIT = 10
"""Keys queued behind a waiting write; past it a key is refused with a bell, since the reviewer is typing blind."""
TICK_S = 0.5
"""How often the waiting line's seconds are redrawn."""

UNDO = "undo"
"""The unsaved-writes key of an undo (decisions are keyed by candidate id)."""


@dataclass(frozen=True)
class Draft:
    """A decision written in the edit or reason dialog that was not recorded: what the dialog opens with next time."""

    action: Action
    fields: dict[str, Any] | None
    note: str | None
    reason: str | None
    adjudicate: bool


@dataclass
class Waiting:
    """A write handed to the worker: what it is (for the line), when it started, what to run on the UI thread after."""

    what: str
    key: str
    started: float
    landed: Callable[[Any], None]
    refused: int = 0


@dataclass
class WriteLanded(Message):
    """The worker's answer: the write's result, or the sentence saying why it was not saved."""

    result: Any
    error: str | None = None


class ReviewDecide(ReviewView):
    """Decisions and undos, the write that waits for the lock, and quitting only after it landed."""

    def __init__(self) -> None:
        super().__init__()
        self._waiting: Waiting | None = None
        self._ticker: Timer | None = None
        self._unsaved: dict[str, str] = {}
        self.drafts: dict[str, Draft] = {}
        """Dialog decisions kept, not recorded, by candidate (``_kept_as_draft``); the dialog takes its draft back."""
        self._seen: tuple[str | None, int] = (None, 0)
        """The candidate under the cursor and its state version when the cursor arrived (or the reviewer was told of a change)."""

    def _after_move(self) -> None:
        super()._after_move()
        self._see(self.review.current)

    def _see(self, candidate_id: str | None) -> None:
        state = self.review.states.get(candidate_id) if candidate_id else None
        self._seen = (candidate_id, state.version if state else 0)

    # -- writing without freezing -------------------------------------------

    def _write(self, what: str, key: str, job: Callable[[], Any], landed: Callable[[Any], None]) -> None:
        """Run ``job`` (store writes only) and then ``landed(result)``; a busy database moves ``job`` to a worker."""
        try:
            with self.curator.writer.without_waiting(FAST_WRITE_S):
                result = job()
        except WriteBusy:
            self._begin()
            self._waiting = Waiting(what, key, monotonic(), landed)
            self._show_waiting()
            self._ticker = self.set_interval(TICK_S, self._show_waiting)
            self._write_when_free(job)
            return
        except CuratorError as error:
            self._not_saved(what, key, str(error), dropped=0)
            return
        self._saved(key)
        landed(result)

    @work(thread=True, group="write", exit_on_error=False)
    def _write_when_free(self, job: Callable[[], Any]) -> None:
        """``job`` once the lock is free (``write_patiently``): it lands, fails in one sentence, or the app closes."""
        try:
            result = write_patiently(self.curator.writer, job, self.curator.closing)
        except Stopped:
            return
        except CuratorError as error:
            self.post_message(WriteLanded(None, str(error)))
            return
        self.post_message(WriteLanded(result))

    def on_write_landed(self, message: WriteLanded) -> None:
        waiting, self._waiting = self._waiting, None
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        self.busy = False
        if waiting is not None and message.error is not None:
            dropped = len(self._queue)
            self._queue.clear()
            self._not_saved(waiting.what, waiting.key, message.error, dropped)
            return
        if waiting is not None:
            self._unsaved.pop(waiting.key, None)
            self._show_unsaved(dropped=0)
            waiting.landed(message.result)
        if not self.busy:
            self._end()

    def _do(self, step: Callable[[], None]) -> None:
        """Queue behind a waiting write up to ``QUEUE_LIMIT`` keys; refuse more, visibly."""
        if self._waiting is None:
            super()._do(step)
            return
        if len(self._queue) < QUEUE_LIMIT:
            self._queue.append(step)
        else:
            self._waiting.refused += 1
            self.app.bell()
        self._show_waiting()

    def _quit(self) -> None:
        """Leave once every decision in flight has landed; the line says the screen is waiting to quit."""
        if not self.busy:
            self.app.exit()
            return
        self._queue.append(self.app.exit)
        self._show_waiting()

    def _drop_typed_ahead(self) -> int:
        """Forget the queued keys but ``q`` (a navigation found nowhere to go, so they have no target); how many."""
        kept = [step for step in self._queue if step == self.app.exit]
        dropped = len(self._queue) - len(kept)
        self._queue.clear()
        self._queue.extend(kept)
        return dropped

    def _show_waiting(self) -> None:
        waiting = self._waiting
        if waiting is not None:
            seconds = int(monotonic() - waiting.started)
            queued = sum(1 for step in self._queue if step != self.app.exit)  # q shows as "quits once saved"
            quitting = queued < len(self._queue)
            self.query_one(WriteStatus).waiting(waiting.what, seconds, queued, waiting.refused, quitting)

    def _saved(self, key: str) -> None:
        if self._unsaved.pop(key, None) is not None:
            self._show_unsaved(dropped=0)

    def _not_saved(self, what: str, key: str, error: str, dropped: int) -> None:
        """One sentence for the toast; the line keeps the write as not saved until it is saved."""
        self._unsaved[key] = what
        self._show_unsaved(dropped)
        notify(self, f"Your {what} was not saved: {error}", severity="error", timeout=30)

    def _show_unsaved(self, dropped: int) -> None:
        self.curator.tally.unsaved = len(self._unsaved)
        status = self.query_one(WriteStatus)
        if not self._unsaved:
            status.clear()
        else:
            status.unsaved(next(reversed(self._unsaved.values())), len(self._unsaved) - 1, dropped)

    # -- decisions ------------------------------------------------------------

    def _decide(
        self, action: Action, fields: dict[str, Any] | None = None, note: str | None = None, adjudicate: bool = False,
        reason: str | None = None,
    ) -> None:
        """Lease, check the version seen and record, then move on; another screen's candidate is passed over.

        A decision composed in a dialog (edited fields, a reason or a note) skips the version check: the
        reviewer wrote it about the fact itself, so it is kept (a dispute, if views differ), never thrown away.
        When another reviewer took the candidate while the dialog was open (this reviewer's lease lapsed) it
        is still recorded if the candidate stayed as the reviewer saw it; if it changed too, nothing is
        recorded, the reviewer is told who has it, and the dialog's content is kept as a draft the next
        ``e`` or ``R`` on it opens with (``drafts``).
        """
        candidate_id = self.review.current
        if candidate_id is None:
            self.app.bell()
            notify(self, "There is no candidate here to decide.", severity="warning")
            return
        app = self.curator
        if self._seen[0] != candidate_id:
            self._see(candidate_id)
        composed = fields is not None or note is not None or reason is not None
        seen_version = self._seen[1]

        def job() -> tuple[DecideTurn, Outcome | CandidateState | None]:
            turn = app.writer.turn_to_decide(candidate_id, app.reviewer, app.lease_seconds, seen_version)
            if turn.holder is not None and not composed:
                return turn, None
            if turn.moved and (turn.holder is not None or not composed):
                return turn, app.writer.state(candidate_id)
            outcome = record_decisions(
                app.writer, action.value, [candidate_id], app.reviewer, fields, note=note, reason=reason, adjudicate=adjudicate
            )
            return turn, outcome

        def landed(result: tuple[DecideTurn, Outcome | CandidateState | None]) -> None:
            turn, answer = result
            if isinstance(answer, Outcome):
                problem = answer.problems[0] if answer.problems else None
                self._decided(candidate_id, answer.decided[0] if answer.decided else None, problem)
            elif turn.holder is not None and composed:
                self._kept_as_draft(candidate_id, turn.holder, answer, Draft(action, fields, note, reason, adjudicate))
            elif turn.holder is not None:
                self._pass_over(candidate_id, turn.holder)
            else:
                self._decided_meanwhile(candidate_id, answer)

        verb = f"adjudicating {action.value}" if adjudicate else action.value
        self._write(f"{verb} of {self.fact_label(candidate_id)}", candidate_id, job, landed)

    def _pass_over(self, candidate_id: str, holder: str) -> None:
        """A key landed on a candidate someone else has open: decide nothing, say so, and move on."""
        self.review.leased[candidate_id] = holder
        self._refresh_rows([candidate_id])
        notify(self, f"{holder} has this candidate open, so your key did not decide it; moved on.", severity="warning")
        self._advance(candidate_id)

    def _kept_as_draft(self, candidate_id: str, holder: str, state: CandidateState | None, draft: Draft) -> None:
        """A dialog's decision that found the candidate taken and changed: record nothing, keep what was written, say so."""
        self.drafts[candidate_id] = draft
        self.review.leased[candidate_id] = holder
        if state is not None:
            self.review.states[candidate_id] = state
        self._refresh_rows([candidate_id])
        self._see(candidate_id)
        now = "now undecided" if state is None or state.status is Status.PENDING else f"{state.status.value} by {state.reviewer}"
        key = "e" if draft.action is Action.EDIT else "R"
        notify(
            self,
            f"{holder} took {self.fact_label(candidate_id)} while your dialog was open and it changed ({now}), so your"
            f" {draft.action.value} was not saved; press {key} to open it again as you wrote it.",
            severity="warning", timeout=30,
        )

    def _decided_meanwhile(self, candidate_id: str, state: CandidateState | None) -> None:
        """Someone decided (or undid) the candidate since this screen showed it: show what is there now, decide nothing.

        The cursor moves on when the candidate no longer needs review, else stays for the reviewer to look again.
        """
        if state is not None:
            self.review.states[candidate_id] = state
        self._refresh_rows([candidate_id])
        self._reread_claims()
        self._see(candidate_id)
        now = "now undecided" if state is None or state.status is Status.PENDING else f"{state.status.value} by {state.reviewer}"
        notify(
            self, f"{self.fact_label(candidate_id)} changed meanwhile ({now}), so your key did not decide it.", severity="warning"
        )
        if not self.review.to_review(candidate_id):
            self._advance(candidate_id)

    def _decided(self, candidate_id: str, state: CandidateState | None, problem: str | None) -> None:
        if problem or state is None:
            notify(self, problem or "Nothing was recorded.", severity="error")
            return
        before = self.review.states.get(candidate_id)
        tally = self.curator.tally
        if state.status is Status.SKIPPED:
            tally.skipped += 1
        else:
            tally.decided += 1
        if state.disputed and not (before is not None and before.disputed):
            tally.disputes += 1
        self.review.states[candidate_id] = state
        self.review.leased.pop(candidate_id, None)
        self._refresh_rows([candidate_id])
        self._reread_claims()
        self._see(candidate_id)
        self._schedule_counts()
        self._advance(candidate_id)

    # -- undo -------------------------------------------------------------------

    def _undo(self) -> None:
        app = self.curator

        def job() -> tuple[Decision | None, CandidateState | None]:
            undone = undo_decision(app.writer, app.reviewer)
            return undone, app.writer.state(undone.candidate_id) if undone else None

        self._write("undo of your last decision", UNDO, job, lambda result: self._undone(*result))

    def _undone(self, undone: Decision | None, state: CandidateState | None) -> None:
        if undone is None:
            notify(self, "You have no decision to undo.", severity="warning")
            return
        self.curator.tally.undone += 1
        notify(self, f"Undid {undone.action.value} of {self.fact_label(undone.candidate_id)}.")
        self._schedule_counts()
        if undone.candidate_id in self.review.candidates:
            if state is not None:
                self.review.states[undone.candidate_id] = state
            if undone.candidate_id in self.review.rows:
                self._refresh_rows([undone.candidate_id])
                self._reread_claims()
                self._set_current(undone.candidate_id)
                return
            self._open_article(self.review.article.id, undone.candidate_id, force=True)  # type: ignore[union-attr]
        else:
            candidate = self.curator.reader.candidate(undone.candidate_id)
            if candidate is not None:
                self._open_article(candidate.article_id, candidate.id, force=True)
