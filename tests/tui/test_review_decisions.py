"""Decisions on the review screen that must never be lost, wrong or hidden."""

from __future__ import annotations

from collections.abc import Callable

from review_data import ReviewData, open_db, pilot_test, settle
from textual import events
from textual.widgets import Input

from curator.models import Action, Status
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
