"""A candidate's history as rows to read (the ``h`` dialog), without Textual.

Built from ``Store.history`` (every decision on one candidate, oldest first):
one row per decision with reviewer, action, value, reason, note and time;
an undo names what it took back, and a decision later undone is marked so.
``live_opinions`` gives each reviewer's standing view side by side, what an
adjudicator weighs before settling a dispute.
"""

from __future__ import annotations

from dataclasses import dataclass

from curator.display import format_value
from curator.models import Action, Candidate, Decision

@dataclass(frozen=True)
class HistoryRow:
    """One decision as the dialog shows it; every text is outside text (names, notes), never markup."""

    when: str
    reviewer: str
    action: str
    value: str
    reason: str
    note: str
    undone: bool


def _when(stamp: str) -> str:
    """``2026-04-14T09:02:11.761097Z`` -> ``2026-04-14 09:02:11`` (UTC, as stored)."""
    return stamp[:19].replace("T", " ")


def _value(candidate: Candidate, decision: Decision) -> str:
    if decision.action is Action.EDIT:
        fields = decision.fields
        value = format_value(
            candidate.kind, fields.get("value", candidate.value), fields.get("unit", candidate.unit),
            fields.get("qualifier", candidate.qualifier),
        )
        others = [f"{k}: {' '.join(str(v).split())}" for k, v in sorted(fields.items()) if k not in ("value", "unit", "qualifier")]
        return "; ".join([value, *others])
    if decision.action is Action.UNDO:
        return ""
    return format_value(candidate.kind, candidate.value, candidate.unit, candidate.qualifier)


def history_rows(candidate: Candidate, decisions: list[Decision]) -> list[HistoryRow]:
    """One row per decision, oldest first; an undo's action reads ``undo accept`` (what it took back)."""
    by_id = {d.id: d for d in decisions}
    undone = {d.undoes for d in decisions if d.undoes is not None}
    rows = []
    for d in decisions:
        action = d.action.value
        if d.action is Action.UNDO and d.undoes in by_id:
            action = f"undo {by_id[d.undoes].action.value}"
        elif d.adjudicate:
            action += " (settles)"
        rows.append(HistoryRow(
            when=_when(d.decided_at), reviewer=d.reviewer, action=action, value=_value(candidate, d),
            reason=d.reason or "", note=" ".join((d.note or "").split()), undone=d.id in undone,
        ))
    return rows


def live_opinions(candidate: Candidate, decisions: list[Decision]) -> list[str]:
    """Each reviewer's latest decision no undo took back: ``ana: accept $6.7 billion``, by name."""
    undone = {d.undoes for d in decisions if d.undoes is not None}
    latest: dict[str, Decision] = {}
    for d in decisions:
        if d.action is not Action.UNDO and d.id not in undone:
            latest[d.reviewer] = d
    lines = []
    for name in sorted(latest):
        d = latest[name]
        text = f"{name}: {d.action.value}"
        if d.action is not Action.SKIP:
            text += f" {_value(candidate, d)}"
        if d.reason:
            text += f" ({d.reason})"
        if d.adjudicate:
            text += ", settling"
        lines.append(text)
    return lines
