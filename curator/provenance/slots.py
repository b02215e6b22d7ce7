"""The slot a candidate fills: what two candidates must share to state one claim, apart from the value.

A claim is one value for one slot. The slot is

- ``kind``: the fact kind (``money``, ``percent``, ``quantity``, ...);
- ``unit``: the canonical unit (``curator.provenance.units``: ``passengers``,
  ``乘客`` and ``名乘客`` are ``passenger``; currency codes as they are);
- ``subject``: who or what the figure is about: the predicate's agent when
  the predicate has roles (the buyer of a deal), else the candidate's stated
  subject, else the event the caller names (the story or topic the article
  is about), else empty;
- ``predicate``: the predicate lemma and measure (``curator.provenance.predicates``:
  ``acquire``, ``carry``, ``increase:revenue``), empty when none is found;
- ``object``: the predicate's patient when it has one (what was bought).

Names in ``subject`` and ``object`` pass through ``canonical`` (the caller's
entity resolver, which knows that 雅虎 is Yahoo); by default they are only
normalised (``curator.provenance.text.normalise``). Matching then joins
candidates with equal slot keys and equal values, instead of comparing every
word around the number: "162 people on board" in Reuters and CNN, "155
passengers" and "155名乘客", and three wordings of one $4.2 billion deal each
fill one slot.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from curator.provenance.predicates import Mention, predicate_of
from curator.provenance.text import normalise
from curator.provenance.units import canonical_unit


class SlotSource(Protocol):
    """What ``slot_key`` reads of a candidate (``curator.models.Candidate`` has all of it).

    ``start``/``end`` are the figure's offsets and ``quote_start`` the sentence's, all in the article text.
    """

    kind: str
    unit: str | None
    subject: str | None
    quote: str
    start: int
    end: int
    quote_start: int


@dataclass(frozen=True)
class SlotKey:
    """A candidate's slot; ``text`` is the one string matching can index."""

    kind: str
    unit: str
    subject: str
    predicate: str
    object: str

    @property
    def text(self) -> str:
        return "\x1f".join((self.kind, self.unit, self.subject, self.predicate, self.object))


def slot_key(candidate: SlotSource, *, entities: Sequence[Mention] | None = None, event: str | None = None,
             canonical: Callable[[str], str] = normalise) -> SlotKey:
    """The slot of ``candidate`` (see the module docstring).

    ``entities``: the entities named in its sentence, offsets in the sentence (None: capitalised Latin
    words stand in); ``event``: what the article is about, the subject of last resort.
    """
    span = (candidate.start - candidate.quote_start, candidate.end - candidate.quote_start)
    inside = 0 <= span[0] <= span[1] <= len(candidate.quote)
    predicate = predicate_of(candidate.quote, span if inside else None, kind=candidate.kind, entities=entities)
    subject = predicate.agent or candidate.subject or event or ""
    return SlotKey(
        kind=candidate.kind,
        unit=canonical_unit(candidate.unit) or "",
        subject=canonical(subject) if subject else "",
        predicate=predicate.key,
        object=canonical(predicate.patient) if predicate.patient else "",
    )
