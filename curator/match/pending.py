"""Unfinished matching, finished: candidates in no claim, and edited candidates to file again.

Matching leaves a record of what it has not done in the same transaction as
the change that needs it, so a process killed at any point leaves work the
next one finds and finishes, never claims that silently miss candidates:

- a candidate in no claim (``claim_id`` NULL) was saved by an extract (or an
  import) whose matching has not written yet, or was killed;
- a pending move (``Store.pending_moves``) is a candidate whose edit in force
  changed since it was filed: a reviewer set another value, unit or subject,
  or undid the edit. The decision's transaction records it.

A moved candidate leaves its claim and joins the claim its new value states
(or forms its own), so one reviewer's edit never relabels the other
articles' evidence, and the claim it left keeps its own heading with the
sources that still state it; undoing the edit brings it back. Filing is exact:
whole blocks are clustered again (clustering never looks outside a block),
so the claims are those a full ``rematch`` of the candidates as edits tell
them would make.
"""

from __future__ import annotations

from dataclasses import replace

from curator.match.clustering import _block, _key_text
from curator.match.incremental import _until_current, file_candidates, match_new, rematch
from curator.schema import Schema, load_schema
from curator.store import Store


def finish_matching(store: Store, schema: Schema) -> bool:
    """Match what an earlier run left unmatched and file the pending moves; True when there was something to do.

    Cheap when nothing is pending (two index look-ups), so every ``extract``
    and every decision can call it.
    """
    if not store.matching_pending():
        return False
    match_new(store, schema)
    settle_moves(store, schema)
    return True


def settle_moves(store: Store, schema: Schema | None = None) -> None:
    """File every pending move again in one transaction: the blocks it leaves and joins are clustered anew.

    One look-up when nothing is pending, so every decision can call it. ``schema``
    defaults to ``schema/facts.yaml``. Falls back to a full ``rematch`` when a claim involved has no key
    (written by an older curator).
    """
    if not store.pending_moves():
        return
    settings = schema or load_schema()
    _until_current(store, lambda generation: _settle_at(store, settings, generation))


def _settle_at(store: Store, schema: Schema, generation: int) -> None:
    moves = store.pending_moves()
    moved = store.candidates_by_id(moves, told=True)
    left = store.claims_by_id({c.claim_id for c in moved if c.claim_id})
    if any(claim.key is None for claim in left):
        rematch(store, schema)
        return
    blocks = {claim.key.block for claim in left if claim.key} | {_key_text(_block(c)) for c in moved}
    replaced = {claim.id for claim in store.claims_near(blocks, (), ())}
    pool = {c.id: c for c in store.members_of_claims(replaced)} | {c.id: c for c in moved}
    new = [replace(c, claim_id=None) for c in pool.values()]
    order = store.article_ranks({c.article_id for c in new})
    file_candidates(store, schema, generation, new, order, replaced, moves)
