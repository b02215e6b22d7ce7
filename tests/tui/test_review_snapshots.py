"""Snapshots of the review screen at 80x24 and 160x48 (look at the PNG before accepting one).

Update serially after looking: ``pytest tests/tui --snapshot-update -p no:xdist``.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from review_data import ReviewData, settle, until
from textual.pilot import Pilot
from textual.widgets import Input

from curator.decisions import record_decisions
from curator.models import Action
from curator.store import open_store
from curator.tui.app import CuratorApp, make_app
from curator.tui.widgets.header import ReviewHeader
from curator.tui.widgets.write_status import WriteStatus

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
AppFactory = Callable[..., CuratorApp]


def keys(*presses: str) -> Callable[[Pilot], object]:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        for key in presses:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
class TestMainScreen:
    def test_first_article(self, snap_compare: Callable[..., bool], make_review_app: AppFactory, size: tuple[int, int]) -> None:
        assert snap_compare(make_review_app(), terminal_size=size, run_before=keys())

    def test_chinese_article(self, snap_compare: Callable[..., bool], make_review_app: AppFactory, size: tuple[int, int]) -> None:
        assert snap_compare(make_review_app(), terminal_size=size, run_before=keys("tab", "j", "j"))

    def test_conflict_in_the_claim_panel(
        self, snap_compare: Callable[..., bool], make_review_app: AppFactory, size: tuple[int, int]
    ) -> None:
        assert snap_compare(make_review_app(), terminal_size=size, run_before=keys("a", "c"))


@pytest.mark.parametrize("size", SIZES)
class TestDialogs:
    def test_edit_form_with_an_error(self, snap_compare: Callable[..., bool], make_review_app: AppFactory, size: tuple[int, int]) -> None:
        async def run_before(pilot: Pilot) -> None:
            await keys("j", "e")(pilot)  # type: ignore[misc]
            pilot.app.screen.query_one("#edit-value", Input).value = "lots"
            await pilot.press("enter")
            await settle(pilot)

        assert snap_compare(make_review_app(), terminal_size=size, run_before=run_before)

    def test_filter_dialog_marks_ticked_options(
        self, snap_compare: Callable[..., bool], make_review_app: AppFactory, size: tuple[int, int]
    ) -> None:
        """Ticked boxes read ✓ and the others are blank: the state shows without colour."""
        assert snap_compare(make_review_app(), terminal_size=size, run_before=keys("f", "space", "down", "down", "space"))

    def test_help_screen(self, snap_compare: Callable[..., bool], make_review_app: AppFactory, size: tuple[int, int]) -> None:
        assert snap_compare(make_review_app(), terminal_size=size, run_before=keys("question_mark"))


@pytest.fixture
def decided_app(review_data: ReviewData, monkeypatch: pytest.MonkeyPatch) -> CuratorApp:
    """The first candidate decided by three reviewers at fixed times: an accept, an undone edit, a reject with a reason."""
    ticks = itertools.count()
    monkeypatch.setattr("curator.store.connection.utcnow", lambda: f"2026-04-14T09:{next(ticks):02d}:00.000000Z")
    first = review_data.ids(0)[0]
    with open_store(review_data.path) as store:
        store.decide(first, "bob", Action.ACCEPT, note="matches the ministry release")
        store.decide(first, "carol", Action.EDIT, fields={"value": 6.1e9})
        store.undo("carol")
        record_decisions(store, "reject", [first], "carol", reason="wrong value", note="NHK says 6.1")
    return make_app(review_data.path, "alice", cursor_blink=False, poll_interval=0.05)


@pytest.mark.parametrize("size", SIZES)
class TestReviewersDay:
    def test_detail_pane_of_a_conflict(
        self, snap_compare: Callable[..., bool], decided_app: CuratorApp, size: tuple[int, int]
    ) -> None:
        assert snap_compare(decided_app, terminal_size=size, run_before=keys())

    def test_detail_pane_of_a_disputed_candidate(
        self, snap_compare: Callable[..., bool], decided_app: CuratorApp, size: tuple[int, int]
    ) -> None:
        assert snap_compare(decided_app, terminal_size=size, run_before=keys("g"))

    def test_history_view(self, snap_compare: Callable[..., bool], decided_app: CuratorApp, size: tuple[int, int]) -> None:
        assert snap_compare(decided_app, terminal_size=size, run_before=keys("g", "h"))

    def test_light_theme_keeps_counts_readable(
        self, snap_compare: Callable[..., bool], decided_app: CuratorApp, size: tuple[int, int]
    ) -> None:
        async def run_before(pilot: Pilot) -> None:
            pilot.app.theme = "textual-light"
            await keys("s")(pilot)
            header = pilot.app.screen.query_one(ReviewHeader)
            await until(pilot, lambda: header.counts is not None and header.counts.skipped == 1, "the counts after a skip")
            await pilot.pause()

        assert snap_compare(decided_app, terminal_size=size, run_before=run_before)

    def test_reason_dialog(self, snap_compare: Callable[..., bool], decided_app: CuratorApp, size: tuple[int, int]) -> None:
        assert snap_compare(decided_app, terminal_size=size, run_before=keys("g", "R", "3"))


@pytest.fixture
def seeds_app(tmp_path: Path, seeds: Path) -> CuratorApp:
    """The seeds ingested and extracted by the real pipeline (regenerate these snapshots when extraction changes)."""
    from curator.pipeline import extract, ingest

    db = tmp_path / "seeds.db"
    with open_store(db) as store:
        ingest(store, [seeds])
        extract(store)
    return make_app(db, "alice", cursor_blink=False, poll_interval=0.05)


@pytest.mark.parametrize("size", SIZES)
class TestSeeds:
    def test_main_screen_on_the_seeds(
        self, snap_compare: Callable[..., bool], seeds_app: CuratorApp, size: tuple[int, int]
    ) -> None:
        assert snap_compare(seeds_app, terminal_size=size, run_before=keys())


@pytest.fixture
def write_lock(review_data: ReviewData) -> Iterator[Callable[[], None]]:
    """Call to open another connection's write transaction; it ends (rolled back) after the snapshot."""
    holder = sqlite3.connect(review_data.path, isolation_level=None, timeout=0)
    yield lambda: holder.execute("BEGIN IMMEDIATE") and None
    if holder.in_transaction:
        holder.execute("ROLLBACK")
    holder.close()


def test_waiting_for_another_writer(
    snap_compare: Callable[..., bool], make_review_app: AppFactory, write_lock: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write-status line above the footer: seconds waited (a fixed clock: 4 s), keys queued, quitting once saved."""
    clock = iter([1000.0])
    monkeypatch.setattr("curator.tui.screens.review_decide.monotonic", lambda: next(clock, 1004.0))

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        write_lock()
        await pilot.press("a", "r", "q")
        status = pilot.app.screen.query_one(WriteStatus)
        await until(pilot, lambda: "waiting 4 s" in status.text, "the waiting line")

    assert snap_compare(make_review_app(), terminal_size=(80, 24), run_before=run_before)
