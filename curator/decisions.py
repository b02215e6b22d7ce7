"""Recording reviewer decisions: validation against the schema, one transaction per candidate.

Shared by ``curator decide`` and the review screen so both refuse the same
bad input with the same sentences, and the lease length both sides use.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from typing import Any

from curator.edits import settle_edit
from curator.errors import CuratorError
from curator.match.pending import settle_moves
from curator.models import Action, CandidateState, Decision
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
    if not 0 < value < float("inf"):
        raise CuratorError(f"CURATOR_LEASE_SECONDS={raw!r} is not a positive number of seconds.")
    return value


@dataclass
class Outcome:
    decided: list[CandidateState] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def is_utf8(text: str) -> bool:
    """Whether ``text`` can be stored: a byte that is not UTF-8 on the command line arrives as a lone surrogate."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
    reason: str | None = None,
    adjudicate: bool = False,
) -> Outcome:
    """Decide each id in its own committed transaction; unknown ids and bad edits are reported, not raised.

    ``reason`` (reject only) must be one of the schema's ``reject_reasons``
    and is kept in the decision's fields as ``{"reason": ...}``.

    When the database itself refuses (read-only, disk full, a lock that
    never comes free), the first such failure is raised as it is, and a
    later one stops the run with a problem saying which ids were left: each
    decision before it is committed and stays.
    """
    act = Action(action)
    ids = list(dict.fromkeys(ids))  # an id given twice is decided once
    edits = edits or {}
    if act is not Action.EDIT and edits:
        raise CuratorError(f"--value, --statement, --subject, --unit and --qualifier only go with edit, not {action}.")
    if act is Action.EDIT and not edits:
        raise CuratorError("edit needs at least one of --value, --statement, --subject, --unit or --qualifier.")
    if reason is not None and act is not Action.REJECT:
        raise CuratorError(f"--reason only goes with reject, not {action}.")
    if adjudicate and act is Action.SKIP:
        raise CuratorError("a skip cannot adjudicate: settle a dispute with accept, edit or reject.")
    texts = {"reviewer name": reviewer, "note": note or "", **{k: v for k, v in edits.items() if isinstance(v, str)}}
    for name, text in texts.items():
        if not is_utf8(text):
            raise CuratorError(f"the {name} {text!r} is not valid UTF-8 text.")
    schema = load_schema() if act is Action.EDIT or reason is not None else None
    reason_fields = {"reason": schema.reject_reason(reason)} if schema is not None and reason is not None else {}
    outcome = Outcome()
    for done, candidate_id in enumerate(ids):
        if not is_utf8(candidate_id):
            outcome.problems.append(f"no candidate with id {candidate_id!r}.")
            continue
        fields: dict[str, Any] = dict(reason_fields)
        if act is Action.EDIT and schema is not None:
            candidate = store.candidate(candidate_id)
            if candidate is None:
                outcome.problems.append(f"no candidate with id {candidate_id}.")
                continue
            try:
                fields = settle_edit(candidate, check_edit(schema, candidate.kind, edits))
            except CuratorError as error:
                outcome.problems.append(f"{candidate_id}: {error}")
                continue
        try:
            outcome.decided.append(
                store.decide(candidate_id, reviewer, act, fields=fields, note=note, adjudicate=adjudicate, uid=uuid.uuid4().hex)
            )
        except KeyError:
            outcome.problems.append(f"no candidate with id {candidate_id}.")
        except CuratorError as error:
            if not outcome.decided:
                raise
            left = len(ids) - done
            outcome.problems.append(f"{error} Stopped at {candidate_id}: it and the {left - 1} id(s) after it were not decided.")
            break
    try:
        settle_moves(store, schema)
    except CuratorError as error:  # the decisions stand; the moves stay pending for the next decision or extract
        outcome.problems.append(f"the decisions are recorded, but edited candidates are not yet under their new claims: {error}")
    return outcome


def undo_decision(store: Store, reviewer: str) -> Decision | None:
    """Take back ``reviewer``'s last live decision (``Store.undo``); an edit undone returns its candidate to the
    claim it left (``curator.match.pending``). None when there was nothing to undo."""
    undone = store.undo(reviewer)
    if undone is not None:
        settle_moves(store)
    return undone
