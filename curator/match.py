"""Claims: candidates from different articles that state the same fact, and the claims that contradict them.

Never all pairs. Candidates are blocked by kind and a normalised key, and
compared only inside a block:

- ``entity``: one claim per canonical name (aliases were resolved by the
  extractor: ``Sony``, ``Sony Group`` and ``索尼`` are one entity).
- relations (``founded-by``, ``naming``, ...): the block is (kind, subject);
  equal values (case-folded) are one claim. For single-valued kinds
  (``naming``: a venture has one name) two values in one block conflict.
- numbers (``money``, ``percent``, ``quantity``) and ``date``: the block is
  (kind, unit, value). Inside it a candidate joins the first claim whose
  context it resembles (rapidfuzz ``token_set_ratio`` of subject and nearby
  words, at least ``match.threshold``), else starts a claim: greedy leader
  clustering, so cost grows with candidates times claims in a block, not
  candidates squared. Money is compared in its own currency; a conversion
  (``¥1 trillion (around $6.7 billion)``) is linked through the candidates'
  ``equivalents``, never merged.
- conflicts between numbers: two claims of one kind and unit whose values
  differ by at most ``match.tolerance`` (6.1 vs 6.7 billion) and that fill
  the same slot: their contexts resemble each other, or both are conversions
  of one claim (the same ¥1 trillion told as $6.7 and as $6.1 billion).
  Values further apart are unrelated facts. Found with a sorted sweep per
  (kind, unit), so near-linear too.

Corroboration counts independent articles: repeats inside one article, or
its Chinese summary and English text, count once (sources = distinct
articles). A claim in conflict is marked ``conflict`` whatever its sources.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from curator.models import Candidate, Claim, Corroboration
from curator.schema import Schema
from curator.store import Store

NUMERIC = {"money", "percent", "quantity"}
VALUED = NUMERIC | {"date"}
SINGLE_VALUED = {"naming"}
_WORD = re.compile(r"[a-z]{3,}|[\u4e00-\u9fff]{2,}", re.IGNORECASE)
_STOP = {
    "the", "and", "for", "with", "that", "this", "from", "into", "its", "has", "have", "was", "were", "are", "will",
    "been", "which", "their", "over", "about", "than", "more", "such", "each", "also", "approximately", "around",
    "roughly", "up", "some", "next", "per", "billion", "million", "trillion", "yen", "dollars",
}
WINDOW = 60


@dataclass
class _Group:
    key: tuple[object, ...]
    subject: str | None
    context: str
    members: list[Candidate] = field(default_factory=list)


def context_words(c: Candidate) -> str:
    """The content words within ``WINDOW`` characters of the span: what slot a number fills."""
    low, high = c.start - c.quote_start - WINDOW, c.end - c.quote_start + WINDOW
    words = [
        m.group().lower()
        for m in _WORD.finditer(c.quote)
        if m.end() > low and m.start() < high and m.group().lower() not in _STOP
    ]
    return " ".join(words)


def slot_similarity(a_subject: str | None, a_context: str, b_subject: str | None, b_context: str) -> float:
    """100 when both name the same subject, else how alike their context words are (0-100)."""
    if a_subject and a_subject == b_subject:
        return 100.0
    return fuzz.token_set_ratio(a_context, b_context)


def _value_key(c: Candidate) -> object:
    if isinstance(c.value, (int, float)):
        return float(f"{float(c.value):.6g}")
    return str(c.value).casefold()


def _block(c: Candidate) -> tuple[object, ...]:
    if c.kind == "entity":
        return ("entity", _value_key(c))
    if c.kind in VALUED:
        return (c.kind, c.unit or "", _value_key(c))
    return (c.kind, (c.subject or "").casefold(), _value_key(c))


def match_candidates(candidates: Iterable[Candidate], schema: Schema, article_order: dict[str, int] | None = None) -> list[Claim]:
    """Group candidates into claims with corroboration and both-way conflict links; deterministic for the same input."""
    threshold = schema.match.threshold
    order = article_order or {}
    ranked = sorted(candidates, key=lambda c: (order.get(c.article_id, 0), c.article_id, c.start, c.end, c.kind))
    blocks: dict[tuple[object, ...], list[_Group]] = defaultdict(list)
    for c in ranked:
        key = _block(c)
        groups = blocks[key]
        if c.kind in VALUED and groups:
            context = context_words(c)
            same = next((g for g in groups if c.subject and g.subject == c.subject), None)
            if same is None:
                best = process.extractOne(context, [g.context for g in groups], scorer=fuzz.token_set_ratio, score_cutoff=threshold)
                same = groups[best[2]] if best is not None else None
            if same is not None:
                same.members.append(c)
            else:
                groups.append(_Group(key, c.subject, context, [c]))
        elif groups:
            groups[0].members.append(c)
        else:
            groups.append(_Group(key, c.subject, context_words(c) if c.kind in VALUED else "", [c]))
    groups = [g for gs in blocks.values() for g in gs]
    ids = {id(g): claim_id(g) for g in groups}
    conflicts = _conflicts(groups, ids, schema)
    return [_claim(g, ids[id(g)], conflicts.get(ids[id(g)], set())) for g in groups]


def claim_id(group: _Group) -> str:
    """Stable: from the block and the group's earliest member, so the same database gives the same ids."""
    first = min(c.id for c in group.members)
    return "f" + hashlib.sha1(f"{group.key!r}:{first}".encode()).hexdigest()[:11]


