"""Pilot tests: every key of the review screen, against what lands in the database."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from review_data import ReviewData, open_db, pilot_test, settle, until
from textual.command import CommandList
from textual.widgets import Input

from curator.errors import CuratorError
from curator.models import Action, Status
from curator.schema import load_schema
from curator.tui.app import CuratorApp, ReviewStores, make_app
from curator.tui.review_filter import ReviewFilter
from curator.tui.screens.edit import EditScreen
from curator.tui.screens.filter import FilterScreen
from curator.tui.screens.help import HelpScreen
from curator.tui.screens.search import SearchScreen
from curator.tui.widgets.article_list import ArticleList
from curator.tui.widgets.candidate_table import CandidateTable
from curator.tui.widgets.claim_panel import ClaimPanel
from curator.tui.widgets.header import ReviewHeader

AppFactory = Callable[..., CuratorApp]


def status_of(data: ReviewData, candidate_id: str) -> Status:
    with open_db(data.path) as store:
        state = store.state(candidate_id)
    assert state is not None
    return state.status


@pilot_test
async def test_opens_on_the_first_article_with_candidates_and_counts(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None and main.review.article is not None
        assert main.review.article.id == review_data.articles[0].id
        assert main.review.current == review_data.ids(0)[0]
        table = main.query_one(CandidateTable)
        assert table.row_count == 5
        header = main.query_one(ReviewHeader)
        assert header.counts is not None and (header.counts.total, header.counts.decided) == (13, 0)
        articles = main.query_one(ArticleList)
        assert articles.count == 4 and articles.cursor == 0


@pilot_test
async def test_accept_commits_then_moves_to_the_next_undecided(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first, second, *_ = review_data.ids(0)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert status_of(review_data, first) is Status.ACCEPTED
        assert app.main_screen().review.current == second  # type: ignore[union-attr]


@pilot_test
async def test_reject_and_skip_commit_and_move_on(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first, second, third, *_ = review_data.ids(0)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("r", "s")
        await settle(pilot)
        assert status_of(review_data, first) is Status.REJECTED
        assert status_of(review_data, second) is Status.SKIPPED
        assert app.main_screen().review.current == third  # type: ignore[union-attr]


@pilot_test
async def test_finishing_an_article_opens_the_next_one_found_ahead_without_a_round_trip(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    app = make_review_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None and main.review.next_article == review_data.articles[1].id
        for _ in review_data.ids(0)[:-1]:
            await pilot.press("a")
        main.action_decide("accept")  # the last one: no pause, no worker, the next article is already on screen
        assert main.review.article is not None and main.review.article.id == review_data.articles[1].id
        assert main.review.current == review_data.ids(1)[0]


@pilot_test
async def test_an_article_finished_by_someone_else_meanwhile_is_passed_over(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    app = make_review_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        with open_db(review_data.path) as store:
            for candidate_id in review_data.ids(1):
                store.decide(candidate_id, "bob", Action.ACCEPT)
        for _ in review_data.ids(0):
            await pilot.press("a")
        await settle(pilot)
        main = app.main_screen()
        assert main is not None and main.review.article is not None
        assert main.review.article.id == review_data.articles[2].id
        assert status_of(review_data, review_data.ids(2)[0]) is Status.PENDING and main.review.current == review_data.ids(2)[0]


@pilot_test
async def test_keys_typed_faster_than_the_commits_apply_in_order(make_review_app: AppFactory, review_data: ReviewData) -> None:
    ids = review_data.ids(0)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        for key in "arar":
            await pilot.press(key)
        await settle(pilot)
    assert [status_of(review_data, c) for c in ids[:4]] == [Status.ACCEPTED, Status.REJECTED, Status.ACCEPTED, Status.REJECTED]


@pilot_test
async def test_a_r_a_u_q_leaves_one_accepted_and_one_rejected(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("a", "r", "a", "u")
        await settle(pilot)
        assert app.main_screen().review.current == review_data.ids(0)[2]  # type: ignore[union-attr]
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0
    with open_db(review_data.path) as store:
        summary = store.summary()
    assert summary["by_status"]["accepted"] == 1 and summary["by_status"]["rejected"] == 1
    assert summary["reviewers"] == [{"name": "alice", "decided": 2, "last_decision_at": summary["reviewers"][0]["last_decision_at"]}]


@pilot_test
async def test_undo_goes_back_to_the_undone_candidate_in_another_article(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        main = app.main_screen()
        assert main is not None and main.review.article.id == review_data.articles[1].id  # type: ignore[union-attr]
        await pilot.press("u")
        await settle(pilot)
        assert main.review.article.id == review_data.articles[0].id  # type: ignore[union-attr]
        assert main.review.current == review_data.ids(0)[0]
    assert status_of(review_data, review_data.ids(0)[0]) is Status.PENDING


@pilot_test
async def test_j_k_and_arrows_move_and_cross_article_edges(make_review_app: AppFactory, review_data: ReviewData) -> None:
    ids = review_data.ids(0)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None
        await pilot.press("j", "down")
        await settle(pilot)
        assert main.review.current == ids[2]
        await pilot.press("k", "up", "up")
        await settle(pilot)
        assert main.review.current == ids[0]
        for _ in ids:
            await pilot.press("j")
        await settle(pilot)
        assert main.review.article.id == review_data.articles[1].id  # type: ignore[union-attr]
        assert main.review.current == review_data.ids(1)[0]
        await pilot.press("k")
        await settle(pilot)
        assert main.review.article.id == review_data.articles[0].id  # type: ignore[union-attr]
        assert main.review.current == ids[-1]


@pilot_test
async def test_tab_and_shift_tab_walk_the_article_list(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None
        for expected in (1, 2, 3):
            await pilot.press("tab")
            await settle(pilot)
            assert main.review.article.id == review_data.articles[expected].id  # type: ignore[union-attr]
        assert main.review.current is None and main.query_one(CandidateTable).row_count == 0
        await pilot.press("shift+tab", "shift+tab")
        await settle(pilot)
        assert main.review.article.id == review_data.articles[1].id  # type: ignore[union-attr]
        assert main.query_one(ArticleList).cursor == 1


@pilot_test
async def test_last_decision_in_an_article_moves_to_the_next_article(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        for _ in review_data.ids(0):
            await pilot.press("a")
        await settle(pilot)
        main = app.main_screen()
        assert main.review.article.id == review_data.articles[1].id  # type: ignore[union-attr]
        assert main.review.current == review_data.ids(1)[0]  # type: ignore[union-attr]
        assert main.query_one(ArticleList).row(0).decided == 5  # type: ignore[union-attr]


@pilot_test
async def test_the_article_list_counts_a_skip_apart_from_decisions_as_the_header_does(
    make_review_app: AppFactory, review_data: ReviewData,
) -> None:
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("s", "a")
        await settle(pilot)
        main = app.main_screen()
        assert main.query_one(ArticleList).row(0).decided == 1  # type: ignore[union-attr]
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.main_screen().query_one(ArticleList).row(0).decided == 1  # type: ignore[union-attr]


@pilot_test
async def test_edit_saves_valid_fields_with_a_note(make_review_app: AppFactory, review_data: ReviewData) -> None:
    money = review_data.ids(0)[1]
    app = make_review_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "e")
        await settle(pilot)
        assert isinstance(app.screen, EditScreen)
        assert app.screen.query_one("#edit-value", Input).value == "6.7 billion"
        app.screen.query_one("#edit-value", Input).value = "6.1 billion"
        app.screen.query_one("#edit-note", Input).value = "the yen figure converts to 6.1"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EditScreen)
    with open_db(review_data.path) as store:
        state = store.state(money)
    assert state is not None and state.status is Status.EDITED
    assert state.fields["value"] == 6.1e9 and state.note == "the yen figure converts to 6.1"


@pilot_test
async def test_edit_refuses_a_bad_value_or_no_change_at_the_field_and_escape_cancels(make_review_app: AppFactory, review_data: ReviewData) -> None:
    money = review_data.ids(0)[1]
    app = make_review_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "e")
        await settle(pilot)
        form = app.screen
        form.query_one("#edit-value", Input).value = "lots"
        form.query_one("#edit-unit", Input).value = "doubloons"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form
        assert "'lots' is not a number" in str(form.query_one("#hint-value").render())
        assert "not a known currency" in str(form.query_one("#hint-unit").render())
        assert form.focused is form.query_one("#edit-value", Input)
        form.query_one("#edit-value", Input).value = "6.7 billion"
        await settle(pilot)
        assert "not a number" not in str(form.query_one("#hint-value").render())
        assert not form.query_one("#hint-value").has_class("-error")
        form.query_one("#edit-unit", Input).value = "doubloon"
        await settle(pilot)
        assert "'doubloon' is not a known currency" in str(form.query_one("#hint-unit").render())
        form.query_one("#edit-unit", Input).value = "USD"
        await settle(pilot)
        assert not form.query_one("#hint-unit").has_class("-error")
        form.query_one("#edit-note", Input).value = "looks right"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "Nothing changed" in str(form.query_one("#hint-value").render())
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, EditScreen)
    assert status_of(review_data, money) is Status.PENDING
    with open_db(review_data.path) as store:
        assert store.decisions() == []


@pilot_test
async def test_search_finds_text_and_opens_the_candidate(make_review_app: AppFactory, review_data: ReviewData) -> None:
    naming = next(c.id for c in review_data.candidates[review_data.articles[1].id] if c.kind == "naming")
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"noetra")
        await until(pilot, lambda: app.screen.searched == "noetra", "the search to answer")  # type: ignore[attr-defined]
        hits = app.screen.hits
        assert {h.article_id for h in hits} == {review_data.articles[1].id}
        assert any(h.candidate_id == naming for h in hits)
        app.screen.query_one("#search-results").highlighted = next(i for i, h in enumerate(hits) if h.candidate_id == naming)
        await pilot.press("enter")
        await settle(pilot)
        main = app.main_screen()
        assert main.review.article.id == review_data.articles[1].id and main.review.current == naming  # type: ignore[union-attr]


@pilot_test
async def test_filter_keeps_only_matching_candidates_and_articles(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, FilterScreen)
        app.screen.query_one("#filter-corroboration").select("conflict")
        await pilot.press("ctrl+s")
        await settle(pilot)
        main = app.main_screen()
        assert main.review.filters == ReviewFilter(corroboration=("conflict",))  # type: ignore[union-attr]
        assert main.review.rows == [review_data.ids(0)[1]]  # type: ignore[union-attr]
        assert main.query_one(ArticleList).count == 3  # type: ignore[union-attr]
        assert "conflict" in str(main.query_one(CandidateTable).border_subtitle)  # type: ignore[union-attr]


@pilot_test
async def test_next_conflict_key_jumps_across_articles(make_review_app: AppFactory, review_data: ReviewData) -> None:
    conflicts = [
        c.id for a in review_data.articles for c in sorted(review_data.candidates[a.id], key=lambda c: c.start)
        if c.claim_id in {"cl-usd67", "cl-usd61", "cl-noetra", "cl-sakura"}
    ]
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        seen = []
        for _ in range(len(conflicts) + 1):
            await pilot.press("c")
            await settle(pilot)
            seen.append(app.main_screen().review.current)  # type: ignore[union-attr]
        assert seen == [*conflicts, conflicts[0]]


@pilot_test
async def test_conflict_shows_in_the_claim_panel(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        text = app.main_screen().query_one(ClaimPanel).text()  # type: ignore[union-attr]
        assert "⚠ conflict" in text and "conflicts with $6.1 billion" in text
        assert review_data.articles[1].title[:10] in text


@pilot_test
async def test_help_screen_opens_and_closes(make_review_app: AppFactory) -> None:
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for key in ("a ", "r ", "e ", "s ", "u ", "j down", "k up", "tab", "/", "f ", "c ", "A ", "R ", "?", "q ", "ctrl+p"):
            assert f"  {key}" in text, key
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pilot_test
async def test_command_palette_runs_review_actions(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"reject")
        await until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0, "the palette to list commands")
        await pilot.press("enter")
        await settle(pilot)
    assert status_of(review_data, review_data.ids(0)[0]) is Status.REJECTED


@pilot_test
async def test_mouse_selects_articles_and_candidates(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.click(ArticleList, offset=(5, 5))  # two lines per article: the third article is lines 4-5, below the border
        await settle(pilot)
        main = app.main_screen()
        assert main.review.article.id == review_data.articles[2].id  # type: ignore[union-attr]
        await pilot.click(CandidateTable, offset=(10, 4))
        await settle(pilot)
        assert main.review.current == review_data.ids(2)[2]  # type: ignore[union-attr]


@pilot_test
async def test_adjudicating_accept_settles_a_dispute(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first = review_data.ids(0)[0]
    with open_db(review_data.path) as store:
        store.decide(first, "bob", Action.ACCEPT)
        store.decide(first, "carol", Action.REJECT)
        assert store.state(first).disputed  # type: ignore[union-attr]
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#filter-disputed").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        main = app.main_screen()
        assert main.review.rows == [first] and main.review.current == first  # type: ignore[union-attr]
        await pilot.press("A")
        await settle(pilot)
    with open_db(review_data.path) as store:
        state = store.state(first)
        assert state is not None and state.status is Status.ACCEPTED and not state.disputed
        assert store.decisions("alice")[-1].adjudicate


@pilot_test
async def test_the_app_runs_on_stores_and_schema_handed_to_its_factory(review_data: ReviewData) -> None:
    stores = ReviewStores.open(review_data.path)
    schema = load_schema()
    app = make_app(review_data.path, "alice", stores=stores, schema=schema, cursor_blink=False, poll_interval=0.05)
    assert (app.writer, app.reader, app.bg, app.schema) == (stores.writer, stores.reader, stores.bg, schema)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
    assert status_of(review_data, review_data.ids(0)[0]) is Status.ACCEPTED
    with pytest.raises(CuratorError):
        stores.writer.count_articles()  # closed with the app
