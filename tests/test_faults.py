"""Faults on a shared file: kill -9 mid-stream, a full disk, a read-only file, damage, a network filesystem."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from sharing_checks import ROOT, candidate_ids, integrity, states_off_the_log

from curator.store import connection as store_module
from curator.cli import cli
from curator.errors import CuratorError
from curator.ingest import make_article
from curator.models import Action
from curator.store import network_filesystem, open_store

pytestmark = pytest.mark.slow

DECIDER = """
import sys
from curator.models import Action
from curator.store import open_store
store = open_store(sys.argv[1])
ids = [c.id for c in store.candidates()]
n = int(sys.argv[2])
while True:
    store.decide(ids[n % len(ids)], "loop", Action.ACCEPT if n % 2 else Action.REJECT, note="n" * (n % 500), uid=f"kill-{n}")
    print(f"kill-{n}", flush=True)
    if n % 5 == 4:
        print(f"undo-{store.undo('loop').id}", flush=True)
    n += 1
"""

MOVER = """
import sys
from curator.store import open_store
store = open_store(sys.argv[1])
ids = [c.id for c in store.candidates()]
n = 0
while True:
    store.claim_lease(ids[n % len(ids)], "mover", 60, release_others=True)
    store.save_position("mover", None, ids[n % len(ids)], {"n": [str(n)]})
    print(n, flush=True)
    n += 1