def _conflicts(groups: Sequence[_Group], ids: dict[int, str], schema: Schema) -> dict[str, set[str]]:
    links: dict[str, set[str]] = defaultdict(set)

    def link(a: _Group, b: _Group) -> None:
        links[ids[id(a)]].add(ids[id(b)])
        links[ids[id(b)]].add(ids[id(a)])

    claim_of = {c.id: ids[id(g)] for g in groups for c in g.members}
    converts = {ids[id(g)]: {claim_of[e] for c in g.members for e in c.attrs.get("equivalents", []) if e in claim_of} for g in groups}
    by_slot: dict[tuple[object, ...], list[_Group]] = defaultdict(list)
    for g in groups:
        kind = g.key[0]
        if kind in NUMERIC:
            by_slot[(kind, g.key[1])].append(g)
        elif kind in SINGLE_VALUED:
            by_slot[(kind, g.key[1])].append(g)
    for (kind, _), members in by_slot.items():
        if kind in SINGLE_VALUED:
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    link(a, b)
            continue
        members.sort(key=lambda g: float(g.key[2]))  # type: ignore[arg-type]
        for i, a in enumerate(members):
            low = float(a.key[2])  # type: ignore[arg-type]
            for b in members[i + 1 :]:
                high = float(b.key[2])  # type: ignore[arg-type]
                if high == low:
                    continue
                if abs(high - low) > schema.match.tolerance * max(abs(high), abs(low)):
                    break
                same_conversion = converts[ids[id(a)]] & converts[ids[id(b)]]
                similar = slot_similarity(a.subject, a.context, b.subject, b.context) >= schema.match.threshold
                if same_conversion or similar:
                    link(a, b)
    return links


def _claim(group: _Group, cid: str, conflicts: set[str]) -> Claim:
    members = group.members
    first = members[0]
    sources = len({c.article_id for c in members})
    subjects = Counter(c.subject for c in members if c.subject)
    qualifiers = Counter(c.qualifier for c in members if c.qualifier)
    if conflicts:
        corroboration = Corroboration.CONFLICT
    elif sources >= 2:
        corroboration = Corroboration.CORROBORATED
    else:
        corroboration = Corroboration.SINGLE_SOURCE
    return Claim(
        id=cid,
        kind=first.kind,
        subject=subjects.most_common(1)[0][0] if subjects else None,
        statement=first.statement,
        value=first.value,
        unit=first.unit,
        qualifier=qualifiers.most_common(1)[0][0] if qualifiers else None,
        corroboration=corroboration,
        sources=sources,
        candidate_ids=tuple(c.id for c in members),
        conflicts_with=tuple(sorted(conflicts)),
    )


def rematch(store: Store, schema: Schema) -> list[Claim]:
    """Match every candidate in the store and replace its claims in one transaction."""
    order = {a.id: i for i, a in enumerate(store.article_progress())}
    claims = match_candidates(store.candidates(), schema, order)
    store.replace_claims(claims)
    return claims
