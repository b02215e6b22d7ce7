"""What a key repaints: a cursor move redraws what changed, not the screen (issue 16, item 9: keypress latency).

The latency itself is measured through a real terminal by ``benchmarks/bench_terminal.py``;
these tests pin the causes found there, so they cannot come back unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from review_data import ReviewData, pilot_test, settle, until
from rich.text import Text
from textual.app import App, ComposeResult
from textual.screen import Screen

from curator.decisions import record_decisions
from curator.models import Action
from curator.store import open_store
from curator.tui.app import CuratorApp
from curator.tui.screens.main import MainScreen
from curator.tui.widgets.article_view import ArticleView
from curator.tui.widgets.candidate_table import CandidateTable
from curator.tui.widgets.claim_panel import ClaimPanel
from curator.tui.widgets.fact_detail import FactDetail
from curator.tui.widgets.steady import SteadyStatic

AppFactory = Callable[..., CuratorApp]


def count_calls(monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> list[int]:
    """Wrap ``owner.name`` so each call adds to the returned one-item counter."""
    original = getattr(owner, name)
    calls = [0]

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


@pilot_test
async def test_a_cursor_move_repaints_the_two_rows_it_changes_not_the_table(
    make_review_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_review_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for _ in range(2):
            await pilot.press("j")
            await settle(pilot)
        table = app.screen.query_one(CandidateTable)
        lines = count_calls(monkeypatch, CandidateTable, "render_line")
        text_lines = count_calls(monkeypatch, ArticleView, "render_line")
        await pilot.press("j")  # 2026-04 → SoftBank's 10% stake: facts as tall, so no pane changes size
        await settle(pilot)
        assert str(table.border_title) == "Candidates 4 of 5"
        assert table.cursor_row == 3
        assert lines[0] == 2  # the row the cursor left and the one it reached; the other rows and the header stay drawn
        assert text_lines[0] == 2  # in the article, the line of each span ("2026-04", "10%"), of 40 on screen


@pilot_test
async def test_a_decision_repaints_the_decided_row_and_the_next_not_the_table(
    make_review_app: AppFactory, review_data: ReviewData, monkeypatch: pytest.MonkeyPatch
) -> None:
    date = review_data.ids(0)[2]
    app = make_review_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for _ in range(2):
            await pilot.press("j")
            await settle(pilot)
        table = app.screen.query_one(CandidateTable)
        lines = count_calls(monkeypatch, CandidateTable, "render_line")
        await pilot.press("a")  # accept 2026-04, on to SoftBank's 10% stake: facts as tall, so no pane changes size
        await settle(pilot)
        assert str(table.border_title) == "Candidates 4 of 5"
        assert table.get_cell(date, "status").plain == "✓"
        assert lines[0] == 2  # the accepted row (its mark, the cursor gone) and the next; a DataTable drew all of them


@pilot_test
async def test_a_move_to_a_fact_that_wraps_alike_needs_no_screen_layout(
    make_review_app: AppFactory, review_data: ReviewData, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_review_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for _ in range(2):
            await pilot.press("j")
            await settle(pilot)
        detail = app.screen.query_one(FactDetail)
        before = detail.size.height
        layouts = count_calls(monkeypatch, MainScreen, "_refresh_layout")
        await pilot.press("j")  # the venture starts work (2026-04) → each founder holds 10%: as tall at 160x48
        await settle(pilot)
        assert app.main_screen().review.current == review_data.ids(0)[3]  # type: ignore[union-attr]
        assert dict(detail.lines)["Statement"] == "each founder holds 10%"
        assert detail.size.height == before
        assert layouts[0] == 0


class _Steady(App[None]):
    def compose(self) -> ComposeResult:
        yield SteadyStatic("one line", id="steady")


@pilot_test
async def test_steady_static_lays_out_only_when_its_height_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    app = _Steady()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        steady = app.query_one(SteadyStatic)
        steady.show_content(Text("another line"))
        await pilot.pause()
        layouts = count_calls(monkeypatch, Screen, "_refresh_layout")
        steady.show_content(Text("a third line"))
        await pilot.pause()
        assert layouts[0] == 0 and steady.size.height == 1
        steady.show_content(Text("a long line that wraps onto a second line at forty cells"))
        await pilot.pause()
        assert layouts[0] >= 1 and steady.size.height == 2
        assert "a long line" in str(steady.render())


@pilot_test
async def test_the_detail_pane_waits_for_the_claim_then_shows_dots_when_it_is_slow(
    make_review_app: AppFactory, review_data: ReviewData, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_review_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(MainScreen, "_load_claim", lambda self, candidate_id, claim_id: None)  # a claim that never comes
        await pilot.press("j")
        detail = app.screen.query_one(FactDetail)
        await until(pilot, lambda: dict(detail.lines).get("Statement") == "government funding for the venture", "the new fact")
        assert dict(detail.lines)["Sources"] == "…"
        assert dict(detail.lines)["Id"].startswith(review_data.ids(0)[1])


@pilot_test
async def test_a_claim_that_fits_shows_no_scrollbar_whatever_the_detail_pane_did_before(
    make_review_app: AppFactory, review_data: ReviewData
) -> None:
    first = review_data.ids(0)[0]
    with open_store(review_data.path) as store:  # a long status line (reviewer, reason, note) makes the detail pane taller
        store.decide(first, "bob", Action.ACCEPT, note="matches the ministry release")
        record_decisions(store, "reject", [first], "carol", reason="wrong value", note="NHK says 6.1")
    app = make_review_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(ClaimPanel)
        seen = []
        for _ in range(9):  # every candidate of the first two articles: the panel grows and shrinks with the detail pane
            await pilot.press("k" if not seen else "j")
            await settle(pilot)
            lines = len(panel.text().splitlines())
            seen.append((lines, panel.size.height, panel.show_vertical_scrollbar, panel.show_horizontal_scrollbar))
        assert all(not vertical and not horizontal for lines, height, vertical, horizontal in seen if lines <= height), seen
        assert any(height > 1 for _, height, _, _ in seen)
