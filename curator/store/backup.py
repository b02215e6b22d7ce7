"""A consistent copy of a live database through SQLite's online backup API.

``cp curator.db`` while reviewers work copies the main file without the
decisions still in its write-ahead log (``curator.db-wal``), so the copy
misses the latest of them. ``sqlite3.Connection.backup`` (the C API's
``sqlite3_backup_*``) copies every page as this connection sees them, WAL
included, inside one read transaction: a snapshot, while others go on writing.
The copy is written to a hidden temporary file beside the target and put in
place only when complete, switched to ``journal_mode=DELETE`` so it is one
self-contained file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from curator.errors import CuratorError
from curator.publish import publish
from curator.store.connection import Connection


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


class Backup(Connection):
    """``backup``: the whole database, as of one moment, into another file."""

    def backup(self, target: Path, *, force: bool = False) -> None:
        """Copy the database to ``target`` atomically; CuratorError (one sentence) when it cannot.

        Refuses the database itself (or its ``-wal``/``-shm`` files), a
        folder, a missing folder, and an existing file unless ``force``.
        """
        target = Path(target)
        own = {os.path.realpath(self.path) + suffix for suffix in ("", "-wal", "-shm", "-journal")}
        if os.path.realpath(target) in own or _same_file(target, self.path):
            raise CuratorError(f"{target} is the database itself; choose another file to back up to.")
        if target.is_dir():
            raise CuratorError(f"{target} is a folder; give a file name to back up to.")
        if not target.parent.is_dir():
            raise CuratorError(f"cannot write {target}: the folder {target.parent} does not exist.")
        if target.exists() and not force:
            raise CuratorError(f"{target} exists; use --force to overwrite it.")
        try:
            fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            os.close(fd)
        except OSError as error:
            raise CuratorError(f"cannot write {target}: {(error.strerror or str(error)).lower()}.") from None
        try:
            copy = sqlite3.connect(temporary, isolation_level=None)
            try:
                with self._lock:
                    self._conn.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
            self.check_unchanged()
            publish(temporary, target, force)
        except sqlite3.Error as error:
            raise CuratorError(f"cannot back up {self.path} to {target}: {error}; nothing was written.") from None
        except OSError as error:
            raise CuratorError(
                f"cannot write {target}: {(error.strerror or str(error)).lower()}; nothing was written."
            ) from None
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
