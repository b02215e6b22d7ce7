"""The only module that speaks SQL.

One ``Store`` owns one connection (``isolation_level=None``, wrapped in a
``sqlite_utils.Database``) and hands out models, never rows. Every write runs
inside ``BEGIN IMMEDIATE`` (see ``_write``): a deferred transaction that reads
then writes fails at once with ``SQLITE_BUSY_SNAPSHOT`` when another process
wrote in between, whatever the busy timeout, while ``IMMEDIATE`` waits for the
lock. Bulk rows go through ``executemany`` inside that transaction rather than
``Table.insert_all``, which commits per chunk and so is not atomic.

Durability: WAL with ``synchronous=NORMAL``. A crash of curator or of the
machine's processes never loses a committed decision; a power cut may lose
the last few commits. ``FULL`` would fsync every decision and cap ``curator
decide`` well under a thousand decisions a second on ordinary disks.

The decision log is append-only (triggers abort UPDATE and DELETE); a
candidate's current status lives in columns of ``candidates`` that are
recomputed from the log in the same transaction as each decision.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from curator.errors import CuratorError
from curator.models import (
    ACTION_STATUS,
    Action,
    Article,
    Candidate,
    CandidateState,
    Claim,
    ClaimKey,
    Corroboration,
    Decision,
    Status,
)

if TYPE_CHECKING:
    import sqlite_utils

    from curator.review_records import ClaimMember, ClaimView, Position, ReviewCounts, ReviewFilter, SearchHit

SCHEMA_VERSION = 3
BUSY_TIMEOUT_S = 10.0
"""How long SQLite itself waits for another connection's write lock before a write attempt reports busy."""
WRITE_RETRIES = 6
"""Busy timeouts in a row with nobody committing meanwhile (a stuck lock, not a busy one) before a write gives up."""
WRITE_PATIENCE_S = 600.0
"""However busy the other writers keep the lock, a write gives up after this long: a script should fail, not hang."""
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse", "fuse.sshfs", "ceph", "glusterfs"}

T = TypeVar("T")


class StaleClaims(Exception):
    """Claims were written by someone else between reading for a match and writing its result."""


def utcnow() -> str:
    """ISO 8601 UTC with microseconds: sorts as text, readable in any SQLite client."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


_MIGRATIONS: list[str] = [
    # 0 -> 1: the whole first schema.
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL,
        source TEXT NOT NULL,
        title TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        extracted_at TEXT
    );
    CREATE INDEX articles_unextracted ON articles(seq) WHERE extracted_at IS NULL;

    CREATE TABLE candidates (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        article_id TEXT NOT NULL REFERENCES articles(id),
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        quote TEXT NOT NULL,
        quote_start INTEGER NOT NULL,
        subject TEXT,
        statement TEXT NOT NULL,
        value,
        unit TEXT,
        qualifier TEXT,
        extractor TEXT NOT NULL,
        attrs TEXT,
        claim_id TEXT,
        status TEXT NOT NULL DEFAULT 'pending',
        disputed INTEGER NOT NULL DEFAULT 0,
        decided_by TEXT,
        decided_at TEXT,
        decision_id INTEGER,
        edited TEXT,
        note TEXT,
        version INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX candidates_article ON candidates(article_id, span_start);
    CREATE INDEX candidates_claim ON candidates(claim_id);
    CREATE INDEX candidates_status ON candidates(status, seq);

    CREATE TABLE claims (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        subject TEXT,
        statement TEXT NOT NULL,
        value,
        unit TEXT,
        qualifier TEXT,
        corroboration TEXT NOT NULL,
        sources INTEGER NOT NULL
    );
    CREATE TABLE claim_conflicts (
        claim_id TEXT NOT NULL,
        other_id TEXT NOT NULL,
        PRIMARY KEY (claim_id, other_id)
    ) WITHOUT ROWID;

    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        candidate_id TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'edit', 'skip', 'undo')),
        fields TEXT,
        note TEXT,
        adjudicate INTEGER NOT NULL DEFAULT 0,
        undoes INTEGER REFERENCES decisions(id),
        decided_at TEXT NOT NULL
    );
    CREATE INDEX decisions_candidate ON decisions(candidate_id, id);
    CREATE INDEX decisions_reviewer ON decisions(reviewer, id);
    CREATE UNIQUE INDEX decisions_undone_once ON decisions(undoes) WHERE undoes IS NOT NULL;
    CREATE TRIGGER decisions_append_only_update BEFORE UPDATE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
    CREATE TRIGGER decisions_append_only_delete BEFORE DELETE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;

    CREATE TABLE reviewers (
        name TEXT PRIMARY KEY,
        article_id TEXT,
        candidate_id TEXT,
        filters TEXT,
        updated_at TEXT
    ) WITHOUT ROWID;

    CREATE TABLE leases (
        candidate_id TEXT PRIMARY KEY,
        reviewer TEXT NOT NULL,
        expires_at REAL NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX leases_reviewer ON leases(reviewer);
    """,
    # 1 -> 2: where matching filed each claim (models.ClaimKey), so `curator extract` looks up only the claims
    # new candidates can join or contradict. Claims made before have none: the next extract matches all again.
    """
    ALTER TABLE claims ADD COLUMN block TEXT;
    ALTER TABLE claims ADD COLUMN slot TEXT;
    ALTER TABLE claims ADD COLUMN leader TEXT;
    CREATE INDEX IF NOT EXISTS claims_block ON claims(block);
    CREATE INDEX IF NOT EXISTS claims_slot ON claims(slot, value);
    CREATE INDEX IF NOT EXISTS candidates_converted ON candidates(claim_id) WHERE instr(attrs, '"equivalents"') > 0;
    """,
    # 2 -> 3: counters, for now the claims' generation: every write of claims adds one, so a match computed
    # from what it read is refused if another `curator extract` wrote claims meanwhile.
    """
    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
    """,
]
assert len(_MIGRATIONS) == SCHEMA_VERSION

_CANDIDATE_COLUMNS = (
    "id, article_id, kind, text, span_start, span_end, quote, quote_start, subject, "
    "statement, value, unit, qualifier, extractor, attrs, claim_id"
)
_CLAIM_COLUMNS = "id, kind, subject, statement, value, unit, qualifier, corroboration, sources, block, slot, leader"
_STATE_COLUMNS = "id, status, disputed, decided_by, decided_at, note, edited, version"


@dataclass(frozen=True)
class ArticleProgress:
    """An article as the article list shows it."""

    id: str
    source: str
    title: str
    url: str | None
    outlet: str | None
    published: str | None
    language: str
    candidates: int
    decided: int


@dataclass(frozen=True)
class ExportFilter:
    """Which candidates a fact sheet takes, and the kind order facts follow.

    ``None`` means no filter on that field. ``statuses`` and ``articles``
    (ids or source names) select evidence lines; ``kinds`` and
    ``corroborations`` select facts.
    """

    statuses: tuple[str, ...] | None = None
    disputed: bool = False
    kinds: tuple[str, ...] | None = None
    articles: tuple[str, ...] | None = None
    corroborations: tuple[str, ...] | None = None
    kind_order: tuple[str, ...] = ()


class ExportRow(NamedTuple):
    """One evidence line joined with its claim (the fact).

    A NamedTuple rather than a dataclass, and no article columns (the export
    holds the few article records itself): a million of these are built per
    export. ``fact_*`` come from the claim, or from the candidate itself when
    it has none; ``attrs`` and ``edited`` are the stored JSON text; ``context`` is the article text of
    the span with up to ``SELECTOR_CONTEXT`` code points either side (one
    ``substr`` rather than two: scanning UTF-8 to an offset is the costly part). ``opinions`` is a JSON array of
    each reviewer's live decision (null while nobody decided), see ``_OPINIONS``.
    """

    fact_id: str
    fact_kind: str
    fact_subject: str | None
    fact_statement: str
    fact_value: Any
    fact_unit: str | None
    fact_qualifier: str | None
    corroboration: str
    sources: int
    candidate_id: str
    article_id: str
    kind: str
    text: str
    start: int
    end: int
    quote: str
    quote_start: int
    context: str
    subject: str | None
    statement: str
    value: Any
    unit: str | None
    qualifier: str | None
    extractor: str
    attrs: str | None
    status: str
    disputed: int
    reviewer: str | None
    decided_at: str | None
    note: str | None
    edited: str | None
    opinions: str | None


