"""Plain records passed between ingest, extract, match, store and export.

Frozen dataclasses with no behaviour beyond small derived properties, so every
layer can build and compare them without knowing where they came from.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

Value = float | str | None


class Status(str, enum.Enum):
    """A candidate's current state, derived from its latest live decision."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    EDITED = "edited"
    REJECTED = "rejected"
    SKIPPED = "skipped"


class Action(str, enum.Enum):
    """What a reviewer can do to a candidate (``undo`` is a log entry of its own)."""

    ACCEPT = "accept"
    REJECT = "reject"
    EDIT = "edit"
    SKIP = "skip"
    UNDO = "undo"


ACTION_STATUS: dict[Action, Status] = {
    Action.ACCEPT: Status.ACCEPTED,
    Action.REJECT: Status.REJECTED,
    Action.EDIT: Status.EDITED,
    Action.SKIP: Status.SKIPPED,
}


class Corroboration(str, enum.Enum):
    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single-source"
    CONFLICT = "conflict"
    MENTION = "mention"
    """A bare name (an ``entity`` claim): nothing anyone can corroborate or contradict, however many sources name it."""


@dataclass(frozen=True)
class Article:
    """One ingested article: ``text`` is what is stored, ``id`` the first 16 hex digits of its SHA-256.

    ``published`` is ISO 8601 as precise as the page states it (``2016-03-03``,
    ``2020-01-20T10:00:00+08:00``); ``reader`` names what made ``text``
    (``trafilatura``, ``json-ld``, ``visible-text``, ``plain``, ``json``);
    ``controls_removed`` counts the control characters dropped from it.
    """

    id: str
    sha256: str
    source: str
    text: str
    title: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str = "en"
    authors: tuple[str, ...] = ()
    reader: str = "plain"
    controls_removed: int = 0
    profile: str | None = None
    """The corpus profile recorded at ingest (a ``curator.yaml`` path, see curator.schema), or None."""


@dataclass(frozen=True)
class Candidate:
    """One checkable statement found in one place of one article.

    ``start``/``end`` are code-point offsets of ``text`` in the article text;
    ``quote`` is the sentence around it, starting at ``quote_start``.
    ``attrs`` holds kind-specific extras (entity type, the id of an equivalent
    conversion, the relation's object) that do not deserve a column.
    """

    id: str
    article_id: str
    kind: str
    text: str
    start: int
    end: int
    quote: str
    quote_start: int
    subject: str | None
    statement: str
    value: Value
    unit: str | None = None
    qualifier: str | None = None
    extractor: str = "rules"
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    claim_id: str | None = None


EDITABLE = ("statement", "subject", "value", "unit", "qualifier")
"""The fields of a candidate a reviewer's edit may change."""


def told_fields(edited: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of an edit (``Candidate.edited``, decoded) that change what a candidate tells (``EDITABLE``)."""
    return {name: value for name, value in edited.items() if name in EDITABLE}


def as_told(candidate: Candidate, edited: Mapping[str, Any]) -> Candidate:
    """The candidate as its edit in force tells it (``edited``: the edit's fields, {} when none): what matching
    files it under, so an edited evidence line joins the claim its new value states, never relabels its old one."""
    fields = told_fields(edited)
    return replace(candidate, **fields) if fields else candidate


@dataclass(frozen=True)
class ClaimKey:
    """Where matching filed a claim, as text: what matching new candidates looks up (see ``curator.match``)."""

    block: str
    """The block its members share (kind and normalised key)."""
    slot: str
    """The block without its value: where the claims it may contradict are."""
    leader: str
    """The id of its first member in ranking order, whose subject and context stand for the claim."""
    high: float | None = None
    """A range's other end (``curator.match.conflicts._ends``), None for a single value: where a close value beyond
    the range's high end finds the claim it may contradict."""


@dataclass(frozen=True)
class Claim:
    """Candidates from any number of articles that state the same fact."""

    id: str
    kind: str
    subject: str | None
    statement: str
    value: Value
    unit: str | None
    qualifier: str | None
    corroboration: Corroboration
    sources: int
    """Independent sources (``curator.provenance.sources``): one story, one outlet, one syndicated sentence count once."""
    candidate_ids: tuple[str, ...] = ()
    conflicts_with: tuple[str, ...] = ()
    article_count: int = 1
    """Distinct articles stating the claim."""
    outlets: tuple[str, ...] = ()
    """Canonical names of the outlets stating it, sorted."""
    tellers: tuple[str, ...] | None = None
    """The original teller of each independent source with an outlet (``curator.provenance.sources``); None when
    not counted (a claim stored before schema 11)."""
    carriers: tuple[str, ...] = ()
    """Outlets that only carried a teller's copy, sorted."""
    key: ClaimKey | None = field(default=None, compare=False)
    """None for a claim made by hand, not by matching."""


@dataclass(frozen=True)
class Decision:
    """One row of the append-only decision log."""

    id: int
    candidate_id: str
    reviewer: str
    action: Action
    decided_at: str
    fields: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    note: str | None = None
    adjudicate: bool = False
    undoes: int | None = None

    @property
    def reason(self) -> str | None:
        """Why a reject was made (one of the schema's ``reject_reasons``), None for other actions or none given."""
        return self.fields.get("reason") if self.action is Action.REJECT else None


@dataclass(frozen=True)
class CandidateState:
    """A candidate's status as the log makes it now."""

    candidate_id: str
    status: Status
    disputed: bool = False
    reviewer: str | None = None
    decided_at: str | None = None
    note: str | None = None
    fields: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    version: int = 0
