"""Recording reviewer decisions: validation against the schema, one transaction per candidate.

Shared by ``curator decide`` and the review screen so both refuse the same
bad edits with the same sentences.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from typing import Any

from curator.errors import CuratorError
from curator.models import Action, CandidateState
from curator.schema import Schema, load_schema
from curator.store import Store


LEASE_SECONDS = 300.0
"""How long a candidate on one reviewer's screen stays out of the others' queues without being touched."""


def lease_seconds() -> float:
    """The lease length: ``$CURATOR_LEASE_SECONDS`` when set to a positive number, else five minutes."""
    raw = os.environ.get("CURATOR_LEASE_SECONDS")
    if raw is None:
        return LEASE_SECONDS
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if value <= 0:
        raise CuratorError(f"CURATOR_LEASE_SECONDS={raw!r} is not a positive number of seconds.")
    return value


@dataclass
class Outcome:
    decided: list[CandidateState] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def check_edit(schema: Schema, kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Clean edited fields or raise CuratorError naming the first bad one."""
    clean, errors = schema.validate_fields(kind, fields)
    if errors:
        name, message = next(iter(errors.items()))
        raise CuratorError(f"{name}: {message}")
    return clean


def record_decisions(
    store: Store,
    action: str,
    ids: list[str],
    reviewer: str,
    edits: dict[str, Any] | None = None,
    *,
    note: str | None = None,
    adjudicate: bool = False,
) -> Outcome:
    """Decide each id in its own committed transaction; unknown ids and bad edits are reported, not raised."""
    act = Action(action)
    edits = edits or {}
    if act is not Action.EDIT and edits:
        raise CuratorError(f"--value, --statement, --subject, --unit and --qualifier only go with edit, not {action}.")
    if act is Action.EDIT and not edits:
        raise CuratorError("edit needs at least one of --value, --statement, --subject, --unit or --qualifier.")
    schema = load_schema() if act is Action.EDIT else None
    outcome = Outcome()
    for candidate_id in ids:
        fields: dict[str, Any] = {}
        if schema is not None:
            candidate = store.candidate(candidate_id)
            if candidate is None:
                outcome.problems.append(f"no candidate with id {candidate_id}.")
                continue
            try:
                fields = check_edit(schema, candidate.kind, edits)
            except CuratorError as error:
                outcome.problems.append(f"{candidate_id}: {error}")
                continue
        try:
            outcome.decided.append(
                store.decide(candidate_id, reviewer, act, fields=fields, note=note, adjudicate=adjudicate, uid=uuid.uuid4().hex)
            )
        except KeyError:
            outcome.problems.append(f"no candidate with id {candidate_id}.")
    return outcome