SELECTOR_CONTEXT = 32
"""Code points of article text kept either side of a quote selector's ``exact``."""

_LIVE = "d.action != 'undo' AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)"
_OPINIONS = (
    "SELECT json_group_array(json_object('reviewer', o.reviewer, 'action', o.action, 'value', o.value,"
    " 'note', o.note, 'adjudicate', json(o.adjudicate), 'decided_at', o.decided_at)) FROM ("
    " SELECT d.reviewer, d.action, d.note, d.decided_at,"
    "  CASE d.adjudicate WHEN 0 THEN 'false' ELSE 'true' END AS adjudicate,"
    "  CASE d.action WHEN 'edit' THEN coalesce(json_extract(d.fields, '$.value'), c.value)"
    "   WHEN 'accept' THEN c.value END AS value"
    f" FROM decisions d WHERE d.candidate_id = c.id AND {_LIVE}"
    # "+n.reviewer": look the later decisions up by candidate, never by reviewer (one reviewer has thousands).
    "  AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.candidate_id = c.id AND +n.reviewer = d.reviewer"
    "   AND n.id > d.id AND n.action != 'undo' AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = n.id))"
    " ORDER BY d.reviewer) o"
)
"""Each reviewer's live view of candidate ``c`` as a JSON array, by reviewer name: their latest decision no undo
took back, with the value it holds (an edit's value, the candidate's for an accept, null for a reject or skip)."""

_EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    # The fact: the claim's fields, or the candidate's own when it has no claim.
    ("fact_id", "CASE WHEN cl.id IS NULL THEN 'f-' || c.id ELSE cl.id END"),
    ("fact_kind", "CASE WHEN cl.id IS NULL THEN c.kind ELSE cl.kind END"),
    ("fact_subject", "CASE WHEN cl.id IS NULL THEN c.subject ELSE cl.subject END"),
    ("fact_statement", "CASE WHEN cl.id IS NULL THEN c.statement ELSE cl.statement END"),
    ("fact_value", "CASE WHEN cl.id IS NULL THEN c.value ELSE cl.value END"),
    ("fact_unit", "CASE WHEN cl.id IS NULL THEN c.unit ELSE cl.unit END"),
    ("fact_qualifier", "CASE WHEN cl.id IS NULL THEN c.qualifier ELSE cl.qualifier END"),
    ("corroboration", "CASE WHEN cl.id IS NULL THEN 'single-source' ELSE cl.corroboration END"),
    ("sources", "CASE WHEN cl.id IS NULL THEN 1 ELSE cl.sources END"),
    # The evidence line.
    ("candidate_id", "c.id"),
    ("article_id", "c.article_id"),
    ("kind", "c.kind"),
    ("text", "c.text"),
    ("start", "c.span_start"),
    ("end", "c.span_end"),
    ("quote", "c.quote"),
    ("quote_start", "c.quote_start"),
    ("context", f"substr(a.text, max(c.span_start - {SELECTOR_CONTEXT}, 0) + 1,"
                f" c.span_end - max(c.span_start - {SELECTOR_CONTEXT}, 0) + {SELECTOR_CONTEXT})"),
    ("subject", "c.subject"),
    ("statement", "c.statement"),
    ("value", "c.value"),
    ("unit", "c.unit"),
    ("qualifier", "c.qualifier"),
    ("extractor", "c.extractor"),
    ("attrs", "c.attrs"),
    ("status", "c.status"),
    ("disputed", "c.disputed"),
    ("reviewer", "c.decided_by"),
    ("decided_at", "c.decided_at"),
    ("note", "c.note"),
    ("edited", "c.edited"),
    ("opinions", f"CASE WHEN c.decision_id IS NULL THEN NULL ELSE ({_OPINIONS}) END"),
)
assert tuple(name for name, _ in _EXPORT_COLUMNS) == ExportRow._fields
_EXPORT_SELECT = ", ".join(expression for _, expression in _EXPORT_COLUMNS)
_EXPORT_LOOSE = 1 << 62
"""Added to a candidate's seq to order candidates without a claim after every claim of their kind."""


_SQLITE_BUSY, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 5, 8, 10, 11, 13, 26


