"""Independent sources of a claim, from its evidence as plain records.

The rule (what ``sources`` and ``corroborated`` mean on the fact sheet):

1. Every piece of evidence (one candidate: an article stating the claim in
   one sentence) starts as its own group.
2. Evidence from one article, or from articles of the same **story** (near-duplicate texts,
   ``curator.provenance.stories``) joins one group: a story counts once.
3. Evidence from the same **outlet** (canonical name,
   ``curator.provenance.outlets``) joins one group: an outlet counts once,
   however many of its stories state the claim.
4. Evidence whose sentence has the same copy fingerprint
   (``curator.provenance.syndication``) joins one group: syndicated copy
   counts once for all the outlets and stories that ran it.
5. ``sources`` is the number of groups left (groups join transitively, so
   the count is conservative: an outlet that ran another's copy once is not
   independent of it for this claim). Evidence with no outlet is grouped by
   its story alone (and by copy), so unattributed articles count once per
   story. ``corroborated`` needs ``sources >= 2``.

Outlet names are compared case-insensitively (``Example Daily`` and
``EXAMPLE DAILY`` are one outlet) and shown in one spelling (mixed case preferred,
then the first in sorted order). ``article_count`` is the number of distinct articles stating the claim,
``outlets`` the sorted distinct outlet names, ``tellers`` one outlet per
independent source that has one: its **original teller**, the outlet of the
source's earliest published evidence (unknown dates last, then the order
given), so syndicated copy is credited to whoever ran it first. ``carriers``
are the other outlets of those sources: they carried a teller's copy and
tell nothing independently. Each evidence is marked
``syndicated`` when its sentence's fingerprint is carried by evidence of two
or more stories in this claim, or is among the fingerprints the caller knows
to be syndicated across the whole corpus (``SyndicationIndex``).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

MIN_SOURCES = 2
"""Independent sources a claim needs to be corroborated."""


@dataclass(frozen=True)
class Evidence:
    """One candidate of a claim, as the count needs it."""

    article_id: str
    story_id: str | None = None
    """The article's story; None means the article is a story of its own."""
    outlet: str | None = None
    """Canonical outlet name (``canonical_outlet``); None when unknown."""
    fingerprint: str | None = None
    """``copy_fingerprint`` of the sentence the candidate was found in; None when too short."""
    published: str | None = None
    """The article's publication date or time, ISO 8601 as stated (compared as text); None when unknown."""


@dataclass(frozen=True)
class SourceCount:
    """How many independent sources a claim has, and which evidence is copy."""

    sources: int
    article_count: int
    outlets: tuple[str, ...]
    syndicated: tuple[bool, ...]
    """Per evidence, in the order given."""
    source_of: tuple[int, ...]
    """Per evidence, the number (0, 1, ...) of its independent source, numbered in order of first evidence."""
    tellers: tuple[str, ...] = ()
    """The original teller of each independent source that has an outlet, each outlet once, sorted."""
    carriers: tuple[str, ...] = ()
    """Outlets that only carried a teller's copy (in none of the tellers), sorted."""

    @property
    def corroborated(self) -> bool:
        return self.sources >= MIN_SOURCES


def count_sources(evidence: Sequence[Evidence], syndicated: Container[str] = frozenset()) -> SourceCount:
    """Count a claim's independent sources (rule in the module docstring). Pure; any order of evidence
    gives the same ``sources``, ``article_count`` and ``outlets``."""
    parent = list(range(len(evidence)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, str], int] = {}
    stories_of: dict[str, set[str]] = {}
    for i, item in enumerate(evidence):
        story = item.story_id or item.article_id
        keys = [("article", item.article_id), ("story", story)]
        if item.outlet:
            keys.append(("outlet", item.outlet.casefold()))
        if item.fingerprint:
            keys.append(("copy", item.fingerprint))
            stories_of.setdefault(item.fingerprint, set()).add(story)
        for key in keys:
            j = first.setdefault(key, i)
            parent[root(i)] = root(j)
    numbers: dict[int, int] = {}
    source_of = tuple(numbers.setdefault(root(i), len(numbers)) for i in range(len(evidence)))
    names = _spellings(item.outlet for item in evidence)
    tellers, carriers = _tellers(evidence, source_of, names)
    return SourceCount(
        sources=len(numbers),
        article_count=len({item.article_id for item in evidence}),
        outlets=tuple(sorted(names.values())),
        syndicated=tuple(
            bool(item.fingerprint) and (len(stories_of[item.fingerprint]) > 1 or item.fingerprint in syndicated)
            for item in evidence
        ),
        source_of=source_of,
        tellers=tellers,
        carriers=carriers,
    )


def _spellings(outlets: Iterable[str | None]) -> dict[str, str]:
    """{case-folded outlet: the spelling shown}: of its spellings, one in mixed case if any (``Example Daily`` over
    ``EXAMPLE DAILY`` and ``example daily``), the first in sorted order (any order in, the same out)."""
    names: dict[str, str] = {}
    for outlet in sorted({o for o in outlets if o}, key=lambda o: (o.isupper() or o.islower(), o)):
        names.setdefault(outlet.casefold(), outlet)
    return names


def _tellers(evidence: Sequence[Evidence], source_of: Sequence[int], names: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the original teller of each source with an outlet; the other outlets), each sorted."""
    first: dict[int, tuple[bool, str, int, str]] = {}
    for i, item in enumerate(evidence):
        if item.outlet:
            rank = (item.published is None, item.published or "", i, names[item.outlet.casefold()])
            first[source_of[i]] = min(first.get(source_of[i], rank), rank)
    tellers = sorted({rank[3] for rank in first.values()}, key=lambda name: (name.casefold(), name))
    return tuple(tellers), tuple(sorted(set(names.values()) - set(tellers), key=lambda name: (name.casefold(), name)))
