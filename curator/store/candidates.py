"""The ``candidates`` table's extraction side: storing what extractors and imports found, and reading it back."""

from __future__ import annotations

import json
from sys import intern
from collections.abc import Iterable, Iterator, Sequence

from curator.models import Candidate, Status, as_told
from curator.store.connection import Connection, Row

CANDIDATE_COLUMNS = (
    "id, article_id, kind, text, span_start, span_end, quote, quote_start, subject, "
    "statement, value, unit, qualifier, extractor, attrs, claim_id"
)
TOLD_COLUMNS = f"{CANDIDATE_COLUMNS}, edited"
"""The columns of a candidate as matching reads it: with the edit in force (``_told``)."""


def _interned(text: str | None) -> str | None:
    return None if text is None else intern(text)


class Candidates(Connection):
    """Candidates as extracted: insert (idempotent by id), by id, by article, streamed, unmatched."""

    def save_extraction(self, article_id: str, candidates: Sequence[Candidate],
                        copies: Sequence[tuple[str, str]] = ()) -> int:
        """Store one article's candidates and the copy rows of their sentences, and mark it extracted, atomically;
        returns how many candidates were new."""
        return self.save_extractions([(article_id, candidates, copies)])

    def save_extractions(self, extracted: Sequence[tuple[str, Sequence[Candidate], Sequence[tuple[str, str]]]]) -> int:
        """Store several articles' candidates, the ``(copy fingerprint, article id)`` rows of their sentences
        (``syndication``), and mark them extracted, in one transaction; returns how many candidates were new.

        One transaction per batch, not per article: each commit costs a WAL frame write and a lock round, and
        a killed process leaves every committed batch whole and the rest unextracted.
        """

        def work() -> int:
            added = self._insert_candidates([c for _, candidates, _ in extracted for c in candidates])
            self._executemany(
                "INSERT OR IGNORE INTO syndication (fingerprint, article_id) VALUES (?, ?)",
                [row for _, _, copies in extracted for row in copies],
            )
            now = self._utcnow()
            self._executemany("UPDATE articles SET extracted_at = ? WHERE id = ?", [(now, a) for a, _, _ in extracted])
            return added

        return self._write(work) if extracted else 0

    def add_candidates(self, candidates: Sequence[Candidate], copies: Sequence[tuple[str, str]] = ()) -> int:
        """Store candidates made elsewhere (``import-candidates``) with the copy rows of their sentences (see
        ``save_extraction``); the same span twice adds nothing."""

        def work() -> int:
            added = self._insert_candidates(candidates)
            self._executemany("INSERT OR IGNORE INTO syndication (fingerprint, article_id) VALUES (?, ?)", copies)
            return added

        return self._write(work)

    def _insert_candidates(self, candidates: Sequence[Candidate]) -> int:
        cursor = self._executemany(
            f"INSERT INTO candidates ({CANDIDATE_COLUMNS}) VALUES ({', '.join('?' * 16)})"
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
        return cursor.rowcount  # sqlite3_changes summed over the rows: the triggers' counter writes not counted

    @staticmethod
    def _candidate(row: Row) -> Candidate:
        """A Candidate from its row; the values many candidates repeat (article, kind, unit, extractor, subject)
        are interned, one string each, so a stream of a million candidates held by matching is about a quarter
        smaller (1,108 bytes a candidate before, 834 after: tracemalloc, 1,000 generated articles)."""
        return Candidate(
            id=row["id"],
            article_id=intern(row["article_id"]),
            kind=intern(row["kind"]),
            text=row["text"],
            start=row["span_start"],
            end=row["span_end"],
            quote=row["quote"],
            quote_start=row["quote_start"],
            subject=_interned(row["subject"]),
            statement=row["statement"],
            value=row["value"],
            unit=_interned(row["unit"]),
            qualifier=_interned(row["qualifier"]),
            extractor=intern(row["extractor"]),
            attrs=json.loads(row["attrs"]) if row["attrs"] else {},
            claim_id=row["claim_id"],
        )

    @classmethod
    def _told(cls, row: Row) -> Candidate:
        """A candidate read with ``TOLD_COLUMNS`` as its edit in force tells it (``models.as_told``)."""
        candidate = cls._candidate(row)
        return as_told(candidate, json.loads(row["edited"])) if row["edited"] else candidate

    def candidate_counts(self) -> dict[str, int]:
        """Candidates by status (every ``Status`` value, 0 when none), ``disputed`` and ``adjudicated``.

        Read from the counters triggers keep in step with every write of ``candidates`` (schema 7), so the
        cost is a few lookups whatever the size of the database.
        """
        counts = {s.value: 0 for s in Status} | {"disputed": 0, "adjudicated": 0}
        for name, value in self._rows("SELECT name, value FROM counters WHERE name >= 'candidates:' AND name < 'candidates;'"):
            counts[name.removeprefix("candidates:")] = value
        return counts

    def candidate(self, candidate_id: str) -> Candidate | None:
        row = self._one(f"SELECT {CANDIDATE_COLUMNS} FROM candidates WHERE id = ?", (candidate_id,))
        return self._candidate(row) if row else None

    def candidates_for_article(self, article_id: str) -> list[Candidate]:
        rows = self._rows(
            f"SELECT {CANDIDATE_COLUMNS} FROM candidates WHERE article_id = ? ORDER BY span_start, span_end, kind",
            (article_id,),
        )
        return [self._candidate(r) for r in rows]

    def candidates(self, kinds: Iterable[str] | None = None, told: bool = False) -> Iterator[Candidate]:
        """Every candidate (optionally of some kinds) in a stable order, streamed; ``told``: as edits tell them."""
        kinds = list(kinds) if kinds is not None else None
        where = f"WHERE kind IN ({', '.join('?' * len(kinds))})" if kinds else ""
        columns, read = (TOLD_COLUMNS, self._told) if told else (CANDIDATE_COLUMNS, self._candidate)
        yield from self._stream(f"SELECT {columns} FROM candidates {where} ORDER BY seq", kinds or (), read)

    def candidates_by_id(self, candidate_ids: Iterable[str], told: bool = False) -> list[Candidate]:
        """These candidates (those that exist), as extracted or, ``told``, as edits tell them."""
        columns, read = (TOLD_COLUMNS, self._told) if told else (CANDIDATE_COLUMNS, self._candidate)
        rows = self._rows_among(f"SELECT {columns} FROM candidates WHERE id IN ({{}})", candidate_ids)
        return [read(r) for r in rows]

    def unmatched_candidates(self) -> list[Candidate]:
        """Candidates in no claim, as edits tell them: those extracted or imported since claims were last matched."""
        rows = self._rows(f"SELECT {TOLD_COLUMNS} FROM candidates WHERE claim_id IS NULL ORDER BY seq")
        return [self._told(r) for r in rows]
