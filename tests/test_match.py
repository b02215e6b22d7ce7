"""Matching: each rule on hand-made candidates, the seeds' real conflicts and corroborations, and matching only what is new."""

from __future__ import annotations

import dataclasses
import random
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from click.testing import CliRunner

from curator.match import incremental as match
from curator.cli import cli
from curator.errors import CuratorError
from curator.match import match_candidates, match_new
from curator.match.clustering import context_words, distinctive, words_around
from curator.models import Article, Candidate, Claim, Corroboration
from curator.pipeline import extract, ingest
from curator.schema import MatchSettings, Schema, load_schema
from curator.store import Store, open_store
from curator.store.rebuild import BlockOf, ClaimsRebuild
from curator.store.schema import _MIGRATIONS, _split_sql

VENTURE = "SoftBank-NEC-Sony-Honda AI venture"


def cand(
    cid: str, article: str, kind: str, value: object, unit: str | None = None, subject: str | None = None,
    quote: str = "The venture receives funding over five years.", attrs: dict | None = None,
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


def test_one_subject_with_close_figures_about_other_things_is_no_conflict() -> None:
    """SoftBank's 10% stake and its 11% revenue growth are two facts, not a contradiction."""
    by = claims_of([
        cand("s", "A", "percent", 10.0, "%", "SoftBank", quote="SoftBank holds a stake in the venture of 10% today."),
        cand("g", "B", "percent", 11.0, "%", "SoftBank", quote="SoftBank said quarterly revenue growth reached 11% in Tokyo."),
        cand("t", "C", "percent", 11.5, "%", "SoftBank", quote="SoftBank holds a stake in the venture of 11.5% now."),
    ])
    assert by["s"].conflicts_with == (by["t"].id,)
    assert by["g"].conflicts_with == ()


def test_figures_without_a_subject_conflict_only_through_a_conversion() -> None:
    by = claims_of([
        cand("a", "A", "money", 6.7e9, "USD"),
        cand("b", "B", "money", 6.1e9, "USD"),
        cand("c", "C", "money", 6.2e9, "USD", VENTURE),
        cand("n1", "A", "naming", "Noetra"),
        cand("n2", "B", "naming", "Kumo"),
    ])
    assert all(claim.conflicts_with == () for claim in by.values())


def test_a_figure_in_a_big_block_still_finds_its_claim_and_its_conflict() -> None:
    """Hundreds of unrelated 10% figures share the common words; the one that tells the same fact is still found."""
    filler = [
        cand(f"x{i}", f"X{i}", "percent", 10.0, "%", f"Firm{i}", quote=f"Firm{i} said funding rose 10% for project{i} widgets.")
        for i in range(300)
    ]
    fact = "Mizuho lends the robotics programme 10% of its budget, the bank said."
    by = claims_of([
        *filler,
        cand("m1", "M1", "percent", 10.0, "%", "Mizuho Bank", quote=fact),
        cand("m2", "M2", "percent", 10.0, "%", "Mizuho Bank", quote=fact.replace("said", "confirmed")),
        cand("m3", "M3", "percent", 11.0, "%", "Mizuho Bank", quote=fact.replace("10%", "11%")),
    ])
    assert by["m1"] is by["m2"] and by["m1"].sources == 2
    assert by["m1"].conflicts_with == (by["m3"].id,)
    assert all(by[f"x{i}"].conflicts_with == () for i in range(300))


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
    assert softbank.sources == 5 and softbank.corroboration is Corroboration.MENTION  # a name is never corroborated
    assert claims[("entity", "Sakura AI Nexus", "organisation")].corroboration is Corroboration.MENTION


# -- matching only what is new ------------------------------------------------


def stored_claims(store: Store) -> dict[str, tuple[object, ...]]:
    """Every claim as stored, by id: its fields, sorted members and conflicts; every candidate is in one."""
    claims: dict[str, tuple[object, ...]] = {}
    for c in store.candidates():
        assert c.claim_id is not None, f"{c.id} is in no claim"
        if c.claim_id not in claims:
            claim = store.claim(c.claim_id)
            assert claim is not None
            claims[claim.id] = (
                claim.kind, claim.subject, claim.statement, claim.value, claim.unit, claim.qualifier,
                claim.corroboration, claim.sources, tuple(sorted(claim.candidate_ids)), claim.conflicts_with,
                claim.article_count, claim.outlets,
            )
    assert store.claim_counts()[0] == len(claims), "a claim without members was left behind"
    return claims


def full_rematch_of(store: Store) -> dict[str, tuple[object, ...]]:
    """The claims of a full match, written (not through ``rematch``, which ``FullRematches`` counts)."""
    store.replace_claims(match_candidates(store.candidates(), load_schema(), store.article_ranks(), store.placements()))
    return stored_claims(store)


class FullRematches:
    """Counts the full rematches ``match_new`` falls back to."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        self.full = match._rematch_at
        monkeypatch.setattr(match, "_rematch_at", self)

    def __call__(self, store: Store, schema: Schema, generation: int) -> list[Claim]:
        self.count += 1
        return self.full(store, schema, generation)


def seeds_in_batches(store: Store, seeds: Path, tmp_path: Path) -> Iterator[int]:
    """Ingest and extract the seeds in three batches, yielding each batch's number once it is matched."""
    files = sorted(seeds.iterdir())
    for number, batch in enumerate([files[:2], files[2:4], files[4:]]):
        folder = tmp_path / f"batch{number}"
        folder.mkdir()
        for f in batch:
            shutil.copy(f, folder / f.name)
        ingest(store, [folder])
        extract(store)
        yield number


def test_seeds_in_batches_match_as_one_full_rematch(store: Store, seeds: Path, tmp_path: Path, monkeypatch) -> None:
    full = FullRematches(monkeypatch)
    ids_before: set[str] = set()
    for _ in seeds_in_batches(store, seeds, tmp_path):
        incremental = stored_claims(store)
        assert ids_before <= set(incremental), "a claim id changed when articles were added"
        ids_before = set(incremental)
        assert incremental == full_rematch_of(store)
    assert full.count == 1, "only the first batch, with no claims yet, is matched in full"
    assert any(claim[6] is Corroboration.CONFLICT for claim in incremental.values())


# A corpus with what incremental matching must get right: the same fact told by many articles in their own words,
# close values in one slot (conflicts), ¥1 trillion told as $6.7 or $6.1 billion (dollar claims that conflict only
# through the yen claim), round values shared by unrelated facts, names for one venture, and case variants that
# only Python's casefold puts in one block, and ranges met at either end.
WORDS = "robots sectors funding budget plant chips model data centre grant loan stake share sales exports years".split()
SUBJECTS = ["Sony Group", "SONY GROUP", "Straße AG", "STRASSE AG", "NEC", "nec", VENTURE, None]


def synthetic_corpus(articles: int, seed: int) -> list[tuple[Article, list[Candidate]]]:
    rng = random.Random(seed)
    facts = []
    for _ in range(40):
        kind = rng.choice(["money", "money", "percent", "quantity", "date", "naming", "founded-by", "entity"])
        subject = rng.choice(SUBJECTS if kind != "naming" else [VENTURE, "Sony Group", "SONY GROUP"])
        value: object = {
            "money": rng.choice([1e12, 1.5e9, 6.7e9, 6.1e9, 2e9, 2.1e9]),
            "percent": rng.choice([10.0, 10.5, 11.0, 30.0]),
            "quantity": rng.choice([100.0, 110.0, 1e7]),
            "date": rng.choice(["2030", "2026-04"]),
            "naming": rng.choice(["Noetra", "Sakura AI Nexus", "NOETRA"]),
            "founded-by": rng.choice(["SoftBank", "softbank", "Honda"]),
            "entity": rng.choice(["Sony Group", "SONY GROUP", "Straße AG", "STRASSE AG"]),
        }[kind]
        unit = {"money": "JPY" if value == 1e12 else "USD", "percent": "%", "quantity": rng.choice([None, "", "robots"])}
        facts.append((kind, subject, value, unit.get(kind), rng.sample(WORDS, 5)))
    corpus = []
    for a in range(articles):
        article = Article(id=f"art{a:03d}", sha256=f"{a:064x}", source=f"art{a:03d}.txt", text="...", title=f"Article {a}")
        candidates: list[Candidate] = []
        for slot in range(rng.randint(0, 6)):
            kind, subject, value, unit, words = rng.choice(facts)
            if isinstance(value, float) and value != 1e12 and rng.random() < 0.15:
                value = round(value * rng.choice([0.9, 1.08]), 3)
            told = [w if rng.random() < 0.75 else rng.choice(WORDS) for w in words]
            quote = f"{' '.join(told[:2])} XXXXXXX {' '.join(told[2:])}."
            start = slot * 100 + len(" ".join(told[:2])) + 1
            cid = f"{article.id}-{slot}"
            attrs: dict[str, object] = {}
            if kind == "percent" and rng.random() < 0.3:
                attrs = {"range": [value, value + rng.choice([1.0, 2.0])]}  # "10% to 12%": met by 13% at its high end
            if value == 1e12 and rng.random() < 0.8:
                attrs = {"equivalents": [f"{cid}-usd"]}
                candidates.append(Candidate(
                    id=f"{cid}-usd", article_id=article.id, kind=kind, text="USD", start=start + 8, end=start + 10,
                    quote=" ".join(rng.sample(WORDS, 5)), quote_start=start + 8, subject=None, statement="in dollars",
                    value=rng.choice([6.7e9, 6.1e9]), unit="USD", attrs={"equivalents": [cid]},
                ))
            candidates.append(Candidate(
                id=cid, article_id=article.id, kind=kind, text=str(value), start=start, end=start + 7,
                quote=quote, quote_start=slot * 100, subject=subject, statement=f"{subject}: {value}", value=value, unit=unit,
                qualifier=rng.choice([None, None, "about", "over"]), attrs=attrs,
            ))
        corpus.append((article, candidates))
    return corpus


def add(store: Store, batch: list[tuple[Article, list[Candidate]]]) -> None:
    store.add_articles([article for article, _ in batch])
    for article, candidates in batch:
        store.save_extraction(article.id, candidates)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_synthetic_batches_match_as_one_full_rematch(store: Store, seed: int, monkeypatch) -> None:
    corpus = synthetic_corpus(60, seed)
    full = FullRematches(monkeypatch)
    for batch in (corpus[:30], corpus[30:50], corpus[50:]):
        add(store, batch)
        match_new(store, load_schema())
        incremental = stored_claims(store)
        assert incremental == full_rematch_of(store)
    assert full.count == 1
    standings = Counter(claim[6] for claim in incremental.values())
    assert standings[Corroboration.CONFLICT] and standings[Corroboration.CORROBORATED], "the corpus tests too little"


def test_new_candidates_meet_old_claims_of_other_blocks(store: Store, monkeypatch) -> None:
    """A second name for the venture; dollar claims that conflict only through ¥1 trillion, told by a member that is not
    the claim's leader, then joined by a new candidate while the yen claim is left alone."""
    schema = load_schema()
    full = FullRematches(monkeypatch)
    batches = [
        [
            cand("d0", "A", "money", 6.7e9, "USD", None, quote="around six point seven"),
            cand("y1", "A", "money", 1e12, "JPY", VENTURE, attrs={"equivalents": ["d1"]}),
            cand("d1", "A", "money", 6.7e9, "USD", None, quote="around six point seven", attrs={"equivalents": ["y1"]}),
            cand("n1", "A", "naming", "Noetra", None, VENTURE),
        ],
        [
            cand("y2", "B", "money", 1e12, "JPY", VENTURE, attrs={"equivalents": ["d2"]}),
            cand("d2", "B", "money", 6.1e9, "USD", None, quote="approximately, per reports", attrs={"equivalents": ["y2"]}),
        ],
        [
            cand("d3", "C", "money", 6.7e9, "USD", None, quote="around six point seven"),
            cand("n2", "C", "naming", "Sakura AI Nexus", None, VENTURE),
        ],
    ]
    for batch in batches:
        article_id = batch[0].article_id
        add(store, [(Article(id=article_id, sha256=article_id * 64, source=article_id, text="...", title=article_id), batch)])
        match_new(store, schema)
        assert stored_claims(store) == full_rematch_of(store)
    assert full.count == 1
    claims = {c.id: store.claim(c.claim_id) for c in store.candidates()}
    assert claims["d0"] == claims["d1"] == claims["d3"]
    assert claims["d1"].conflicts_with == (claims["d2"].id,)  # type: ignore[union-attr]
    assert claims["n1"].conflicts_with == (claims["n2"].id,)  # type: ignore[union-attr]


def test_candidates_ranked_before_old_ones_still_match_as_a_full_rematch(store: Store, monkeypatch) -> None:
    """An old article extracted late, and candidates added to an old article, rank before matched ones."""
    full = FullRematches(monkeypatch)
    corpus = synthetic_corpus(40, 4)
    store.add_articles([article for article, _ in corpus])
    for article, candidates in corpus[10:]:
        store.save_extraction(article.id, candidates)
    match_new(store, load_schema())
    for article, candidates in corpus[:10]:
        store.save_extraction(article.id, candidates)
    match_new(store, load_schema())
    assert stored_claims(store) == full_rematch_of(store)
    extra = [replace(c, id=f"{c.id}-early", start=c.start - 50, end=c.end - 50) for _, cs in corpus[20:] for c in cs]
    store.save_extraction(corpus[15][0].id, [replace(c, article_id=corpus[15][0].id) for c in extra[:8]])
    match_new(store, load_schema())
    assert stored_claims(store) == full_rematch_of(store)
    assert full.count == 3


def test_claims_of_an_older_curator_are_matched_whole(db_path: Path, seeds: Path, tmp_path: Path, monkeypatch) -> None:
    """A database from before claims had keys: the next extract matches everything, then only what is new."""
    conn = sqlite3.connect(db_path)
    for statement in _split_sql(_MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    full = FullRematches(monkeypatch)
    with open_store(db_path) as store:
        for number in seeds_in_batches(store, seeds, tmp_path):
            if number == 0:
                raw = sqlite3.connect(db_path)
                raw.execute("UPDATE claims SET block = NULL, slot = NULL, leader = NULL")
                raw.commit()
                raw.close()
        assert full.count == 2
        assert stored_claims(store) == full_rematch_of(store)


def test_a_match_overtaken_by_another_extract_starts_again(db_path: Path, seeds: Path, tmp_path: Path, monkeypatch) -> None:
    """Another process writes claims after this one has read: its stale result is refused, nothing half-written, and it matches again."""
    with open_store(db_path) as store:
        batches = seeds_in_batches(store, seeds, tmp_path)
        next(batches)
        files = sorted(seeds.iterdir())[2:]
        for f in files:
            shutil.copy(f, tmp_path / f.name)
        ingest(store, [tmp_path / f.name for f in files])
        reads = store.unmatched_candidates
        overtaken = []

        def read_then_be_overtaken() -> list[Candidate]:
            new = reads()
            if not overtaken:
                with open_store(db_path) as other:  # a second curator extract's matching, finishing first
                    match_new(other, load_schema())
                    overtaken.append(other.claims_generation())
            return new

        monkeypatch.setattr(store, "unmatched_candidates", read_then_be_overtaken)
        extract(store)
        assert overtaken and store.claims_generation() == overtaken[0]  # this run wrote nothing: all was matched
        assert stored_claims(store) == full_rematch_of(store)


def test_matching_gives_up_with_a_sentence_when_always_overtaken(store: Store, seeds: Path, monkeypatch) -> None:
    ingest(store, [seeds])
    monkeypatch.setattr(store, "claims_generation", lambda: -1)
    with pytest.raises(CuratorError, match="kept rewriting the claims"):
        extract(store)
    assert store.unmatched_candidates()  # nothing half-written: the candidates wait for the next extract


def test_new_candidates_read_only_the_claims_they_touch(store: Store, monkeypatch) -> None:
    corpus = synthetic_corpus(300, 5)
    add(store, corpus)
    match_new(store, load_schema())
    total = sum(len(cs) for _, cs in corpus)
    money = {c.id for _, cs in corpus for c in cs if c.kind == "money" and c.unit == "USD"}
    read: list[str] = []
    to_candidate = Store._candidate

    def spy(row: sqlite3.Row) -> Candidate:
        read.append(row["id"])
        return to_candidate(row)

    monkeypatch.setattr(Store, "_candidate", staticmethod(spy))
    article = Article(id="late", sha256="f" * 64, source="late.txt", text="...", title="Late")
    late = cand("late-1", "late", "money", 2.1e9, "USD", "Sony Group", quote="Sony Group plant funding grant years.")
    add(store, [(article, [late])])
    match_new(store, load_schema())
    assert read and set(read) <= money | {"late-1"}, "a candidate of an unrelated block was read"
    assert len(read) < total / 5
    monkeypatch.undo()
    assert stored_claims(store) == full_rematch_of(store)


def test_extract_rematch_applies_changed_match_settings(db_path: Path, seeds: Path, monkeypatch) -> None:
    """After an edit to the match settings plain extract keeps the claims; --rematch recomputes them all."""

    def invoke(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    def dollar_conflict() -> bool:
        with open_store(db_path) as store:
            dollars = {c.claim_id for c in store.candidates(["money"]) if c.unit == "USD" and c.value in (6.7e9, 6.1e9)}
            return all(store.claim(cid).corroboration is Corroboration.CONFLICT for cid in dollars)  # type: ignore[union-attr]

    invoke("ingest", str(seeds))
    assert "in conflict" in invoke("extract")
    assert dollar_conflict()
    schema = load_schema()
    strict = dataclasses.replace(schema, match=MatchSettings(schema.match.threshold, tolerance=0.0))
    monkeypatch.setattr("curator.schema.load_schema", lambda: strict)
    invoke("extract")
    assert dollar_conflict(), "nothing new to match: the claims stay as they were"
    assert "--rematch" in invoke("extract", "--help")
    output = invoke("extract", "--rematch")
    assert "Extracted 0 candidate(s) from 0 article(s)" in output
    assert not dollar_conflict()


NEWS = Path(__file__).resolve().parent / "data" / "news"


def test_a_full_match_block_by_block_stores_what_an_in_memory_match_makes(store: Store, seeds: Path, monkeypatch) -> None:
    """The first extract of real news (and the seeds, for conflicts and conversions) matches block by block from the
    store, never holding every candidate, and stores exactly the claims ``match_candidates`` makes of all of them."""
    full = FullRematches(monkeypatch)
    sizes: list[int] = []
    hand_over = ClaimsRebuild.blocks

    def sized(self: ClaimsRebuild, block_of: BlockOf) -> Iterator[list[Candidate]]:
        for block in hand_over(self, block_of):
            sizes.append(len(block))
            yield block

    monkeypatch.setattr(ClaimsRebuild, "blocks", sized)
    ingest(store, [NEWS, seeds])
    extract(store)
    assert full.count == 1
    total = sum(1 for _ in store.candidates())
    assert sum(sizes) == total and max(sizes) < total / 10, "the candidates were not handed over a block at a time"
    blockwise = stored_claims(store)
    assert blockwise == full_rematch_of(store)
    standings = Counter(claim[6] for claim in blockwise.values())
    assert standings[Corroboration.CONFLICT] and standings[Corroboration.CORROBORATED], "the corpus tests too little"
    assert any(len(claim[8]) > 1 for claim in blockwise.values())


def test_templated_briefs_about_different_companies_are_different_claims(store: Store, tmp_path: Path) -> None:
    """Briefs alike in all but the company's name are one story as text, yet each figure is its own company's."""
    briefs = {
        "acme.txt": "The startup Acme Robotics said on Monday it raised $5 million in seed funding from investors.",
        "globex.txt": "The startup Globex said on Monday it raised $5 million in seed funding from investors.",
        "initech.txt": "Initech, a startup, said on Monday it raised $5 million in seed funding from investors.",
    }
    for name, text in briefs.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    ingest(store, [tmp_path / name for name in briefs])
    extract(store)
    money = {c.subject: store.claim(c.claim_id) for c in store.candidates() if c.kind == "money"}
    assert sorted(money) == ["Acme Robotics", "Globex", "Initech"]
    assert len({claim.id for claim in money.values()}) == 3
    assert all(claim.subject == subject and claim.sources == 1 for subject, claim in money.items())


def _ranged(cid: str, article: str, low: float, high: float, quote: str) -> Candidate:
    return cand(cid, article, "percent", low, "%", "Tesla", quote=quote, attrs={"range": [low, high]})


def test_a_range_corroborates_only_the_same_range() -> None:
    """"5% to 10%" is not "5%": its low end alone never corroborates a single value."""
    quote = "Tesla cut its car prices by {} this spring."
    by = claims_of([
        _ranged("r1", "A", 5.0, 10.0, quote.format("5% to 10%")),
        _ranged("r2", "B", 5.0, 10.0, "This spring Tesla lowered what its cars cost by 5% to 10% in Europe."),
        cand("p", "C", "percent", 5.0, "%", "Tesla", quote=quote.format("5%")),
        _ranged("w", "D", 5.0, 12.0, quote.format("5% to 12%")),
    ])
    assert by["r1"] is by["r2"] and by["r1"].corroboration is Corroboration.CORROBORATED
    assert by["p"] is not by["r1"] and by["w"] is not by["r1"] and by["w"] is not by["p"]
    assert by["p"].corroboration is Corroboration.SINGLE_SOURCE


def test_a_range_conflicts_with_a_close_value_only_outside_it() -> None:
    """A value inside the stated range agrees with it; a close value outside it contradicts it."""
    quote = "Tesla cut its car prices by {} this spring."
    by = claims_of([
        _ranged("r", "A", 10.0, 12.0, quote.format("10% to 12%")),
        cand("in", "B", "percent", 10.5, "%", "Tesla", quote=quote.format("10.5%")),
        cand("out", "C", "percent", 9.5, "%", "Tesla", quote=quote.format("9.5%")),
    ])
    assert by["in"].id not in by["r"].conflicts_with
    assert by["r"].conflicts_with == (by["out"].id,)
    assert by["out"].conflicts_with == tuple(sorted((by["r"].id, by["in"].id)))


def test_a_close_value_above_a_ranges_high_end_conflicts_with_it() -> None:
    """"13%" is within tolerance of 12, the high end of "10% to 12%", though not of its low end 10: a conflict;
    "11.5%" inside the range agrees with it (and contradicts "13%"), and "25%" is too far from either end to be the same slot's value."""
    quote = "Tesla cut its car prices by {} this spring."
    by = claims_of([
        _ranged("r", "A", 10.0, 12.0, quote.format("10% to 12%")),
        cand("above", "B", "percent", 13.0, "%", "Tesla", quote=quote.format("13%")),
        cand("in", "C", "percent", 11.5, "%", "Tesla", quote=quote.format("11.5%")),
        cand("far", "D", "percent", 25.0, "%", "Tesla", quote=quote.format("25%")),
    ])
    assert by["r"].conflicts_with == (by["above"].id,)
    assert by["above"].conflicts_with == tuple(sorted((by["r"].id, by["in"].id)))
    assert by["far"].conflicts_with == ()


def test_a_close_value_above_a_stored_range_conflicts_with_it_when_matched_later(store: Store) -> None:
    """Matching only what is new finds the stored range by its high end (``ClaimKey.high``), as a full match does."""
    quote = "Tesla cut its car prices by {} this spring."
    first = [_ranged("r", "A", 10.0, 12.0, quote.format("10% to 12%"))]
    later = [cand("above", "B", "percent", 13.0, "%", "Tesla", quote=quote.format("13%"))]
    for number, batch in enumerate((first, later)):
        article = Article(id=batch[0].article_id, sha256=f"{number:064x}", source=f"{number}.txt", text="...", title="T")
        add(store, [(article, batch)])
        match_new(store, load_schema())
    incremental = stored_claims(store)
    assert sum(claim[6] is Corroboration.CONFLICT for claim in incremental.values()) == 2
    assert incremental == full_rematch_of(store)


def test_two_values_one_article_gives_for_one_slot_never_conflict() -> None:
    """"fell from 17.0% to 14.6%" and "10.60% and 9.33% in 2012 and 2013" tell two things apart, in one sentence or
    two; the same change told as 14.6% by one report and 15% by another is a conflict between sources."""
    change = "The fixed income share of the fund fell from 17.0% to 14.6% last year."
    years = "The fund's net return was 10.60% and 9.33% in 2012 and 2013."
    by = claims_of([
        cand("from", "A", "percent", 17.0, "%", "the fund", quote=change),
        cand("to", "A", "percent", 14.6, "%", "the fund", quote=change),
        cand("y12", "A", "percent", 10.6, "%", "the fund", quote=years),
        cand("y13", "A", "percent", 9.33, "%", "the fund", quote=years),
        cand("other", "B", "percent", 14.0, "%", "the fund", quote="The fixed income share of the fund fell to 14% last year."),
    ])
    assert by["from"].conflicts_with == () and by["y12"].conflicts_with == () and by["y13"].conflicts_with == ()
    assert by["to"].conflicts_with == (by["other"].id,) and by["other"].conflicts_with == (by["to"].id,)


def test_a_round_figure_with_only_a_predicate_in_common_is_no_corroboration() -> None:
    """"fell 2%" told of two different things joins nothing without a subject, a role or alike words; a distinctive
    figure ("fell 2.37%") told with the same predicate still corroborates across articles."""
    by = claims_of([
        cand("a", "A", "percent", 2.0, "%", None, quote="On ten trading days shares fell 2% or more."),
        cand("b", "B", "percent", 2.0, "%", None, quote="The S&P 500 has fallen 2% since the peak in June."),
        cand("c", "A", "percent", 2.37, "%", None, quote="On Friday shares fell 2.37% by the close."),
        cand("d", "B", "percent", 2.37, "%", None, quote="The benchmark lost ground as it fell 2.37%."),
    ])
    assert by["a"] is not by["b"] and by["a"].corroboration is Corroboration.SINGLE_SOURCE
    assert by["c"] is by["d"] and by["c"].corroboration is Corroboration.CORROBORATED


@given(st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers(), st.text(max_size=12)))
def test_distinctive_takes_any_value(value: object) -> None:
    assert isinstance(distinctive(value), bool)


def _told(cid: str, article: str, kind: str, value: object, unit: str | None, figure: str, quote: str) -> Candidate:
    """A candidate whose span is ``figure`` where ``quote`` (the whole article) states it."""
    start = quote.index(figure)
    return replace(cand(cid, article, kind, value, unit, None, quote=quote), start=start, end=start + len(figure))


def test_two_outlets_wording_one_distinctive_fact_corroborate() -> None:
    """A distinctive value (``distinctive``) told in each outlet's own words joins when the words around it share a
    content word ("Japan", "flew"); the same value told of something else, sharing only the unit and "said", does not."""
    by = claims_of([
        _told("a", "A", "quantity", 53.0, "minutes", "53 minutes", "It flew for 53 minutes, Japan's defence minister said."),
        _told("b", "B", "quantity", 53.0, "minutes", "53 minutes",
              "Officials said the missile flew for 53 minutes and broke up before landing near Japan."),
        _told("c", "C", "quantity", 53.0, "minutes", "53 minutes", "The keynote ran 53 minutes, organisers said."),
        _told("d", "A", "date", "2013-05", None, "May 2013", "Jolie announced in May 2013 that she had undergone surgery."),
        _told("e", "B", "date", "2013-05", None, "May 2013", "The star went public in May 2013, when she announced her surgery."),
        _told("f", "C", "date", "2013-05", None, "May 2013", "The bridge opened in May 2013 after years of delay."),
    ])
    assert by["a"] is by["b"] and by["a"].corroboration is Corroboration.CORROBORATED
    assert by["c"] is not by["a"] and by["c"].corroboration is Corroboration.SINGLE_SOURCE
    assert by["d"] is by["e"] and by["f"] is not by["d"]


@given(st.text(max_size=200), st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=20))
def test_words_around_take_any_quote(quote: str, start: int, length: int) -> None:
    c = replace(cand("x", "A", "quantity", 53.0, "minutes", None, quote=quote), start=start, end=start + length)
    assert set(words_around(c).split()) <= set(context_words(c).split())
