"""The store side of matching: a full ``rematch``, or ``match_new`` reading and writing only what new candidates touch.

``curator extract`` matches only what is new (``match_new``) and stores
the claims a full ``rematch`` would, reading only what new candidates touch:

- Ranking is article ingest order, then place in the article. A claim's id
  is its block and its leader (first member in ranking order). New
  candidates come from newly ingested articles, so they rank after every
  matched one, and a greedy pass over old then new candidates leaves each
  old group, leader and id as it was: new candidates only join groups or
  start their own. When they do not rank last (an old article extracted
  late), or there are no claims yet, or claims without a key (made by hand
  or by an older curator), everything is matched again.
- Each claim stores its key (``models.ClaimKey``: block, slot = the block
  without its value, leader). New candidates' blocks are found by that
  text, not by SQL on candidate columns: blocks fold case as Python does
  (``casefold``), which SQLite cannot, and take no unit as the empty unit.
- New candidates are clustered after the groups of their blocks, each
  known by its leader. A conflict is a test on two claims alone, so only
  pairs with a claim that gained members are tested: against
  claims of its slot within ``tolerance`` (a value range, by index) or, for
  ``naming``, its whole slot, each read as its leader and its members told
  with a conversion. Conversions reach other blocks through each
  equivalent's stored claim. Claims that gained members are read whole and
  rewritten. Another claim can only gain links to them (they keep their
  leader and gain conversions): it is marked ``conflict`` if it was not.
  Links between two claims no new candidate joined stay as stored.
- ``file_candidates`` is the shared step: it also files edited candidates
  again (``curator.match.pending``), taking whole blocks apart and
  clustering them anew. Candidates are always read as their edit in force
  tells them (``Store.candidates(told=True)``).
- So cost follows the claims touched: an entity named in every article is
  read whole to add one mention. Changing the matching rules or
  ``schema/facts.yaml`` needs ``curator extract --rematch``. One gap: an
  ``equivalents`` entry naming a candidate not stored yet counts only from
  the next full rematch (the extractor links within a sentence; only an
  import can name a candidate of another article).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping
from typing import TypeVar

from curator.errors import CuratorError
from curator.gcpause import cycle_collection_paused
from curator.match.blockwise import rematch_blockwise
from curator.match.claims import _claim
from curator.match.clustering import SINGLE_VALUED, _block, _cluster, _group_of, _Group, _key_text, _rank, claim_id
from curator.match.conflicts import _conflicts, _value_ranges
from curator.models import Candidate, Claim, Corroboration
from curator.schema import Schema
from curator.store import StaleClaims, Store


T = TypeVar("T")

MATCH_ATTEMPTS = 5
"""How often matching starts again when another ``curator extract`` wrote claims while it computed its own."""


def rematch(store: Store, schema: Schema) -> None:
    """Match every candidate in the store, block by block (``blockwise``), and replace its claims in one transaction."""
    _until_current(store, lambda generation: _rematch_at(store, schema, generation))


def _rematch_at(store: Store, schema: Schema, generation: int) -> None:
    moves = store.pending_moves()  # read before the candidates: a move marked later waits for the next match
    rematch_blockwise(store, schema, generation, settled=moves)


def _until_current(store: Store, attempt: Callable[[int], T]) -> T:
    """Run ``attempt`` with the claims' generation read before it reads anything, again while it turns out stale.

    Two extracts on one database each match from what they read; the store
    refuses the write of one whose reading another write has overtaken.
    """
    for _ in range(MATCH_ATTEMPTS):
        try:
            return attempt(store.claims_generation())
        except StaleClaims:
            continue
    raise CuratorError(
        f"other processes kept rewriting the claims in {store.path} while this one matched;"
        " run `curator extract --rematch` once they are done."
    )


@cycle_collection_paused()
def match_new(store: Store, schema: Schema) -> list[Claim] | None:
    """Match the candidates in no claim yet; returns the claims written, or None when it matched all again.

    The claims ``rematch`` would make, reading and writing only what the new
    candidates touch, in one transaction; or ``rematch`` itself when new
    candidates rank before matched ones (see the module's docstring).
    """
    return _until_current(store, lambda generation: _match_new_at(store, schema, generation))


def _match_new_at(store: Store, schema: Schema, generation: int) -> list[Claim] | None:
    batch = store.unmatched_batch()
    if batch is None:
        return _rematch_at(store, schema, generation)
    new = batch.candidates
    if not new:
        return []
    order = dict(batch.ranks)
    if min(order.get(c.article_id, 0) for c in new) <= batch.last_matched_rank:
        return _rematch_at(store, schema, generation)
    return file_candidates(store, schema, generation, new, order)


def file_candidates(
    store: Store, schema: Schema, generation: int, new: list[Candidate], order: dict[str, int],
    replaced: Collection[str] = (), settled: Mapping[str, int] | None = None,
) -> list[Claim]:
    """Cluster ``new`` candidates (``claim_id`` None, ranked by ``order``: {article id: ingest order}) into the
    claims near them, write what changed and return it.

    ``replaced`` claims are taken apart: every member of theirs is among ``new``, they are deleted, and the
    claims that conflicted with them are rewritten whole (their standing may change). ``settled``: the pending
    moves this files (``Store.pending_moves``). Raises ``StaleClaims`` when claims changed since ``generation``.
    """
    keys = {_block(c) for c in new}
    hood = store.neighbourhood(
        {_key_text(k) for k in keys},
        {_key_text(k[:2]) for k in keys if k[0] in SINGLE_VALUED and k[1]},
        _value_ranges(new, schema.match.tolerance),
    )
    near = {cid: claim for cid, claim in hood.claims.items() if cid not in replaced}
    leaders = {cid: claim.key.leader for cid, claim in near.items() if claim.key}
    known = hood.leaders
    converted: dict[str, list[Candidate]] = defaultdict(list)
    for c in hood.converted:
        if c.claim_id in leaders and c.id != leaders[c.claim_id]:  # type: ignore[index]
            converted[c.claim_id].append(c)  # type: ignore[index]
    old = {cid: _group_of([known[leader], *converted[cid]]) for cid, leader in leaders.items()}
    order |= hood.ranks
    rank = _rank(order)
    ids = {id(g): cid for cid, g in old.items()}
    blocks: dict[tuple[object, ...], list[_Group]] = defaultdict(list)
    for g in sorted(old.values(), key=lambda g: rank(g.members[0])):
        if g.key in keys:
            blocks[g.key].append(g)
    clustered = _cluster(sorted(new, key=rank), schema.match.threshold, blocks)
    remade = [g for g in clustered if any(c.claim_id is None for c in g.members)]  # new, or joined by new candidates
    joined = {ids[id(g)]: g for g in remade if id(g) in ids}
    members: dict[str, list[Candidate]] = defaultdict(list)
    stored, ranks = store.members_ranked(joined)
    for c in stored:
        members[c.claim_id].append(c)  # type: ignore[index]
    order |= ranks
    for cid, g in joined.items():
        g.members = sorted(members[cid], key=rank) + [c for c in g.members if c.claim_id is None]
    ids |= {id(g): claim_id(g) for g in remade if id(g) not in ids}
    groups = [*remade, *(g for cid, g in old.items() if cid not in joined)]
    claim_of = {c.id: ids[id(g)] for g in groups for c in g.members}
    claim_of |= store.claims_of_candidates(
        {e for g in groups for c in g.members for e in c.attrs.get("equivalents", []) if e not in claim_of}
    )
    conflicts = _conflicts(groups, ids, claim_of, schema, focus={id(g) for g in remade})
    remade_ids = {ids[id(g)] for g in remade}
    # A claim that conflicted with a replaced one keeps its other links and gains the new ones: rewritten whole.
    partners = {cid: links - set(replaced) | conflicts.get(cid, set())
                for cid, links in store.conflict_links(replaced).items() if cid not in remade_ids and cid not in replaced}
    members, ranks = store.members_ranked(partners)
    order |= ranks
    kept: dict[str, list[Candidate]] = defaultdict(list)
    for c in sorted(members, key=_rank(order)):
        kept[c.claim_id].append(c)  # type: ignore[index]
    placements = store.placements({c.article_id for g in remade for c in g.members} | {c.article_id for c in members})
    written = [_claim(g, ids[id(g)], conflicts.get(ids[id(g)], set()), placements, schema) for g in remade]
    written += [_claim(_group_of(kept[cid]), cid, links, placements, schema) for cid, links in partners.items() if kept[cid]]
    # The others only gain links (to remade claims, which keep their leader and gain conversions).
    contradicted = {
        cid: Corroboration.CONFLICT
        for cid, claim in near.items()
        if cid not in remade_ids and cid not in partners and conflicts.get(cid)
        and claim.corroboration is not Corroboration.CONFLICT
    }
    gone = set(replaced) - remade_ids
    store.save_claims(written, contradicted, expected=generation, gone=gone, settled=settled)
    return written
