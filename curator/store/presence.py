"""Where reviewers are: the ``reviewers`` table (saved positions) and ``leases`` (who has a candidate on screen).

A lease is a soft lock with an expiry (``time.time()`` seconds): other
reviewers' "next" skips a leased candidate, nobody is prevented from deciding
it. ``move`` records a reviewer's cursor move (lease the new candidate, drop
the others, save the place) in one write.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from curator.store.connection import Connection

if TYPE_CHECKING:
    from curator.store.review_records import Position


@dataclass(frozen=True)
class DecideTurn:
    """Whether a reviewer may decide a candidate now (``clear``).

    ``holder`` is the other reviewer holding a live lease on it (None when the
    lease is now the deciding reviewer's); ``moved`` says its state version
    differs from the one the reviewer saw: someone decided or undid it meanwhile.
    """

    holder: str | None
    moved: bool

    @property
    def clear(self) -> bool:
        return self.holder is None and not self.moved


class Presence(Connection):
    """Positions and leases."""

    def save_position(self, reviewer: str, article_id: str | None, candidate_id: str | None, filters: dict[str, Any]) -> None:
        """Remember where ``reviewer`` is and with which filters, so any terminal can resume there."""
        self._write(lambda: self._save_position(reviewer, article_id, candidate_id, filters))

    def _save_position(self, reviewer: str, article_id: str | None, candidate_id: str | None, filters: dict[str, Any]) -> None:
        self._execute(
            "INSERT INTO reviewers (name, article_id, candidate_id, filters, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(name) DO UPDATE SET article_id = excluded.article_id,"
            " candidate_id = excluded.candidate_id, filters = excluded.filters, updated_at = excluded.updated_at",
            (reviewer, article_id, candidate_id, json.dumps(filters, sort_keys=True), self._utcnow()),
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
        from curator.store.review_records import Position

        return Position(row["article_id"], row["candidate_id"], filters if isinstance(filters, dict) else {})

    def save_theme(self, reviewer: str, theme: str) -> None:
        """Remember ``reviewer``'s theme (a Textual theme name), whether or not they have a saved place yet."""
        self._write(lambda: self._execute(
            "INSERT INTO reviewers (name, theme, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(name) DO UPDATE SET theme = excluded.theme",
            (reviewer, theme, self._utcnow()),
        ))

    def preferred_theme(self, reviewer: str) -> str | None:
        """The theme ``reviewer`` last picked, None when they never did."""
        row = self._one("SELECT theme FROM reviewers WHERE name = ?", (reviewer,))
        return row["theme"] if row is not None else None

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
                self._execute("DELETE FROM leases WHERE reviewer = ? AND candidate_id != ?", (reviewer, candidate_id))
            return self._take_lease(candidate_id, reviewer, ttl_s, now)

        return self._write(work)

    def turn_to_decide(
        self, candidate_id: str, reviewer: str, ttl_s: float, seen_version: int | None, now: float | None = None
    ) -> DecideTurn:
        """Lease ``candidate_id`` for ``reviewer`` and check nobody decided it since they saw ``seen_version``, in one write.

        ``seen_version`` None skips the check (the lease is still taken).

        A screen calls it just before recording a key press: with the lease
        taken, no other screen can decide the candidate until this one has,
        and a version that moved means someone decided (or undid) it
        meanwhile, so the key was pressed on a state that is gone. Without
        this check, a screen whose view is a poll behind decides again what
        another one just decided (its lease ended with that decision).
        """
        now = time.time() if now is None else now

        def work() -> DecideTurn:
            holder = None
            if not self._take_lease(candidate_id, reviewer, ttl_s, now):
                row = self._execute("SELECT reviewer FROM leases WHERE candidate_id = ?", (candidate_id,)).fetchone()
                holder = row[0] if row else "another reviewer"
            row = self._execute("SELECT version FROM candidates WHERE id = ?", (candidate_id,)).fetchone()
            return DecideTurn(holder, seen_version is not None and row is not None and int(row[0]) != seen_version)

        return self._write(work)

    def _take_lease(self, candidate_id: str, reviewer: str, ttl_s: float, now: float) -> bool:
        cursor = self._execute(
            "INSERT INTO leases (candidate_id, reviewer, expires_at) VALUES (?, ?, ?)"
            " ON CONFLICT(candidate_id) DO UPDATE SET reviewer = excluded.reviewer, expires_at = excluded.expires_at"
            " WHERE leases.expires_at < ? OR leases.reviewer = excluded.reviewer",
            (candidate_id, reviewer, now + ttl_s, now),
        )
        return cursor.rowcount > 0

    def move(
        self,
        reviewer: str,
        article_id: str | None,
        candidate_id: str | None,
        filters: dict[str, Any],
        ttl_s: float,
        now: float | None = None,
    ) -> str | None:
        """A cursor move in one write: lease ``candidate_id``, drop the reviewer's other leases, save the position.

        Returns who holds a live lease on ``candidate_id`` when it is another
        reviewer (the reviewer then holds no lease), else None. The position is
        saved either way.
        """
        now = time.time() if now is None else now

        def work() -> str | None:
            holder = None
            if candidate_id is None:
                self._execute("DELETE FROM leases WHERE reviewer = ?", (reviewer,))
            else:
                self._execute("DELETE FROM leases WHERE reviewer = ? AND candidate_id != ?", (reviewer, candidate_id))
                if not self._take_lease(candidate_id, reviewer, ttl_s, now):
                    row = self._execute("SELECT reviewer FROM leases WHERE candidate_id = ?", (candidate_id,)).fetchone()
                    holder = row[0] if row else "another reviewer"
            self._save_position(reviewer, article_id, candidate_id, filters)
            return holder

        return self._write(work)

    def release_leases(self, reviewer: str) -> int:
        """Drop every lease ``reviewer`` holds (on quit); returns how many."""
        return self._write(lambda: self._execute("DELETE FROM leases WHERE reviewer = ?", (reviewer,)).rowcount)

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
