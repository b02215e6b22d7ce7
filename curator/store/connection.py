"""One SQLite connection: transactions, retries, streaming, read snapshots, one-sentence errors.

Every write runs inside ``BEGIN IMMEDIATE`` (see ``Connection._write``): a
deferred transaction that reads then writes fails at once with
``SQLITE_BUSY_SNAPSHOT`` when another process wrote in between, whatever the
busy timeout, while ``IMMEDIATE`` waits for the lock. Bulk rows go through
``executemany`` inside that transaction. (sqlite-utils was dropped for this
reason: its ``insert_all`` commits per chunk and ``enable_fts`` runs
``executescript``, which commits, so neither fits one atomic transaction;
the FTS5 index is a migration in ``schema`` instead.)

Durability: WAL with ``synchronous=NORMAL``. A crash of curator or of the
machine's processes never loses a committed decision; a power cut may lose
the last few commits. ``FULL`` would fsync every decision and cap ``curator
decide`` well under a thousand decisions a second on ordinary disks.

Nothing here leaks ``sqlite3`` types to callers of ``Store``: rows stay inside
the table-family modules, which turn them into ``curator.models`` records.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from curator.errors import CuratorError
from curator.store.access import FileMark, ReadMode

BUSY_TIMEOUT_S = 10.0
"""How long SQLite itself waits for another connection's write lock before a write attempt reports busy."""
WRITE_RETRIES = 6
"""Busy timeouts in a row with nobody committing meanwhile (a stuck lock, not a busy one) before a write gives up."""
WRITE_PATIENCE_S = 600.0
"""However busy the other writers keep the lock, a write gives up after this long: a script should fail, not hang.

The one patience of every write, from `curator` commands and the review screen alike (``LockWait``)."""
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse", "fuse.sshfs", "ceph", "glusterfs"}
FETCH_BATCH = 1000
"""Rows a stream fetches at a time: memory stays flat, the lock is held only per batch."""

T = TypeVar("T")
Row = sqlite3.Row

SQLITE_ERROR, SQLITE_BUSY, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 1, 5, 8, 10, 11, 13, 26


class WriteBusy(CuratorError):
    """A write made ``Connection.without_waiting`` found the lock taken past its patience; nothing was written."""


def utcnow() -> str:
    """ISO 8601 UTC with microseconds: sorts as text, readable in any SQLite client."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def error_code(error: sqlite3.Error) -> int | None:
    """The primary SQLite result code of an error (the message text varies between SQLite versions)."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _is_busy(error: sqlite3.Error) -> bool:
    """SQLITE_BUSY in any form: another connection holds the lock (not SQLITE_LOCKED, a conflict inside one connection)."""
    return error_code(error) == SQLITE_BUSY


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The filesystem type when ``path``'s folder is on a network mount (read from ``/proc/mounts``), else None."""
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text()
        except OSError:
            return None
    folder = str(path.resolve().parent)
    best, best_type = "", None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point, fs_type = parts[1], parts[2]
        inside = folder == mount_point or folder.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, best_type = mount_point, fs_type
    if best_type and (best_type in NETWORK_FILESYSTEMS or best_type.startswith("fuse.")):
        return best_type
    return None


def _connect(path: Path, readonly: bool, *, query: str = "mode=ro") -> sqlite3.Connection:
    """A connection in autocommit mode (we issue BEGIN ourselves), usable from the TUI's worker threads.

    ``readonly`` opens the URI ``file:PATH?query`` (``mode=ro`` or ``immutable=1``, ``access.read_mode``).
    """
    if readonly:
        # as_uri() percent-encodes "?", "#" and "%" in the file name, which a URI would otherwise misread.
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?{query}", uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None,
            check_same_thread=False,
        )
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


class LockWait:
    """How long one write keeps asking for the write lock: the rule `curator` commands and the review screen share.

    Call ``check`` each time an attempt found the lock taken. It gives up when
    nobody committed anywhere for ``WRITE_RETRIES`` busy timeouts
    (``BUSY_TIMEOUT_S`` each: a stuck lock, such as a transaction left open
    in an ``sqlite3`` shell) or, however busy the others keep it, after
    ``WRITE_PATIENCE_S`` in all.
    """

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._stuck_s = BUSY_TIMEOUT_S * WRITE_RETRIES
        self._started = self._quiet_since = time.monotonic()
        self._seen: int | None = None

    def check(self) -> None:
        """Raise CuratorError (one sentence, nothing was written) once the write should stop waiting."""
        with self._conn._lock:
            version = self._conn._peek_data_version()
        now = time.monotonic()
        if self._seen is not None and version != self._seen:
            self._quiet_since = now
        self._seen = version
        if now - self._quiet_since >= self._stuck_s:
            raise CuratorError(
                f"{self._conn.path} stayed locked by another process for over {self._stuck_s:g} s"
                " with nobody committing; nothing was written (is a transaction open in another program?)."
            )
        if now - self._started >= WRITE_PATIENCE_S:
            raise CuratorError(
                f"{self._conn.path} stayed locked by other writers for over {WRITE_PATIENCE_S:g} s in all;"
                " nothing was written, try again when they are done."
            )


