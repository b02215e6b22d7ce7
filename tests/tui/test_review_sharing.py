"""Pilot tests: resume, live updates from other reviewers, leases, and the first-run pipeline."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from review_data import ReviewData, open_db, pilot_test, settle

from curator.models import Action, Status
from curator.tui.review_filter import ReviewFilter
from curator.tui.app import CuratorApp, make_app
from curator.tui.widgets.article_list import ArticleList
from curator.tui.widgets.header import ReviewHeader

AppFactory = Callable[..., CuratorApp]


async def wait_for(pilot: object, condition: Callable[[], bool], seconds: float = 3.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the screen did not catch up"
        await pilot.pause(0.05)  # type: ignore[attr-defined]


@pilot_test
async def test_reopening_resumes_article_candidate_and_filters(make_review_app: AppFactory, review_data: ReviewData) -> None:
    target = review_data.ids(1)[2]
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("tab", "j", "j")
        await settle(pilot)
        app.main_screen().apply_filters(ReviewFilter(kind=("money", "naming", "quantity")))  # type: ignore[union-attr]
        await settle(pilot)
        assert app.main_screen().review.current == target  # type: ignore[union-attr]
        await pilot.press("q")
        await settle(pilot)
    again = make_review_app()
    async with again.run_test() as pilot:
        await settle(pilot)
        main = again.main_screen()
        assert main is not None and main.review.article.id == review_data.articles[1].id  # type: ignore[union-attr]
        assert main.review.current == target
        assert main.review.filters == ReviewFilter(kind=("money", "naming", "quantity"))
        assert main.query_one(ArticleList).cursor == 1
    other = make_review_app("bob")
    async with other.run_test() as pilot:
        await settle(pilot)
        assert other.main_screen().review.article.id == review_data.articles[0].id  # type: ignore[union-attr]


@pilot_test
async def test_another_reviewers_commit_shows_without_moving_the_cursor(make_review_app: AppFactory, review_data: ReviewData) -> None:
    ids = review_data.ids(0)
    app = make_review_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        main = app.main_screen()
        assert main is not None and main.review.current == ids[1]
        with open_db(review_data.path) as store:
            store.decide(ids[3], "bob", Action.REJECT)
        await wait_for(pilot, lambda: main.review.states[ids[3]].status is Status.REJECTED)
        assert main.review.current == ids[1]
        await wait_for(pilot, lambda: main.query_one(ReviewHeader).counts.decided == 1)  # type: ignore[union-attr]
        assert main.query_one(ArticleList).row(0).decided == 1  # type: ignore[union-attr]


@pilot_test
async def test_leases_keep_two_reviewers_apart_and_quitting_releases_them(make_review_app: AppFactory, review_data: ReviewData) -> None:
    first, second, *_ = review_data.ids(0)
    bob = make_review_app("bob")
    async with bob.run_test() as bob_pilot:
        await settle(bob_pilot)
        await wait_for(bob_pilot, lambda: _leases(review_data.path) == {first: "bob"})
        alice = make_review_app("alice")
        async with alice.run_test() as pilot:
            await settle(pilot)
            main = alice.main_screen()
            assert main is not None and main.review.current == second
            assert main.review.leased == {first: "bob"}
            await wait_for(pilot, lambda: _leases(review_data.path) == {first: "bob", second: "alice"})
            await pilot.press("q")
            await settle(pilot)
        assert _leases(review_data.path) == {first: "bob"}


def _leases(path: Path) -> dict[str, str]:
    with open_db(path) as store:
        held = {}
        for reviewer in ("alice", "bob"):
            ids = [c.id for a in store.articles() for c in store.candidates_for_article(a.id)]
            held.update({cid: who for cid, who in store.leased_by_others("nobody", ids).items() if who == reviewer})
        return held


@pilot_test
async def test_review_with_paths_ingests_and_extracts_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Venture funding\nThe government will invest $6.7 billion in the venture.\n")
    (corpus / "bad.txt").write_bytes(b"\xff\xfe not text")
    db = tmp_path / "fresh.db"
    open_db_created = __import__("curator.store", fromlist=["open_store"]).open_store(db)
    open_db_created.close()
    app = make_app(db, "alice", [corpus], cursor_blink=False, poll_interval=0.05)
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None and main.review.article is not None and main.review.article.title == "Venture funding"
        assert main.review.candidates, "the pipeline extracted nothing"
        assert any("bad.txt" in str(n.message) for n in app._notifications)
