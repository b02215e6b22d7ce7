"""What a reviewer's edit really changes, shared by the edit form and ``curator decide edit``.

An edit is kept as the fields that differ from what was extracted, compared as
values, not as typed text: ``6.7bn`` for $6.7 billion or ``5,000,000`` for
$5 million restates the extracted value and is no edit at all (it would turn
an accepted candidate into a dispute). When the value, unit, qualifier or
subject changes and the reviewer did not write the statement, the statement
follows, so no sheet shows "$5 million" above a value of 6 million.
"""

from __future__ import annotations

import math
from typing import Any

from curator.display import format_value
from curator.errors import CuratorError
from curator.models import EDITABLE, Candidate

FOLLOWED = ("value", "unit", "qualifier", "subject")
"""Changing one of these rewrites a statement the reviewer did not write."""

RELATIVE_TOLERANCE = 1e-9
"""Two numbers this close are one value: ``6.7 * 1e9`` and ``6.7e9`` differ in the last binary digit."""


class NoChange(CuratorError):
    """An edit that restates what was extracted; ``shown`` is the extracted value as a person reads it."""

    def __init__(self, shown: str) -> None:
        super().__init__(f"the edit changes nothing: {shown} is what was extracted; accept the candidate instead.")
        self.shown = shown


def same_value(a: Any, b: Any) -> bool:
    """Whether two field values mean the same: numbers within ``RELATIVE_TOLERANCE``, text trimmed, empty as None."""
    if isinstance(a, str):
        a = a.strip() or None
    if isinstance(b, str):
        b = b.strip() or None
    numbers = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (a, b))
    if numbers:
        return math.isclose(float(a), float(b), rel_tol=RELATIVE_TOLERANCE)
    return bool(a == b)


def _generated(kind: str, subject: str | None, value: Any, unit: str | None, qualifier: str | None) -> str:
    """The statement the extractor writes for these fields (``curator.extract.base``)."""
    shown = format_value(kind, value, unit, qualifier)
    return f"{subject}: {shown}" if subject else shown


def follow_statement(candidate: Candidate, fields: dict[str, Any]) -> str:
    """The candidate's statement rewritten for the edited ``fields``.

    A statement the extractor generated is generated again; one that names the
    old value (as curator shows it, or as the article wrote it) gets the new
    value in its place; any other statement states no value and is kept.
    """
    new = {name: fields.get(name, getattr(candidate, name)) for name in FOLLOWED}
    old_shown = format_value(candidate.kind, candidate.value, candidate.unit, candidate.qualifier)
    new_shown = format_value(candidate.kind, new["value"], new["unit"], new["qualifier"])
    statement = candidate.statement
    old = _generated(candidate.kind, candidate.subject, candidate.value, candidate.unit, candidate.qualifier)
    if statement == old:
        return _generated(candidate.kind, new["subject"], new["value"], new["unit"], new["qualifier"])
    for stated in (old_shown, candidate.text):
        if stated and stated in statement:
            return statement.replace(stated, new_shown)
    return statement


def settle_edit(candidate: Candidate, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields of a validated edit that change ``candidate``, the statement following the value.

    ``fields`` are clean values (``Schema.validate_fields``); a ``statement``
    among them counts as written by the reviewer and is kept as written.
    Raises NoChange (a CuratorError) when nothing would change.
    """
    changed = {name: value for name, value in fields.items() if name in EDITABLE and not same_value(value, getattr(candidate, name))}
    if "statement" not in fields and any(name in changed for name in FOLLOWED):
        statement = follow_statement(candidate, changed)
        if statement != candidate.statement:
            changed["statement"] = statement
    if not changed:
        raise NoChange(format_value(candidate.kind, candidate.value, candidate.unit, candidate.qualifier))
    return changed
