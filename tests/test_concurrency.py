"""Many processes on one file: exact counts, atomic leases, kill -9 mid-stream, full disk, damaged files."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from multiprocessing import get_context
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.errors import CuratorError
from curator.ingest import make_article
from curator.models import Action
from curator.pipeline import extract, ingest
from curator.store import network_filesystem, open_store

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture
def seeded_db(db_path: Path, seeds: Path) -> Path:
    with open_store(db_path) as store:
        ingest(store, [seeds])
        extract(store)
    return db_path


def all_ids(db: Path) -> list[str]:
    with open_store(db) as store:
        return [c.id for c in store.candidates()]


def test_four_concurrent_decide_processes_record_every_decision(seeded_db: Path) -> None:
    ids = all_ids(seeded_db)
    assert len(ids) >= 100
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "curator", "--db", str(seeded_db), "decide", action, *ids, "--reviewer", f"r{n}"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        )
        for n, action in enumerate(["accept", "reject", "accept", "skip"])
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert "locked" not in err
        assert f"Recorded {len(ids)} decision(s)" in out
    with open_store(seeded_db) as store:
        decisions = store.decisions()
        assert len(decisions) == 4 * len(ids)
        assert len({(d.candidate_id, d.reviewer) for d in decisions}) == 4 * len(ids)
        summary = store.summary()
    assert summary["disputed"] == len(ids)
    assert summary["by_status"]["pending"] == 0


def _lease_worker(db: str, reviewer: str, ids: list[str], seed: int) -> list[str]:
    with open_store(db) as store:
        order = ids[:]
        random.Random(seed).shuffle(order)
        return [cid for cid in order if store.claim_lease(cid, reviewer, ttl_s=300)]


def test_leases_are_won_by_exactly_one_reviewer(seeded_db: Path) -> None:
    ids = all_ids(seeded_db)[:40]
    with get_context("spawn").Pool(4) as pool:
        won = pool.starmap(_lease_worker, [(str(seeded_db), f"r{n}", ids, n) for n in range(4)], chunksize=1)
    claimed = [cid for batch in won for cid in batch]
    assert sorted(claimed) == sorted(ids)
    with open_store(seeded_db) as store:
        holders = {cid: store.leased_by_others("nobody", [cid])[cid] for cid in ids}
    assert all(cid in won[int(holder[1:])] for cid, holder in holders.items())


CHILD = """
import sys
from curator.models import Action
from curator.store import open_store
store = open_store(sys.argv[1])
ids = [c.id for c in store.candidates()]
n = 0
while True:
    uid = f"kill-{n}"
    store.decide(ids[n % len(ids)], "loop", Action.ACCEPT if n % 2 else Action.REJECT, uid=uid)
    print(uid, flush=True)
    n += 1
"""


def test_kill_9_mid_stream_loses_no_committed_decision(seeded_db: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(seeded_db)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.startswith("kill-")
    time.sleep(random.uniform(0.2, 0.8))
    os.kill(proc.pid, signal.SIGKILL)
    printed = [first.strip()] + [line.strip() for line in proc.stdout if line.strip()]
    proc.wait(timeout=10)
    conn = sqlite3.connect(seeded_db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in conn.execute("SELECT uid FROM decisions")}
    conn.close()
    assert len(printed) > 10
    assert set(printed) <= stored
    with open_store(seeded_db) as store:
        assert store.summary()["decisions"] == len(stored)


def test_full_disk_gives_a_sentence_and_writes_nothing(seeded_db: Path) -> None:
    with open_store(seeded_db) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        big = make_article("SoftBank " * 200_000, source="big.txt")
        with pytest.raises(CuratorError, match="is full, so nothing was written"):
            store.add_articles([big])
        assert store.count_articles() == 5
    conn = sqlite3.connect(seeded_db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_read_only_database_refuses_decisions_untouched(seeded_db: Path) -> None:
    first = all_ids(seeded_db)[0]
    with open_store(seeded_db, readonly=True) as store:
        with pytest.raises(CuratorError, match="read-only, so nothing was written"):
            store.decide(first, "alice", Action.ACCEPT)
        assert store.summary()["decisions"] == 0


def test_damaged_database_is_refused_with_a_sentence(seeded_db: Path) -> None:
    data = bytearray(seeded_db.read_bytes())
    data[:16] = b"\x00" * 16
    seeded_db.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(seeded_db) + suffix).unlink(missing_ok=True)
    result = CliRunner().invoke(cli, ["--db", str(seeded_db), "status"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"curator: {seeded_db} is not a curator database: it is not an SQLite file."
    assert seeded_db.read_bytes() == bytes(data)


def test_network_filesystem_is_detected() -> None:
    mounts = "/dev/vda / ext4 rw 0 0\nserver:/share /mnt/team nfs4 rw 0 0\nsshfs#x /mnt/remote fuse.sshfs rw 0 0\n"
    assert network_filesystem(Path("/mnt/team/curator.db"), mounts) == "nfs4"
    assert network_filesystem(Path("/mnt/remote/x/curator.db"), mounts) == "fuse.sshfs"
    assert network_filesystem(Path("/home/me/curator.db"), mounts) is None


def test_network_filesystem_warning_on_the_command_line(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("curator.store.network_filesystem", lambda path, mounts=None: "nfs4")
    result = CliRunner().invoke(cli, ["--db", str(seeded_db), "status"])
    assert result.exit_code == 0
    assert "is on a network filesystem (nfs4)" in result.stderr
