"""Decisions on the review screen that must never be lost, wrong or hidden."""

from __future__ import annotations

import time
from collections.abc import Callable

from review_data import ReviewData, open_db, pilot_test, settle
from textual import events
from textual.widgets import Input, OptionList

from curator.models import Action, Status
from curator.store import Store
from curator.tui.app import CuratorApp
from curator.tui.screens.edit import EditScreen

AppFactory = Callable[..., CuratorApp]


@pilot_test
async def test_a_key_on_a_candidate_leased_by_someone_else_decides_nothing_and_moves_on(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    first, second, *_ = review_data.ids(0)
    app = make_review_app("alice")
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None and main.review.current == first
        with open_db(review_data.path) as store:
            store.release_leases("alice")
            assert store.claim_lease(first, "bob", 300)
        await pilot.press("a")
        await settle(pilot)
        assert main.review.current == second
        assert any("bob has this candidate open" in str(n.message) for n in app._notifications)
    with open_db(review_data.path) as store:
        assert store.state(first).status is Status.PENDING  # type: ignore[union-attr]
        assert store.decisions() == []


@pilot_test
async def test_the_form_refuses_a_value_that_restates_the_extracted_one(make_review_app: AppFactory, review_data: ReviewData) -> None:
    money = review_data.ids(0)[1]
    app = make_review_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditScreen)
        form.query_one("#edit-value", Input).value = "6.7bn"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "Nothing changed: $6.7 billion is what was extracted" in str(form.query_one("#hint-value").render())
        form.query_one("#edit-value", Input).value = "6.1 billion"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EditScreen)
    with open_db(review_data.path) as store:
        state = store.state(money)
    assert state is not None and state.fields == {"value": 6.1e9}, "the statement states no value, so it is kept"


@pilot_test
async def test_a_pasted_multi_line_note_is_kept_whole(make_review_app: AppFactory, review_data: ReviewData) -> None:
    money = review_data.ids(0)[1]
    app = make_review_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "e")
        await settle(pilot)
        form = app.screen
        form.query_one("#edit-value", Input).value = "6.1 billion"
        note = form.query_one("#edit-note", Input)
        note.focus()
        await pilot.pause()
        note.post_message(events.Paste("NHK says 6.1\r\nMinistry PDF, page 4"))
        await pilot.pause()
        assert note.value == "NHK says 6.1⏎Ministry PDF, page 4"
        await pilot.press("ctrl+s")
        await settle(pilot)
    with open_db(review_data.path) as store:
        assert store.state(money).note == "NHK says 6.1\nMinistry PDF, page 4"  # type: ignore[union-attr]


@pilot_test
async def test_a_plain_accept_after_adjudicating_does_not_reopen_the_dispute(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first = review_data.ids(0)[0]
    with open_db(review_data.path) as store:
        store.decide(first, "alice", Action.ACCEPT)
        store.decide(first, "bob", Action.REJECT)
    app = make_review_app("carol")
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main_screen()
        await pilot.press("k")
        await settle(pilot)
        assert main is not None and main.review.current == first
        await pilot.press("R", "1", "enter")  # R: the reason dialog; on a disputed candidate its "settle" box is ticked
        await settle(pilot)
        await pilot.press("k", "a")
        await settle(pilot)
    with open_db(review_data.path) as store:
        state = store.state(first)
        assert state is not None and (state.status, state.disputed) == (Status.REJECTED, False)
        assert [d.action.value for d in store.decisions("carol")] == ["reject", "accept"]


def _lease_lapses_to_bob(store: Store, candidate_id: str) -> None:
    """Alice's lease on the candidate runs out while her dialog is open, and bob's screen takes the candidate."""
    assert store.claim_lease(candidate_id, "bob", 300, now=time.time() + 10**6)


@pilot_test
async def test_an_edit_saved_after_the_lease_lapsed_to_another_reviewer_is_recorded_when_nothing_changed(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    money = review_data.ids(0)[1]
    app = make_review_app("alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "e")
        await settle(pilot)
        app.screen.query_one("#edit-value", Input).value = "6.1 billion"
        with open_db(review_data.path) as store:
            _lease_lapses_to_bob(store, money)
        await pilot.press("ctrl+s")
        await settle(pilot)
    with open_db(review_data.path) as store:
        state = store.state(money)
        assert [(d.reviewer, d.action) for d in store.decisions()] == [("alice", Action.EDIT)]
    assert state is not None and state.fields == {"value": 6.1e9}


@pilot_test
async def test_a_dialog_decision_on_a_candidate_taken_and_changed_meanwhile_is_kept_as_a_draft_and_said(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    money = review_data.ids(0)[1]
    app = make_review_app("alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main_screen()
        await pilot.press("j", "e")
        await settle(pilot)
        app.screen.query_one("#edit-value", Input).value = "6.1 billion"
        app.screen.query_one("#edit-note", Input).value = "NHK says 6.1"
        with open_db(review_data.path) as store:
            _lease_lapses_to_bob(store, money)
            store.decide(money, "bob", Action.ACCEPT)
            _lease_lapses_to_bob(store, money)
        await pilot.press("ctrl+s")
        await settle(pilot)
        with open_db(review_data.path) as store:
            assert [(d.reviewer, d.action) for d in store.decisions()] == [("bob", Action.ACCEPT)]
        said = [str(n.message) for n in app._notifications if "while your dialog was open" in str(n.message)]
        assert said == [
            "bob took $6.7 billion (money) while your dialog was open and it changed (accepted by bob), so your edit"
            " was not saved; press e to open it again as you wrote it."
        ]
        assert main is not None and main.review.current == money, "the cursor stays, so e reopens the draft"
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditScreen)
        assert (form.query_one("#edit-value", Input).value, form.query_one("#edit-note", Input).value) == (
            "6.1 billion", "NHK says 6.1"
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
    with open_db(review_data.path) as store:
        assert [(d.reviewer, d.action) for d in store.decisions()] == [("bob", Action.ACCEPT), ("alice", Action.EDIT)]
        assert store.state(money).disputed  # type: ignore[union-attr]


@pilot_test
async def test_a_rejection_kept_as_a_draft_reopens_with_its_reason_and_note(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first = review_data.ids(0)[0]
    app = make_review_app("alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R", "2")
        app.screen.query_one("#reason-note", Input).value = "it is in yen"
        with open_db(review_data.path) as store:
            store.decide(first, "bob", Action.ACCEPT)
            _lease_lapses_to_bob(store, first)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("so your reject was not saved; press R" in str(n.message) for n in app._notifications)
        await pilot.press("R")
        await settle(pilot)
        assert app.screen.query_one("#reason-list", OptionList).highlighted == 1
        assert app.screen.query_one("#reason-note", Input).value == "it is in yen"
        await pilot.press("ctrl+s")
        await settle(pilot)
    with open_db(review_data.path) as store:
        rejected = [d for d in store.decisions() if d.reviewer == "alice"]
    assert [(d.action, d.fields, d.note) for d in rejected] == [(Action.REJECT, {"reason": "wrong unit"}, "it is in yen")]
