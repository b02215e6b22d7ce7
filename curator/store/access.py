"""Whether this process may write a database, and how to read one it may not write without harming it.

In WAL mode SQLite keeps two files beside the database, ``NAME-wal`` (commits
not yet copied into the main file) and ``NAME-shm`` (the index readers and
writers share), and creates them on opening (sqlite.org/wal.html, "Read-Only
Databases"). So a user who cannot write the folder cannot open the database
the ordinary way at all, and a user who can write the folder but not the
file leaves ``-wal``/``-shm`` files of their own that the database's owner
then cannot write. A connection that must not write therefore never creates
those files:

- when both already exist (someone has the database open, or left it so),
  ``mode=ro`` reads through them with the ordinary locks and sees every
  commit, including those still in ``-wal``;
- when ``-wal`` holds commits but ``-shm`` is missing, they cannot be read
  without creating ``-shm``: the open is refused with a sentence, rather than
  showing the older main file as if it were current;
- otherwise (no ``-wal``, or an empty one) every commit is in the main file,
  which is read with ``immutable=1`` (no locks, no side files). A writer that
  starts meanwhile commits into its own ``-wal`` and leaves the main file
  alone until it checkpoints, so the read stays one consistent state; a
  checkpoint during the read changes the main file, which ``FileMark`` notices
  and the read is refused (``Connection.check_unchanged``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from curator.errors import CuratorError


def side_file(path: Path, suffix: str) -> Path:
    """``NAME-wal`` or ``NAME-shm`` beside the database ``path`` (``suffix`` is ``"-wal"`` or ``"-shm"``)."""
    return path.with_name(path.name + suffix)


def write_refusal(path: Path) -> str | None:
    """Why this process cannot write the database at ``path`` (a clause for a sentence), or None when it can.

    Checks what SQLite needs (``os.access``, so a read-only mount counts): the
    file itself, an existing ``-wal``/``-shm``, and the folder, where SQLite
    creates those two unless both exist already. A missing file needs only its folder.
    """
    folder = path.parent
    if not path.exists():
        if not os.access(folder, os.W_OK | os.X_OK):
            return f"you have no permission to create files in its folder {folder}"
        return None
    if not os.access(path, os.W_OK):
        return "you have no permission to write it"
    sides = [side_file(path, suffix) for suffix in ("-wal", "-shm")]
    for side in sides:
        if side.exists() and not os.access(side, os.W_OK):
            return f"you have no permission to write {side}, which another user's connection created"
    if not all(side.exists() for side in sides) and not os.access(folder, os.W_OK | os.X_OK):
        return f"you have no permission to create files in its folder {folder}, where SQLite keeps {path.name}-wal and -shm"
    return None


@dataclass(frozen=True)
class FileMark:
    """The main file's identity, size and modification time (ns): changes when any writer checkpoints into it."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileMark:
        st = os.stat(path)
        return cls(st.st_ino, st.st_size, st.st_mtime_ns)


@dataclass(frozen=True)
class ReadMode:
    """How a connection that must not write opens a database: ``mode=ro``, or ``immutable=1`` with the file's mark."""

    query: str
    mark: FileMark | None


def read_mode(path: Path) -> ReadMode:
    """The way to read ``path`` without writing or creating anything beside it (see the module's rules).

    Raises CuratorError (one sentence) when a file of the database cannot be read, or commits wait in
    ``-wal`` but ``-shm`` is missing.
    """
    wal, shm = side_file(path, "-wal"), side_file(path, "-shm")
    for side in (path, wal, shm):
        if side.exists() and not os.access(side, os.R_OK):
            raise CuratorError(f"cannot read {path}: you have no permission to read {side}; ask its owner to let you read it.")
    if wal.exists() and shm.exists():
        return ReadMode("mode=ro", None)
    if wal.exists() and wal.stat().st_size > 0:
        raise CuratorError(
            f"{path} has commits in {wal} that cannot be read without creating {shm}, which you have no"
            " permission to do; ask someone who can write the database to run `curator status` once, which folds them in."
        )
    return ReadMode("immutable=1", FileMark.of(path))
