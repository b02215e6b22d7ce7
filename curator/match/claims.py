"""Claims from clustered groups: ids, corroboration (independent articles) and conflict links. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from curator.gcpause import cycle_collection_paused
from curator.match.clustering import _cluster, _Group, _key_text, _rank, claim_id
from curator.match.conflicts import _conflicts
from curator.models import Candidate, Claim, ClaimKey, Corroboration
from curator.schema import Schema


@cycle_collection_paused()
def match_candidates(candidates: Iterable[Candidate], schema: Schema, article_order: dict[str, int] | None = None) -> list[Claim]:
    """Group candidates into claims with corroboration and both-way conflict links; deterministic for the same input."""
    groups = _cluster(sorted(candidates, key=_rank(article_order or {})), schema.match.threshold)
    ids = {id(g): claim_id(g) for g in groups}
    claim_of = {c.id: ids[id(g)] for g in groups for c in g.members}
    conflicts = _conflicts(groups, ids, claim_of, schema)
    return [_claim(g, ids[id(g)], conflicts.get(ids[id(g)], set())) for g in groups]


def _claim(group: _Group, cid: str, conflicts: set[str]) -> Claim:
    members = group.members
    first = members[0]
    sources = len({c.article_id for c in members})
    subjects = Counter(c.subject for c in members if c.subject)
    qualifiers = Counter(c.qualifier for c in members if c.qualifier)
    subject = subjects.most_common(1)[0][0] if subjects else None
    qualifier = qualifiers.most_common(1)[0][0] if qualifiers else None
    # The statement comes from a member with the claim's qualifier (and subject), so a heading never
    # reads "approximately ¥1 trillion" over a value line "up to 1 trillion JPY".
    told = [c for c in members if c.qualifier == qualifier]
    speaker = next((c for c in told if c.subject == subject), told[0] if told else first)
    if conflicts:
        corroboration = Corroboration.CONFLICT
    elif sources >= 2:
        corroboration = Corroboration.CORROBORATED
    else:
        corroboration = Corroboration.SINGLE_SOURCE
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
        key=ClaimKey(_key_text(group.key), _key_text(group.key[:2]), first.id),
    )
