"""The pure parts of the reviewer's day: the fact in words, the history rows, the session summary, alike rows."""

from __future__ import annotations

from dataclasses import replace

from curator.models import Action, Candidate, CandidateState, Claim, Corroboration, Decision, Status
from curator.schema import load_schema
from curator.store.review_records import ClaimMember, ClaimView, ReviewCounts
from curator.tui.fact_detail import corroboration_words, detail_lines
from curator.tui.history_view import history_rows, live_opinions
from curator.tui.screens.review_view import shared_values
from curator.tui.session import SessionTally
from curator.tui.widgets.claim_panel import ClaimPanel


def member(cid: str, title: str, outlet: str | None, value: float = 6.7e9) -> ClaimMember:
    return ClaimMember(cid, "cl", "a-" + cid, title, cid + ".txt", "money", "$6.7 billion", "q", value, "USD", None, "pending", outlet)


def claim(cid: str, value: float, sources: int, articles: int = 1) -> Claim:
    return Claim(cid, "money", "the venture", "funding", value, "USD", None, Corroboration.CONFLICT, sources, article_count=articles)


def candidate(cid: str = "c1", kind: str = "money", value: object = 6.7e9, unit: str | None = "USD", subject: str | None = "the venture") -> Candidate:
    return Candidate(cid, "a1", kind, "$6.7 billion", 0, 12, "q", 0, subject, "the venture: $6.7 billion", value, unit, extractor="money.en")


VIEW = ClaimView(
    claim("cl67", 6.7e9, 2, articles=3),
    (member("c1", "Alliance", "Reuters"), member("c2", "Titans", "CNN"), member("c3", "Copy", "Reuters")),
    3,
    ((claim("cl61", 6.1e9, 1), (member("c9", "Japan backs  a\nventure", "NHK", 6.1e9),)),),
)


def test_corroboration_names_outlets_once_and_the_conflict_with_its_article() -> None:
    assert corroboration_words(VIEW, "c1", {}) == (
        "Told by 3 articles (Reuters, CNN), 2 independent sources; conflicts with $6.1 billion in “Japan backs a venture”."
    )


def test_two_evidence_lines_in_one_article_are_one_article_not_two() -> None:
    name = Claim("cl-aa", "person", None, "Ammar Askar", "Ammar Askar", None, None, Corroboration.MENTION, 1, article_count=1)
    lines = tuple(replace(member(cid, "Python release", "Python Insider"), article_id="a1") for cid in ("c1", "c2"))
    assert corroboration_words(ClaimView(name, lines, 2, ()), "c1", {}) == "Named by 1 article (Python Insider)."


def test_a_conflict_between_conversions_of_one_amount_says_so() -> None:
    words = corroboration_words(VIEW, "c1", {"c1": "¥1 trillion", "c9": "¥1 trillion"})
    assert words.endswith("conflicts with $6.1 billion in “Japan backs a venture” (both convert ¥1 trillion).")
    assert "both convert" not in corroboration_words(VIEW, "c1", {"c1": "¥1 trillion", "c9": "¥2 trillion"})


def test_a_candidate_in_no_claim_is_told_by_its_article_only() -> None:
    assert corroboration_words(None, "c1", {}) == "Told by this article only; it matched no claim."


def test_detail_lines_apply_the_deciding_edit_and_name_the_decider() -> None:
    state = CandidateState("c1", Status.EDITED, reviewer="ana", note="ministry  figure", fields={"value": 6.1e9, "qualifier": "approximately"})
    lines = dict(detail_lines(candidate(), state, "Told by 1 article."))
    assert lines["Value"] == "approximately $6.1 billion (USD)"
    assert lines["Status"] == "edited by ana — ministry figure"
    assert lines["Kind"] == "money · found by money.en" and lines["Id"].startswith("c1")
    quantity = dict(detail_lines(candidate(kind="quantity", value=1e7, unit="robots", subject=None), None, ""))
    assert (quantity["Value"], quantity["Subject"], quantity["Status"]) == ("10 million robots", "—", "pending")


