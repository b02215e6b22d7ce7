"""Several reviewers on one database: decide/undo from the CLI, disputes, adjudication, agreement, resume."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from sharing_checks import candidate_ids, curator_process

from curator.cli import cli
from curator.decisions import lease_seconds
from curator.display import format_value
from curator.errors import CuratorError
from curator.models import Action, Status
from curator.report import agreement, cohen_kappa
from curator.store import open_store


def ids(db: Path, n: int) -> list[str]:
    return candidate_ids(db)[:n]


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


def test_an_id_given_twice_is_decided_once(seeded_db: Path) -> None:
    [first] = ids(seeded_db, 1)
    result = run(seeded_db, "decide", "accept", first, first, "--reviewer", "alice")
    assert result.exit_code == 0 and "Recorded 1 decision(s) as alice." in result.stdout
    assert status(seeded_db)["decisions"] == 1


def test_edit_is_validated_against_the_kind(seeded_db: Path) -> None:
    with open_store(seeded_db) as store:
        money = next(c for c in store.candidates() if c.kind == "money")
    bad = run(seeded_db, "decide", "edit", money.id, "--value", "lots", "--reviewer", "alice")
    assert bad.exit_code == 1 and "value: 'lots' is not a number" in bad.stderr
    good = run(seeded_db, "decide", "edit", money.id, "--value", "6.5 billion", "--note", "checked", "--reviewer", "alice")
    assert good.exit_code == 0
    with open_store(seeded_db) as store:
        state = store.state(money.id)
    assert state.status.value == "edited" and state.fields["value"] == 6.5e9 and state.note == "checked"
    assert state.fields["statement"] == money.statement.replace(format_value("money", money.value, money.unit, money.qualifier), "$6.5 billion")
    assert run(seeded_db, "decide", "accept", money.id, "--value", "1").exit_code == 1


def test_undo_across_sessions_takes_back_only_that_reviewers_last(seeded_db: Path) -> None:
    a, b = ids(seeded_db, 2)
    assert run(seeded_db, "decide", "accept", a, "--reviewer", "alice").exit_code == 0
    assert run(seeded_db, "decide", "reject", b, "--reviewer", "alice").exit_code == 0
    assert run(seeded_db, "decide", "skip", a, "--reviewer", "bob").exit_code == 0
    undone = run(seeded_db, "undo", "--reviewer", "alice")
    assert undone.exit_code == 0 and f"Undid alice's reject of {b}" in undone.stdout
    counts = status(seeded_db)["by_status"]
    assert (counts["accepted"], counts["rejected"], counts["skipped"]) == (1, 0, 0), "bob's skip does not hide alice's accept"
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
    for bad in ("soon", "0", "-5", "inf", "nan"):
        monkeypatch.setenv("CURATOR_LEASE_SECONDS", bad)
        with pytest.raises(CuratorError, match=f"CURATOR_LEASE_SECONDS='{bad}' is not a positive number of seconds."):
            lease_seconds()


def test_undo_in_another_process_takes_back_a_decision_made_in_an_earlier_one(seeded_db: Path) -> None:
    a, b = ids(seeded_db, 2)
    for args in (["decide", "reject", a, b, "--reviewer", "alice"], ["undo", "--reviewer", "alice"]):
        proc = curator_process(seeded_db, *args)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    assert f"Undid alice's reject of {b}" in out
    with open_store(seeded_db) as store:
        assert (store.state(a).status, store.state(b).status) == (Status.REJECTED, Status.PENDING)
        assert [d.action for d in store.decisions()] == [Action.REJECT, Action.REJECT, Action.UNDO]


def test_a_skip_does_not_hide_a_colleagues_view(seeded_db: Path) -> None:
    a = ids(seeded_db, 1)[0]
    with open_store(seeded_db) as store:
        store.decide(a, "alice", Action.ACCEPT)
        state = store.decide(a, "bob", Action.SKIP)
        assert (state.status, state.reviewer, state.disputed) == (Status.ACCEPTED, "alice", False)
        store.undo("alice")
        assert store.state(a).status is Status.SKIPPED, "with no view left, the skip shows"
        store.decide(a, "alice", Action.SKIP)
        assert store.state(a).status is Status.SKIPPED


def test_an_adjudication_settles_until_taken_back(seeded_db: Path) -> None:
    a = ids(seeded_db, 1)[0]
    with open_store(seeded_db) as store:
        store.decide(a, "alice", Action.ACCEPT)
        assert store.decide(a, "bob", Action.REJECT).disputed
        settled = store.decide(a, "carol", Action.REJECT, adjudicate=True)
        assert (settled.status, settled.disputed, settled.reviewer) == (Status.REJECTED, False, "carol")
        changed = store.decide(a, "alice", Action.EDIT, fields={"statement": "x"})
        assert (changed.status, changed.disputed) == (Status.REJECTED, False), "a later view does not unsettle it"
        store.undo("carol")
        reopened = store.state(a)
        assert (reopened.status, reopened.disputed) == (Status.EDITED, True)
        store.decide(a, "bob", Action.ACCEPT, adjudicate=True)
        later = store.decide(a, "bob", Action.REJECT)
        assert (later.status, later.disputed) == (Status.ACCEPTED, False), "the adjudicator's own later, plain decision does not reopen it"
        store.undo("bob")
        store.undo("bob")
        assert store.state(a).disputed, "undoing the adjudication reopens it"


def test_agreement_leaves_out_adjudications_and_skips(seeded_db: Path) -> None:
    a, b, c = ids(seeded_db, 3)
    with open_store(seeded_db) as store:
        for cid, alice, bob in ((a, Action.ACCEPT, Action.ACCEPT), (b, Action.ACCEPT, Action.REJECT), (c, Action.REJECT, Action.SKIP)):
            store.decide(cid, "alice", alice)
            store.decide(cid, "bob", bob)
        store.decide(b, "carol", Action.ACCEPT, adjudicate=True)
        store.decide(c, "carol", Action.REJECT)
        pairs = agreement(store.live_opinions())
    assert pairs == [
        {"reviewers": ["alice", "bob"], "both_decided": 2, "agreed": 1, "kappa": 0.0},
        {"reviewers": ["alice", "carol"], "both_decided": 1, "agreed": 1, "kappa": None},
    ]


def test_agreement_counts_disagreements_that_were_later_adjudicated(seeded_db: Path) -> None:
    a, b, c, d, e = ids(seeded_db, 5)
    with open_store(seeded_db) as store:
        views = ((a, Action.ACCEPT, Action.ACCEPT), (b, Action.ACCEPT, Action.REJECT), (c, Action.REJECT, Action.ACCEPT),
                 (d, Action.REJECT, Action.REJECT), (e, Action.ACCEPT, Action.ACCEPT))
        for cid, alice, bob in views:
            store.decide(cid, "alice", alice)
            store.decide(cid, "bob", bob)
        store.decide(b, "bob", Action.ACCEPT, adjudicate=True)  # one of the two settles it
        store.decide(c, "carol", Action.REJECT, adjudicate=True)
        store.decide(c, "bob", Action.REJECT)  # bob concedes after the adjudication
        pairs = agreement(store.live_opinions())
    # By hand (Cohen 1960): 5 candidates, alike on a, d, e: p_o = 3/5. Alice accepts 3 of 5, bob (before
    # adjudication) accepts a, c, e: 3 of 5; both reject 2 of 5. p_e = (3/5)(3/5) + (2/5)(2/5) = 13/25.
    # kappa = (3/5 - 13/25) / (1 - 13/25) = (2/25) / (12/25) = 1/6.
    assert pairs == [{"reviewers": ["alice", "bob"], "both_decided": 5, "agreed": 3, "kappa": round(1 / 6, 3)}]


def test_status_counts_and_points_at_disputes(seeded_db: Path) -> None:
    a = ids(seeded_db, 1)[0]
    run(seeded_db, "decide", "accept", a, "--reviewer", "alice")
    run(seeded_db, "decide", "reject", a, "--reviewer", "bob")
    text = run(seeded_db, "status").stdout
    assert "disputed 1 · adjudicated 0" in text
    assert "disputes: reviewers disagree on 1 candidate(s); list them with `curator export --status disputed`" in text
    assert "settle each with `curator decide ACTION ID --adjudicate`." in text
    assert run(seeded_db, "decide", "reject", a, "--reviewer", "carol", "--adjudicate").exit_code == 0
    report = status(seeded_db)
    assert (report["disputed"], report["adjudicated"]) == (0, 1)
    assert "disputes:" not in run(seeded_db, "status").stdout


def test_decide_refuses_unusable_input_with_a_sentence(seeded_db: Path) -> None:
    a = ids(seeded_db, 1)[0]
    skip = run(seeded_db, "decide", "skip", a, "--adjudicate")
    assert (skip.exit_code, skip.stderr) == (1, "curator: a skip cannot adjudicate: settle a dispute with accept, edit or reject.\n")
    note = run(seeded_db, "decide", "accept", a, "--note", "bad \udcff byte")
    assert (note.exit_code, note.stderr) == (1, "curator: the note 'bad \\udcff byte' is not valid UTF-8 text.\n")
    name = run(seeded_db, "undo", "--reviewer", "al\udcffice")
    assert name.exit_code == 1 and "reviewer name 'al\\udcffice' is not usable" in name.stderr
    unknown = run(seeded_db, "decide", "accept", "x\udcff", a, "--reviewer", "alice")
    assert unknown.exit_code == 1 and unknown.stderr == "curator: no candidate with id 'x\\udcff'.\n"
    assert "Recorded 1 decision(s) as alice." in unknown.stdout


def test_moving_a_lease_drops_the_last_one_in_the_same_write(seeded_db: Path) -> None:
    a, b = ids(seeded_db, 2)
    with open_store(seeded_db) as store:
        assert store.claim_lease(a, "alice", ttl_s=60)
        assert store.claim_lease(b, "alice", ttl_s=60, release_others=True)
        assert store.leased_by_others("bob", [a, b]) == {b: "alice"}
        assert store.decide(b, "bob", Action.ACCEPT).status is Status.ACCEPTED
        assert store.leased_by_others("carol", [a, b]) == {}, "deciding ends the lease"


def test_a_hand_edited_position_reads_as_no_filters(seeded_db: Path) -> None:
    with open_store(seeded_db) as store:
        store.save_position("alice", "art", "c1", {"kind": ["money"]})
    conn = sqlite3.connect(seeded_db)
    for broken in ("{not json", "[1, 2]"):
        with conn:
            conn.execute("UPDATE reviewers SET filters = ? WHERE name = 'alice'", (broken,))
        with open_store(seeded_db) as store:
            position = store.position("alice")
        assert position is not None and (position.candidate_id, position.filters) == ("c1", {})
    conn.close()
