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
normalised (``curator.provenance.text.normalise``). Then a trailing legal form
(``Corp``, ``Inc``, ``Group``, ``有限公司``, ...) is dropped: "Acme Corp",
"Acme" and "Acme公司" name one company (``name_key``). Matching then joins
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


_LEGAL_FORMS = tuple(
    normalise(form).split() for form in (
        "Inc", "Incorporated", "Corp", "Corporation", "Co", "Company", "Ltd", "Limited", "LLC", "PLC", "AG", "SA", "NV",
        "GmbH", "Group", "Holdings", "股份有限公司", "有限责任公司", "有限公司", "公司", "集团",
    )
)


def name_key(name: str) -> str:
    """A normalised name without its trailing legal forms ("acme corp" and "acme 公 司" -> "acme"); a name that is
    only a legal form stays as it is."""
    words = name.split()
    cut = True
    while cut:
        cut = False
        for form in _LEGAL_FORMS:
            if len(words) > len(form) and words[-len(form):] == form:
                words = words[: -len(form)]
                cut = True
                break
    return " ".join(words)


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
        subject=name_key(canonical(subject)) if subject else "",
        predicate=predicate.key,
        object=name_key(canonical(predicate.patient)) if predicate.patient else "",
    )
