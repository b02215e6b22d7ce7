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

``article_count`` is the number of distinct articles stating the claim,
``outlets`` the sorted distinct outlet names, and each evidence is marked
``syndicated`` when its sentence's fingerprint is carried by evidence of two
or more stories in this claim, or is among the fingerprints the caller knows
to be syndicated across the whole corpus (``SyndicationIndex``).
"""

from __future__ import annotations

from collections.abc import Container, Sequence
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
            keys.append(("outlet", item.outlet))
        if item.fingerprint:
            keys.append(("copy", item.fingerprint))
            stories_of.setdefault(item.fingerprint, set()).add(story)
        for key in keys:
            j = first.setdefault(key, i)
            parent[root(i)] = root(j)
    numbers: dict[int, int] = {}
    source_of = tuple(numbers.setdefault(root(i), len(numbers)) for i in range(len(evidence)))
    return SourceCount(
        sources=len(numbers),
        article_count=len({item.article_id for item in evidence}),
        outlets=tuple(sorted({item.outlet for item in evidence if item.outlet})),
        syndicated=tuple(
            bool(item.fingerprint) and (len(stories_of[item.fingerprint]) > 1 or item.fingerprint in syndicated)
            for item in evidence
        ),
        source_of=source_of,
    )
