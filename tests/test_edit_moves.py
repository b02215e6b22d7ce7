"""An edited candidate leaves its claim and joins the claim its new value states; undoing the edit brings it back."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.decisions import record_decisions, undo_decision
from curator.match import match_candidates, settle_moves
from curator.models import Action
from curator.pipeline import extract, ingest
from curator.schema import load_schema
from curator.store import Store, open_store

ARTICLES = {
    "ap.txt": "TOKYO (AP) — Rapidus will get $6.7 billion of government funding for the chip plant.\n",
    "cnn.txt": "(CNN) -- Rapidus is to receive $6.7 billion in government funding for a new chip plant.\n",
    "reuters.txt": "TOKYO (Reuters) - Rapidus will receive $6.7 billion in government funding for its chip plant, officials said.\n",
}
LATER = "NHK WORLD - Rapidus is to receive $6.6 billion in government funding for the chip plant, NHK reported.\n"


def claims(store: Store) -> dict[str, tuple[object, ...]]:
    """Every claim as stored: heading, value, standing, counts, members and conflicts."""
    found: dict[str, tuple[object, ...]] = {}
    for c in store.candidates():
        assert c.claim_id is not None, f"{c.id} is in no claim"
        claim = store.claim(c.claim_id)
        assert claim is not None
        found[claim.id] = (claim.statement, claim.value, claim.unit, claim.corroboration.value, claim.sources,
                           claim.article_count, claim.outlets, tuple(sorted(claim.candidate_ids)), claim.conflicts_with)
    return found


def full_rematch(store: Store) -> dict[str, tuple[object, ...]]:
    """The claims a full match of the candidates as edited makes, written."""
    store.replace_claims(match_candidates(store.candidates(told=True), load_schema(), store.article_ranks(), store.placements()))
    return claims(store)


@pytest.fixture
def news(tmp_path: Path, store: Store) -> dict[str, str]:
    """The three articles ingested and extracted; {file: its $6.7 billion candidate's id}."""
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    ingest(store, [folder])
    extract(store)
    sources = {a.id: a.source for a in store.articles()}
    return {Path(sources[c.article_id]).name: c.id for c in store.candidates(["money"])}


def money_claim(store: Store, candidate_id: str) -> tuple[object, ...]:
    candidate = store.candidate(candidate_id)
    assert candidate is not None and candidate.claim_id is not None
    return claims(store)[candidate.claim_id]


def export(db: Path, fmt: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "--format", fmt, "--status", "all", "-o", "-"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_three_articles_are_one_claim_from_three_sources(store: Store, news: dict[str, str]) -> None:
    statement, value, _, standing, sources, articles, outlets, members, _ = money_claim(store, news["cnn.txt"])
    assert (statement, value, standing, sources, articles) == ("$6.7 billion", 6.7e9, "corroborated", 3, 3)
    assert outlets == ("Associated Press", "CNN", "Reuters") and members == tuple(sorted(news.values()))


@pytest.mark.parametrize("edited", ["cnn.txt", "ap.txt"])  # a member, and the claim's leader
def test_an_edit_moves_one_line_out_and_undo_brings_it_back(store: Store, news: dict[str, str], edited: str) -> None:
    before = claims(store)
    outcome = record_decisions(store, "edit", [news[edited]], "ben", {"value": "6.6 billion", "unit": "USD"})
    assert outcome.problems == []
    others = tuple(sorted(cid for name, cid in news.items() if name != edited))
    outlet = {"ap.txt": "Associated Press", "cnn.txt": "CNN"}[edited]
    rest = tuple(o for o in ("Associated Press", "CNN", "Reuters") if o != outlet)
    assert money_claim(store, others[0]) == ("$6.7 billion", 6.7e9, "USD", "corroborated", 2, 2, rest, others, ())
    assert money_claim(store, news[edited]) == ("$6.6 billion", 6.6e9, "USD", "single-source", 1, 1, (outlet,), (news[edited],), ())
    assert store.pending_moves() == {}
    after = claims(store)
    assert full_rematch(store) == after  # incremental filing is the full match of the candidates as edited
    assert undo_decision(store, "ben") is not None
    assert claims(store) == before


def test_every_view_shows_the_moved_line_under_what_it_says(db_path: Path, store: Store, news: dict[str, str]) -> None:
    record_decisions(store, "edit", [news["cnn.txt"]], "ben", {"value": "6.6 billion"})
    store.close()
    facts = json.loads(export(db_path, "json"))["facts"]
    money = {f["value"]: f for f in facts if f["kind"] == "money"}
    assert sorted(money) == [6.6e9, 6.7e9]
    assert (money[6.7e9]["sources"], money[6.7e9]["article_count"], money[6.7e9]["statement"]) == (2, 2, "$6.7 billion")
    assert news["cnn.txt"] not in {e["candidate_id"] for e in money[6.7e9]["evidence"]}
    assert [e["candidate_id"] for e in money[6.6e9]["evidence"]] == [news["cnn.txt"]]
    assert (money[6.6e9]["sources"], money[6.6e9]["statement"], money[6.6e9]["conflicts_with"]) == (1, "$6.6 billion", [])
    rows = [r for r in csv.DictReader(io.StringIO(export(db_path, "csv").lstrip("\ufeff"))) if r["kind"] == "money"]
    assert {(r["candidate_id"], r["fact_value"], r["sources"]) for r in rows} == {
        (news["ap.txt"], "6700000000.0", "2"), (news["reuters.txt"], "6700000000.0", "2"), (news["cnn.txt"], "6600000000.0", "1"),
    }
    md = export(db_path, "md")
    assert "**6.7 billion USD** · ✔✔ corroborated · told by Associated Press and Reuters (2 independent sources, 2 articles)" in md
    assert "**6.6 billion USD** · ✔ single source · told by CNN (1 independent source, 1 article)" in md
    result = CliRunner().invoke(cli, ["--db", str(db_path), "status", "--json"])
    assert json.loads(result.stdout)["claims"] == 2
    with open_store(db_path) as again:
        view = again.claim_view(again.candidate(news["ap.txt"]).claim_id)
        assert view is not None and view.total == 2 and view.claim.sources == 2
        assert news["cnn.txt"] not in {m.candidate_id for m in view.members}


def test_two_edits_to_one_value_corroborate_it_and_later_news_joins_them(tmp_path: Path, store: Store, news: dict[str, str]) -> None:
    record_decisions(store, "edit", [news["cnn.txt"], news["reuters.txt"]], "ben", {"value": "6.6 billion"})
    moved = money_claim(store, news["cnn.txt"])
    assert moved[:6] == ("$6.6 billion", 6.6e9, "USD", "corroborated", 2, 2)
    assert money_claim(store, news["ap.txt"])[3:6] == ("single-source", 1, 1)
    later = tmp_path / "later"
    later.mkdir()
    (later / "nhk.txt").write_text(LATER, encoding="utf-8")
    ingest(store, [later])
    extract(store)  # matches the new article incrementally, against claims filed by edits
    incremental = claims(store)
    nhk = next(c.id for c in store.candidates(["money"]) if c.id not in news.values())
    assert money_claim(store, nhk)[4:6] == (3, 3)
    extract(store, rematch_all=True)
    assert claims(store) == incremental


def test_an_edit_recorded_by_a_process_killed_before_filing_is_filed_by_the_next_extract(
        db_path: Path, store: Store, news: dict[str, str]) -> None:
    store.decide(news["cnn.txt"], "ben", Action.EDIT, fields={"value": 6.6e9, "statement": "$6.6 billion"})
    assert set(store.pending_moves()) == {news["cnn.txt"]}  # recorded with the decision, in its transaction
    assert CliRunner().invoke(cli, ["--db", str(db_path), "extract"]).exit_code == 0
    assert store.pending_moves() == {}
    assert money_claim(store, news["ap.txt"])[4] == 2 and money_claim(store, news["cnn.txt"])[1] == 6.6e9


def test_a_database_from_before_match_pending_files_its_edits_when_upgraded(db_path: Path, store: Store, news: dict[str, str]) -> None:
    store.decide(news["cnn.txt"], "ben", Action.EDIT, fields={"value": 6.6e9, "statement": "$6.6 billion"})
    store.close()
    raw = sqlite3.connect(db_path)  # as schema 11 left it: the edit recorded, the claims matched on extracted values
    raw.execute("DROP TABLE match_pending")
    raw.execute("DROP INDEX claims_slot_high")  # schema 14's range ends, which schema 11 had not
    raw.execute("ALTER TABLE claims DROP COLUMN high")
    raw.execute("PRAGMA user_version = 11")
    raw.commit()
    raw.close()
    with open_store(db_path) as upgraded:
        assert set(upgraded.pending_moves()) == {news["cnn.txt"]}
        assert money_claim(upgraded, news["ap.txt"])[4] == 3  # not filed yet: the claim is as schema 11 stored it
    assert CliRunner().invoke(cli, ["--db", str(db_path), "extract"]).exit_code == 0
    with open_store(db_path) as upgraded:
        assert money_claim(upgraded, news["ap.txt"])[4] == 2
        assert claims(upgraded) == full_rematch(upgraded)


def test_an_edit_undone_before_it_was_filed_leaves_nothing_to_file(store: Store, news: dict[str, str]) -> None:
    store.decide(news["cnn.txt"], "ben", Action.EDIT, fields={"value": 6.6e9})
    store.decide(news["cnn.txt"], "ben", Action.EDIT, fields={"value": 6.5e9})
    assert set(store.pending_moves()) == {news["cnn.txt"]}
    store.undo("ben")
    store.undo("ben")
    assert store.pending_moves() == {}  # back to what its claim was matched with


def test_edits_of_every_kind_file_as_a_full_match_would_and_undoing_them_restores_the_claims(seeded_db: Path) -> None:
    with open_store(seeded_db) as store:
        before = claims(store)
        by_kind: dict[str, list] = {}
        for c in store.candidates():
            by_kind.setdefault(c.kind, []).append(c)
        for kind, found in by_kind.items():  # each kind: values or subjects that start claims of their own
            for c in found[:40:7]:
                if kind in ("money", "percent", "quantity"):
                    fields: dict[str, object] = {"value": float(c.value) * 1.1 + 1}
                elif kind == "date":
                    fields = {"value": "2031"}
                elif kind == "entity":
                    fields = {"value": f"{c.value} Holdings"}
                else:
                    fields = {"subject": f"{c.subject or ''} Holdings"}
                store.decide(c.id, "ben", Action.EDIT, fields=fields)
        entities = by_kind["entity"]
        for moved, into in zip(entities[50:60], entities[:10]):  # into claims that exist
            store.decide(moved.id, "ana", Action.EDIT, fields={"value": into.value})
        assert len(store.pending_moves()) > 20
        settle_moves(store)
        filed = claims(store)
        assert filed != before and filed == full_rematch(store)
        for reviewer in ("ben", "ana"):
            while undo_decision(store, reviewer) is not None:
                pass
        assert store.pending_moves() == {} and claims(store) == before