"""


def _child(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True, cwd=ROOT)


def _lines_after_kill(proc: subprocess.Popen[str]) -> list[str]:
    assert proc.stdout is not None
    out = proc.stdout.read()
    proc.wait(timeout=10)
    return [line for line in out.split("\n")[:-1] if line]


def test_kill_9_mid_stream_loses_no_committed_decision(seeded_db: Path) -> None:
    """Two writers killed at random moments, three times over: every commit they reported is there, nothing half-written."""
    moments = random.Random(9)  # kill moments vary within a run and repeat between runs
    for round_ in range(3):
        decider = _child(DECIDER, str(seeded_db), str(round_ * 1_000_000))
        mover = _child(MOVER, str(seeded_db))
        firsts = [proc.stdout.readline().strip() for proc in (decider, mover) if proc.stdout is not None]
        assert all(firsts), "both children are writing"
        time.sleep(moments.uniform(0.05, 0.4))
        os.kill(decider.pid, signal.SIGKILL)
        time.sleep(moments.uniform(0.0, 0.05))
        os.kill(mover.pid, signal.SIGKILL)
        decided = [firsts[0], *_lines_after_kill(decider)]
        moved = [firsts[1], *_lines_after_kill(mover)]

        assert integrity(seeded_db) == "ok"
        with open_store(seeded_db) as store:
            log = store.decisions()
            position = store.position("mover")
        uids = {row[0] for row in sqlite3.connect(seeded_db).execute("SELECT uid FROM decisions")}
        assert {line for line in decided if line.startswith("kill-")} <= uids
        undone = {d.undoes for d in log}
        assert {int(line[5:]) for line in decided if line.startswith("undo-")} <= undone
        assert position is not None and int(position.filters["n"][0]) >= int(moved[-1])
        assert states_off_the_log(seeded_db) == []


def _limit_pages(monkeypatch: pytest.MonkeyPatch, spare: int) -> None:
    """Every connection may grow the file by ``spare`` pages only: SQLite then reports SQLITE_FULL, as on a full disk."""
    connect = store_module._connect

    def limited(path: Path, readonly: bool, **options: str) -> sqlite3.Connection:
        conn = connect(path, readonly, **options)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + spare}")
        return conn

    monkeypatch.setattr(store_module, "_connect", limited)


def test_full_disk_gives_a_sentence_and_leaves_the_file_as_it_was(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cid = candidate_ids(seeded_db)[0]
    _limit_pages(monkeypatch, spare=0)
    with open_store(seeded_db) as store:
        before = store.state(cid)
        with pytest.raises(CuratorError, match="the disk holding .* is full, so nothing was written; free some space"):
            store.add_articles([make_article("SoftBank " * 200_000, source="big.txt")])
        with pytest.raises(CuratorError, match="is full, so nothing was written"):
            store.decide(cid, "alice", Action.ACCEPT, note="x" * 100_000)
        assert store.count_articles() == 5 and store.decisions() == [] and store.state(cid) == before
        assert store.decide(cid, "alice", Action.ACCEPT, note="fits").status.value == "accepted", "the store stays usable"
    assert integrity(seeded_db) == "ok"
    assert states_off_the_log(seeded_db) == []


def test_full_disk_in_the_middle_of_decide_keeps_what_was_recorded(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = candidate_ids(seeded_db)[:30]
    _limit_pages(monkeypatch, spare=12)
    result = CliRunner().invoke(cli, ["--db", str(seeded_db), "decide", "accept", *ids, "--note", "n" * 5000, "--reviewer", "al"])
    assert result.exit_code == 1
    recorded = int(result.stdout.split("Recorded ")[1].split(" ")[0])
    assert 0 < recorded < len(ids)
    stopped = ids[recorded]
    assert result.stderr == (
        f"curator: the disk holding {seeded_db} is full, so nothing was written; free some space and try again."
        f" Stopped at {stopped}: it and the {len(ids) - recorded - 1} id(s) after it were not decided.\n"
    )
    monkeypatch.undo()
    with open_store(seeded_db) as store:
        assert [d.candidate_id for d in store.decisions()] == ids[:recorded]
    assert integrity(seeded_db) == "ok"
    assert states_off_the_log(seeded_db) == []


def _candidates_file(db: Path, folder: Path) -> Path:
    with open_store(db) as store:
        article = store.article(next(iter(store.articles())).id)
    assert article is not None
    text = article.text.split("\n")[0][:12]
    record = {"article_id": article.id, "kind": "entity", "start": 0, "end": len(text), "text": text,
              "value": text, "unit": "organisation", "extractor": "ner-test"}
    path = folder / "more.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_read_only_file_gives_one_sentence_for_every_write_command(
    seeded_db: Path, seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As when the file's permissions refuse writing (root ignores chmod, so the connection is made read-only)."""
    cid = candidate_ids(seeded_db)[0]
    imports = _candidates_file(seeded_db, tmp_path)
    extra = tmp_path / "extra.txt"
    extra.write_text("NEC said on Monday it would invest $2 billion in robots.\n", encoding="utf-8")
    with open_store(seeded_db) as store:
        store.decide(cid, "alice", Action.ACCEPT)
    before = seeded_db.read_bytes()
    connect = store_module._connect
    monkeypatch.setattr(store_module, "_connect", lambda path, readonly, **options: connect(path, True))
    sentence = f"curator: {seeded_db} is read-only, so nothing was written; open it with write access.\n"
    commands: list[list[str]] = [
        ["ingest", str(extra)],
        ["decide", "accept", cid, "--reviewer", "bob"],
        ["decide", "edit", cid, "--statement", "checked", "--reviewer", "bob"],
        ["undo", "--reviewer", "alice"],
        ["import-candidates", str(imports)],
    ]
    for args in commands:
        result = CliRunner().invoke(cli, ["--db", str(seeded_db), *args])
        assert (result.exit_code, result.stderr) == (1, sentence), args
    status = CliRunner().invoke(cli, ["--db", str(seeded_db), "status", "--json"])
    assert status.exit_code == 0 and json.loads(status.stdout)["decisions"] == 1
    monkeypatch.undo()
    assert seeded_db.read_bytes() == before


def _damage(db: Path, how: Callable[[bytearray, int, int], None]) -> bytes:
    conn = sqlite3.connect(db)
    root, size = conn.execute(
        "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master WHERE name = 'decisions'"
    ).fetchone()
    conn.close()
    data = bytearray(db.read_bytes())
    how(data, root, size)
    db.write_bytes(bytes(data))
    return bytes(data)