def _code(error: sqlite3.Error) -> int | None:
    """The primary SQLite result code of an error (the message text varies between SQLite versions)."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _is_busy(error: sqlite3.Error) -> bool:
    """SQLITE_BUSY in any form: another connection holds the lock (not SQLITE_LOCKED, a conflict inside one connection)."""
    return _code(error) == _SQLITE_BUSY


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


class Store:
    """A curator database. Use :func:`open_store` to get one."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool) -> None:
        self.path = path
        self.conn = conn
        self.readonly = readonly
        self._lock = threading.RLock()
        self._streams: sqlite3.Connection | None = None
        self._streams_lock = threading.Lock()

    # -- connection -------------------------------------------------------

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """The connection as a ``sqlite_utils.Database``, for table introspection and ad-hoc tools.

        Built on first use: importing sqlite-utils costs more than the rest of
        ``curator status`` put together.
        """
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def close(self) -> None:
        with self._lock, self._streams_lock:
            if self._streams is not None:
                self._streams.close()
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def data_version(self) -> int:
        """Changes whenever another connection commits: a cheap poll for the TUI."""
        with self._lock:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def _fail(self, error: sqlite3.Error) -> CuratorError:
        """Turn an SQLite error into one sentence naming the database."""
        code, text = _code(error), str(error).lower()
        if code == _SQLITE_READONLY or "readonly" in text:
            return CuratorError(f"{self.path} is read-only, so nothing was written; open it with write access.")
        if code == _SQLITE_FULL:
            return CuratorError(f"the disk holding {self.path} is full, so nothing was written; free some space and try again.")
        if code == _SQLITE_BUSY:
            return CuratorError(
                f"{self.path} stayed locked by another process for over {BUSY_TIMEOUT_S * WRITE_RETRIES:g} s"
                " with nobody committing; nothing was written (is a transaction open in another program?)."
            )
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return CuratorError(f"{self.path} is damaged ({error}); restore it from a backup.")
        if code == _SQLITE_IOERR:
            return CuratorError(f"could not read or write {self.path} ({error}); nothing was written.")
        return CuratorError(f"{self.path}: {error}.")

    def check_intact(self) -> None:
        """Raise CuratorError when SQLite's ``quick_check`` finds damaged pages; reads every page, writes nothing.

        Bulk writers (ingest) call it first, so a damaged file is refused untouched rather than written
        around its damage.
        """
        try:
            problems = [r[0] for r in self.conn.execute("PRAGMA quick_check(3)").fetchall()]
        except sqlite3.Error as error:
            raise self._fail(error) from None
        if problems != ["ok"]:
            raise CuratorError(
                f"{self.path} is damaged (SQLite quick_check: {problems[0]}); nothing was written."
                " Restore it from a backup, or recover what is readable with `sqlite3 FILE .recover`."
            )

    def _write(self, work: Callable[[], T]) -> T:
        """Run ``work`` in one committed ``BEGIN IMMEDIATE`` transaction, waiting out other writers.

        SQLite waits up to ``BUSY_TIMEOUT_S`` for the write lock. When that
        runs out the write is tried again for as long as other connections
        keep committing: the lock is then contended, not stuck (SQLite does
        not hand it out fairly). It gives up after ``WRITE_RETRIES`` timeouts
        in a row with no commit anywhere (a transaction left open in an
        ``sqlite3`` shell), or after ``WRITE_PATIENCE_S`` in all. A busy
        COMMIT (possible outside WAL mode while readers finish) is rolled
        back and the whole transaction run again rather than retried in
        place, which could deadlock with a reader that waits for our lock.
        So ``work`` only touches the database and takes its idempotency keys
        from outside: running it twice records once.
        """
        if self.readonly:
            raise CuratorError(f"{self.path} is read-only, so nothing was written; open it with write access.")
        with self._lock:
            stalls, seen, give_up = 0, None, time.monotonic() + WRITE_PATIENCE_S
            while True:
                try:
                    return self._transaction(work)
                except UnicodeEncodeError:
                    raise CuratorError(f"cannot store text that is not valid UTF-8 in {self.path}; nothing was written.") from None
                except sqlite3.Error as error:
                    if not _is_busy(error):
                        raise self._fail(error) from None
                    version = self._peek_data_version()
                    stalls = 0 if seen is not None and version != seen else stalls + 1
                    seen = version
                    if stalls >= WRITE_RETRIES:
                        raise self._fail(error) from None
                    if time.monotonic() > give_up:
                        raise CuratorError(
                            f"other writers kept {self.path} busy for over {WRITE_PATIENCE_S:g} s;"
                            " nothing was written, try again when they are done."
                        ) from None
                    import random  # only when waiting: status and friends never need it at start-up

                    time.sleep(random.uniform(0.001, 0.02))  # jitter, so waiters spread out

    def _transaction(self, work: Callable[[], T]) -> T:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            result = work()
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        return result

    def _peek_data_version(self) -> int | None:
        """``PRAGMA data_version`` outside a transaction, None when it cannot be read."""
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise self._fail(error) from None
            except UnicodeEncodeError:
                raise CuratorError(f"cannot look up text that is not valid UTF-8 in {self.path}.") from None

    def _one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Row | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _rows_among(self, sql: str, values: Iterable[Any]) -> list[sqlite3.Row]:
        """Rows of ``sql`` with its one ``IN ({})`` filled with ``values``, a chunk at a time (SQLite limits parameters)."""
        batch, rows = list(values), []
        for i in range(0, len(batch), 500):
            chunk = batch[i : i + 500]
            rows.extend(self._rows(sql.format(", ".join("?" * len(chunk))), chunk))
        return rows

    # -- articles ---------------------------------------------------------

    def add_articles(self, articles: Sequence[Article]) -> list[str]:
        """Insert articles in one transaction; returns the ids that were new."""

        def work() -> list[str]:
            added = []
            now = utcnow()
            for a in articles:
                cursor = self.conn.execute(
                    "INSERT INTO articles (id, sha256, source, title, url, outlet, published, language, text, ingested_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                    (a.id, a.sha256, a.source, a.title, a.url, a.outlet, a.published, a.language, a.text, now),
                )
                if cursor.rowcount:
                    added.append(a.id)
            return added

        return self._write(work)

    def article(self, article_id: str) -> Article | None:
        row = self._one(
            "SELECT id, sha256, source, text, title, url, outlet, published, language FROM articles WHERE id = ?",
            (article_id,),
        )
        return Article(**dict(row)) if row else None

    def article_by_source(self, source: str) -> Article | None:
        """The first article ingested from a file of that name (imports may name articles by file)."""
        row = self._one(
            "SELECT id, sha256, source, text, title, url, outlet, published, language FROM articles"
            " WHERE source = ? ORDER BY seq LIMIT 1",
            (source,),
        )
        return Article(**dict(row)) if row else None

    def articles(self) -> Iterator[Article]:
        """Every article in ingest order, streamed."""
        yield from self._stream(
            "SELECT id, sha256, source, text, title, url, outlet, published, language FROM articles ORDER BY seq",
            (),
            lambda row: Article(**dict(row)),
        )

    def article_ranks(self, article_ids: Iterable[str] | None = None) -> dict[str, int]:
        """Ingest order (``seq``) of these articles, or of every one: matching ranks candidates by it."""
        if article_ids is None:
            return {r[0]: r[1] for r in self._rows("SELECT id, seq FROM articles")}
        return {r[0]: r[1] for r in self._rows_among("SELECT id, seq FROM articles WHERE id IN ({})", set(article_ids))}

    def unextracted_article_ids(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM articles WHERE extracted_at IS NULL ORDER BY seq")]

    def article_progress(self, offset: int = 0, limit: int = -1) -> list[ArticleProgress]:
        """A page of the article list with candidate counts (all with ``limit=-1``): indexed, so cost follows the page."""
        rows = self._rows(
            "SELECT a.id, a.source, a.title, a.url, a.outlet, a.published, a.language,"
            " (SELECT count(*) FROM candidates c WHERE c.article_id = a.id) AS candidates,"
            " (SELECT count(*) FROM candidates c WHERE c.article_id = a.id AND c.status != 'pending') AS decided"
            " FROM articles a ORDER BY a.seq LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [ArticleProgress(**dict(r)) for r in rows]

    def count_articles(self) -> int:
        return int(self._rows("SELECT count(*) FROM articles")[0][0])

    # -- candidates -------------------------------------------------------

    def save_extraction(self, article_id: str, candidates: Sequence[Candidate]) -> int:
        """Store one article's candidates and mark it extracted, atomically; returns how many were new."""

        def work() -> int:
            added = self._insert_candidates(candidates)
            self.conn.execute("UPDATE articles SET extracted_at = ? WHERE id = ?", (utcnow(), article_id))
            return added

        return self._write(work)

    def add_candidates(self, candidates: Sequence[Candidate]) -> int:
        """Store candidates made elsewhere (``import-candidates``); the same span twice adds nothing."""
        return self._write(lambda: self._insert_candidates(candidates))

    def _insert_candidates(self, candidates: Sequence[Candidate]) -> int:
        before = self.conn.total_changes
        self.conn.executemany(
            f"INSERT INTO candidates ({_CANDIDATE_COLUMNS}) VALUES ({', '.join('?' * 16)})"
            " ON CONFLICT(id) DO NOTHING",
            [
                (
                    c.id, c.article_id, c.kind, c.text, c.start, c.end, c.quote, c.quote_start, c.subject,
                    c.statement, c.value, c.unit, c.qualifier, c.extractor,
                    json.dumps(c.attrs, ensure_ascii=False, sort_keys=True) if c.attrs else None, c.claim_id,
                )
                for c in candidates
            ],
        )
        return self.conn.total_changes - before

    @staticmethod
    def _candidate(row: sqlite3.Row) -> Candidate:
        return Candidate(
            id=row["id"],
            article_id=row["article_id"],
            kind=row["kind"],
            text=row["text"],
            start=row["span_start"],
            end=row["span_end"],
            quote=row["quote"],
            quote_start=row["quote_start"],
            subject=row["subject"],
            statement=row["statement"],
            value=row["value"],
            unit=row["unit"],
            qualifier=row["qualifier"],
            extractor=row["extractor"],
            attrs=json.loads(row["attrs"]) if row["attrs"] else {},
            claim_id=row["claim_id"],
        )

    def candidate(self, candidate_id: str) -> Candidate | None:
        row = self._one(f"SELECT {_CANDIDATE_COLUMNS} FROM candidates WHERE id = ?", (candidate_id,))
        return self._candidate(row) if row else None

    def candidates_for_article(self, article_id: str) -> list[Candidate]:
        rows = self._rows(
            f"SELECT {_CANDIDATE_COLUMNS} FROM candidates WHERE article_id = ? ORDER BY span_start, span_end, kind",
            (article_id,),
        )
        return [self._candidate(r) for r in rows]

    def candidates(self, kinds: Iterable[str] | None = None) -> Iterator[Candidate]:
        """Every candidate (optionally of some kinds) in a stable order, streamed."""
        kinds = list(kinds) if kinds is not None else None
        where = f"WHERE kind IN ({', '.join('?' * len(kinds))})" if kinds else ""
        yield from self._stream(
            f"SELECT {_CANDIDATE_COLUMNS} FROM candidates {where} ORDER BY seq", kinds or (), self._candidate
        )

    def existing_candidate_ids(self, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        batch = list(ids)
        for i in range(0, len(batch), 500):
            chunk = batch[i : i + 500]
            found.update(
                r[0] for r in self._rows(f"SELECT id FROM candidates WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
            )
        return found

    def _stream(self, sql: str, params: Sequence[Any], convert: Callable[[sqlite3.Row], T]) -> Iterator[T]:
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
                    self._streams = _connect(self.path, self.readonly)
                cursor = self._streams.execute(sql, params)
            except sqlite3.Error as error:
                raise self._fail(error) from None
        while True:
            with self._streams_lock:
                try:
                    batch = cursor.fetchmany(1000)
                except sqlite3.Error as error:
                    raise self._fail(error) from None
            if not batch:
                return
            for row in batch:
                yield convert(row)

    # -- claims -----------------------------------------------------------

    @staticmethod
    def _claim_params(c: Claim) -> tuple[Any, ...]:
        key = (c.key.block, c.key.slot, c.key.leader) if c.key else (None, None, None)
        return (c.id, c.kind, c.subject, c.statement, c.value, c.unit, c.qualifier, c.corroboration.value, c.sources, *key)

    @staticmethod
    def _claim(row: sqlite3.Row, conflicts: Sequence[str]) -> Claim:
        data = dict(row)
        data["corroboration"] = Corroboration(data["corroboration"])
        block, slot, leader = data.pop("block"), data.pop("slot"), data.pop("leader")
        key = ClaimKey(block, slot, leader) if block is not None else None
        return Claim(**data, conflicts_with=tuple(conflicts), key=key)

    def claims_generation(self) -> int:
        """How many times claims have been written: read before matching, checked when its result is written."""
        row = self._one("SELECT value FROM counters WHERE name = 'claims'")
        return int(row[0]) if row else 0

    def _next_claims_generation(self, expected: int | None) -> None:
        """Inside a claims write: refuse a result computed from claims someone has rewritten since, then count this one."""
        row = self.conn.execute("SELECT value FROM counters WHERE name = 'claims'").fetchone()
        if expected is not None and (row[0] if row else 0) != expected:
            raise StaleClaims(f"the claims in {self.path} changed while matching")
        self.conn.execute(
            "INSERT INTO counters (name, value) VALUES ('claims', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1"
        )

    def replace_claims(self, claims: Sequence[Claim], expected: int | None = None) -> None:
        """Replace every claim and each candidate's claim link in one transaction.

        ``expected`` is the ``claims_generation`` the claims were computed at:
        if another process wrote claims since, nothing is written and
        ``StaleClaims`` is raised, so the caller matches again.
        """

        def work() -> None:
            self._next_claims_generation(expected)
            self.conn.execute("DELETE FROM claim_conflicts")
            self.conn.execute("DELETE FROM claims")
            self.conn.execute("UPDATE candidates SET claim_id = NULL WHERE claim_id IS NOT NULL")
            self.conn.executemany(
                f"INSERT INTO claims ({_CLAIM_COLUMNS}) VALUES ({', '.join('?' * 12)})",
                [self._claim_params(c) for c in claims],
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO claim_conflicts (claim_id, other_id) VALUES (?, ?)",
                [(c.id, other) for c in claims for other in c.conflicts_with],
            )
            self.conn.executemany(
                "UPDATE candidates SET claim_id = ? WHERE id = ?",
                [(c.id, cid) for c in claims for cid in c.candidate_ids],
            )

        self._write(work)

    def save_claims(self, claims: Sequence[Claim], standings: Mapping[str, Corroboration], expected: int | None = None) -> None:
        """Write ``claims`` over their rows with their members, and new ``standings`` of others, in one transaction.

        Each claim's ``conflicts_with`` is complete: its links are replaced at
        both ends (a claim it no longer conflicts with loses the link too).
        Every other claim stays as it is, so matching new candidates writes
        only what they touch. ``expected`` as for ``replace_claims``.
        """
        updates = ", ".join(f"{column} = excluded.{column}" for column in _CLAIM_COLUMNS.split(", ")[1:])

        def work() -> None:
            self._next_claims_generation(expected)
            self.conn.executemany(
                f"INSERT INTO claims ({_CLAIM_COLUMNS}) VALUES ({', '.join('?' * 12)}) ON CONFLICT(id) DO UPDATE SET {updates}",
                [self._claim_params(c) for c in claims],
            )
            self.conn.executemany(
                "DELETE FROM claim_conflicts WHERE (claim_id, other_id) IN"
                " (SELECT other_id, claim_id FROM claim_conflicts WHERE claim_id = ?)",
                [(c.id,) for c in claims],
            )
            self.conn.executemany("DELETE FROM claim_conflicts WHERE claim_id = ?", [(c.id,) for c in claims])
            self.conn.executemany(
                "INSERT OR IGNORE INTO claim_conflicts (claim_id, other_id) VALUES (?, ?)",
                [pair for c in claims for other in c.conflicts_with for pair in ((c.id, other), (other, c.id))],
            )
            self.conn.executemany(
                "UPDATE candidates SET claim_id = ? WHERE id = ? AND claim_id IS NOT ?",
                [(c.id, cid, c.id) for c in claims for cid in c.candidate_ids],
            )
            self.conn.executemany(
                "UPDATE claims SET corroboration = ? WHERE id = ?", [(standing.value, cid) for cid, standing in standings.items()]
            )

        self._write(work)

    def claims_are_keyed(self) -> bool:
        """True when there are claims and each has a key: only then can new candidates be matched alone."""
        row = self._rows("SELECT EXISTS (SELECT 1 FROM claims), EXISTS (SELECT 1 FROM claims WHERE block IS NULL)")[0]
        return bool(row[0]) and not row[1]

    def unmatched_candidates(self) -> list[Candidate]:
        """Candidates in no claim: those extracted or imported since claims were last matched."""
        rows = self._rows(f"SELECT {_CANDIDATE_COLUMNS} FROM candidates WHERE claim_id IS NULL ORDER BY seq")
        return [self._candidate(r) for r in rows]

    def last_matched_rank(self) -> int:
        """The ingest order (``seq``) of the newest article with a candidate in a claim, 0 if none.

        Walks back from the newest article, so it reads only those since.
        """
        row = self._one(
            "SELECT a.seq FROM articles a WHERE EXISTS"
            " (SELECT 1 FROM candidates c WHERE c.article_id = a.id AND c.claim_id IS NOT NULL)"
            " ORDER BY a.seq DESC LIMIT 1"
        )
        return int(row[0]) if row else 0

    def claims_near(
        self, blocks: Iterable[str], slots: Iterable[str], ranges: Iterable[tuple[str, float, float]]
    ) -> list[Claim]:
        """Claims in one of ``blocks`` or ``slots``, or in a slot with a value in [low, high]; each part by index.

        What new candidates can join or contradict: claims without their
        members or conflicts, which most of them do not need (see
        ``members_of_claims``).
        """
        found: dict[str, sqlite3.Row] = {}
        for row in self._rows_among(f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE block IN ({{}})", blocks):
            found[row["id"]] = row
        for row in self._rows_among(f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE slot IN ({{}})", slots):
            found[row["id"]] = row
        for slot, low, high in ranges:
            sql = f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE slot = ? AND value BETWEEN ? AND ?"
            for row in self._rows(sql, (slot, low, high)):
                found[row["id"]] = row
        return [self._claim(row, ()) for row in found.values()]

    def members_of_claims(self, claim_ids: Iterable[str], converted: bool = False) -> list[Candidate]:
        """The member candidates of these claims, by index; with ``converted`` only those told with a conversion.

        A conversion is an ``equivalents`` entry in ``attrs``: what a conflict
        test needs of a claim besides its leader.
        """
        where = "instr(attrs, '\"equivalents\"') > 0 AND " if converted else ""
        rows = self._rows_among(f"SELECT {_CANDIDATE_COLUMNS} FROM candidates WHERE {where}claim_id IN ({{}})", claim_ids)
        return [self._candidate(r) for r in rows]

    def candidates_by_id(self, candidate_ids: Iterable[str]) -> list[Candidate]:
        rows = self._rows_among(f"SELECT {_CANDIDATE_COLUMNS} FROM candidates WHERE id IN ({{}})", candidate_ids)
        return [self._candidate(r) for r in rows]

    def claims_of_candidates(self, candidate_ids: Iterable[str]) -> dict[str, str]:
        """The claim of each of these candidates that is in one."""
        rows = self._rows_among("SELECT id, claim_id FROM candidates WHERE claim_id IS NOT NULL AND id IN ({})", candidate_ids)
        return {r[0]: r[1] for r in rows}

    def claim_counts(self) -> tuple[int, int]:
        """How many claims there are, and how many of them are in conflict."""
        row = self._rows("SELECT count(*), coalesce(sum(corroboration = 'conflict'), 0) FROM claims")[0]
        return int(row[0]), int(row[1])

    def claim(self, claim_id: str) -> Claim | None:
        head = self._claim_head(claim_id)
        if head is None:
            return None
        members = tuple(r[0] for r in self._rows("SELECT id FROM candidates WHERE claim_id = ? ORDER BY seq", (claim_id,)))
        return replace(head, candidate_ids=members)

    def _claim_head(self, claim_id: str) -> Claim | None:
        """A claim with its conflicts but without its member ids."""
        row = self._one(f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE id = ?", (claim_id,))
        if row is None:
            return None
        conflicts = [
            r[0] for r in self._rows("SELECT other_id FROM claim_conflicts WHERE claim_id = ? ORDER BY other_id", (claim_id,))
        ]
        return self._claim(row, conflicts)

    # -- decisions --------------------------------------------------------

    def decide(
        self,
        candidate_id: str,
        reviewer: str,
        action: Action,
        *,
        fields: dict[str, Any] | None = None,
        note: str | None = None,
        adjudicate: bool = False,
        uid: str | None = None,
    ) -> CandidateState:
        """Append one decision and update the candidate's state, in one committed transaction.

        ``uid`` is an idempotency key: recording the same uid twice adds one
        row, so a retried write cannot duplicate a decision. Raises
        ``KeyError`` for an unknown candidate, leaving nothing written. A
        lease on the candidate ends with it: decided, it needs no keeping.
        """
        if action is Action.UNDO:
            raise ValueError("use undo() to take a decision back")
        row = (
            uid or uuid.uuid4().hex, candidate_id, reviewer, action.value,
            json.dumps(fields, ensure_ascii=False, sort_keys=True) if fields else None, note, int(adjudicate),
        )

        def work() -> CandidateState:
            if self.conn.execute("SELECT 1 FROM candidates WHERE id = ?", (candidate_id,)).fetchone() is None:
                raise KeyError(candidate_id)
            self.conn.execute(
                "INSERT INTO decisions (uid, candidate_id, reviewer, action, fields, note, adjudicate, decided_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uid) DO NOTHING",
                (*row, utcnow()),
            )
            self.conn.execute("DELETE FROM leases WHERE candidate_id = ?", (candidate_id,))
            return self._refresh_state(candidate_id)

        return self._write(work)

    def undo(self, reviewer: str) -> Decision | None:
        """Take back ``reviewer``'s last live decision with a new log row; None when there is none.

        The log, not the process, knows what is live, so this works across
        sessions and terminals. The candidate is derived again: the
        reviewer's earlier decision on it, if any, counts again.
        """

        def work() -> Decision | None:
            row = self.conn.execute(
                "SELECT * FROM decisions d WHERE d.reviewer = ? AND d.action != 'undo'"
                " AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)"
                " ORDER BY d.id DESC LIMIT 1",
                (reviewer,),
            ).fetchone()
            if row is None:
                return None
            self.conn.execute(
                "INSERT INTO decisions (uid, candidate_id, reviewer, action, undoes, decided_at)"
                " VALUES (?, ?, ?, 'undo', ?, ?)",
                (uuid.uuid4().hex, row["candidate_id"], reviewer, row["id"], utcnow()),
            )
            self._refresh_state(row["candidate_id"])
            return self._decision(row)

        return self._write(work)

    @staticmethod
    def _decision(row: sqlite3.Row) -> Decision:
        return Decision(
            id=row["id"],
            candidate_id=row["candidate_id"],
            reviewer=row["reviewer"],
            action=Action(row["action"]),
            decided_at=row["decided_at"],
            fields=json.loads(row["fields"]) if row["fields"] else {},
            note=row["note"],
            adjudicate=bool(row["adjudicate"]),
            undoes=row["undoes"],
        )

    def _live_decisions(self, candidate_id: str) -> list[Decision]:
        """A candidate's decisions that no undo took back, oldest first (two index lookups per decision)."""
        rows = self.conn.execute(
            "SELECT * FROM decisions d WHERE d.candidate_id = ? AND d.action != 'undo'"
            " AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id) ORDER BY d.id",
            (candidate_id,),
        ).fetchall()
        return [self._decision(r) for r in rows]

    def _refresh_state(self, candidate_id: str) -> CandidateState:
        """Recompute one candidate's state columns from its live decisions (inside a write transaction)."""
        state, deciding = _derive(candidate_id, self._live_decisions(candidate_id))
        version = self.conn.execute(
            "UPDATE candidates SET status = ?, disputed = ?, decided_by = ?, decided_at = ?, note = ?, edited = ?,"
            " decision_id = ?, version = version + 1 WHERE id = ? RETURNING version",
            (
                state.status.value, int(state.disputed), state.reviewer, state.decided_at, state.note,
                json.dumps(state.fields, ensure_ascii=False, sort_keys=True) if state.fields else None,
                deciding, candidate_id,
            ),
        ).fetchall()[0][0]
        return replace(state, version=version)

    def state(self, candidate_id: str) -> CandidateState | None:
        row = self._one(f"SELECT {_STATE_COLUMNS} FROM candidates WHERE id = ?", (candidate_id,))
        return self._state(row) if row else None

    @staticmethod
    def _state(row: sqlite3.Row) -> CandidateState:
        return CandidateState(
            candidate_id=row["id"],
            status=Status(row["status"]),
            disputed=bool(row["disputed"]),
            reviewer=row["decided_by"],
            decided_at=row["decided_at"],
            note=row["note"],
            fields=json.loads(row["edited"]) if row["edited"] else {},
            version=row["version"],
        )

    def states_for_article(self, article_id: str) -> dict[str, CandidateState]:
        rows = self._rows(f"SELECT {_STATE_COLUMNS} FROM candidates WHERE article_id = ?", (article_id,))
        return {r["id"]: self._state(r) for r in rows}

    def decisions(self, reviewer: str | None = None) -> list[Decision]:
        if reviewer is None:
            rows = self._rows("SELECT * FROM decisions ORDER BY id")
        else:
            rows = self._rows("SELECT * FROM decisions WHERE reviewer = ? ORDER BY id", (reviewer,))
        return [self._decision(r) for r in rows]

    def live_opinions(self) -> list[tuple[str, str, str]]:
        """(candidate, reviewer, action) for each reviewer's latest live decision on each candidate.

        A reviewer whose latest live decision on a candidate adjudicates it is
        left out for that candidate: agreement is measured between independent
        judgments, and an adjudication is made knowing the others'.
        """
        rows = self._rows(
            "SELECT candidate_id, reviewer, action FROM ("
            " SELECT d.candidate_id, d.reviewer, d.action, d.adjudicate,"
            "  row_number() OVER (PARTITION BY d.candidate_id, d.reviewer ORDER BY d.id DESC) AS recency"
            " FROM decisions d WHERE d.action != 'undo' AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id))"
            " WHERE recency = 1 AND adjudicate = 0 ORDER BY candidate_id, reviewer"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    # -- reviewers and leases ---------------------------------------------

    def save_position(self, reviewer: str, article_id: str | None, candidate_id: str | None, filters: dict[str, Any]) -> None:
        """Remember where ``reviewer`` is and with which filters, so any terminal can resume there."""
        self._write(
            lambda: self.conn.execute(
                "INSERT INTO reviewers (name, article_id, candidate_id, filters, updated_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(name) DO UPDATE SET article_id = excluded.article_id,"
                " candidate_id = excluded.candidate_id, filters = excluded.filters, updated_at = excluded.updated_at",
                (reviewer, article_id, candidate_id, json.dumps(filters, sort_keys=True), utcnow()),
            )
        )

    def position(self, reviewer: str) -> Position | None:
        """Where ``reviewer`` left off; filters that are not a JSON object (say, hand-edited) read as none."""
        row = self._one("SELECT article_id, candidate_id, filters FROM reviewers WHERE name = ?", (reviewer,))
        if row is None:
            return None
        try:
            filters = json.loads(row["filters"]) if row["filters"] else {}
        except ValueError:
            filters = {}
        from curator.review_records import Position

        return Position(row["article_id"], row["candidate_id"], filters if isinstance(filters, dict) else {})

    def claim_lease(
        self, candidate_id: str, reviewer: str, ttl_s: float, now: float | None = None, *, release_others: bool = False
    ) -> bool:
        """Take or renew the lease on a candidate; False when another reviewer holds a live one.

        One statement decides it (``ON CONFLICT ... WHERE``), so two reviewers
        racing for the same candidate cannot both win. ``release_others``
        drops the reviewer's other leases in the same transaction: moving to
        the next candidate is then one write, with no moment where the
        reviewer holds none.
        """
        now = time.time() if now is None else now

        def work() -> bool:
            if release_others:
                self.conn.execute("DELETE FROM leases WHERE reviewer = ? AND candidate_id != ?", (reviewer, candidate_id))
            cursor = self.conn.execute(
                "INSERT INTO leases (candidate_id, reviewer, expires_at) VALUES (?, ?, ?)"
                " ON CONFLICT(candidate_id) DO UPDATE SET reviewer = excluded.reviewer, expires_at = excluded.expires_at"
                " WHERE leases.expires_at < ? OR leases.reviewer = excluded.reviewer",
                (candidate_id, reviewer, now + ttl_s, now),
            )
            return cursor.rowcount > 0

        return self._write(work)

    def release_leases(self, reviewer: str) -> int:
        """Drop every lease ``reviewer`` holds (on quit); returns how many."""
        return self._write(lambda: self.conn.execute("DELETE FROM leases WHERE reviewer = ?", (reviewer,)).rowcount)

    def leased_by_others(self, reviewer: str, candidate_ids: Iterable[str], now: float | None = None) -> dict[str, str]:
        """Which of ``candidate_ids`` another reviewer holds a live lease on, and who."""
        now = time.time() if now is None else now
        ids = list(candidate_ids)
        held: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows = self._rows(
                f"SELECT candidate_id, reviewer FROM leases WHERE candidate_id IN ({', '.join('?' * len(chunk))})"
                " AND reviewer != ? AND expires_at >= ?",
                [*chunk, reviewer, now],
            )
            held.update({r[0]: r[1] for r in rows})
        return held

    # -- export -----------------------------------------------------------

    @staticmethod
    def _export_conditions(f: ExportFilter) -> tuple[list[str], list[Any]]:
        """WHERE conditions (to AND together) of an export over ``candidates c``, ``articles a``, ``claims cl``."""
        conditions: list[str] = []
        params: list[Any] = []

        def among(expression: str, values: Sequence[str]) -> str:
            params.extend(values)
            return f"{expression} IN ({', '.join('?' * len(values))})"

        if f.statuses is not None:
            parts = [among("c.status", f.statuses)] if f.statuses else []
            if f.disputed:
                parts.append("c.disputed = 1")
            conditions.append(f"({' OR '.join(parts) or '0'})")
        if f.kinds is not None:
            conditions.append(among("CASE WHEN cl.id IS NULL THEN c.kind ELSE cl.kind END", f.kinds))
        if f.articles is not None:
            conditions.append(f"({among('a.id', f.articles)} OR {among('a.source', f.articles)})")
        if f.corroborations is not None:
            conditions.append(among("CASE WHEN cl.id IS NULL THEN 'single-source' ELSE cl.corroboration END", f.corroborations))
        return conditions, params

    def iter_export_rows(self, f: ExportFilter) -> Iterator[ExportRow]:
        """Every evidence line the filter selects, streamed by one query, each fact's lines consecutive.

        Order: facts by ``f.kind_order`` (other kinds after, by name), then
        claims in claim order, then candidates without a claim in candidate
        order; a fact's lines by article (ingest order) and offset. SQLite
        sorts in bounded memory, spilling to a temporary file when large.
        """
        conditions, params = self._export_conditions(f)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        kind = "CASE WHEN cl.id IS NULL THEN c.kind ELSE cl.kind END"
        whens = " ".join("WHEN ? THEN ?" for _ in f.kind_order)
        ranks = [x for rank, name in enumerate(f.kind_order) for x in (name, rank)]
        rank = f"CASE {kind} {whens} ELSE {len(f.kind_order)} END" if f.kind_order else "0"
        yield from self._export_stream(
            f"SELECT {_EXPORT_SELECT} FROM candidates c JOIN articles a ON a.id = c.article_id"
            f" LEFT JOIN claims cl ON cl.id = c.claim_id{where}"
            f" ORDER BY {rank}, {kind}, CASE WHEN cl.id IS NULL THEN c.seq + {_EXPORT_LOOSE} ELSE cl.seq END,"
            " a.seq, c.span_start, c.span_end, c.seq",
            [*params, *ranks],
        )

    def _export_stream(self, sql: str, params: Sequence[Any]) -> Iterator[ExportRow]:
        """Rows of one export query as ExportRow, a batch at a time (plain tuples: cheaper than sqlite3.Row)."""
        with self._lock:
            try:
                cursor = self.conn.cursor()
                cursor.row_factory = None
                cursor.execute(sql, params)
            except sqlite3.Error as error:
                raise self._fail(error) from None
        make = ExportRow._make
        while True:
            with self._lock:
                try:
                    batch = cursor.fetchmany(1000)
                except sqlite3.Error as error:
                    raise self._fail(error) from None
            if not batch:
                return
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
            self.conn.execute("BEGIN")
        try:
            yield
        finally:
            with self._lock:
                if self.conn.in_transaction:
                    self.conn.execute("COMMIT")

    def claim_conflicts(self) -> dict[str, list[str]]:
        """Every claim's conflicting claims (sorted), in one query.

        Held in memory beside the export's row stream: it grows with the
        claims in conflict, not with the candidates, and a per-row subquery
        cost a tenth of a million-candidate export.
        """
        conflicts: dict[str, list[str]] = {}
        for claim_id, other_id in self._rows("SELECT claim_id, other_id FROM claim_conflicts ORDER BY claim_id, other_id"):
            conflicts.setdefault(claim_id, []).append(other_id)
        return conflicts

    def export_articles(self, f: ExportFilter) -> list[Article]:
        """The articles at least one selected evidence line comes from, in ingest order (``text`` left empty)."""
        conditions, params = self._export_conditions(f)
        rows = self._rows(
            "SELECT a.id, a.sha256, a.source, '' AS text, a.title, a.url, a.outlet, a.published, a.language"
            " FROM articles a WHERE EXISTS (SELECT 1 FROM candidates c LEFT JOIN claims cl ON cl.id = c.claim_id"
            f" WHERE {' AND '.join(['c.article_id = a.id', *conditions])}) ORDER BY a.seq",
            params,
        )
        return [Article(**dict(r)) for r in rows]

    def known_article_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` name an article, by id or by source file name."""
        found: set[str] = set()
        batch = list(keys)
        for i in range(0, len(batch), 400):
            chunk = batch[i : i + 400]
            marks = ", ".join("?" * len(chunk))
            for article_id, source in self._rows(
                f"SELECT id, source FROM articles WHERE id IN ({marks}) OR source IN ({marks})", [*chunk, *chunk]
            ):
                found.update(k for k in (article_id, source) if k in chunk)
        return found

    # -- review screen ----------------------------------------------------

    @staticmethod
    def _review_conditions(f: ReviewFilter) -> tuple[list[str], list[Any]]:
        """Conditions (to AND) over ``candidates c LEFT JOIN claims cl`` that mirror ``ReviewFilter.matches``."""
        conditions: list[str] = []
        params: list[Any] = []
        for expression, values in (
            ("c.status", f.status),
            ("c.kind", f.kind),
            ("COALESCE(cl.corroboration, 'single-source')", f.corroboration),
            ("c.decided_by", f.reviewer),
        ):
            if values:
                conditions.append(f"{expression} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        if f.disputed:
            conditions.append("c.disputed = 1")
        return conditions, params

    def _review_exists(self, f: ReviewFilter, extra: Sequence[str] = ()) -> tuple[str, list[Any]]:
        """``EXISTS (...)`` for an article ``a`` having a candidate that passes ``f`` (indexed by article)."""
        conditions, params = self._review_conditions(f)
        where = " AND ".join(["c.article_id = a.id", *conditions, *extra])
        # INDEXED BY: on its own the planner may pick candidates_status and scan every pending candidate per article.
        return (
            f"EXISTS (SELECT 1 FROM candidates c INDEXED BY candidates_article LEFT JOIN claims cl ON cl.id = c.claim_id"
            f" WHERE {where})",
            params,
        )

    def review_counts(self, reviewer: str) -> ReviewCounts:
        total = int(self._rows("SELECT count(*) FROM candidates")[0][0])
        pending = int(self._rows("SELECT count(*) FROM candidates WHERE status = 'pending'")[0][0])
        mine = int(
            self._rows(
                "SELECT count(DISTINCT d.candidate_id) FROM decisions d WHERE d.reviewer = ? AND d.action != 'undo'"
                " AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)",
                (reviewer,),
            )[0][0]
        )
        from curator.review_records import ReviewCounts

        return ReviewCounts(total=total, decided=total - pending, mine=mine)

    def article_page(self, f: ReviewFilter, offset: int, limit: int) -> list[ArticleProgress]:
        """A page of the article list, keeping only articles with a candidate that passes ``f``."""
        if not f.active:
            return self.article_progress(offset, limit)
        exists, params = self._review_exists(f)
        rows = self._rows(
            "SELECT a.id, a.source, a.title, a.url, a.outlet, a.published, a.language,"
            " (SELECT count(*) FROM candidates c WHERE c.article_id = a.id) AS candidates,"
            " (SELECT count(*) FROM candidates c WHERE c.article_id = a.id AND c.status != 'pending') AS decided"
            f" FROM articles a WHERE {exists} ORDER BY a.seq LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [ArticleProgress(**dict(r)) for r in rows]

    def count_review_articles(self, f: ReviewFilter) -> int:
        if not f.active:
            return self.count_articles()
        exists, params = self._review_exists(f)
        return int(self._rows(f"SELECT count(*) FROM articles a WHERE {exists}", params)[0][0])

    def article_rank(self, article_id: str, f: ReviewFilter) -> int | None:
        """Where ``article_id`` sits in the (filtered) article list; None when the filter leaves it out."""
        row = self._one("SELECT seq FROM articles WHERE id = ?", (article_id,))
        if row is None:
            return None
        exists, params = self._review_exists(f) if f.active else ("1", [])
        if f.active and not self._one(f"SELECT 1 FROM articles a WHERE a.id = ? AND {exists}", [article_id, *params]):
            return None
        return int(self._rows(f"SELECT count(*) FROM articles a WHERE a.seq < ? AND {exists}", [row[0], *params])[0][0])

    def next_review_article(self, after: str | None, reviewer: str, f: ReviewFilter, now: float | None = None) -> str | None:
        """The next article after ``after`` (wrapping round) with a candidate to review for ``reviewer``.

        To review: passes ``f``, is pending when ``f`` wants pending ones, and
        is not leased by another reviewer. Articles are walked in ingest order
        by primary key, so the cost follows the distance to the answer.
        """
        now = time.time() if now is None else now
        extra = ["NOT EXISTS (SELECT 1 FROM leases l WHERE l.candidate_id = c.id AND l.reviewer != ? AND l.expires_at >= ?)"]
        if f.wants_pending:
            extra.append("c.status = 'pending'")
        exists, params = self._review_exists(f, extra)
        params = [*params, reviewer, now]
        row = self._one("SELECT seq FROM articles WHERE id = ?", (after,)) if after else None
        seq = row[0] if row else 0
        for where, bound in (("a.seq > ?", seq), ("a.seq <= ?", seq)):
            found = self._one(f"SELECT a.id FROM articles a WHERE {where} AND {exists} ORDER BY a.seq LIMIT 1", [bound, *params])
            if found:
                return str(found[0])
        return None

    def next_conflict(self, after: str | None, f: ReviewFilter) -> tuple[str, str] | None:
        """(article id, candidate id) of the first candidate in conflict in an article after ``after``, wrapping round."""
        conditions, params = self._review_conditions(f)
        where = " AND ".join(["c.article_id = a.id", "cl.id = c.claim_id", "cl.corroboration = 'conflict'", *conditions])
        row = self._one("SELECT seq FROM articles WHERE id = ?", (after,)) if after else None
        seq = row[0] if row else 0
        for bound in ("a.seq > ?", "a.seq <= ?"):
            found = self._one(
                "SELECT c.article_id, c.id FROM articles a CROSS JOIN candidates c INDEXED BY candidates_article"
                " CROSS JOIN claims cl"
                f" WHERE {bound} AND {where} ORDER BY a.seq, c.span_start, c.span_end, c.kind LIMIT 1",
                [seq, *params],
            )
            if found:
                return str(found[0]), str(found[1])
        return None

    def corroboration_for_article(self, article_id: str) -> dict[str, tuple[str, int]]:
        """Each candidate's claim standing and number of sources (a candidate without a claim stands alone)."""
        rows = self._rows(
            "SELECT c.id, COALESCE(cl.corroboration, 'single-source'), COALESCE(cl.sources, 1)"
            " FROM candidates c LEFT JOIN claims cl ON cl.id = c.claim_id WHERE c.article_id = ?",
            (article_id,),
        )
        return {r[0]: (r[1], int(r[2])) for r in rows}

    def _claim_members(self, claim_id: str, limit: int) -> tuple[ClaimMember, ...]:
        rows = self._rows(
            "SELECT c.id AS candidate_id, c.claim_id, c.article_id, a.title, a.source, c.kind, c.text, c.quote,"
            " c.value, c.unit, c.qualifier, c.status FROM candidates c JOIN articles a ON a.id = c.article_id"
            " WHERE c.claim_id = ? ORDER BY c.seq LIMIT ?",
            (claim_id, limit),
        )
        from curator.review_records import ClaimMember

        return tuple(ClaimMember(**dict(r)) for r in rows)

    def claim_view(self, claim_id: str, limit: int = 12) -> ClaimView | None:
        """A claim for the claim panel: its first ``limit`` members and those of each conflicting claim.

        Unlike ``claim()`` it never reads every member id (an entity claim can
        span 100,000 articles): members come by index with a limit, the total
        by an index-only count.
        """
        claim = self._claim_head(claim_id)
        if claim is None:
            return None
        total = int(self._rows("SELECT count(*) FROM candidates WHERE claim_id = ?", (claim_id,))[0][0])
        conflicts = []
        for other_id in claim.conflicts_with:
            other = self._claim_head(other_id)
            if other is not None:
                conflicts.append((other, self._claim_members(other_id, limit)))
        from curator.review_records import ClaimView

        return ClaimView(claim, self._claim_members(claim_id, limit), total, tuple(conflicts))

    def search_review(self, words: str, limit: int = 50) -> list[SearchHit]:
        """Articles (title or text) and candidates (text, statement, value) containing ``words``, case-blind for ASCII.

        A scan: the review screen runs it in a worker.
        """
        needle = words.strip().lower()
        if not needle:
            return []
        articles = self._rows(
            "SELECT id, title, substr(text, max(pos - 30, 1), 90) AS snippet FROM"
            " (SELECT seq, id, title, text, instr(lower(text), :n) AS pos FROM articles)"
            " WHERE pos > 0 OR instr(lower(title), :n) > 0 ORDER BY seq LIMIT :limit",
            {"n": needle, "limit": limit},
        )
        candidates = self._rows(
            "SELECT c.id, c.article_id, c.kind, c.quote, a.title FROM candidates c JOIN articles a ON a.id = c.article_id"
            " WHERE instr(lower(c.text), :n) > 0 OR instr(lower(c.statement), :n) > 0"
            " OR instr(lower(CAST(c.value AS TEXT)), :n) > 0 ORDER BY c.seq LIMIT :limit",
            {"n": needle, "limit": limit},
        )
        from curator.review_records import SearchHit

        return [SearchHit(r["id"], None, r["title"], r["snippet"]) for r in articles] + [
            SearchHit(r["article_id"], r["id"], r["title"], r["quote"], r["kind"]) for r in candidates
        ]

    def reviewer_names(self) -> list[str]:
        """Everyone who decided something (the "decided by" filter's choices; opening the screen is not deciding)."""
        return [r[0] for r in self._rows("SELECT reviewer FROM decisions GROUP BY reviewer ORDER BY reviewer")]

    # -- summary ----------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Counts for ``curator status``: a handful of indexed aggregate queries."""
        count = lambda table: int(self._rows(f"SELECT count(*) FROM {table}")[0][0])  # noqa: E731
        by_status = {s.value: 0 for s in Status}
        for status, n in self._rows("SELECT status, count(*) FROM candidates GROUP BY status"):
            by_status[status] = n
        reviewers = [
            {"name": name, "decided": decided, "last_decision_at": last}
            for name, decided, last in self._rows(
                "SELECT reviewer, count(DISTINCT candidate_id), max(decided_at) FROM decisions d"
                " WHERE action != 'undo' AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)"
                " GROUP BY reviewer ORDER BY reviewer"
            )
        ]
        return {
            "database": str(self.path),
            "schema_version": SCHEMA_VERSION,
            "articles": count("articles"),
            "articles_extracted": int(self._rows("SELECT count(*) FROM articles WHERE extracted_at IS NOT NULL")[0][0]),
            "candidates": count("candidates"),
            "claims": count("claims"),
            "decisions": count("decisions"),
            "by_status": by_status,
            "disputed": int(self._rows("SELECT count(*) FROM candidates WHERE disputed = 1")[0][0]),
            "adjudicated": int(
                self._rows(
                    "SELECT count(*) FROM candidates c JOIN decisions d ON d.id = c.decision_id WHERE d.adjudicate = 1"
                )[0][0]
            ),
            "conflicts": int(self._rows("SELECT count(*) FROM claims WHERE corroboration = 'conflict'")[0][0]),
            "reviewers": reviewers,
        }


def derive_state(candidate_id: str, live: Sequence[Decision]) -> CandidateState:
    """A candidate's state from its live decisions, oldest first.

    Each reviewer's latest live decision is their opinion. The newest live
    adjudication settles the status, even when its author decided plainly
    afterwards (a stray ``a`` does not reopen a settled dispute); only undoing
    it, or a newer adjudication, changes the outcome. Otherwise the newest
    opinion sets it, a skip only when nobody holds a view (a skip is no
    view: it must not hide a colleague's accept), and the candidate is
    disputed when views differ (accept, reject, or edits to other values).
    """
    return _derive(candidate_id, live)[0]


def _derive(candidate_id: str, live: Sequence[Decision]) -> tuple[CandidateState, int | None]:
    """``derive_state`` and the id of the decision that sets the status (None while pending)."""
    opinions = {d.reviewer: d for d in live}
    if not opinions:
        return CandidateState(candidate_id, Status.PENDING), None
    newest = lambda decisions: max(decisions, key=lambda d: d.id)  # noqa: E731
    adjudications = [d for d in live if d.adjudicate]
    views = [d for d in opinions.values() if d.action is not Action.SKIP]
    deciding = newest(adjudications or views or opinions.values())
    outcomes = {(d.action.value, json.dumps(d.fields, sort_keys=True) if d.action is Action.EDIT else "") for d in views}
    state = CandidateState(
        candidate_id=candidate_id,
        status=ACTION_STATUS[deciding.action],
        disputed=not adjudications and len(outcomes) > 1,
        reviewer=deciding.reviewer,
        decided_at=deciding.decided_at,
        note=deciding.note,
        fields=deciding.fields if deciding.action is Action.EDIT else {},
    )
    return state, deciding.id


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        # as_uri() percent-encodes "?", "#" and "%" in the file name, which a URI would otherwise misread.
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None,
            check_same_thread=False,
        )
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def open_store(path: str | os.PathLike[str], *, create: bool = True, readonly: bool = False) -> Store:
    """Open (and create or migrate) a curator database, or raise CuratorError with one sentence.

    A database from a newer curator is refused before anything is written, so
    its file stays byte-for-byte as it was; a file that is not SQLite, or an
    SQLite file that is not curator's, is refused without being touched.
    """
    path = Path(path)
    if path.is_dir():
        raise CuratorError(f"{path} is a folder, not a database file.")
    if not path.exists():
        if not create:
            raise CuratorError(f"there is no database at {path}; run `curator ingest PATH` first.")
        if not path.parent.exists():
            raise CuratorError(f"cannot create {path}: the folder {path.parent} does not exist.")
        if readonly:
            raise CuratorError(f"there is no database at {path}.")
    try:
        conn = _connect(path, readonly)
    except sqlite3.Error as error:
        raise CuratorError(f"cannot open {path}: {error}.") from None
    store = Store(path, conn, readonly)
    try:
        _prepare(store)
    except BaseException:
        conn.close()
        raise
    return store


_FIRST_TABLES = ("articles", "candidates", "decisions")
"""Tables every curator database has had since schema version 1: a file with a version but without them is foreign."""


def _prepare(store: Store) -> None:
    conn, path = store.conn, store.path
    try:
        # One statement, one snapshot: read apart, a migration committed in between
        # by another process would show as "version 0 with tables", a foreign file.
        version, tables, ours = conn.execute(
            "SELECT (SELECT user_version FROM pragma_user_version),"
            " (SELECT count(*) FROM sqlite_master WHERE type = 'table'),"
            f" (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ({', '.join('?' * len(_FIRST_TABLES))}))",
            _FIRST_TABLES,
        ).fetchone()
    except sqlite3.Error as error:
        if _code(error) == _SQLITE_NOTADB:
            raise CuratorError(f"{path} is not a curator database: it is not an SQLite file.") from None
        raise store._fail(error) from None
    has_tables = tables > 0
    if version > SCHEMA_VERSION:
        raise CuratorError(
            f"{path} was written by a newer curator (schema version {version}; this one knows up to "
            f"{SCHEMA_VERSION}); upgrade curator to open it. The file was not changed."
        )
    if (version == 0 and has_tables) or (version > 0 and ours < len(_FIRST_TABLES)):
        # Refused before anything is written: switching to WAL would already change another program's file.
        raise CuratorError(f"{path} is an SQLite database but not a curator one; choose another file.")
    if store.readonly:
        if version < SCHEMA_VERSION:
            raise CuratorError(f"{path} needs upgrading to schema version {SCHEMA_VERSION}, but it is read-only.")
        return
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as error:
        raise store._fail(error) from None
    if version < SCHEMA_VERSION:
        store._write(lambda: _migrate(conn))


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply pending steps inside the caller's BEGIN IMMEDIATE, re-reading the version under the lock."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise CuratorError(f"the database was upgraded to schema version {version} by a newer curator meanwhile.")
    for step in range(version, SCHEMA_VERSION):
        for statement in _split_sql(_MIGRATIONS[step]):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {step + 1}")


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (``executescript`` would commit our transaction)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]
