"""Pilot tests for the reviewer's day: the fact in full, reasons, Prodigy's keys, history, skips, theme, summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from review_data import ReviewData, open_db, pilot_test, settle, until
from textual.widgets import Input, OptionList, Static

from curator.ingest import make_article
from curator.models import Action, Status
from curator.store import open_store
from curator.tui.app import CuratorApp, make_app
from curator.tui.review_filter import ReviewFilter
from curator.tui.screens.filter import FilterScreen
from curator.tui.screens.history import HistoryScreen
from curator.tui.screens.reason import ReasonScreen
from curator.tui.screens.search import SearchScreen
from curator.tui.widgets.article_list import ArticleList
from curator.tui.widgets.candidate_table import CandidateTable
from curator.tui.widgets.fact_detail import FactDetail
from curator.tui.widgets.header import ReviewHeader

AppFactory = Callable[..., CuratorApp]


def messages(app: CuratorApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def posted(app: CuratorApp) -> list[str]:
    """Every toast message ``app`` is asked to show from now on, kept after the toast times out.

    ``messages`` reads the toasts still on screen: a four-second toast posted
    while a loaded machine takes longer than that to settle is gone by then.
    """
    sent: list[str] = []
    show = app.notify

    def keep(message: str, *args: Any, **kwargs: Any) -> None:
        sent.append(str(message))
        show(message, *args, **kwargs)

    app.notify = keep  # type: ignore[method-assign]
    return sent


@pilot_test
async def test_detail_pane_shows_the_fact_in_full_with_its_corroboration_in_words(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    money = review_data.ids(0)[1]
    app = make_review_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert app.main_screen().review.current == money  # type: ignore[union-attr]
        detail = dict(app.screen.query_one(FactDetail).lines)
    assert detail["Statement"] == "government funding for the venture"
    assert detail["Subject"] == "the venture"
    assert detail["Value"] == "$6.7 billion (USD)"
    assert detail["Kind"] == "money · found by rules"
    assert detail["Id"].startswith(money)
    title = review_data.articles[1].title
    assert detail["Sources"] == f"Told by 2 articles (example.com); conflicts with $6.1 billion in “{title}”."
    assert detail["Status"] == "pending"


@pilot_test
async def test_x_rejects_and_backspace_undoes_with_a_toast_that_names_the_fact(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    first, second, *_ = review_data.ids(0)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        with open_db(review_data.path) as store:
            assert store.state(first).status is Status.REJECTED  # type: ignore[union-attr]
        assert app.main_screen().review.current == second  # type: ignore[union-attr]
        await pilot.press("backspace")
        await settle(pilot)
        assert app.main_screen().review.current == first  # type: ignore[union-attr]
        assert "Undid reject of SoftBank (entity)." in messages(app)
    with open_db(review_data.path) as store:
        assert store.state(first).status is Status.PENDING  # type: ignore[union-attr]


@pilot_test
async def test_g_and_shift_g_go_to_the_first_and_last_candidate_and_n_to_the_next_undecided(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    ids = review_data.ids(0)
    with open_db(review_data.path) as store:
        store.decide(ids[2], "bob", Action.ACCEPT)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main_screen()
        await pilot.press("G")
        await settle(pilot)
        assert main.review.current == ids[-1]  # type: ignore[union-attr]
        await pilot.press("g")
        await settle(pilot)
        assert main.review.current == ids[0]  # type: ignore[union-attr]
        await pilot.press("n", "n")
        await settle(pilot)
        assert main.review.current == ids[3]  # type: ignore[union-attr]  # ids[2] is decided: passed over
        await pilot.press("n", "n")
        await settle(pilot)
        assert main.review.article.id == review_data.articles[1].id  # type: ignore[union-attr]


@pilot_test
async def test_space_scrolls_the_article_and_decides_nothing(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
    with open_db(review_data.path) as store:
        assert store.decisions() == []


@pilot_test
async def test_pagedown_and_pageup_scroll_the_article_and_never_move_the_current_candidate(
    make_review_app: AppFactory, review_data: ReviewData,
) -> None:
    app = make_review_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main_screen()
        first = main.review.current  # type: ignore[union-attr]
        view = main.query_one("#article")
        assert view.max_scroll_y > 0
        await pilot.press("pagedown")
        await settle(pilot)
        assert view.scroll_y > 0 and main.review.current == first  # type: ignore[union-attr]
        await pilot.press("pageup")
        await settle(pilot)
        assert view.scroll_y == 0 and main.review.current == first  # type: ignore[union-attr]
    with open_db(review_data.path) as store:
        assert store.decisions() == []


@pilot_test
async def test_capital_r_rejects_with_a_reason_and_a_note(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first, second, *_ = review_data.ids(0)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, ReasonScreen)
        assert app.screen.query_one(OptionList).option_count == 6
        await pilot.press("4")
        app.screen.query_one("#reason-note", Input).value = "it is NEC that leads"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.main_screen().review.current == second  # type: ignore[union-attr]
    with open_db(review_data.path) as store:
        [decision] = store.history(first)
    assert (decision.action, decision.reason, decision.note, decision.adjudicate) == (
        Action.REJECT, "wrong subject", "it is NEC that leads", False,
    )


@pilot_test
async def test_reason_dialog_escape_records_nothing_and_enter_picks_the_reason_the_arrows_chose(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    first = review_data.ids(0)[0]
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("R", "escape")
        await settle(pilot)
        with open_db(review_data.path) as store:
            assert store.history(first) == []
        await pilot.press("R", "down", "down", "enter")
        await settle(pilot)
    with open_db(review_data.path) as store:
        assert [d.reason for d in store.history(first)] == ["wrong unit"]


@pilot_test
async def test_reason_dialog_chooses_no_reason_for_the_reviewer(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first = review_data.ids(0)[0]
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ReasonScreen) and dialog.query_one(OptionList).highlighted is None
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        hint = dialog.query_one("#reason-hint", Static)
        assert str(hint.render()) == "Choose a reason (1–6) or write a note." and hint.display
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        with open_db(review_data.path) as store:
            assert store.history(first) == []
        dialog.query_one("#reason-note", Input).value = "the article says it is a forecast"
        dialog.query_one("#reason-note", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ReasonScreen)
    with open_db(review_data.path) as store:
        [decision] = store.history(first)
    assert (decision.action, decision.reason, decision.note) == (Action.REJECT, "other", "the article says it is a forecast")


@pilot_test
async def test_capital_r_on_a_disputed_candidate_settles_it(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first = review_data.ids(0)[0]
    with open_db(review_data.path) as store:
        store.decide(first, "bob", Action.ACCEPT)
        store.decide(first, "carol", Action.REJECT)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("g", "R", "1", "ctrl+s")
        await settle(pilot)
    with open_db(review_data.path) as store:
        state = store.state(first)
        assert state is not None and state.status is Status.REJECTED and not state.disputed
        assert store.decisions("alice")[-1].adjudicate and store.decisions("alice")[-1].reason == "wrong value"


@pilot_test
async def test_h_shows_every_decision_with_undos_and_the_live_opinions(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first = review_data.ids(0)[0]
    with open_db(review_data.path) as store:
        store.decide(first, "bob", Action.ACCEPT, note="checked")
        store.decide(first, "carol", Action.SKIP)
        store.undo("carol")
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("g", "h")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#history-table")
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]  # type: ignore[attr-defined]
        assert [row[1:3] for row in cells] == [["bob", "accept"], ["carol", "skip"], ["carol", "undo skip"]]
        assert cells[0][5] == "checked"
        assert "bob: accept SoftBank" in str(screen.query_one("#history-opinions").render())
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main_screen()


@pilot_test
async def test_y_copies_the_candidate_id(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard == review_data.ids(0)[0]
        assert f"Copied the id {review_data.ids(0)[0]} of SoftBank (entity)." in messages(app)


@pilot_test
async def test_header_counts_skips_apart_and_my_skips_can_be_revisited(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first, second, *_ = review_data.ids(0)
    app = make_review_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("s", "a")
        await settle(pilot)
        header = app.screen.query_one(ReviewHeader)
        await until(pilot, lambda: header.counts is not None and header.counts.decided == 1, "the counts after s and a")
        assert header.counts is not None and (header.counts.decided, header.counts.skipped) == (1, 1)
        assert "1 skipped" in header.render().plain
        await app.main_screen().run_action("filter_my_skips")  # type: ignore[union-attr]
        await settle(pilot)
        main = app.main_screen()
        assert main.review.filters == ReviewFilter(status=("skipped",), reviewer=("alice",))  # type: ignore[union-attr]
        assert main.review.rows == [first]  # type: ignore[union-attr]


@pilot_test
async def test_filter_clear_applies_at_once(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main_screen()
        main.apply_filters(ReviewFilter(kind=("money",)))  # type: ignore[union-attr]
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterScreen)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.screen is main and main.review.filters == ReviewFilter()  # type: ignore[union-attr]
        assert len(main.review.rows) == 5  # type: ignore[union-attr]


@pilot_test
async def test_the_theme_is_saved_per_reviewer(make_review_app: AppFactory, review_data: ReviewData) -> None:
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await settle(pilot)
    again = make_review_app()
    async with again.run_test() as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"
    other = make_review_app("bob")
    async with other.run_test() as pilot:
        await settle(pilot)
        assert other.theme == "curator"


@pilot_test
async def test_quitting_leaves_a_summary_of_the_session(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first = review_data.ids(0)[0]
    with open_db(review_data.path) as store:
        store.decide(first, "bob", Action.ACCEPT)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("g", "r", "a", "s", "u")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
    assert app.summary == (
        "alice this session: 2 decided (1 undone), 1 skipped, 1 dispute opened; 11 of 13 left to decide."
    )


@pilot_test
async def test_80_columns_keep_the_kind_column_and_the_article_list_tells_articles_apart(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    app = make_review_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(CandidateTable)
        assert [str(c.label) for c in table.columns.values()] == ["", "src", "kind", "value"]
        assert [str(c) for c in table.get_row_at(4)][2] == "pct"
        articles = app.screen.query_one(ArticleList)
        second_line = "".join(s.text for s in articles.render_line(1))
        assert second_line.startswith("  example.c")  # outlet · date · language, cut to the width


@pilot_test
async def test_start_up_message_counts_what_the_database_holds_on_a_second_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Venture funding\nThe government will invest $6.7 billion in the venture.\n")
    db = tmp_path / "again.db"
    open_store(db).close()
    for run in range(2):
        app = make_app(db, "alice", [corpus], cursor_blink=False, poll_interval=0.05)
        sent = posted(app)
        async with app.run_test() as pilot:
            await settle(pilot)
        ready = [m for m in sent if m.startswith("1 article(s)")]
    assert len(ready) == 1 and ready[0].startswith("1 article(s) (0 new): ")
    assert " 0 claim(s)" not in ready[0] and "(0 new)," in ready[0]


@pilot_test
async def test_search_shows_the_whole_match_where_the_index_window_would_cut_it(
    make_review_app: AppFactory, tmp_path: Path
) -> None:
    db = tmp_path / "ferry.db"
    with open_store(db) as store:
        store.add_articles([make_article("Officials said the harbour ferry was carrying 162 people. Rescue went on.", source="f.txt")])  # type: ignore[list-item]
    app = make_review_app(path=db)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("slash", *"162 people")
        search = app.screen
        assert isinstance(search, SearchScreen)
        await until(pilot, lambda: search.searched == "162 people", "the search to answer")
        [hit] = search.hits
        shown = search.query_one("#search-results", OptionList).get_option_at_index(0).prompt
        assert hit.snippet == "…ferry was carrying [162 people]. Rescue went on."
        assert "[162 people]. Rescue" in str(shown)
