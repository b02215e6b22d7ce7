"""The store queries behind the review screen, and the article view's wrapping."""

from __future__ import annotations

import time

import pytest
from review_data import ReviewData, open_db
from rich.cells import cell_len

from curator.models import Action, Status
from curator.tui.review_filter import ReviewFilter
from curator.tui.widgets.article_view import wrap_offsets
from curator.tui.widgets.header import bar_cells


def test_review_counts_follow_decisions_and_undo(review_data: ReviewData) -> None:
    first, second, *_ = review_data.ids(0)
    with open_db(review_data.path) as store:
        assert (store.review_counts("alice").decided, store.review_counts("alice").total) == (0, 13)
        store.decide(first, "alice", Action.ACCEPT)
        store.decide(second, "bob", Action.REJECT)
        counts = store.review_counts("alice")
        assert (counts.total, counts.decided, counts.mine) == (13, 2, 1)
        store.undo("alice")
        assert store.review_counts("alice").mine == 0


def test_article_pages_and_ranks_honour_the_filter(review_data: ReviewData) -> None:
    conflicts = ReviewFilter(corroboration=("conflict",))
    with open_db(review_data.path) as store:
        assert [a.id for a in store.article_page(ReviewFilter(), 1, 2)] == [a.id for a in review_data.articles[1:3]]
        assert [a.id for a in store.article_page(conflicts, 0, 10)] == [a.id for a in review_data.articles[:3]]
        assert store.count_review_articles(conflicts) == 3
        assert store.count_review_articles(ReviewFilter(kind=("percent",))) == 1
        assert store.article_rank(review_data.articles[2].id, conflicts) == 2
        assert store.article_rank(review_data.articles[3].id, conflicts) is None
        page = store.article_page(ReviewFilter(kind=("percent",)), 0, 10)
        assert [(a.candidates, a.decided) for a in page] == [(5, 0)]


def test_filter_sql_and_python_agree(review_data: ReviewData) -> None:
    with open_db(review_data.path) as store:
        store.decide(review_data.ids(0)[0], "alice", Action.ACCEPT)
        store.decide(review_data.ids(1)[1], "bob", Action.ACCEPT)
        store.decide(review_data.ids(1)[1], "carol", Action.REJECT)
        filters = [
            ReviewFilter(status=("accepted",)),
            ReviewFilter(kind=("money",), corroboration=("conflict",)),
            ReviewFilter(corroboration=("single-source",)),
            ReviewFilter(reviewer=("carol",)),
            ReviewFilter(disputed=True),
        ]
        for f in filters:
            by_python = set()
            for article in review_data.articles:
                states = store.states_for_article(article.id)
                standing = store.corroboration_for_article(article.id)
                if any(f.matches(c.kind, states[c.id], standing[c.id][0]) for c in store.candidates_for_article(article.id)):
                    by_python.add(article.id)
            assert {a.id for a in store.article_page(f, 0, 10)} == by_python, f


def test_next_review_article_skips_decided_and_leased_and_wraps(review_data: ReviewData) -> None:
    a, b, c, _ = (x.id for x in review_data.articles)
    with open_db(review_data.path) as store:
        assert store.next_review_article(None, "alice", ReviewFilter()) == a
        assert store.next_review_article(a, "alice", ReviewFilter()) == b
        for cid in review_data.ids(1)[:-1]:
            store.decide(cid, "alice", Action.ACCEPT)
        last = review_data.ids(1)[-1]
        assert store.claim_lease(last, "bob", 300)
        assert store.next_review_article(a, "alice", ReviewFilter()) == c
        assert store.next_review_article(a, "bob", ReviewFilter()) == b
        assert store.next_review_article(c, "alice", ReviewFilter()) == a
        assert store.next_review_article(a, "alice", ReviewFilter(), now=time.time() + 301) == b
        assert store.next_review_article(a, "alice", ReviewFilter(status=("accepted",))) == b


