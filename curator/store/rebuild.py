"""Claims rebuilt block by block in a scratch database beside the store, then swapped in whole.

A full match of a large corpus cannot hold every candidate in memory (about
0.8 KB each: 5 GB for 100,000 articles). ``ClaimsRebuild`` hands matching
the candidates one block at a time, in an order SQLite sorts on disk, and
keeps what matching writes (claims, their members, the heads conflicts are
tested on, conflict links) in a scratch SQLite file, so memory follows the
largest block, not the corpus. ``Rebuilds.swap_in_claims`` then replaces
the store's claims from the scratch file in one transaction, as
``replace_claims`` would from a list.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from curator.models import Candidate, Claim, Corroboration, told_fields
from curator.store.claims import CLAIM_COLUMNS, Claims, _claim_params
from curator.store.connection import FETCH_BATCH

BlockOf = Callable[[str, str | None, Any, str | None], str]
"""(kind, unit, value, subject) of a candidate -> the text of its matching block."""

_SCRATCH = f"""
    CREATE TABLE blocks (block TEXT NOT NULL, seq INTEGER NOT NULL);
    CREATE TABLE claims AS SELECT {CLAIM_COLUMNS} FROM db.claims WHERE 0;
    CREATE TABLE members (candidate_id TEXT NOT NULL, claim_id TEXT NOT NULL);
    CREATE TABLE heads (slot TEXT NOT NULL, claim_id TEXT NOT NULL, place INTEGER NOT NULL, candidate_id TEXT NOT NULL,
                        figure TEXT);
    CREATE TABLE conflicts (claim_id TEXT NOT NULL, other_id TEXT NOT NULL, PRIMARY KEY (claim_id, other_id)) WITHOUT ROWID;
