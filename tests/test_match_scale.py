"""Matching a larger synthetic corpus (the benchmark's, ``benchmarks/bench_match.py``): pinned claims, and the block-wise
full match from the store equal to the in-memory one.

The digest pins every claim's fields, members and conflicts for 20,000 candidates, so work on matching's speed
(``BENCHMARKS.md``, matching growth) cannot change what it matches without this test saying so. A change to the
matching rules or ``schema/`` changes it too: then the new digest is taken after checking the change on real news.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from curator.match import match_candidates, rematch
from curator.models import Article, Claim, Corroboration
from curator.schema import load_schema
from curator.store import Store

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = 20_000
# Pinned again when ranges, round figures and close wording joined the matching rules (both matchers agree).
DIGEST = "b32f07d27fc74004741caabf8c3a79fa45f90a92f45d0f825cf7c54826137187"


def bench_match() -> ModuleType:
    if "bench_match" in sys.modules:
        return sys.modules["bench_match"]
    spec = importlib.util.spec_from_file_location("bench_match", ROOT / "benchmarks" / "bench_match.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_match"] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def fields(claim: Claim) -> list[object]:
    """What a claim tells, as JSON-ready values: members and conflicts sorted, the corroboration by name."""
    return [
        claim.id, claim.kind, claim.subject, claim.statement, claim.value, claim.unit, claim.qualifier,
        claim.corroboration.value, claim.sources, sorted(claim.candidate_ids), sorted(claim.conflicts_with),
        claim.article_count, list(claim.outlets), list(claim.tellers or ()), list(claim.carriers),
    ]


def digest(claims: list[Claim]) -> str:
    rows = sorted(fields(c) for c in claims)
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def test_a_larger_synthetic_corpus_matches_to_the_pinned_claims_in_memory_and_block_wise(store: Store) -> None:
    candidates = bench_match().synthetic_candidates(CANDIDATES)
    schema = load_schema()
    in_memory = match_candidates(candidates, schema)
    standings = {c.corroboration for c in in_memory}
    assert {Corroboration.CONFLICT, Corroboration.CORROBORATED, Corroboration.SINGLE_SOURCE} <= standings
    assert digest(in_memory) == DIGEST

    articles = dict.fromkeys(c.article_id for c in candidates)
    store.add_articles([Article(id=a, sha256=a, source=f"{a}.txt", text="", title=a) for a in articles])
    store.add_candidates(candidates)
    rematch(store, schema)
    claim_ids = {c.claim_id for c in store.candidates()}
    assert None not in claim_ids
    stored = [store.claim(cid) for cid in sorted(claim_ids)]  # type: ignore[arg-type]
    assert digest(stored) == DIGEST  # type: ignore[arg-type]
