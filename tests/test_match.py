"""Matching: each rule on hand-made candidates, and the seeds' real conflicts and corroborations."""

from __future__ import annotations

from pathlib import Path

from curator.match import match_candidates
from curator.models import Candidate, Claim, Corroboration
from curator.pipeline import extract, ingest
from curator.schema import load_schema

VENTURE = "SoftBank-NEC-Sony-Honda AI venture"


def cand(
    cid: str, article: str, kind: str, value: object, unit: str | None = None, subject: str | None = None,
    quote: str = "The venture receives the funding over five years.", attrs: dict | None = None,
) -> Candidate:
    return Candidate(
        id=cid, article_id=article, kind=kind, text=str(value), start=4, end=11, quote=quote, quote_start=0,
        subject=subject, statement=f"{subject}: {value}", value=value, unit=unit, attrs=attrs or {},
    )


def claims_of(candidates: list[Candidate]) -> dict[str, Claim]:
    """Claim by member candidate id."""
    claims = match_candidates(candidates, load_schema())
    return {cid: claim for claim in claims for cid in claim.candidate_ids}


def test_independent_articles_corroborate_repeats_do_not() -> None:
    by = claims_of([
        cand("a1", "A", "money", 1e12, "JPY", VENTURE),
        cand("a2", "A", "money", 1e12, "JPY", VENTURE),
        cand("b1", "B", "money", 1e12, "JPY", "NEDO", quote="NEDO committed the funding over five years to the venture."),
        cand("c1", "C", "money", 5e9, "USD", VENTURE),
    ])
    assert by["a1"] is by["a2"] is by["b1"]
    assert by["a1"].sources == 2 and by["a1"].corroboration is Corroboration.CORROBORATED
    assert by["c1"].corroboration is Corroboration.SINGLE_SOURCE


def test_repeats_in_one_article_stay_single_source() -> None:
    by = claims_of([cand("a1", "A", "percent", 29.0, "%", "Japan"), cand("a2", "A", "percent", 29.0, "%", "Japan")])
    assert by["a1"] is by["a2"] and by["a1"].sources == 1
    assert by["a1"].corroboration is Corroboration.SINGLE_SOURCE


def test_close_values_in_one_slot_conflict_both_ways() -> None:
    by = claims_of([cand("a", "A", "money", 6.7e9, "USD", VENTURE), cand("b", "B", "money", 6.1e9, "USD", VENTURE)])
    assert by["a"] is not by["b"]
    assert by["a"].conflicts_with == (by["b"].id,) and by["b"].conflicts_with == (by["a"].id,)
    assert by["a"].corroboration is by["b"].corroboration is Corroboration.CONFLICT


def test_outside_tolerance_or_other_unit_or_slot_is_unrelated() -> None:
    by = claims_of([
        cand("a", "A", "money", 6.7e9, "USD", VENTURE),
        cand("b", "B", "money", 2.3e12, "USD", VENTURE),
        cand("c", "C", "money", 6.1e9, "JPY", VENTURE),
        cand("d", "D", "percent", 29.0, "%", "Japan", quote="More than 29% of the population is aged 65 or older."),
        cand("e", "E", "percent", 30.0, "%", "Tesla", quote="Tesla cut its car prices by 30% this spring."),
    ])
    assert all(claim.conflicts_with == () for claim in by.values())


def test_conversions_are_linked_not_merged_and_reveal_a_conflict() -> None:
    """¥1 trillion is $6.7 billion in one article and $6.1 billion in another: the dollar claims conflict."""
    by = claims_of([
        cand("y1", "A", "money", 1e12, "JPY", "NEDO", attrs={"equivalents": ["d1"]}),
        cand("d1", "A", "money", 6.7e9, "USD", "NEDO", quote="around six point seven", attrs={"equivalents": ["y1"]}),
        cand("y2", "B", "money", 1e12, "JPY", VENTURE, attrs={"equivalents": ["d2"]}),
        cand("d2", "B", "money", 6.1e9, "USD", VENTURE, quote="approximately, per reports", attrs={"equivalents": ["y2"]}),
    ])
    assert by["y1"] is by["y2"] and by["y1"].corroboration is Corroboration.CORROBORATED
    assert by["d1"] is not by["y1"]
    assert by["d1"].conflicts_with == (by["d2"].id,)


def test_entities_join_by_canonical_name_and_never_conflict() -> None:
    by = claims_of([
        cand("a", "A", "entity", "Sony Group", "organisation", "Sony Group"),
        cand("b", "B", "entity", "Sony Group", "organisation", "Sony Group"),
        cand("c", "C", "entity", "SoftBank", "organisation", "SoftBank"),
    ])
    assert by["a"] is by["b"] and by["a"].sources == 2
    assert by["c"].conflicts_with == ()


def test_two_names_for_one_venture_conflict() -> None:
    by = claims_of([
        cand("n1", "A", "naming", "Noetra", None, VENTURE),
        cand("n2", "B", "naming", "Sakura AI Nexus", None, VENTURE),
        cand("n3", "B", "naming", "Sakura AI Nexus", None, VENTURE),
        cand("f1", "A", "founded-by", "SoftBank", None, VENTURE),
        cand("f2", "B", "founded-by", "NEC", None, VENTURE),
    ])
    assert by["n1"].conflicts_with == (by["n2"].id,)
    assert by["n2"] is by["n3"] and by["n2"].sources == 1
    assert by["f1"].conflicts_with == () and by["f2"].conflicts_with == ()


def test_ids_are_stable_across_input_order() -> None:
    items = [cand("a", "A", "money", 6.7e9, "USD", VENTURE), cand("b", "B", "money", 6.1e9, "USD", VENTURE)]
    first = sorted(c.id for c in match_candidates(items, load_schema()))
    assert sorted(c.id for c in match_candidates(list(reversed(items)), load_schema())) == first


def test_seeds_conflicts_and_corroborations(store, seeds: Path) -> None:
    ingest(store, [seeds])
    extract(store)
    claims = {}
    for c in store.candidates():
        claim = store.claim(c.claim_id)
        claims.setdefault((c.kind, c.value, c.unit), claim)
    yen = claims[("money", 1e12, "JPY")]
    assert yen.corroboration is Corroboration.CORROBORATED and yen.sources == 2
    dollars_67, dollars_61 = claims[("money", 6.7e9, "USD")], claims[("money", 6.1e9, "USD")]
    assert dollars_67.conflicts_with == (dollars_61.id,) and dollars_61.conflicts_with == (dollars_67.id,)
    assert dollars_67.sources == 2
    noetra, sakura = claims[("naming", "Noetra", None)], claims[("naming", "Sakura AI Nexus", None)]
    assert sakura.id in noetra.conflicts_with and noetra.id in sakura.conflicts_with
    assert sakura.sources == 1 and sakura.corroboration is not Corroboration.CORROBORATED
    softbank = claims[("entity", "SoftBank", "organisation")]
    assert softbank.sources == 5 and softbank.corroboration is Corroboration.CORROBORATED
    assert claims[("entity", "Sakura AI Nexus", "organisation")].corroboration is Corroboration.SINGLE_SOURCE
