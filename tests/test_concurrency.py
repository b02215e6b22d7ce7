"""Many processes and threads on one file: exact counts, atomic leases, no double work, waiting out the lock."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sharing_checks import ROOT, candidate_ids, curator_process, integrity, run_together, states_off_the_log

from curator.errors import CuratorError
from curator.models import Action, Status
from curator.store import open_store

pytestmark = pytest.mark.slow


def test_four_concurrent_decide_processes_record_every_decision(seeded_db: Path) -> None:
    ids = candidate_ids(seeded_db)
    assert len(ids) >= 100
    actions = ["accept", "reject", "accept", "skip"]
    procs = [curator_process(seeded_db, "decide", action, *ids, "--reviewer", f"r{n}") for n, action in enumerate(actions)]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert err == ""
        assert f"Recorded {len(ids)} decision(s)" in out
    with open_store(seeded_db) as store:
        decisions = store.decisions()
        summary = store.summary()
    assert len(decisions) == 4 * len(ids)
    assert len({(d.candidate_id, d.reviewer) for d in decisions}) == 4 * len(ids)
    assert summary["disputed"] == len(ids), "accept against reject everywhere; the skip is no view"
    assert summary["by_status"]["pending"] == 0 and summary["by_status"]["skipped"] == 0
    assert states_off_the_log(seeded_db) == []


def _threaded_writer(start: Callable[[], None], db: str, process: int, ids: list[str]) -> int:
    """Two threads sharing one Store (as the review screen's workers do), each deciding every id as its own reviewer."""
    errors: list[BaseException] = []
    with open_store(db) as store:
        start()

        def decide_all(reviewer: str) -> None:
            try:
                for n, cid in enumerate(ids):
                    store.claim_lease(cid, reviewer, ttl_s=60, release_others=True)
                    store.decide(cid, reviewer, Action.REJECT if n % 3 else Action.ACCEPT)
                    if n % 10 == 0:
                        store.save_position(reviewer, None, cid, {"status": ["pending"]})
            except BaseException as error:  # noqa: BLE001 - handed to the parent below
                errors.append(error)

        threads = [threading.Thread(target=decide_all, args=(f"p{process}t{t}",)) for t in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    if errors:
        raise errors[0]
    return len(ids) * len(threads)


def test_processes_and_threads_writing_at_once_lose_nothing(seeded_db: Path) -> None:
    ids = candidate_ids(seeded_db)[:60]
    done = run_together(_threaded_writer, [(str(seeded_db), p, ids) for p in range(3)])
    assert sum(done) == 6 * len(ids)
    with open_store(seeded_db) as store:
        decisions = store.decisions()
        positions = [store.position(f"p{p}t{t}") for p in range(3) for t in range(2)]
    assert len(decisions) == 6 * len(ids)
    assert len({(d.candidate_id, d.reviewer) for d in decisions}) == 6 * len(ids)
    assert all(p is not None and p.filters == {"status": ["pending"]} for p in positions)
    assert states_off_the_log(seeded_db) == []


def _lease_worker(start: Callable[[], None], db: str, reviewer: str, ids: list[str], seed: int) -> list[str]:
    with open_store(db) as store:
        start()
        order = ids[:]
        random.Random(seed).shuffle(order)
        return [cid for cid in order if store.claim_lease(cid, reviewer, ttl_s=300)]


def test_leases_are_won_by_exactly_one_reviewer(seeded_db: Path) -> None:
    ids = candidate_ids(seeded_db)
    won = run_together(_lease_worker, [(str(seeded_db), f"r{n}", ids, n) for n in range(4)])
    claimed = [cid for batch in won for cid in batch]
    assert sorted(claimed) == sorted(ids)
    with open_store(seeded_db) as store:
        holders = store.leased_by_others("nobody", ids)
    assert all(cid in won[int(holder[1:])] for cid, holder in holders.items())


QUEUE_PACE_S = 0.002
"""A pause after each decision: a decision takes well under a millisecond, so without it one process could work
the whole queue (221 seed candidates in about 70 ms) before the other has woken from the barrier, and the race
this test is about would not happen."""


def _queue_worker(start: Callable[[], None], db: str, reviewer: str, ids: list[str]) -> list[str]:
    """A reviewer working down the shared queue: skip what is decided or leased, lease, check again, decide."""
    mine = []
    with open_store(db) as store:
        start()
        for cid in ids:
            state = store.state(cid)
            if state is None or state.status is not Status.PENDING or store.leased_by_others(reviewer, [cid]):
                continue
            if not store.claim_lease(cid, reviewer, ttl_s=60, release_others=True):
                continue
            # Someone may have decided it between the look and the lease (deciding drops the lease).
            state = store.state(cid)
            if state is None or state.status is not Status.PENDING:
                continue
            store.decide(cid, reviewer, Action.ACCEPT)
            mine.append(cid)
            time.sleep(QUEUE_PACE_S)
        store.release_leases(reviewer)
    return mine


def test_two_reviewers_on_one_queue_never_decide_the_same_candidate(seeded_db: Path) -> None:
    ids = candidate_ids(seeded_db)
    alice, bob = run_together(_queue_worker, [(str(seeded_db), name, ids) for name in ("alice", "bob")])
    assert alice and bob, "both worked the queue at the same time"
    assert not set(alice) & set(bob)
    assert sorted(alice + bob) == sorted(ids)
    with open_store(seeded_db) as store:
        assert store.summary()["disputed"] == 0
        assert store.leased_by_others("nobody", ids) == {}


HOLD_LEASE = """
import sys, time
from curator.store import open_store
store = open_store(sys.argv[1])
store.claim_lease(sys.argv[2], "crashed", ttl_s=float(sys.argv[3]))
print("held", flush=True)
time.sleep(60)
"""


def test_a_killed_reviewers_lease_expires(seeded_db: Path) -> None:
    cid = candidate_ids(seeded_db)[0]
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LEASE, str(seeded_db), cid, "0.8"], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    taken = time.time()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    with open_store(seeded_db) as store:
        assert store.leased_by_others("bob", [cid]) == {cid: "crashed"}
        assert not store.claim_lease(cid, "bob", ttl_s=60)
        time.sleep(max(0.0, taken + 0.9 - time.time()))
        assert store.leased_by_others("bob", [cid]) == {}
        assert store.claim_lease(cid, "bob", ttl_s=60)


def test_writing_while_a_stream_is_open_is_not_locked_out(seeded_db: Path) -> None:
    """An open cursor on the writing connection would pin an old snapshot: BEGIN IMMEDIATE then fails at once."""
    other = sqlite3.connect(seeded_db, isolation_level=None)
    with open_store(seeded_db) as store:
        for n, candidate in enumerate(store.candidates()):
            other.execute("INSERT OR REPLACE INTO reviewers (name) VALUES (?)", (f"other{n}",))
            store.decide(candidate.id, "alice", Action.ACCEPT)
            if n == 20:
                break
        assert len(store.decisions()) == 21
    other.close()


def test_a_stuck_lock_gives_up_with_a_sentence(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("curator.store.connection.BUSY_TIMEOUT_S", 0.1)
    monkeypatch.setattr("curator.store.connection.WRITE_RETRIES", 3)
    cid = candidate_ids(seeded_db)[0]
    holder = sqlite3.connect(seeded_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    with open_store(seeded_db) as store:
        start = time.monotonic()
        with pytest.raises(CuratorError, match=r"stayed locked by another process for over 0.3 s with nobody committing; nothing was written"):
            store.decide(cid, "alice", Action.ACCEPT)
        assert time.monotonic() - start < 5
        holder.execute("ROLLBACK")
        assert store.decide(cid, "alice", Action.ACCEPT).status is Status.ACCEPTED
        assert len(store.decisions()) == 1
    holder.close()


def test_a_write_starved_past_its_patience_gives_up_with_a_sentence(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("curator.store.connection.BUSY_TIMEOUT_S", 0.02)
    monkeypatch.setattr("curator.store.connection.WRITE_PATIENCE_S", 0.3)
    monkeypatch.setattr("curator.store.Store._peek_data_version", lambda self: next(versions))
    versions = iter(range(10**6))
    holder = sqlite3.connect(seeded_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with open_store(seeded_db) as store:
            with pytest.raises(CuratorError, match=r"stayed locked by other writers for over 0.3 s in all; nothing was written"):
                store.decide(candidate_ids(seeded_db)[0], "alice", Action.ACCEPT)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_busy_lock_is_waited_out_while_others_commit(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Patience is counted in timeouts with no commit anywhere, so a writer that keeps committing never makes us fail."""
    # Patience (8 x 0.05 s with no commit) outlasts one 0.1 s hold with room for a loaded machine, as the real
    # 6 x 10 s outlasts any normal write; twelve holds (1.2 s) would exhaust it if timeouts were counted in total.
    monkeypatch.setattr("curator.store.connection.BUSY_TIMEOUT_S", 0.05)
    monkeypatch.setattr("curator.store.connection.WRITE_RETRIES", 8)
    cid = candidate_ids(seeded_db)[0]
    holder = sqlite3.connect(seeded_db, isolation_level=None, check_same_thread=False)
    holding = threading.Event()

    def keep_writing() -> None:
        for n in range(12):
            holder.execute("BEGIN IMMEDIATE")
            holder.execute("INSERT OR REPLACE INTO reviewers (name) VALUES (?)", (f"bulk{n}",))
            holding.set()
            time.sleep(0.1)
            holder.execute("COMMIT")

    thread = threading.Thread(target=keep_writing)
    thread.start()
    holding.wait(5)
    try:
        with open_store(seeded_db) as store:
            assert store.decide(cid, "alice", Action.ACCEPT).status is Status.ACCEPTED
    finally:
        thread.join(10)
        holder.close()
    assert integrity(seeded_db) == "ok"