def test_next_conflict_walks_articles_in_order(review_data: ReviewData) -> None:
    a, b, c, d = (x.id for x in review_data.articles)
    with open_db(review_data.path) as store:
        assert store.next_conflict(a, ReviewFilter()) == (b, review_data.ids(1)[1])
        assert store.next_conflict(b, ReviewFilter()) == (c, review_data.ids(2)[1])
        assert store.next_conflict(d, ReviewFilter()) == (a, review_data.ids(0)[1])
        assert store.next_conflict(a, ReviewFilter(kind=("naming",))) == (b, review_data.ids(1)[2])
        assert store.next_conflict(a, ReviewFilter(kind=("percent",))) is None


def test_claim_view_lists_members_and_conflicting_claims(review_data: ReviewData) -> None:
    with open_db(review_data.path) as store:
        view = store.claim_view("cl-usd67")
        assert view is not None
        assert [m.article_id for m in view.members] == [review_data.articles[0].id, review_data.articles[2].id]
        assert [other.id for other, _ in view.conflicts] == ["cl-usd61"]
        assert view.conflicts[0][1][0].title == review_data.articles[1].title
        assert len(store.claim_view("cl-softbank", limit=2).members) == 2  # type: ignore[union-attr]
        assert store.claim_view("missing") is None


def test_search_finds_articles_and_candidates_case_blind(review_data: ReviewData) -> None:
    with open_db(review_data.path) as store:
        hits = store.search_review("SAKURA")
        assert [(h.article_id, h.candidate_id is None) for h in hits] == [
            (review_data.articles[2].id, True), (review_data.articles[2].id, False)
        ]
        assert "Sakura" in hits[0].snippet
        assert {h.article_id for h in store.search_review("机器人")} == {review_data.articles[1].id}
        assert store.search_review("   ") == []


def test_review_filter_round_trips_and_survives_junk() -> None:
    f = ReviewFilter(status=("pending",), kind=("money",), disputed=True)
    assert ReviewFilter.from_dict(f.to_dict()) == f
    junk = {"status": "pending", "kind": [1, "date"], "disputed": "yes", "x": 1}
    assert ReviewFilter.from_dict(junk) == ReviewFilter(kind=("date",))
    assert ReviewFilter(status=("accepted",)).wants_pending is False
    assert ReviewFilter().wants_pending and not ReviewFilter().active


def test_reviewer_names_are_those_who_decided_not_those_who_only_opened_the_screen(review_data: ReviewData) -> None:
    with open_db(review_data.path) as store:
        store.decide(review_data.ids(0)[0], "carol", Action.SKIP)
        store.decide(review_data.ids(0)[1], "bob", Action.ACCEPT)
        store.save_position("dave", None, None, {})
        assert store.reviewer_names() == ["bob", "carol"]
        assert store.state(review_data.ids(0)[0]).status is Status.SKIPPED  # type: ignore[union-attr]


@pytest.mark.parametrize("width", [2, 5, 9, 20, 41])
def test_wrap_covers_the_text_within_the_width(width: int) -> None:
    text = (
        "日本以国产AI模型和一千万台机器人 🤖 推进其2.3万亿美元计划。\n\n"
        "Japan's $6.7B Physical AI Alliance:  a trillion-parameter model\nsupercalifragilisticexpialidocious"
    )
    lines = wrap_offsets(text, width)
    for start, end in lines:
        assert cell_len(text[start:end].rstrip(" ")) <= width
    covered = "".join(text[s:e] for s, e in lines).replace(" ", "")
    assert covered == text.replace("\n", "").replace(" ", "")
    assert all(a[1] <= b[0] for a, b in zip(lines, lines[1:]))


def test_wrap_breaks_at_spaces_and_between_wide_characters() -> None:
    assert [("hello world again"[s:e]) for s, e in wrap_offsets("hello world again", 11)] == ["hello world", "again"]
    assert ["日本以国产AI"[s:e] for s, e in wrap_offsets("日本以国产AI", 6)] == ["日本以", "国产AI"]
    assert wrap_offsets("", 10) == [(0, 0)]


def test_progress_bar_cells_show_any_share_above_zero() -> None:
    from curator.store.review_records import ReviewCounts

    assert bar_cells(ReviewCounts(1000, 1, 1), 20) == (1, 0, 19)
    assert bar_cells(ReviewCounts(10, 5, 2), 20) == (4, 6, 10)
    assert bar_cells(ReviewCounts(0, 0, 0), 20) == (0, 0, 20)
