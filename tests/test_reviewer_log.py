"""Reject reasons, a candidate's full history and ``curator backup``: the decision log as a reviewer reads it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.decisions import record_decisions
from curator.errors import CuratorError
from curator.models import Action
from curator.schema import load_schema, parse_schema
from curator.store import open_store


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def first_ids(db: Path, count: int) -> list[str]:
    with open_store(db) as store:
        return [c.id for c in store.candidates()][:count]


def test_the_schema_lists_the_reject_reasons() -> None:
    schema = load_schema()
    assert schema.reject_reasons == ("wrong value", "wrong unit", "not a fact", "wrong subject", "duplicate", "other")
    assert schema.reject_reason("  Wrong   Value ") == "wrong value"
    with pytest.raises(CuratorError, match="unknown reject reason 'typo'; facts.yaml lists wrong value, wrong unit"):
        schema.reject_reason("typo")


def test_a_bad_reject_reasons_list_names_the_key(tmp_path: Path) -> None:
    raw = dict(load_schema().raw, reject_reasons=["fine", ""])
    with pytest.raises(CuratorError, match=r"reject_reasons must be a list of non-empty strings\.$"):
        parse_schema(tmp_path / "facts.yaml", raw)


def test_decide_reject_with_a_reason_is_kept_in_the_log(seeded_db: Path) -> None:
    first, second = first_ids(seeded_db, 2)
    result = run(seeded_db, "decide", "reject", first, second, "--reason", "not a fact", "--note", "a headline", "--reviewer", "ana")
    assert result.exit_code == 0, result.output
    with open_store(seeded_db) as store:
        [one] = store.history(first)
    assert (one.action, one.reason, one.note, one.reviewer) == (Action.REJECT, "not a fact", "a headline", "ana")


def test_a_reason_must_be_listed_and_goes_with_reject_only(seeded_db: Path) -> None:
    [first] = first_ids(seeded_db, 1)
    bad = run(seeded_db, "decide", "reject", first, "--reason", "boring")
    assert bad.exit_code == 1 and "unknown reject reason 'boring'" in bad.stderr and "Traceback" not in bad.output
    wrong = run(seeded_db, "decide", "accept", first, "--reason", "other")
    assert wrong.exit_code == 1 and wrong.stderr.strip() == "curator: --reason only goes with reject, not accept."
    with open_store(seeded_db) as store:
        assert store.history(first) == []


def test_history_holds_every_decision_undo_and_adjudication(seeded_db: Path) -> None:
    [cid] = first_ids(seeded_db, 1)
    with open_store(seeded_db) as store:
        store.decide(cid, "ana", Action.ACCEPT, note="checked")
        store.decide(cid, "ben", Action.EDIT, fields={"value": "x"})
        store.undo("ben")
        record_decisions(store, "reject", [cid], "ben", reason="wrong unit", note="yen, not dollars")
        store.decide(cid, "cy", Action.REJECT, adjudicate=True)
        history = store.history(cid)
    assert [(d.reviewer, d.action.value, d.adjudicate) for d in history] == [
        ("ana", "accept", False), ("ben", "edit", False), ("ben", "undo", False), ("ben", "reject", False), ("cy", "reject", True),
    ]
    assert history[2].undoes == history[1].id and history[1].fields == {"value": "x"}
    assert (history[3].reason, history[3].note) == ("wrong unit", "yen, not dollars")
    assert [d.decided_at for d in history] == sorted(d.decided_at for d in history)


def test_backup_copies_decisions_still_in_the_wal(seeded_db: Path, tmp_path: Path) -> None:
    ids = first_ids(seeded_db, 5)
    live = open_store(seeded_db)  # stays open, as a review screen would: its decisions sit in the WAL
    try:
        for cid in ids:
            live.decide(cid, "ana", Action.ACCEPT)
        assert Path(f"{seeded_db}-wal").stat().st_size > 0
        result = run(seeded_db, "backup", "copy.db")
        assert result.exit_code == 0, result.output
        assert result.stderr.strip() == f"Backed up {seeded_db} to copy.db."
    finally:
        live.close()
    copy = tmp_path / "copy.db"
    assert not Path(f"{copy}-wal").exists()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT count(*) FROM decisions").fetchone()[0] == 5
    with open_store(copy) as store:
        assert store.decided_by("ana") == 5


def test_backup_refuses_to_overwrite_without_force(seeded_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "old.db"
    target.write_bytes(b"keep me")
    refused = run(seeded_db, "backup", str(target))
    assert refused.exit_code == 1 and refused.stderr.strip() == f"curator: {target} exists; use --force to overwrite it."
    assert target.read_bytes() == b"keep me"
    assert run(seeded_db, "backup", str(target), "--force").exit_code == 0
    with open_store(target) as store:
        assert store.candidates()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("test.db", "is the database itself; choose another file to back up to."),
        ("test.db-wal", "is the database itself; choose another file to back up to."),
        (".", "is a folder; give a file name to back up to."),
        ("nowhere/copy.db", "the folder nowhere does not exist."),
    ],
)
def test_backup_refusals_are_one_sentence(seeded_db: Path, target: str, message: str) -> None:
    result = run(seeded_db, "backup", target)
    assert result.exit_code == 1 and result.stderr.strip().endswith(message) and result.stderr.count("\n") == 1


def test_backup_of_a_missing_database_is_refused(tmp_path: Path) -> None:
    result = run(tmp_path / "none.db", "backup", "copy.db")
    assert result.exit_code == 1 and "there is no database at" in result.stderr
    assert not (tmp_path / "copy.db").exists() and not (tmp_path / "none.db").exists()