def decision(i: int, reviewer: str, action: Action, **extra: object) -> Decision:
    return Decision(i, "c1", reviewer, action, f"2026-04-14T09:0{i}:00.000000Z", **extra)  # type: ignore[arg-type]


def test_history_rows_mark_undone_decisions_and_what_an_undo_took_back() -> None:
    log = [
        decision(1, "ana", Action.ACCEPT, note="ok"),
        decision(2, "ben", Action.EDIT, fields={"value": 6.1e9, "statement": "about  6.1"}),
        decision(3, "ben", Action.UNDO, undoes=2),
        decision(4, "ben", Action.REJECT, fields={"reason": "wrong value"}, adjudicate=True),
    ]
    rows = history_rows(candidate(), log)
    assert [(r.reviewer, r.action, r.undone) for r in rows] == [
        ("ana", "accept", False), ("ben", "edit", True), ("ben", "undo edit", False), ("ben", "reject (settles)", False),
    ]
    assert rows[0].when == "2026-04-14 09:01:00" and rows[0].note == "ok"
    assert rows[1].value == "$6.1 billion; statement: about 6.1"
    assert rows[3].reason == "wrong value"
    assert live_opinions(candidate(), log) == ["ana: accept $6.7 billion", "ben: reject $6.7 billion (wrong value), settling"]


def test_an_undone_latest_decision_gives_the_earlier_opinion_back() -> None:
    log = [decision(1, "ana", Action.SKIP), decision(2, "ana", Action.ACCEPT), decision(3, "ana", Action.UNDO, undoes=2)]
    assert live_opinions(candidate(), log) == ["ana: skip"]


def test_the_session_summary_counts_skips_apart() -> None:
    tally = SessionTally(decided=12, skipped=3, undone=1, disputes=1)
    counts = ReviewCounts(total=221, decided=15, mine=12, skipped=4)
    assert tally.summary("ana", counts) == (
        "ana this session: 12 decided (1 undone), 3 skipped, 1 dispute opened; 206 of 221 left to decide (4 of them skipped)."
    )
    assert SessionTally().summary("ben", None) == "ben this session: 0 decided, 0 skipped, 0 disputes opened."


def test_relations_sharing_a_value_in_one_article_are_told_apart_by_subject() -> None:
    members = [candidate(f"m{i}", "member-of", "the venture", None, name) for i, name in enumerate(("SoftBank", "Sony"))]
    founders = [candidate(f"f{i}", "founded-by", name, None, "the venture") for i, name in enumerate(("SoftBank", "Sony"))]
    money = [candidate("x1"), candidate("x2")]
    assert shared_values([*members, *founders, *money], load_schema()) == {("member-of", "the venture")}


def test_detail_lines_state_a_range_with_both_ends_until_an_edit_changes_its_value() -> None:
    ranged = candidate(kind="percent", value=39.0, unit="%")
    ranged.attrs["range"] = [39.0, 41.0]
    assert dict(detail_lines(ranged, None, ""))["Value"] == "39% to 41%"
    edited = CandidateState("c1", Status.EDITED, reviewer="ana", fields={"value": 40.0})
    assert dict(detail_lines(ranged, edited, ""))["Value"] == "40%"


def test_a_range_member_and_conflict_read_with_both_ends() -> None:
    """A range's low end alone is another figure: the claim panel and the conflict sentence state both ends."""
    ranged = replace(member("c9", "Japan backs a venture", "NHK", 6.1e9), high=6.5e9)
    view = replace(VIEW, conflicts=((claim("cl61", 6.1e9, 1), (ranged,)),))
    assert "conflicts with $6.1 billion to $6.5 billion in “Japan backs a venture”" in corroboration_words(view, "c1", {})


def test_the_claim_panel_states_a_member_range_with_both_ends() -> None:
    lines = ClaimPanel()._member(replace(member("c1", "Alliance", "Reuters"), high=7.2e9), warn=False)
    assert "".join(text for text, _ in lines[1]).startswith("   $6.7 billion to $7.2 billion  ")
