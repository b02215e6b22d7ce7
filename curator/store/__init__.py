"""The only package that speaks SQL: a curator database as a ``Store`` of table families.

Layout (one module per table family, each a part of ``Store``):

- ``connection``: the connection, ``BEGIN IMMEDIATE`` writes with retry, streams, read snapshots, error sentences;
- ``schema``: the schema version, migrations and the checks made on opening;
- ``articles``, ``candidates``, ``claims``, ``decision_log``, ``presence``, ``provenance``: one table family each;
- ``rebuild``: a full match's claims rebuilt block by block in a scratch file, swapped in whole;
- ``export_rows``: the fact-sheet query; ``review``: the review screen's queries; ``summary``: ``curator status``;
- ``search``: full-text search over articles (FTS5); ``backup``: a consistent copy of a live database;
- ``records``, ``review_records``: the plain records they take and return (no ``sqlite3`` type leaves the package).

The parts are mixins over one ``Connection`` rather than objects ``Store``
delegates to: they share one connection, one lock and one transaction (a
decision also ends the candidate's lease; a cursor move leases and saves the
place), every caller keeps writing ``store.decide(...)``, and no forwarding
method has to be kept in step. Each part names only the parts it reads from
(``ReviewQueries`` builds on ``Articles``, ``Claims`` and ``DecisionLog``).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from curator.errors import CuratorError
from curator.store import connection
from curator.store.access import read_mode, write_refusal
from curator.store.backup import Backup
from curator.store.claims import StaleClaims
from curator.store.connection import network_filesystem
from curator.store.decision_log import derive_state
from curator.store.export_rows import ExportRows
from curator.store.presence import Presence
from curator.store.provenance import Provenance
from curator.store.rebuild import Rebuilds
from curator.store.records import (
    SELECTOR_CONTEXT, ArticleHit, ArticleProgress, ExportFilter, ExportRow, FactHead, Placement, StoryLink, StoryPrint,
)
from curator.store.review import ReviewQueries
from curator.store.schema import SCHEMA_VERSION, prepare
from curator.store.summary import Summary

__all__ = [
    "SCHEMA_VERSION", "SELECTOR_CONTEXT", "ArticleHit", "ArticleProgress", "ExportFilter", "ExportRow", "FactHead", "Placement", "StaleClaims",
    "StoryLink", "StoryPrint", "Store",
    "derive_state", "network_filesystem", "open_store", "write_refusal",
]


class Store(ReviewQueries, Summary, Presence, ExportRows, Provenance, Rebuilds, Backup):
    """A curator database. Use :func:`open_store` to get one; close it (or use it as a context manager).

    The parts: ``Articles``, ``Candidates``, ``Claims``, ``DecisionLog`` (through
    ``ReviewQueries``, which also builds on ``Search``, and ``Summary``), ``Presence``, ``ExportRows``, ``Provenance``, ``Rebuilds``, ``Backup``.
    """

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | os.PathLike[str], *, create: bool = True, readonly: bool = False) -> Store:
    """Open (and create or migrate) a curator database, or raise CuratorError with one sentence.

    A database from a newer curator is refused before anything is written, so
    its file stays byte-for-byte as it was; a file that is not SQLite, or an
    SQLite file that is not curator's, is refused without being touched.
    Opened to write, a database this process may not write (``access.write_refusal``:
    the file, its folder, its ``-wal``/``-shm``) is refused before SQLite touches it.
    ``readonly`` reads it without writing or creating anything (``access.read_mode``).
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
    mode = read_mode(path) if readonly else None
    if mode is None:
        refusal = write_refusal(path)
        if refusal is not None:
            raise CuratorError(f"cannot write {path}: {refusal}; nothing was written.")
    try:
        conn = connection._connect(path, readonly, query=mode.query) if mode else connection._connect(path, readonly)
    except sqlite3.Error as error:
        raise CuratorError(f"cannot open {path}: {error}.") from None
    store = Store(path, conn, readonly, mode)
    try:
        prepare(store)
    except BaseException:
        conn.close()
        raise
    return store