class Connection:
    """The connection part of ``Store``: one writing connection, a second one opened lazily for streams."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool, mode: ReadMode | None = None) -> None:
        self.path = path
        self.readonly = readonly
        self._mode = mode or ReadMode("mode=ro", None)
        self._conn = conn
        self._lock = threading.RLock()
        self._streams: sqlite3.Connection | None = None
        self._streams_lock = threading.Lock()
        self._patience: float | None = None

    def close(self) -> None:
        with self._lock, self._streams_lock:
            if self._streams is not None:
                self._streams.close()
            self._conn.close()

    def _utcnow(self) -> str:
        """The time stamps written (``utcnow``, looked up at each call so tests can fix the clock)."""
        return utcnow()

    def data_version(self) -> int:
        """Changes whenever another connection commits: a cheap poll for the TUI."""
        with self._lock:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def check_unchanged(self) -> None:
        """Raise CuratorError when the file read with ``immutable=1`` (no locks) was written meanwhile.

        A checkpoint by a writer rewrites pages of the main file, so what was
        read may mix two states: the caller refuses the result (``read_snapshot``
        and ``backup`` before they publish anything) instead of showing it.
        """
        mark = self._mode.mark
        if mark is not None and FileMark.of(self.path) != mark:
            raise CuratorError(
                f"{self.path} was written by someone else while it was read without locks (you cannot write it,"
                " so SQLite could not lock it); nothing was written, run the command again."
            )

    def check_intact(self) -> None:
        """Raise CuratorError when SQLite's ``quick_check`` finds damaged pages; reads every page, writes nothing.

        Bulk writers (ingest) call it first, so a damaged file is refused untouched rather than written
        around its damage.
        """
        with self._lock:
            try:
                problems = [r[0] for r in self._conn.execute("PRAGMA quick_check(3)").fetchall()]
            except sqlite3.Error as error:
                raise self._fail(error) from None
        if problems != ["ok"]:
            raise CuratorError(
                f"{self.path} is damaged (SQLite quick_check: {problems[0]}); nothing was written."
                " Restore it from a backup, or recover what is readable with `sqlite3 FILE .recover`."
            )

    def _fail(self, error: sqlite3.Error) -> CuratorError:
        """Turn an SQLite error into one sentence naming the database."""
        code, text = error_code(error), str(error).lower()
        if code == SQLITE_READONLY or "readonly" in text:
            return CuratorError(f"{self.path} is read-only, so nothing was written; open it with write access.")
        if code == SQLITE_FULL:
            return CuratorError(f"the disk holding {self.path} is full, so nothing was written; free some space and try again.")
        if code == SQLITE_BUSY:
            return CuratorError(f"{self.path} stayed locked by another process; nothing was written (is a transaction open in another program?).")
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return CuratorError(f"{self.path} is damaged ({error}); restore it from a backup.")
        if code == SQLITE_IOERR:
            return CuratorError(f"could not read or write {self.path} ({error}); nothing was written.")
        return CuratorError(f"{self.path}: {error}.")

    @contextlib.contextmanager
    def without_waiting(self, patience_s: float) -> Iterator[None]:
        """Writes inside wait at most ``patience_s`` for the write lock, then raise ``WriteBusy`` with nothing written.

        For the review screen, which must never freeze: it writes a decision
        on the spot when the database is free (nearly always) and, on
        ``WriteBusy``, hands the same write to a worker thread that waits in
        the ordinary way while the screen says so. The connection's own lock
        (another thread of ours writing through it) counts as the lock too.
        SQLite's busy timeout is ``patience_s`` inside and ``BUSY_TIMEOUT_S`` again after.
        """
        if not self._lock.acquire(timeout=patience_s):
            raise WriteBusy(f"another write through this connection to {self.path} is waiting for the lock.")
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {int(patience_s * 1000)}")
            self._patience = patience_s
            yield
        finally:
            self._patience = None
            self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self._lock.release()

    def _write(self, work: Callable[[], T]) -> T:
        """Run ``work`` in one committed ``BEGIN IMMEDIATE`` transaction, waiting out other writers.

        SQLite waits up to ``BUSY_TIMEOUT_S`` for the write lock. When that
        runs out the write is tried again for as long as other connections
        keep committing: the lock is then contended, not stuck (SQLite does
        not hand it out fairly), until ``LockWait`` gives up. A busy
        COMMIT (possible outside WAL mode while readers finish) is rolled
        back and the whole transaction run again rather than retried in
        place, which could deadlock with a reader that waits for our lock.
        So ``work`` only touches the database and takes its idempotency keys
        from outside: running it twice records once.
        """
        if self.readonly:
            raise CuratorError(f"{self.path} is read-only, so nothing was written; open it with write access.")
        with self._lock:
            wait = LockWait(self)
            while True:
                try:
                    return self._transaction(work)
                except UnicodeEncodeError:
                    raise CuratorError(f"cannot store text that is not valid UTF-8 in {self.path}; nothing was written.") from None
                except sqlite3.Error as error:
                    if not _is_busy(error):
                        raise self._fail(error) from None
                    if self._patience is not None:
                        raise WriteBusy(f"another process held the write lock on {self.path} for over {self._patience:g} s.") from None
                    wait.check()
                    import random  # only when waiting: status and friends never need it at start-up

                    time.sleep(random.uniform(0.001, 0.02))  # jitter, so waiters spread out

    def _transaction(self, work: Callable[[], T]) -> T:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            result = work()
            self._conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        return result

    def _peek_data_version(self) -> int | None:
        """``PRAGMA data_version`` outside a transaction, None when it cannot be read."""
        try:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def _execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """One statement inside a ``_write`` transaction (errors reach ``_write``, which words them)."""
        return self._conn.execute(sql, params)

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
        return self._conn.executemany(sql, rows)

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise self._fail(error) from None
            except UnicodeEncodeError:
                raise CuratorError(f"cannot look up text that is not valid UTF-8 in {self.path}.") from None

    def _one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Row | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _count(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """The one number a ``SELECT count(*) ...`` returns."""
        return int(self._rows(sql, params)[0][0])

    def _rows_among(self, sql: str, values: Iterable[Any]) -> list[Row]:
        """Rows of ``sql`` with its one ``IN ({})`` filled with ``values``, a chunk at a time (SQLite limits parameters)."""
        batch, rows = list(values), []
        for i in range(0, len(batch), 500):
            chunk = batch[i : i + 500]
            rows.extend(self._rows(sql.format(", ".join("?" * len(chunk))), chunk))
        return rows

    def _batches(self, cursor: sqlite3.Cursor, lock: threading.Lock | threading.RLock) -> Iterator[list[Any]]:
        """The rows of an executed cursor, ``FETCH_BATCH`` at a time, each fetch under ``lock``."""
        while True:
            with lock:
                try:
                    batch = cursor.fetchmany(FETCH_BATCH)
                except sqlite3.Error as error:
                    raise self._fail(error) from None
            if not batch:
                return
            yield batch

    def _stream(self, sql: str, params: Sequence[Any], convert: Callable[[Row], T]) -> Iterator[T]:
        """Rows converted one at a time, so memory stays flat however large the table.

        Streams read through a second connection. A cursor left open between
        batches keeps its read snapshot, and on the writing connection that
        snapshot makes the next ``BEGIN IMMEDIATE`` fail at once with
        SQLITE_BUSY_SNAPSHOT ("database is locked", whatever the timeout) as
        soon as another process commits: a caller writing while it iterates
        would fail. Apart, the stream sees one consistent snapshot and writes
        go on beside it (in WAL mode readers never block writers).
        """
        with self._streams_lock:
            try:
                if self._streams is None:
                    self._streams = _connect(self.path, self.readonly, query=self._mode.query)
                cursor = self._streams.execute(sql, params)
            except sqlite3.Error as error:
                raise self._fail(error) from None
        for batch in self._batches(cursor, self._streams_lock):
            for row in batch:
                yield convert(row)

    def _tuple_stream(self, sql: str, params: Sequence[Any], make: Callable[[tuple[Any, ...]], T]) -> Iterator[T]:
        """Rows of one query on the main connection as plain tuples (cheaper than ``sqlite3.Row``), made into records.

        On the main connection, so it runs inside a ``read_snapshot``.
        """
        with self._lock:
            try:
                cursor = self._conn.cursor()
                cursor.row_factory = None
                cursor.execute(sql, params)
            except sqlite3.Error as error:
                raise self._fail(error) from None
        for batch in self._batches(cursor, self._lock):
            yield from map(make, batch)

    @contextlib.contextmanager
    def read_snapshot(self) -> Iterator[None]:
        """One read transaction: every query inside sees the database as it was at the first.

        An export reads its article list, conflicts and rows in separate
        queries while reviewers keep deciding; WAL lets their commits go on,
        and the snapshot keeps the three consistent. Nothing may write through
        this Store until the block ends.
        """
        with self._lock:
            self._conn.execute("BEGIN")
        try:
            yield
        finally:
            with self._lock:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")
        self.check_unchanged()
