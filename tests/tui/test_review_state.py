"""Navigation policy without the Pilot: rows the filter keeps, where the cursor goes, the labels."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

from curator.models import Article, Candidate, CandidateState, Status
from curator.tui.review_filter import ReviewFilter
from curator.tui.review_state import ReviewState

ARTICLE = Article(id="a1", sha256="0" * 64, source="a.txt", text="x" * 100, title="A")


def cand(cid: str, start: int, kind: str = "money") -> Candidate:
    return Candidate(
        id=cid, article_id="a1", kind=kind, text="x", start=start, end=start + 1, quote="x", quote_start=start,
        subject=None, statement=cid, value=1.0, unit="USD",
    )


CANDIDATES = [cand("c1", 0), cand("c2", 10, "entity"), cand("c3", 20), cand("c4", 30)]


def state(**decided: Status) -> dict[str, CandidateState]:
    return {cid: CandidateState(cid, status, reviewer="ana") for cid, status in decided.items()}


def shown(filters: ReviewFilter = ReviewFilter(), states=None, leased=None, corroboration=None, **how) -> ReviewState:
    review = ReviewState(filters=filters, next_article="stale")
    review.show(ARTICLE, CANDIDATES, states or {}, corroboration or {}, leased or {}, **how)
    return review


def test_the_state_loads_without_textual() -> None:
    code = "import sys, curator.tui.review_state; print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


def test_the_cursor_opens_on_the_first_candidate_to_review_and_the_look_ahead_is_forgotten() -> None:
    review = shown(states=state(c1=Status.ACCEPTED), leased={"c2": "bob"})
    assert review.rows == ["c1", "c2", "c3", "c4"]
    assert review.current == "c3"
    assert review.next_article is None
    assert review.where() == "3 of 4"


def test_pick_first_last_and_a_named_candidate() -> None:
    assert shown(pick="last").current == "c4"
    assert shown(states=state(c1=Status.ACCEPTED), pick="first").current == "c1"
    assert shown(candidate_id="c2").current == "c2"


def test_the_filter_hides_rows_unless_a_hidden_candidate_is_forced() -> None:
    money = ReviewFilter(kind=("money",))
    assert shown(money).rows == ["c1", "c3", "c4"]
    assert shown(money, candidate_id="c2").current == "c1"
    forced = shown(money, candidate_id="c2", force=True)
    assert (forced.rows, forced.current) == (["c1", "c2", "c3", "c4"], "c2")


def test_nothing_left_to_show_leaves_no_cursor() -> None:
    review = shown(ReviewFilter(kind=("date",)))
    assert (review.rows, review.current, review.where()) == ([], None, "0")


def test_after_a_decision_the_next_to_review_wraps_round_and_skips_decided_and_leased() -> None:
    review = shown(states=state(c1=Status.ACCEPTED, c4=Status.REJECTED), leased={"c2": "bob"})
    assert review.after_decision("c3") is None
    review.states = state(c4=Status.REJECTED)
    review.leased = {}
    assert review.after_decision("c3") == "c1"
    assert review.after_decision("gone") == "c1"


def test_a_filter_on_decided_candidates_walks_them_too() -> None:
    review = shown(ReviewFilter(status=("accepted",)), states=state(c1=Status.ACCEPTED, c3=Status.ACCEPTED))
    assert review.rows == ["c1", "c3"]
    assert review.after_decision("c1") == "c3"


def test_steps_stop_at_the_ends() -> None:
    review = shown(candidate_id="c2")
    assert (review.step(1), review.step(-1), review.step(3), review.step(-2)) == ("c3", "c1", None, None)
    review.current = None
    assert (review.step(1), review.step(-1)) == ("c1", "c4")


def test_the_next_conflict_in_this_article_comes_after_the_cursor() -> None:
    review = shown(candidate_id="c2", corroboration={"c1": ("conflict", 2), "c4": ("conflict", 2)})
    assert review.next_conflict_here() == "c4"
    review.current = "c4"
    assert review.next_conflict_here() is None
    assert review.standing("c2") == ("single-source", 1)


def test_labels_and_progress() -> None:
    review = shown(
        ReviewFilter(status=("pending",), kind=("money",), reviewer=("ana",), disputed=True),
        states=state(c1=Status.ACCEPTED, c2=Status.SKIPPED),
    )
    assert review.filter_label() == "filter: pending, money, by ana, disputed"
    assert shown().filter_label() == ""
    assert review.decided() == 1  # a skip is not a decision (issue 16, item 7)


def test_restand_takes_the_claims_as_stored_now_and_names_the_rows_that_changed() -> None:
    both = {"c1": ("corroborated", 2), "c3": ("corroborated", 2)}
    review = shown(corroboration=both)
    review.candidates["c1"] = replace(cand("c1", 0), claim_id="cl-67")
    read = review.claims_read
    # c1 was edited away from the claim it shared with c3: c1 stands alone in a claim of its own, c3 is left alone too
    changed = review.restand({"c1": ("single-source", 1), "c3": ("single-source", 1)}, {"c1": "cl-65", "c3": "cl-67"})
    assert changed == ["c1", "c3"]
    assert review.standing("c1") == ("single-source", 1) and review.candidates["c1"].claim_id == "cl-65"
    assert review.candidates["c3"].claim_id == "cl-67" and review.claims_read == read + 1
    assert review.restand(review.corroboration, {"c1": "cl-65", "c3": "cl-67"}) == []
    assert review.restand(review.corroboration, {"c3": "cl-67"}) == ["c1"] and review.candidates["c1"].claim_id is None
