"""A database its user cannot write: reading commands read it without leaving files, writing commands refuse.

``chmod`` does not stop root (CI may run as root), so ``denied`` also makes
``os.access`` answer as it would for another user; what SQLite then does is
real either way: the reading commands open ``mode=ro`` or ``immutable=1``
themselves, and the writing commands are refused before SQLite opens the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sharing_checks import ROOT, candidate_ids

from curator.cli import cli
from curator.errors import CuratorError
from curator.export import ExportOptions, write_export
from curator.models import Action
from curator.store import SCHEMA_VERSION, access, open_store

Deny = Callable[..., None]

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("UPDATE candidates SET note = 'late' WHERE seq = 1")
print("committed", flush=True)
time.sleep(60)
"""


@pytest.fixture
def denied(monkeypatch: pytest.MonkeyPatch) -> Iterator[Deny]:
    """``denied(path, ...)``: this process may no longer write those files or folders (permissions back afterwards)."""
    modes: dict[Path, int] = {}
    real_access = os.access

    def answer(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(os.fsdecode(path)) in modes:  # type: ignore[arg-type]
            return False
        return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    def deny(*paths: Path) -> None:
        for path in paths:
            modes[path] = path.stat().st_mode
            path.chmod(stat.S_IMODE(modes[path]) & ~0o222)
        monkeypatch.setattr(access.os, "access", answer)

    yield deny
    for path, mode in modes.items():
        with contextlib.suppress(FileNotFoundError):  # a -shm goes when its last connection closes
            path.chmod(stat.S_IMODE(mode))


@pytest.fixture
def shared_db(seeded_db: Path, tmp_path: Path) -> Path:
    """The seeded database with one decision, alone (no -wal, no -shm) in a folder of its own."""
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "c.db"
    shutil.move(seeded_db, db)
    with open_store(db) as store:
        store.decide(candidate_ids(db)[0], "alice", Action.ACCEPT)
    return db


def _run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def _decisions(db: Path) -> int:
    code, out, err = _run(db, "status", "--json")
    assert (code, err) == (0, ""), err
    return int(json.loads(out)["decisions"])


def test_reading_commands_read_a_database_whose_folder_they_cannot_write(
    shared_db: Path, denied: Deny, tmp_path: Path
) -> None:
    before = shared_db.read_bytes()
    denied(shared_db.parent, shared_db)
    assert _decisions(shared_db) == 1
    code, _, err = _run(shared_db, "export", "-o", str(tmp_path / "sheet.json"))
    assert (code, err) == (0, f"Wrote 1 fact(s) with 1 evidence line(s) to {tmp_path / 'sheet.json'}.\n")
    assert len(json.loads((tmp_path / "sheet.json").read_text(encoding="utf-8"))["facts"]) == 1
    assert _run(shared_db, "search", "robot")[0] == 0
    assert _run(shared_db, "backup", str(tmp_path / "copy.db"))[0] == 0
    assert sorted(p.name for p in shared_db.parent.iterdir()) == ["c.db"]
    assert shared_db.read_bytes() == before


def test_a_reader_who_cannot_write_the_file_leaves_no_side_files_its_owner_could_not_write(
    shared_db: Path, denied: Deny
) -> None:
    """In a folder everyone may write, ``mode=ro`` would create -wal and -shm owned by the reader, and the owner's next write would fail."""
    denied(shared_db)
    assert _decisions(shared_db) == 1
    assert sorted(p.name for p in shared_db.parent.iterdir()) == ["c.db"]


@pytest.mark.parametrize(
    ("which", "reason"),
    [
        ("file", "you have no permission to write it"),
        ("folder", "you have no permission to create files in its folder {folder}, where SQLite keeps c.db-wal and -shm"),
    ],
)
def test_every_writing_command_refuses_in_one_sentence_and_writes_nothing(
    shared_db: Path, denied: Deny, tmp_path: Path, which: str, reason: str
) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text("NEC said on Monday it would invest $2 billion in robots.\n", encoding="utf-8")
    imports = tmp_path / "more.jsonl"
    imports.write_text("{}\n", encoding="utf-8")
    cid = candidate_ids(shared_db)[1]
    before = shared_db.read_bytes()
    denied(shared_db if which == "file" else shared_db.parent)
    sentence = f"curator: cannot write {shared_db}: {reason.format(folder=shared_db.parent)}; nothing was written.\n"
    for args in (
        ["ingest", str(extra)], ["extract"], ["decide", "accept", cid], ["undo", "--reviewer", "alice"],
        ["import-candidates", str(imports)], ["split-story", "a", "b"],
    ):
        code, _, err = _run(shared_db, *args)
        assert (code, err) == (1, sentence), args
    assert shared_db.read_bytes() == before
    assert sorted(p.name for p in shared_db.parent.iterdir()) == ["c.db"]


def test_the_review_screen_refuses_a_database_it_cannot_write_and_says_how_to_read_it(
    shared_db: Path, denied: Deny
) -> None:
    denied(shared_db)
    assert _run(shared_db, "review") == (
        1, "",
        f"curator: the review screen writes every decision and your place to {shared_db}, but you have no"
        " permission to write it; read it with `curator status` or `curator export` instead.\n",
    )


def test_commits_still_in_a_live_wal_are_read_through_its_shm_never_left_out(shared_db: Path, denied: Deny) -> None:
    with open_store(shared_db) as writer:
        writer.decide(candidate_ids(shared_db)[1], "bob", Action.REJECT)
        stale = sqlite3.connect(f"{shared_db.as_uri()}?immutable=1", uri=True)
        assert stale.execute("SELECT count(*) FROM decisions").fetchone()[0] == 1  # the main file alone is behind
        stale.close()
        denied(shared_db.parent, shared_db)
        assert access.read_mode(shared_db).query == "mode=ro"
        assert _decisions(shared_db) == 2


def test_commits_in_a_wal_without_its_shm_are_refused_rather_than_shown_stale(shared_db: Path, denied: Deny) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(shared_db)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert holder.stdout is not None and holder.stdout.readline() == "committed\n"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    wal, shm = access.side_file(shared_db, "-wal"), access.side_file(shared_db, "-shm")
    shm.unlink()
    denied(shared_db.parent, shared_db)
    code, out, err = _run(shared_db, "status")
    assert (code, out) == (1, "")
    assert err == (
        f"curator: {shared_db} has commits in {wal} that cannot be read without creating {shm}, which you have no"
        " permission to do; ask someone who can write the database to run `curator status` once, which folds them in.\n"
    )
    assert not shm.exists()


def test_a_read_without_locks_is_refused_when_a_writer_checkpoints_meanwhile(shared_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "sheet.json"
    with open_store(shared_db, readonly=True) as reader:
        assert access.read_mode(shared_db).query == "immutable=1"
        reader.check_unchanged()
        with open_store(shared_db) as writer:
            writer.decide(candidate_ids(shared_db)[1], "bob", Action.ACCEPT)
        with pytest.raises(CuratorError, match="was written by someone else while it was read without locks"):
            write_export(reader, ExportOptions.parse(fmt="json", statuses="all"), str(target))
    assert list(tmp_path.glob("*sheet*")) == []


def test_write_refusal_names_a_side_file_another_user_left(shared_db: Path, denied: Deny) -> None:
    with open_store(shared_db):
        shm = access.side_file(shared_db, "-shm")
        denied(shm)
        assert access.write_refusal(shared_db) == (
            f"you have no permission to write {shm}, which another user's connection created"
        )


def test_a_side_file_the_reader_may_not_read_is_named(shared_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_access = os.access
    with open_store(shared_db):
        shm = access.side_file(shared_db, "-shm")
        monkeypatch.setattr(
            access.os, "access", lambda path, mode: not (Path(path) == shm and mode & os.R_OK) and real_access(path, mode)
        )
        with pytest.raises(CuratorError) as error:
            open_store(shared_db, readonly=True)
    assert str(error.value) == f"cannot read {shared_db}: you have no permission to read {shm}; ask its owner to let you read it."


def test_an_older_schema_it_cannot_write_says_who_can_upgrade_it(shared_db: Path, denied: Deny) -> None:
    conn = sqlite3.connect(shared_db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    denied(shared_db)
    assert _run(shared_db, "status") == (
        1, "",
        f"curator: {shared_db} needs upgrading to schema version {SCHEMA_VERSION}, but you cannot write it; ask someone who can"
        " to run `curator status` once, which upgrades it.\n",
    )
