"""Storage: migrations, refusal of newer or foreign files, WAL, the append-only log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from curator.errors import CuratorError
from curator.ingest import make_article
from curator.models import Action, Candidate, Status
from curator.store import SCHEMA_VERSION, derive_state, open_store


def article(text: str = "SoftBank invested $6.7 billion."):
    a = make_article(text, source="a.txt")
    assert a is not None
    return a


def candidate(article_id: str, start: int = 0, end: int = 8, kind: str = "entity", cid: str = "c1") -> Candidate:
    return Candidate(
        id=cid, article_id=article_id, kind=kind, text="SoftBank", start=start, end=end,
        quote="SoftBank invested $6.7 billion.", quote_start=0, subject="SoftBank",
        statement="SoftBank is named", value="SoftBank", unit="organisation",
    )


def test_new_database_is_wal_at_current_version(db_path: Path) -> None:
    with open_store(db_path):
        pass
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "candidates", "claims", "decisions", "reviewers", "leases"} <= tables


def test_reopening_does_not_migrate_again(db_path: Path) -> None:
    with open_store(db_path) as s:
        s.add_articles([article()])
    with open_store(db_path) as s:
        assert s.count_articles() == 1


def test_newer_version_is_refused_and_left_byte_for_byte(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(CuratorError, match="newer curator"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_not_sqlite_is_refused_untouched(db_path: Path) -> None:
    db_path.write_bytes(b"this is a text file, not a database" * 100)
    before = db_path.read_bytes()
    with pytest.raises(CuratorError, match="not an SQLite file"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE customers (name)")
    conn.commit()
    conn.close()
    with pytest.raises(CuratorError, match="not a curator one"):
        open_store(db_path)


def test_missing_database_without_create(db_path: Path) -> None:
    with pytest.raises(CuratorError, match="no database"):
        open_store(db_path, create=False)
    assert not db_path.exists()


def test_readonly_database_refuses_writes_with_a_sentence(db_path: Path) -> None:
    with open_store(db_path):
        pass
    with open_store(db_path, readonly=True) as s:
        with pytest.raises(CuratorError, match="read-only"):
            s.add_articles([article()])
        assert s.count_articles() == 0


def test_add_articles_is_idempotent(store) -> None:
    a = article()
    assert store.add_articles([a]) == [a.id]
    assert store.add_articles([a]) == []
    assert store.article(a.id) == a


def test_decision_log_is_append_only(store, db_path: Path) -> None:
    a = article()
    store.add_articles([a])
    store.save_extraction(a.id, [candidate(a.id)])
    store.decide("c1", "alice", Action.ACCEPT)
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE decisions SET action = 'reject'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM decisions")


def test_decide_undo_and_idempotency_key(store) -> None:
    a = article()
    store.add_articles([a])
    store.save_extraction(a.id, [candidate(a.id)])
    assert store.decide("c1", "alice", Action.ACCEPT, uid="k1").status is Status.ACCEPTED
    store.decide("c1", "alice", Action.ACCEPT, uid="k1")
    assert len(store.decisions()) == 1
    assert store.decide("c1", "alice", Action.REJECT).status is Status.REJECTED
    undone = store.undo("alice")
    assert undone is not None and undone.action is Action.REJECT
    assert store.state("c1").status is Status.ACCEPTED
    store.undo("alice")
    assert store.state("c1").status is Status.PENDING
    assert store.undo("alice") is None
    assert [d.action for d in store.decisions()] == [Action.ACCEPT, Action.REJECT, Action.UNDO, Action.UNDO]


def test_unknown_candidate_writes_nothing(store) -> None:
    with pytest.raises(KeyError):
        store.decide("nope", "alice", Action.ACCEPT)
    assert store.decisions() == []


def test_derive_state_disputes_and_adjudication(store) -> None:
    a = article()
    store.add_articles([a])
    store.save_extraction(a.id, [candidate(a.id)])
    store.decide("c1", "alice", Action.ACCEPT)
    state = store.decide("c1", "bob", Action.REJECT)
    assert state.disputed and state.status is Status.REJECTED
    state = store.decide("c1", "carol", Action.ACCEPT, adjudicate=True)
    assert not state.disputed and state.status is Status.ACCEPTED
    assert derive_state("x", []).status is Status.PENDING


def test_skip_is_not_an_opinion(store) -> None:
    a = article()
    store.add_articles([a])
    store.save_extraction(a.id, [candidate(a.id)])
    store.decide("c1", "alice", Action.ACCEPT)
    assert not store.decide("c1", "bob", Action.SKIP).disputed


def test_position_round_trip(store) -> None:
    assert store.position("alice") is None
    store.save_position("alice", "a1", "c1", {"kind": ["money"]})
    store.save_position("alice", "a2", None, {})
    pos = store.position("alice")
    assert (pos.article_id, pos.candidate_id, pos.filters) == ("a2", None, {})


def test_leases_exclude_others_until_expiry(store) -> None:
    assert store.claim_lease("c1", "alice", ttl_s=60, now=1000)
    assert not store.claim_lease("c1", "bob", ttl_s=60, now=1030)
    assert store.leased_by_others("bob", ["c1", "c2"], now=1030) == {"c1": "alice"}
    assert store.leased_by_others("alice", ["c1"], now=1030) == {}
    assert store.claim_lease("c1", "alice", ttl_s=60, now=1050)
    assert store.claim_lease("c1", "bob", ttl_s=60, now=1200)
    assert store.release_leases("bob") == 1
    assert store.leased_by_others("alice", ["c1"], now=1200) == {}


def test_a_cursor_move_leases_the_candidate_drops_the_others_and_saves_the_place(store) -> None:
    assert store.move("alice", "a1", "c1", {"kind": ["money"]}, ttl_s=60, now=1000) is None
    assert store.move("alice", "a1", "c2", {}, ttl_s=60, now=1001) is None
    assert store.leased_by_others("bob", ["c1", "c2"], now=1002) == {"c2": "alice"}
    assert store.move("bob", "a1", "c2", {}, ttl_s=60, now=1002) == "alice"
    assert store.leased_by_others("alice", ["c1", "c2"], now=1002) == {}
    assert store.move("alice", None, None, {}, ttl_s=60, now=1003) is None
    assert store.leased_by_others("bob", ["c1", "c2"], now=1003) == {}
    pos = store.position("bob")
    assert (pos.article_id, pos.candidate_id) == ("a1", "c2")
