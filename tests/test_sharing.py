"""Several reviewers on one database: decide/undo from the CLI, disputes, adjudication, agreement, resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.decisions import lease_seconds
from curator.errors import CuratorError
from curator.pipeline import extract, ingest
from curator.report import cohen_kappa
from curator.store import open_store


@pytest.fixture
def seeded_db(db_path: Path, seeds: Path) -> Path:
    with open_store(db_path) as store:
        ingest(store, [seeds])
        extract(store)
    return db_path


def ids(db: Path, n: int) -> list[str]:
    with open_store(db) as store:
        return [c.id for c in store.candidates()][:n]


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def status(db: Path) -> dict:
    result = run(db, "status", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_decide_reports_unknown_ids_and_decides_the_rest(seeded_db: Path) -> None:
    first, second = ids(seeded_db, 2)
    result = run(seeded_db, "decide", "accept", first, "nope", second, "--reviewer", "alice")
    assert result.exit_code == 1
    assert "curator: no candidate with id nope." in result.stderr
    assert "Recorded 2 decision(s) as alice." in result.stdout
    assert status(seeded_db)["by_status"]["accepted"] == 2


def test_edit_is_validated_against_the_kind(seeded_db: Path) -> None:
    with open_store(seeded_db) as store:
        money = next(c for c in store.candidates() if c.kind == "money")
    bad = run(seeded_db, "decide", "edit", money.id, "--value", "lots", "--reviewer", "alice")
    assert bad.exit_code == 1 and "value: 'lots' is not a number" in bad.stderr
    good = run(seeded_db, "decide", "edit", money.id, "--value", "6.5 billion", "--note", "checked", "--reviewer", "alice")
    assert good.exit_code == 0
    with open_store(seeded_db) as store:
        state = store.state(money.id)
    assert state.status.value == "edited" and state.fields == {"value": 6.5e9} and state.note == "checked"
    assert run(seeded_db, "decide", "accept", money.id, "--value", "1").exit_code == 1


def test_undo_across_sessions_takes_back_only_that_reviewers_last(seeded_db: Path) -> None:
    a, b = ids(seeded_db, 2)
    assert run(seeded_db, "decide", "accept", a, "--reviewer", "alice").exit_code == 0
    assert run(seeded_db, "decide", "reject", b, "--reviewer", "alice").exit_code == 0
    assert run(seeded_db, "decide", "skip", a, "--reviewer", "bob").exit_code == 0
    undone = run(seeded_db, "undo", "--reviewer", "alice")
    assert undone.exit_code == 0 and f"Undid alice's reject of {b}" in undone.stdout
    counts = status(seeded_db)["by_status"]
    assert (counts["rejected"], counts["skipped"]) == (0, 1)
    with open_store(seeded_db) as store:
        assert [d.action.value for d in store.decisions()] == ["accept", "reject", "skip", "undo"]
    nothing = run(seeded_db, "undo", "--reviewer", "carol")
    assert nothing.exit_code == 1 and "carol has no decision to undo" in nothing.stderr


def test_disagreement_is_disputed_until_adjudicated(seeded_db: Path) -> None:
    a, b, c = ids(seeded_db, 3)
    for candidate in (a, b, c):
        run(seeded_db, "decide", "accept", candidate, "--reviewer", "alice")
    run(seeded_db, "decide", "accept", a, b, "--reviewer", "bob")
    run(seeded_db, "decide", "reject", c, "--reviewer", "bob")
    report = status(seeded_db)
    assert report["disputed"] == 1
    [pair] = report["agreement"]
    assert pair["reviewers"] == ["alice", "bob"] and pair["both_decided"] == 3 and pair["agreed"] == 2
    assert run(seeded_db, "decide", "reject", c, "--reviewer", "carol", "--adjudicate").exit_code == 0
    report = status(seeded_db)
    assert report["disputed"] == 0
    with open_store(seeded_db) as store:
        state = store.state(c)
    assert state.status.value == "rejected" and state.reviewer == "carol"
    text = run(seeded_db, "status").stdout
    assert "agreement alice / bob" in text


def test_cohen_kappa() -> None:
    assert cohen_kappa([("accept", "accept"), ("reject", "reject")]) == 1.0
    assert cohen_kappa([("accept", "reject"), ("reject", "accept")]) == -1.0
    assert cohen_kappa([("accept", "accept")]) is None
    assert cohen_kappa([]) is None
    pairs = [("a", "a")] * 20 + [("a", "r")] * 5 + [("r", "a")] * 10 + [("r", "r")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_position_and_filters_live_in_the_database(seeded_db: Path) -> None:
    a = ids(seeded_db, 1)[0]
    with open_store(seeded_db) as store:
        store.save_position("alice", "art", a, {"kind": ["money"]})
    with open_store(seeded_db) as store:
        position = store.position("alice")
    assert (position.candidate_id, position.filters) == (a, {"kind": ["money"]})


def test_lease_seconds_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert lease_seconds() == 300.0
    monkeypatch.setenv("CURATOR_LEASE_SECONDS", "42")
    assert lease_seconds() == 42.0
    monkeypatch.setenv("CURATOR_LEASE_SECONDS", "soon")
    with pytest.raises(CuratorError, match="CURATOR_LEASE_SECONDS='soon' is not a positive number"):
        lease_seconds()
