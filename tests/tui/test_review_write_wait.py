"""Pilot tests: another connection holds the real write lock (``BEGIN IMMEDIATE``) while a reviewer keeps typing.

The screen says a write is waiting and for how long, stays live, queues the
keys typed meanwhile (refusing them past a limit), quits only once the
decision is in, and keeps a decision the database never took on screen as
not saved, in one sentence and in the session summary.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from review_data import ReviewData, open_db, pilot_test, settle, until

from curator.cli import cli
from curator.errors import CuratorError
from curator.models import Status
from curator.store import connection
from curator.tui.app import CuratorApp
from curator.tui.screens.main import MainScreen
from curator.tui.screens.review_decide import QUEUE_LIMIT
from curator.tui.session import SessionTally
from curator.tui.widgets.write_status import WriteStatus

AppFactory = Callable[..., CuratorApp]


@contextlib.contextmanager
def write_lock(path: Path) -> Iterator[sqlite3.Connection]:
    """Another connection's open write transaction: every other writer waits until it ends (rolled back here)."""
    holder = sqlite3.connect(path, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield holder
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()


def decided(path: Path) -> dict[str, tuple[str, str]]:
    """candidate -> (reviewer, action) of every decision in the log."""
    with open_db(path) as store:
        return {d.candidate_id: (d.reviewer, d.action.value) for d in store.decisions()}


def main_of(app: CuratorApp) -> MainScreen:
    main = app.main_screen()
    assert main is not None
    return main


@pilot_test
async def test_keys_typed_while_a_decision_waits_are_queued_in_order_and_applied_once_it_lands(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    ids = review_data.ids(0)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        main = main_of(app)
        status = main.query_one(WriteStatus)
        assert not status.display
        with write_lock(review_data.path) as holder:
            await pilot.press("a")
            assert status.display
            assert re.fullmatch(r"Saving… waiting \d+ s for another writer · accept of SoftBank \(entity\)", status.text)
            await pilot.press("r", "j")
            assert status.text.endswith(" s for another writer · 2 keys queued · accept of SoftBank (entity)")
            waited = lambda: int(re.search(r"waiting (\d+) s", status.text).group(1))  # type: ignore[union-attr]  # noqa: E731
            await until(pilot, lambda: waited() >= 1, "the waiting line to count the seconds")
            await pilot.press("question_mark")
            assert app.screen.__class__.__name__ == "HelpScreen", "the screen answers keys that need no write"
            await pilot.press("escape")
            assert app.screen is main
            assert main.review.current == ids[0], "the cursor waits for the decision"
            assert decided(review_data.path) == {}, "reads go on beside the lock; nothing was written yet"
            holder.execute("ROLLBACK")
            await until(pilot, lambda: not status.display, "the decision to land")
        await settle(pilot)
        assert decided(review_data.path) == {ids[0]: ("alice", "accept"), ids[1]: ("alice", "reject")}
        assert main.review.current == ids[3], "a, r, then j: each key on the candidate the one before it led to"
        assert main.review.states[ids[1]].status is Status.REJECTED


@pilot_test
async def test_keys_past_the_queue_limit_are_refused_with_a_bell_and_counted(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        main = main_of(app)
        status = main.query_one(WriteStatus)
        with write_lock(review_data.path) as holder:
            await pilot.press("a", *["s"] * (QUEUE_LIMIT + 2))
            assert len(main._queue) == QUEUE_LIMIT
            assert f"· {QUEUE_LIMIT} keys queued · 2 refused (queue full) ·" in status.text
            holder.execute("ROLLBACK")
            await until(pilot, lambda: not status.display, "the decision to land")
        await settle(pilot)
    with open_db(review_data.path) as store:
        actions = [d.action.value for d in store.decisions()]
    assert actions == ["accept"] + ["skip"] * QUEUE_LIMIT


@pilot_test
async def test_q_while_a_decision_waits_quits_only_after_it_is_saved(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first = review_data.ids(0)[0]
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        status = main_of(app).query_one(WriteStatus)
        with write_lock(review_data.path) as holder:
            await pilot.press("a", "q")
            await pilot.pause(0.3)
            assert app.return_code is None, "q did not quit while the decision waited"
            assert status.text.endswith(" s for another writer · quits once saved · accept of SoftBank (entity)")
            holder.execute("ROLLBACK")
            await until(pilot, lambda: app._exit, "the screen to quit once the decision landed")
    assert decided(review_data.path) == {first: ("alice", "accept")}
    assert app.summary is not None and app.summary.startswith("alice this session: 1 decided,")
    assert "NOT saved" not in app.summary


@pilot_test
async def test_a_decision_the_database_never_takes_stays_on_screen_as_not_saved(
    make_review_app: AppFactory, review_data: ReviewData, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = review_data.ids(0)[:2]
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        main = main_of(app)
        status = main.query_one(WriteStatus)
        with write_lock(review_data.path) as holder:
            await pilot.press("a", "a", "q")
            monkeypatch.setattr(connection, "WRITE_PATIENCE_S", 0.6)  # only now: every key is in before it gives up
            await until(pilot, lambda: status.text.startswith("Not saved"), "the write to give up")
            assert status.text == "Not saved: accept of SoftBank (entity) · 2 queued keys dropped · decide it again to retry"
            said = lambda: [str(n.message) for n in app._notifications if "was not saved" in str(n.message)]  # noqa: E731
            await until(pilot, said, "the toast")
            assert said() == [
                f"Your accept of SoftBank (entity) was not saved: {review_data.path} stayed locked by other writers"
                " for over 0.6 s in all; nothing was written, try again when they are done."
            ]
            assert not app._exit, "the q typed meanwhile is not obeyed: the reviewer sees what was not saved"
            assert main.review.current == first and main.review.states[first].status is Status.PENDING
            assert app.tally.unsaved == 1
            holder.execute("ROLLBACK")
        await pilot.press("a")
        await settle(pilot)
        assert not status.display, "saved at the second try: nothing is left unsaved"
        assert app.tally.unsaved == 0 and main.review.current == second
    assert decided(review_data.path) == {first: ("alice", "accept")}


@pilot_test
async def test_a_screen_write_on_a_held_lock_waits_the_whole_patience_every_write_has(
    make_review_app: AppFactory, review_data: ReviewData, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One setting: the screen gives up when the store's ``WRITE_PATIENCE_S`` runs out (short here), not before."""
    monkeypatch.setattr(connection, "WRITE_PATIENCE_S", 3.0)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        status = main_of(app).query_one(WriteStatus)
        with write_lock(review_data.path):
            started = time.monotonic()
            await pilot.press("a")
            await until(pilot, lambda: status.text.startswith(("Saving… waiting ", "Not saved")), "the write to wait")
            assert status.text.startswith("Saving… waiting "), "still waiting, the patience not yet spent"
            await until(pilot, lambda: status.text.startswith("Not saved"), "the write to give up")
            assert time.monotonic() - started >= 3.0
    assert decided(review_data.path) == {}


@pilot_test
async def test_quitting_with_a_decision_not_saved_says_so_in_the_summary(
    make_review_app: AppFactory, review_data: ReviewData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "WRITE_PATIENCE_S", 0.3)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        status = main_of(app).query_one(WriteStatus)
        with write_lock(review_data.path):
            await pilot.press("a")
            await until(pilot, lambda: status.text.startswith("Not saved"), "the write to give up")
            await pilot.press("q")
            await until(pilot, lambda: app._exit, "the second q to quit")
    assert decided(review_data.path) == {}
    assert app.summary is not None and "; 1 decision was NOT saved (the screen said why)." in app.summary
    assert app.tally.unsaved == 1


@pytest.mark.parametrize("unsaved", [0, 1])
def test_curator_review_exits_1_after_a_decision_not_saved_and_still_prints_the_summary(
    review_data: ReviewData, monkeypatch: pytest.MonkeyPatch, unsaved: int
) -> None:
    def session(app: CuratorApp) -> None:  # the screen's run, standing in for a session whose last write gave up
        app.tally.decided, app.tally.unsaved = 1, unsaved
        app.summary = app.tally.summary(app.reviewer, None)

    monkeypatch.setattr(CuratorApp, "run", session)
    result = CliRunner().invoke(cli, ["--db", str(review_data.path), "review", "--reviewer", "alice"])
    assert result.exit_code == unsaved, result.output
    assert result.stdout.startswith("alice this session: 1 decided, 0 skipped, 0 disputes opened")
    assert ("1 decision was NOT saved" in result.stdout) is bool(unsaved)


def test_the_summary_counts_unsaved_decisions() -> None:
    assert SessionTally(decided=2, unsaved=2).summary("ana", None) == (
        "ana this session: 2 decided, 0 skipped, 0 disputes opened; 2 decisions were NOT saved (the screen said why)."
    )


@pilot_test
async def test_quitting_while_another_program_holds_the_lock_closes_at_once_with_the_summary(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    """No decision waits, but the cursor move's lease does: q closes within about a second, not after the minute."""
    app = make_review_app()
    with contextlib.ExitStack() as held:
        async with app.run_test() as pilot:
            await settle(pilot)
            held.enter_context(write_lock(review_data.path))  # held until the app has shut down
            await pilot.press("j")
            await pilot.pause(0.5)  # the lease and saved place for the new row are now waiting for the lock
            started = time.monotonic()
            await pilot.press("q")
        closed = time.monotonic() - started
    assert closed < 5, f"the app took {closed:.1f} s to close: something waited out SQLite's busy timeout"
    assert app.summary == "alice this session: 0 decided, 0 skipped, 0 disputes opened; 13 of 13 left to decide."


@pilot_test
async def test_a_decision_the_database_refuses_outright_stays_on_the_line_as_not_saved(
    make_review_app: AppFactory, review_data: ReviewData, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a lock this time (a full disk, say): the same sentence and line, and the cursor stays on the fact."""
    first = review_data.ids(0)[0]
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        main = main_of(app)

        def full(*args: object, **kwargs: object) -> None:
            raise CuratorError(f"the disk holding {review_data.path} is full, so nothing was written; free some space and try again.")

        monkeypatch.setattr("curator.tui.screens.review_decide.record_decisions", full)
        await pilot.press("a")
        await settle(pilot)
        assert main.query_one(WriteStatus).text == "Not saved: accept of SoftBank (entity) · decide it again to retry"
        assert f"Your accept of SoftBank (entity) was not saved: the disk holding {review_data.path} is full" in " ".join(
            str(n.message) for n in app._notifications
        )
        assert main.review.current == first and app.tally.unsaved == 1
    assert decided(review_data.path) == {}