def _zero_header(data: bytearray, root: int, size: int) -> None:
    data[:16] = b"\0" * 16


def _scribble_on_decisions(data: bytearray, root: int, size: int) -> None:
    start = (root - 1) * size
    data[start : start + size] = b"\xff" * size


def test_a_file_that_is_not_a_database_is_refused_untouched(seeded_db: Path) -> None:
    damaged = _damage(seeded_db, _zero_header)
    for args in (["status"], ["decide", "accept", "x"], ["undo"]):
        result = CliRunner().invoke(cli, ["--db", str(seeded_db), *args])
        assert result.exit_code == 1
        assert result.stderr == f"curator: {seeded_db} is not a curator database: it is not an SQLite file.\n"
    assert seeded_db.read_bytes() == damaged


def test_a_damaged_page_gives_a_sentence_and_is_not_rewritten(seeded_db: Path) -> None:
    with open_store(seeded_db) as store:
        store.decide(candidate_ids(seeded_db)[0], "alice", Action.ACCEPT)
    damaged = _damage(seeded_db, _scribble_on_decisions)
    for args in (["status"], ["undo", "--reviewer", "alice"]):
        result = CliRunner().invoke(cli, ["--db", str(seeded_db), *args])
        assert result.exit_code == 1
        assert result.stderr.startswith(f"curator: {seeded_db} is damaged (")
        assert result.stderr.endswith("); restore it from a backup.\n")
    assert seeded_db.read_bytes() == damaged


def test_ingest_refuses_a_file_with_damaged_pages_untouched(seeded_db: Path, tmp_path: Path) -> None:
    with open_store(seeded_db) as store:
        store.decide(candidate_ids(seeded_db)[0], "alice", Action.ACCEPT)
    damaged = _damage(seeded_db, _scribble_on_decisions)
    article = tmp_path / "new.txt"
    article.write_text("Orbis raised $5 million in 2024.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(seeded_db), "ingest", str(article)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"curator: {seeded_db} is damaged (")
    assert "Traceback" not in result.output
    assert seeded_db.read_bytes() == damaged


def test_another_programs_sqlite_file_is_refused_before_wal(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    for args in (["status"], ["ingest", str(tmp_path / "missing.txt")]):
        result = CliRunner().invoke(cli, ["--db", str(foreign), *args])
        assert result.exit_code == 1
        assert result.stderr == f"curator: {foreign} is an SQLite database but not a curator one; choose another file.\n"
    assert foreign.read_bytes() == before, "not even switched to WAL"
    assert not Path(f"{foreign}-wal").exists()


def test_network_filesystem_is_detected() -> None:
    mounts = "/dev/vda / ext4 rw 0 0\nserver:/share /mnt/team nfs4 rw 0 0\nsshfs#x /mnt/remote fuse.sshfs rw 0 0\n"
    assert network_filesystem(Path("/mnt/team/curator.db"), mounts) == "nfs4"
    assert network_filesystem(Path("/mnt/remote/x/curator.db"), mounts) == "fuse.sshfs"
    assert network_filesystem(Path("/mnt/teamwork/curator.db"), mounts) is None
    assert network_filesystem(Path("/home/me/curator.db"), mounts) is None


def test_network_filesystem_warning_on_the_command_line(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = str(seeded_db.resolve().parent)
    real_read = Path.read_text

    def fake_mounts(self: Path, *args: object, **kwargs: object) -> str:
        if str(self) == "/proc/mounts":
            return f"/dev/vda / ext4 rw 0 0\nserver:/share {folder} nfs4 rw 0 0\n"
        return real_read(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", fake_mounts)
    for args in (["status"], ["decide", "accept", candidate_ids(seeded_db)[0]]):
        result = CliRunner().invoke(cli, ["--db", str(seeded_db), *args])
        assert result.exit_code == 0
        assert result.stderr.count("is on a network filesystem (nfs4)") == 1
        assert "all reviewers on one host" in result.stderr
