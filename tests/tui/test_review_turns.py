"""Pilot tests: a key decides only what the reviewer saw under the cursor, never a state that changed or a guessed target."""

from __future__ import annotations

import threading
from collections.abc import Callable

from review_data import ReviewData, open_db, pilot_test, settle, until
from textual.widgets import Input

from curator.models import Action, Status
from curator.tui.app import CuratorApp
from curator.tui.screens.edit import EditScreen

AppFactory = Callable[..., CuratorApp]


def toasts(app: CuratorApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pilot_test
async def test_a_key_on_a_candidate_decided_since_the_cursor_arrived_is_refused_once_then_records(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    """The row flipped to ✓ (bob) a moment before alice's key: that key was aimed at the pending fact, so it decides
    nothing and says so; pressed again on the same row, knowing, it is alice's own opinion and records."""
    first, second, *_ = review_data.ids(0)
    app = make_review_app("alice")
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None and main.review.current == first
        with open_db(review_data.path) as store:
            store.release_leases("alice")
            store.decide(first, "bob", Action.ACCEPT)
        await until(pilot, lambda: main.review.states[first].status is Status.ACCEPTED, "the poll to show bob's accept")
        await pilot.press("r")
        await settle(pilot)
        assert "SoftBank (entity) changed meanwhile (accepted by bob), so your key did not decide it." in toasts(app)
        assert main.review.current == second, "decided by bob: nothing left to review here, so the cursor moved on"
        with open_db(review_data.path) as store:
            assert [(d.reviewer, d.action) for d in store.decisions()] == [("bob", Action.ACCEPT)]
        await pilot.press("k", "r")
        await settle(pilot)
    with open_db(review_data.path) as store:
        assert [(d.reviewer, d.action) for d in store.decisions()] == [("bob", Action.ACCEPT), ("alice", Action.REJECT)]
        assert store.state(first).disputed  # type: ignore[union-attr]


@pilot_test
async def test_keys_typed_ahead_of_nothing_left_to_review_are_dropped_not_applied_to_the_last_fact(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    every = [cid for index in range(3) for cid in review_data.ids(index)]
    last = every[-1]
    with open_db(review_data.path) as store:
        for cid in every[:-1]:
            store.decide(cid, "bob", Action.ACCEPT)
    app = make_review_app("alice")
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None and main.review.current == last
        find, typed = app.bg.next_review_article, threading.Event()

        def slow_find(*args: object) -> str | None:
            typed.wait(10)  # the search for the next article is still running when the next keys arrive
            return find(*args)  # type: ignore[arg-type]

        app.bg.next_review_article = slow_find  # type: ignore[method-assign]
        await pilot.press("a", "a", "r")
        typed.set()
        await settle(pilot)
        assert "Nothing left to review with this filter. ✓ 2 keys were typed ahead and not applied." in toasts(app)
    with open_db(review_data.path) as store:
        assert [d.action for d in store.decisions() if d.reviewer == "alice"] == [Action.ACCEPT]
        assert store.state(last).status is Status.ACCEPTED  # type: ignore[union-attr]


@pilot_test
async def test_an_edit_written_in_the_form_is_kept_even_when_someone_decided_the_fact_meanwhile(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    money = review_data.ids(0)[1]
    app = make_review_app("alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        with open_db(review_data.path) as store:
            store.decide(money, "bob", Action.ACCEPT)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditScreen)
        form.query_one("#edit-value", Input).value = "6.1 billion"
        await pilot.press("ctrl+s")
        await settle(pilot)
    with open_db(review_data.path) as store:
        assert [(d.reviewer, d.action) for d in store.decisions()] == [("bob", Action.ACCEPT), ("alice", Action.EDIT)]
        assert store.state(money).disputed  # type: ignore[union-attr]
