"""Claims from clustered groups: ids, corroboration (independent sources) and conflict links. Pure.

A claim's ``sources``, ``article_count`` and ``outlets`` are stamped when it
is matched (``curator.provenance.sources.count_sources`` over its members,
each placed by its article's story and outlet and its sentence's copy
fingerprint). They can change only when a member joins (the claim is then
rewritten whole) or when a reviewer splits a story (``pipeline.split_story``
matches again): a new article never changes the story of an older one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from curator.gcpause import cycle_collection_paused
from curator.match.clustering import NUMERIC, _cluster, _Group, _key_text, _rank, claim_id
from curator.match.conflicts import _conflicts, _ends
from curator.models import Candidate, Claim, ClaimKey, Corroboration
from curator.provenance.sources import MIN_SOURCES, Evidence, count_sources
from curator.provenance.syndication import copy_fingerprint
from curator.schema import Schema
from curator.store.records import Placement

Placements = Mapping[str, Placement]
"""{article id: its story and canonical outlet}; an article not in it is a story of its own with no outlet."""


@cycle_collection_paused()
def match_candidates(candidates: Iterable[Candidate], schema: Schema, article_order: dict[str, int] | None = None,
                     placements: Placements | None = None) -> list[Claim]:
    """Group candidates into claims with corroboration and both-way conflict links; deterministic for the same input."""
    groups = _cluster(sorted(candidates, key=_rank(article_order or {})), schema.match.threshold)
    ids = {id(g): claim_id(g) for g in groups}
    claim_of = {c.id: ids[id(g)] for g in groups for c in g.members}
    conflicts = _conflicts(groups, ids, claim_of, schema)
    return [_claim(g, ids[id(g)], conflicts.get(ids[id(g)], set()), placements or {}, schema) for g in groups]


def evidence_of(c: Candidate, placements: Placements, copy: bool = True) -> Evidence:
    """A candidate as ``count_sources`` reads it; ``copy`` False leaves out its sentence's copy fingerprint."""
    where = placements.get(c.article_id)
    if where is None:
        return Evidence(c.article_id, fingerprint=copy_fingerprint(c.quote) if copy else None)
    return Evidence(c.article_id, where.story_id, where.outlet, copy_fingerprint(c.quote) if copy else None, where.published)


def standing(sources: int, conflict: bool, mention: bool) -> Corroboration:
    """A claim's corroboration: a conflict first; a bare name (``KindSpec.mention``) is a mention however many
    sources name it, since naming is not stating a checkable fact; else corroborated by ``MIN_SOURCES`` or more
    independent sources, or single-source."""
    if conflict:
        return Corroboration.CONFLICT
    if mention:
        return Corroboration.MENTION
    return Corroboration.CORROBORATED if sources >= MIN_SOURCES else Corroboration.SINGLE_SOURCE


def _other_end(group: _Group) -> float | None:
    """The other end of a figure's range (``ClaimKey.high``), None for a single value or a kind without numbers."""
    ends = _ends(group) if group.key[0] in NUMERIC else ()
    return ends[1] if len(ends) > 1 else None


def _claim(group: _Group, cid: str, conflicts: set[str], placements: Placements, schema: Schema) -> Claim:
    members = group.members
    first = members[0]
    several = any(c.article_id != first.article_id for c in members)  # copy joins only evidence of two articles
    count = count_sources([evidence_of(c, placements, several) for c in members])
    sources = count.sources
    subjects = Counter(c.subject for c in members if c.subject)
    qualifiers = Counter(c.qualifier for c in members if c.qualifier)
    subject = subjects.most_common(1)[0][0] if subjects else None
    qualifier = qualifiers.most_common(1)[0][0] if qualifiers else None
    # The statement comes from a member with the claim's qualifier (and subject), so a heading never
    # reads "approximately ¥1 trillion" over a value line "up to 1 trillion JPY".
    told = [c for c in members if c.qualifier == qualifier]
    speaker = next((c for c in told if c.subject == subject), told[0] if told else first)
    spec = schema.kinds.get(first.kind)
    corroboration = standing(sources, bool(conflicts), spec is not None and spec.mention)
    return Claim(
        id=cid,
        kind=first.kind,
        subject=subject,
        statement=speaker.statement,
        value=first.value,
        unit=first.unit,
        qualifier=qualifier,
        corroboration=corroboration,
        sources=sources,
        candidate_ids=tuple(c.id for c in members),
        conflicts_with=tuple(sorted(conflicts)),
        article_count=count.article_count,
        outlets=count.outlets,
        tellers=count.tellers,
        carriers=count.carriers,
        key=ClaimKey(_key_text(group.key), _key_text(group.key[:2]), first.id, _other_end(group)),
    )
