"""A full match block by block from the store: the claims ``match_candidates`` makes, in memory that follows
the largest block, not the corpus.

Clustering never looks across blocks (``clustering._cluster``), so each block
is clustered alone, in ranking order, as the store hands it over
(``Store.claims_rebuild``), and its claims go to the rebuild's scratch file
in batches. Conflicts are tests between two claims of one slot
(``conflicts._conflicts``): once every block is clustered, each slot's claims
are read back as their heads (leader and the members told with a
conversion, all a conflict test reads of a claim), with the claims of the
candidates their conversions name, and their links written beside them.
The rebuild then replaces the store's claims in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from curator.gcpause import cycle_collection_paused
from curator.match.claims import _claim
from curator.match.clustering import _cluster, _group_of, _key_text, _rank, block_text, claim_id
from curator.match.conflicts import _conflicts, contested
from curator.models import Claim
from curator.provenance.slots import SlotKey
from curator.schema import Schema
from curator.store import Store

BATCH = 2000
"""Claims, or their members, kept in memory before they are written to the rebuild's scratch file. Counting
members too matters: a claim holds its members' ids, and an entity named in every article has one member per
article; held until 2,000 claims gathered, a few such claims kept their blocks' memory pinned (peak 118 MB at
16,000 articles against 46 MB at 1,000, matching alone; 85 MB with members counted)."""


@cycle_collection_paused()
def rematch_blockwise(store: Store, schema: Schema, generation: int, settled: Mapping[str, int] | None = None) -> None:
    """Match every candidate in the store, as its edit in force tells it, block by block and replace its claims;
    ``StaleClaims`` as ``replace_claims`` when claims were written since ``generation``; ``settled`` are the
    ``pending_moves`` read before the candidates, filed by this match."""
    rank = _rank(store.article_ranks())
    placements = store.placements()
    with store.claims_rebuild() as rebuild:
        claims: list[Claim] = []
        heads: list[tuple[str, str, int, str, str | None]] = []
        members = 0
        for block in rebuild.blocks(block_text):
            for group in _cluster(sorted(block, key=rank), schema.match.threshold):
                cid = claim_id(group)
                claims.append(_claim(group, cid, set(), placements, schema))
                members += len(group.members)
                if contested(group.key):
                    slot = _key_text(group.key[:2])
                    heads.append((slot, cid, 0, group.members[0].id, _slot_text(group.slot)))
                    heads.extend((slot, cid, 1, c.id, None) for c in group.members[1:] if c.attrs.get("equivalents"))
            if len(claims) >= BATCH or members >= BATCH:
                rebuild.add(claims, heads)
                claims, heads, members = [], [], 0
        rebuild.add(claims, heads)
        for slot in rebuild.heads_by_slot():
            groups = [_group_of(members, _slot_of(figure)) for _, members, figure in slot]
            ids = {id(g): cid for g, (cid, _, _) in zip(groups, slot)}
            claim_of = rebuild.claims_of({e for g in groups for c in g.members for e in c.attrs.get("equivalents", [])})
            rebuild.add_conflicts(_conflicts(groups, ids, claim_of, schema))
        store.swap_in_claims(rebuild, expected=generation, settled=settled)


def _slot_text(slot: SlotKey | None) -> str | None:
    """A leader's figure slot as its head keeps it (JSON of its fields), so conflicts need not find it again: the
    predicate finder's sentence cache is bounded and blocks come in no sentence order, so finding it again was a
    second full look-up for every leader of a large corpus (BENCHMARKS.md, matching growth)."""
    if slot is None:
        return None
    return json.dumps((slot.kind, slot.unit, slot.subject, slot.predicate, slot.object), ensure_ascii=False)


def _slot_of(text: str | None) -> SlotKey | None:
    """The figure slot ``_slot_text`` kept, None when none was."""
    return None if text is None else SlotKey(*json.loads(text))