"""
_SCRATCH_INDEXES = (
    "CREATE UNIQUE INDEX claims_id ON claims(id)",
    "CREATE UNIQUE INDEX members_candidate ON members(candidate_id)",
    "CREATE INDEX heads_slot ON heads(slot, claim_id, place)",
)
"""Made once every claim is added (``heads_by_slot``): sorting the rows once is cheaper than keeping an index in
order through each insert, whose random keys miss the page cache more the larger the corpus."""


class ClaimsRebuild:
    """One rebuild's scratch database (a temporary file), with the store attached read-only-in-use as ``db``.

    Reads see one snapshot of the store for the whole rebuild. Shapes: a block
    is a list of ``Candidate`` in ingest order (``seq``); a head is a claim's
    leader (place 0) or a member told with a conversion (place 1), what a
    conflict test reads of a claim (see ``curator.match.incremental``), with
    the text matching gave it (``figure``: the leader's figure slot, kept so
    that it is not worked out again; None for other heads).
    """

    def __init__(self, folder: Path, store_path: Path, to_candidate: Callable[[sqlite3.Row], Candidate]) -> None:
        self.path = folder / "rebuild.db"
        self._conn = sqlite3.connect(self.path, isolation_level=None)
        self._open = True
        self._conn.row_factory = sqlite3.Row
        self._conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        self._conn.execute("ATTACH DATABASE ? AS db", (str(store_path),))
        self._conn.executescript(_SCRATCH)
        self._conn.execute("BEGIN")  # one read snapshot of the store for the whole rebuild
        self._candidate = to_candidate

    def close(self) -> None:
        """Finish with the scratch file (written, never rolled back: it keeps no journal) and let go of the store."""
        if self._open:
            if self._conn.in_transaction:
                self._conn.execute("COMMIT")
            self._conn.close()
            self._open = False

    def blocks(self, block_of: BlockOf) -> Iterator[list[Candidate]]:
        """Every candidate of the store, one block (``block_of``) at a time, blocks in their text's order."""
        self._conn.create_function("curator_block", 5, _as_told(block_of), deterministic=True)
        self._conn.execute(
            "INSERT INTO blocks (block, seq) SELECT curator_block(kind, unit, value, subject, edited), seq FROM db.candidates"
        )
        self._conn.execute("CREATE INDEX blocks_order ON blocks(block, seq)")
        cursor = self._conn.execute(
            f"SELECT b.block AS block_text, {', '.join('c.' + c for c in _CANDIDATE_COLUMNS)}"
            " FROM blocks b JOIN db.candidates c ON c.seq = b.seq ORDER BY b.block, b.seq"
        )
        current: str | None = None
        block: list[Candidate] = []
        while rows := cursor.fetchmany(FETCH_BATCH):
            for row in rows:
                if row["block_text"] != current:
                    if block:
                        yield block
                    current, block = row["block_text"], []
                block.append(self._candidate(row))
        if block:
            yield block

    def add(self, claims: Sequence[Claim], heads: Iterable[tuple[str, str, int, str, str | None]]) -> None:
        """Keep ``claims`` (with their members) and their ``(slot, claim id, place, candidate id, figure)`` heads."""
        self._conn.executemany(
            f"INSERT INTO claims ({CLAIM_COLUMNS}) VALUES ({', '.join('?' * len(CLAIM_COLUMNS.split(', ')))})",
            [_claim_params(c) for c in claims],
        )
        self._conn.executemany(
            "INSERT INTO members (candidate_id, claim_id) VALUES (?, ?)", [(m, c.id) for c in claims for m in c.candidate_ids]
        )
        self._conn.executemany("INSERT INTO heads (slot, claim_id, place, candidate_id, figure) VALUES (?, ?, ?, ?, ?)", heads)

    def heads_by_slot(self) -> Iterator[list[tuple[str, list[Candidate], str | None]]]:
        """Per slot, each claim's id with its heads, the leader first, and the leader's ``figure`` text; called once
        every claim is added (``add``), it indexes them (``_SCRATCH_INDEXES``)."""
        for sql in _SCRATCH_INDEXES:  # one by one: executescript would end the read snapshot's transaction
            self._conn.execute(sql)
        slots = [r[0] for r in self._conn.execute("SELECT DISTINCT slot FROM heads ORDER BY slot").fetchall()]
        for slot in slots:
            rows = self._conn.execute(
                f"SELECT h.claim_id AS head_of, h.figure AS figure, {', '.join('c.' + c for c in _CANDIDATE_COLUMNS)}"
                " FROM heads h JOIN db.candidates c ON c.id = h.candidate_id WHERE h.slot = ? ORDER BY h.claim_id, h.place",
                (slot,),
            ).fetchall()
            claims: dict[str, tuple[list[Candidate], str | None]] = {}
            for row in rows:
                claims.setdefault(row["head_of"], ([], row["figure"]))[0].append(self._candidate(row))
            yield [(cid, members, figure) for cid, (members, figure) in claims.items()]

    def claims_of(self, candidate_ids: Iterable[str]) -> dict[str, str]:
        """The claim of each of these candidates that is in one."""
        ids, found = list(candidate_ids), {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            sql = f"SELECT candidate_id, claim_id FROM members WHERE candidate_id IN ({', '.join('?' * len(chunk))})"
            found.update({r[0]: r[1] for r in self._conn.execute(sql, chunk)})
        return found

    def add_conflicts(self, links: Mapping[str, Iterable[str]]) -> None:
        """Link claims in conflict (both ways are given) and mark them ``conflict``."""
        self._conn.executemany(
            "INSERT OR IGNORE INTO conflicts (claim_id, other_id) VALUES (?, ?)",
            [(a, b) for a, others in links.items() for b in others],
        )
        self._conn.executemany(
            "UPDATE claims SET corroboration = ? WHERE id = ?", [(Corroboration.CONFLICT.value, a) for a in links]
        )


_CANDIDATE_COLUMNS = (
    "id", "article_id", "kind", "text", "span_start", "span_end", "quote", "quote_start", "subject",
    "statement", "value", "unit", "qualifier", "extractor", "attrs", "claim_id", "edited",
)


def _as_told(block_of: BlockOf) -> Callable[[str, str | None, object, str | None, str | None], str]:
    """``block_of`` of a candidate's columns as its edit in force (``edited``, JSON) tells them (``models.as_told``)."""

    def told(kind: str, unit: str | None, value: object, subject: str | None, edited: str | None) -> str:
        fields = told_fields(json.loads(edited)) if edited else {}
        return block_of(kind, fields.get("unit", unit), fields.get("value", value), fields.get("subject", subject))

    return told


class Rebuilds(Claims):
    """Full matches rebuilt in a scratch database (``ClaimsRebuild``) and swapped in whole."""

    @contextlib.contextmanager
    def claims_rebuild(self) -> Iterator[ClaimsRebuild]:
        """A scratch rebuild beside this store, removed afterwards (CuratorError with one sentence on SQLite errors)."""
        with tempfile.TemporaryDirectory(prefix="curator-match-") as folder:
            rebuild = None
            try:
                rebuild = ClaimsRebuild(Path(folder), self.path, self._told)
                yield rebuild
            except sqlite3.Error as error:
                raise self._fail(error) from None
            finally:
                if rebuild is not None:
                    rebuild.close()

    def swap_in_claims(self, rebuild: ClaimsRebuild, expected: int | None = None,
                       settled: Mapping[str, int] | None = None) -> None:
        """Replace every claim, conflict link and candidate's claim link with the rebuild's, in one transaction.

        ``expected`` and ``settled`` as for ``replace_claims``: ``StaleClaims`` when another process wrote claims
        since; the pending moves read before the candidates are filed.
        """
        rebuild.close()

        def work() -> None:
            self._clear_claims(expected, settled)
            self._execute(f"INSERT INTO claims ({CLAIM_COLUMNS}) SELECT {CLAIM_COLUMNS} FROM rebuild.claims")
            self._execute("INSERT OR IGNORE INTO claim_conflicts (claim_id, other_id) SELECT claim_id, other_id FROM rebuild.conflicts")
            self._execute(
                "UPDATE candidates SET claim_id = m.claim_id FROM rebuild.members m WHERE m.candidate_id = candidates.id"
            )

        with self._lock:
            self._conn.execute("ATTACH DATABASE ? AS rebuild", (str(rebuild.path),))
        try:
            self._write(work)
        finally:
            with self._lock:
                self._conn.execute("DETACH DATABASE rebuild")
