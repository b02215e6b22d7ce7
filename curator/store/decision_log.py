"""The append-only ``decisions`` log and the candidate state columns derived from it.

A decision is never changed or deleted (triggers abort both); an undo is a
new row naming the one it takes back. "Live" decisions are those no undo took
back. After each decision the candidate's ``status``, ``disputed``,
``decided_by`` ... columns are recomputed from its live decisions in the same
transaction (``derive_state``), so readers never replay the log.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from curator.models import ACTION_STATUS, Action, CandidateState, Decision, Status
from curator.store.connection import Connection, Row

STATE_COLUMNS = "id, status, disputed, decided_by, decided_at, note, edited, version"


def to_decision(row: Row) -> Decision:
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


def to_state(row: Row) -> CandidateState:
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


class DecisionLog(Connection):
    """Decide, undo, read the log and the states it sets."""

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
            if self._execute("SELECT 1 FROM candidates WHERE id = ?", (candidate_id,)).fetchone() is None:
                raise KeyError(candidate_id)
            self._execute(
                "INSERT INTO decisions (uid, candidate_id, reviewer, action, fields, note, adjudicate, decided_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uid) DO NOTHING",
                (*row, self._utcnow()),
            )
            self._execute("DELETE FROM leases WHERE candidate_id = ?", (candidate_id,))
            return self._refresh_state(candidate_id)

        return self._write(work)

    def undo(self, reviewer: str) -> Decision | None:
        """Take back ``reviewer``'s last live decision with a new log row; None when there is none.

        The log, not the process, knows what is live, so this works across
        sessions and terminals. The candidate is derived again: the
        reviewer's earlier decision on it, if any, counts again.
        """

        def work() -> Decision | None:
            row = self._execute(
                "SELECT * FROM live_decisions d WHERE d.reviewer = ? ORDER BY d.id DESC LIMIT 1", (reviewer,)
            ).fetchone()
            if row is None:
                return None
            self._execute(
                "INSERT INTO decisions (uid, candidate_id, reviewer, action, undoes, decided_at)"
                " VALUES (?, ?, ?, 'undo', ?, ?)",
                (uuid.uuid4().hex, row["candidate_id"], reviewer, row["id"], self._utcnow()),
            )
            self._refresh_state(row["candidate_id"])
            return to_decision(row)

        return self._write(work)

    def _refresh_state(self, candidate_id: str) -> CandidateState:
        """Recompute one candidate's state columns from its live decisions (inside a write transaction)."""
        live = self._execute("SELECT * FROM live_decisions d WHERE d.candidate_id = ? ORDER BY d.id", (candidate_id,))
        state, deciding = _derive(candidate_id, [to_decision(r) for r in live.fetchall()])
        edited = json.dumps(state.fields, ensure_ascii=False, sort_keys=True) if state.fields else None
        before = self._execute("SELECT edited, claim_id FROM candidates WHERE id = ?", (candidate_id,)).fetchone()
        version = self._execute(
            "UPDATE candidates SET status = ?, disputed = ?, decided_by = ?, decided_at = ?, note = ?, edited = ?,"
            " decision_id = ?, version = version + 1 WHERE id = ? RETURNING version",
            (
                state.status.value, int(state.disputed), state.reviewer, state.decided_at, state.note, edited,
                deciding, candidate_id,
            ),
        ).fetchall()[0][0]
        if before["edited"] != edited and before["claim_id"] is not None:
            # What the candidate tells changed: it is filed again (``Claims.pending_moves``), never left under
            # a claim heading what it no longer says; unless it is back to the edit it was filed with.
            self._execute(
                "INSERT INTO match_pending (candidate_id, mark, filed) VALUES (?, ?, ?)"
                " ON CONFLICT(candidate_id) DO UPDATE SET mark = excluded.mark",
                (candidate_id, version, before["edited"]),
            )
            self._execute("DELETE FROM match_pending WHERE candidate_id = ? AND filed IS ?", (candidate_id, edited))
        return replace(state, version=version)

    def state(self, candidate_id: str) -> CandidateState | None:
        row = self._one(f"SELECT {STATE_COLUMNS} FROM candidates WHERE id = ?", (candidate_id,))
        return to_state(row) if row else None

    def states_for_article(self, article_id: str) -> dict[str, CandidateState]:
        rows = self._rows(f"SELECT {STATE_COLUMNS} FROM candidates WHERE article_id = ?", (article_id,))
        return {r["id"]: to_state(r) for r in rows}

    def decisions(self, reviewer: str | None = None) -> list[Decision]:
        if reviewer is None:
            rows = self._rows("SELECT * FROM decisions ORDER BY id")
        else:
            rows = self._rows("SELECT * FROM decisions WHERE reviewer = ? ORDER BY id", (reviewer,))
        return [to_decision(r) for r in rows]

    def history(self, candidate_id: str) -> list[Decision]:
        """Every decision on one candidate, oldest first: accepts, edits, rejects, skips, undos and adjudications.

        An undo names the decision it took back in ``undoes``; a reject's
        reason is ``Decision.reason``. One indexed read (``decisions_candidate``).
        """
        rows = self._rows("SELECT * FROM decisions WHERE candidate_id = ? ORDER BY id", (candidate_id,))
        return [to_decision(r) for r in rows]

    def live_opinions(self) -> list[tuple[str, str, str]]:
        """(candidate, reviewer, action) for each reviewer's own view of each candidate, as it stood before adjudication.

        A reviewer's view is their latest live, non-adjudicating decision made
        before the candidate's first live adjudication. Agreement is measured
        between independent judgments: an adjudication is made knowing the
        others' views, and so is a decision after it (a reviewer conceding
        the point), so neither counts; but adjudication settles the fact
        without erasing the disagreement that preceded it.
        """
        rows = self._rows(
            "SELECT candidate_id, reviewer, action FROM ("
            " SELECT d.candidate_id, d.reviewer, d.action,"
            "  row_number() OVER (PARTITION BY d.candidate_id, d.reviewer ORDER BY d.id DESC) AS recency"
            " FROM live_decisions d WHERE d.adjudicate = 0 AND NOT EXISTS (SELECT 1 FROM live_decisions j"
            "  WHERE j.candidate_id = d.candidate_id AND j.adjudicate = 1 AND j.id < d.id))"
            " WHERE recency = 1 ORDER BY candidate_id, reviewer"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def reviewer_names(self) -> list[str]:
        """Everyone who decided something (the "decided by" filter's choices; opening the screen is not deciding)."""
        return [r[0] for r in self._rows("SELECT reviewer FROM decisions GROUP BY reviewer ORDER BY reviewer")]

    def decided_by(self, reviewer: str) -> int:
        """How many candidates ``reviewer`` holds a live decision on."""
        return self._count("SELECT count(DISTINCT d.candidate_id) FROM live_decisions d WHERE d.reviewer = ?", (reviewer,))

    def reviewers_summary(self) -> list[dict[str, Any]]:
        """Per reviewer: name, candidates with a live decision of theirs, and when they last decided (by live decisions)."""
        return [
            {"name": name, "decided": decided, "last_decision_at": last}
            for name, decided, last in self._rows(
                "SELECT reviewer, count(DISTINCT candidate_id), max(decided_at) FROM live_decisions"
                " GROUP BY reviewer ORDER BY reviewer"
            )
        ]


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
