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
  the same slot: one stated subject and alike contexts (``same_slot``), or
  both conversions of one claim (the same ¥1 trillion told as $6.7 and as
  $6.1 billion). Values further apart are unrelated facts. Candidates for
  a pair are found through an index per (kind, unit) of subject and context
  stem by value (``_SlotIndex``), so the cost follows the pairs that share
  something, not all pairs of close values.
- big blocks (a round figure such as 10% in a large corpus) hold thousands
  of unrelated facts: clustering compares a candidate only with the groups
  sharing an uncommon context stem with it (``_Block``), for the same reason.
  A stem shared by more than ``COMMON`` groups is too common to tell facts
  apart. All of it runs with the cyclic garbage collector paused
  (``gcpause``), whose full passes over a large heap made matching grow
  faster than linearly.

Corroboration counts independent articles: repeats inside one article, or
its Chinese summary and English text, count once (sources = distinct
articles). A claim in conflict is marked ``conflict`` whatever its sources.

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
- So cost follows the claims touched: an entity named in every article is
  read whole to add one mention. Changing the matching rules or
  ``schema/facts.yaml`` needs ``curator extract --rematch``. One gap: an
  ``equivalents`` entry naming a candidate not stored yet counts only from
  the next full rematch (the extractor links within a sentence; only an
  import can name a candidate of another article).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from curator.errors import CuratorError
from curator.gcpause import cycle_collection_paused
from curator.models import Candidate, Claim, ClaimKey, Corroboration
from curator.schema import Schema
from curator.store import StaleClaims, Store

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


def same_slot(a: _Group, b: _Group, threshold: float) -> bool:
    """Whether two claims of close values tell the same slot: one stated subject and alike context words.

    A shared subject alone is not enough (an organisation named in a thousand
    articles has many figures, and 10% of one thing does not contradict 11%
    of another), and a figure whose subject is unstated has no slot to
    contradict: only a shared conversion can tie it to another.
    """
    return bool(a.subject) and a.subject == b.subject and fuzz.token_set_ratio(a.context, b.context) >= threshold


def _value_key(c: Candidate) -> object:
    if isinstance(c.value, (int, float)):
        return float(f"{float(c.value):.6g}") + 0.0  # no -0.0: it is 0.0 as a key, not as text
    return str(c.value).casefold()


def _block(c: Candidate) -> tuple[object, ...]:
    if c.kind == "entity":
        return ("entity", _value_key(c))
    if c.kind in VALUED:
        return (c.kind, c.unit or "", _value_key(c))
    return (c.kind, (c.subject or "").casefold(), _value_key(c))


def _key_text(key: tuple[object, ...]) -> str:
    """A block or slot as stored with its claims."""
    return json.dumps(key, ensure_ascii=False)


def _rank(order: Mapping[str, int]) -> Callable[[Candidate], tuple[object, ...]]:
    """Ranking order: article ingest order (``order``), then place in the article; the id settles ties.

    A total order, so that candidates read in any order (all at once, or
    new ones beside the claims they touch) rank the same.
    """
    return lambda c: (order.get(c.article_id, 0), c.article_id, c.start, c.end, c.kind, c.id)


@cycle_collection_paused()
def match_candidates(candidates: Iterable[Candidate], schema: Schema, article_order: dict[str, int] | None = None) -> list[Claim]:
    """Group candidates into claims with corroboration and both-way conflict links; deterministic for the same input."""
    groups = _cluster(sorted(candidates, key=_rank(article_order or {})), schema.match.threshold)
    ids = {id(g): claim_id(g) for g in groups}
    claim_of = {c.id: ids[id(g)] for g in groups for c in g.members}
    conflicts = _conflicts(groups, ids, claim_of, schema)
    return [_claim(g, ids[id(g)], conflicts.get(ids[id(g)], set())) for g in groups]


def _cluster(
    ranked: Iterable[Candidate], threshold: float, blocks: Mapping[tuple[object, ...], list[_Group]] | None = None
) -> list[_Group]:
    """Greedy leader clustering of candidates in ranking order, after the groups already in ``blocks``.

    A candidate joins the block's first group with its subject, else the
    group its context is most alike (``_Block.most_alike``), else starts one.
    """
    found: dict[tuple[object, ...], _Block] = {key: _Block(list(groups)) for key, groups in (blocks or {}).items()}
    for c in ranked:
        key = _block(c)
        block = found.get(key)
        if block is None:
            found[key] = block = _Block([])
        if c.kind in VALUED and block.groups:
            same = block.by_subject.get(c.subject) if c.subject else None
            context = context_words(c)
            if same is None:
                same = block.most_alike(context, threshold)
            if same is not None:
                same.members.append(c)
            else:
                block.add(_Group(key, c.subject, context, [c]))
        elif block.groups:
            block.groups[0].members.append(c)
        else:
            block.add(_group_of([c]))
    return [g for block in found.values() for g in block.groups]


class _Block:
    """The groups of one block in order, indexed for clustering.

    A candidate is compared (one C++ ``extractOne``) only with the groups
    whose context shares a stem with its own, and not through a stem more
    than ``COMMON`` groups share: a block of a round figure (10%) holds
    thousands of unrelated facts, and comparing each newcomer with all of
    them would make clustering quadratic. A context alike enough to pass
    ``match.threshold`` almost always shares an uncommon word.
    """

    def __init__(self, groups: list[_Group]) -> None:
        self.groups: list[_Group] = []
        self.by_subject: dict[str, _Group] = {}
        self.by_stem: dict[str, list[int]] = defaultdict(list)
        for group in groups:
            self.add(group)

    def add(self, group: _Group) -> None:
        for stem in _stems(group.context):
            self.by_stem[stem].append(len(self.groups))
        self.groups.append(group)
        if group.subject:
            self.by_subject.setdefault(group.subject, group)

    def most_alike(self, context: str, threshold: float) -> _Group | None:
        """The first of the groups most alike ``context`` at ``threshold`` or above, None when none is."""
        near: set[int] = set()
        for stem in _stems(context):
            indices = self.by_stem.get(stem, ())
            if len(indices) <= COMMON:
                near.update(indices)
        if not near:
            return None
        order = sorted(near)
        best = process.extractOne(context, [self.groups[i].context for i in order], scorer=fuzz.token_set_ratio, score_cutoff=threshold)
        return self.groups[order[best[2]]] if best is not None else None


def _group_of(members: list[Candidate]) -> _Group:
    """The group led by ``members[0]``: its block, subject and context are the leader's."""
    leader = members[0]
    return _Group(_block(leader), leader.subject, context_words(leader) if leader.kind in VALUED else "", members)


def claim_id(group: _Group) -> str:
    """Stable: from the block and the group's leader, so adding later articles leaves every id as it was."""
    return "f" + hashlib.sha1(f"{group.key!r}:{group.members[0].id}".encode()).hexdigest()[:11]


def _conflicts(
    groups: Sequence[_Group], ids: dict[int, str], claim_of: Mapping[str, str], schema: Schema,
    focus: Collection[int] | None = None,
) -> dict[str, set[str]]:
    """Conflict links among ``groups``: all, or those of the groups in ``focus`` (by ``id()``).

    ``claim_of`` gives the claim of every candidate an equivalent may name.
    """
    links: dict[str, set[str]] = defaultdict(set)

    def link(a: _Group, b: _Group) -> None:
        links[ids[id(a)]].add(ids[id(b)])
        links[ids[id(b)]].add(ids[id(a)])

    converts = {id(g): {claim_of[e] for c in g.members for e in c.attrs.get("equivalents", []) if e in claim_of} for g in groups}
    by_slot: dict[tuple[object, ...], list[_Group]] = defaultdict(list)
    for g in groups:
        if g.key[0] in NUMERIC or (g.key[0] in SINGLE_VALUED and g.key[1]):  # an unnamed venture's names say nothing
            by_slot[g.key[:2]].append(g)
    for (kind, _), members in by_slot.items():
        if kind in SINGLE_VALUED:
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if focus is None or id(a) in focus or id(b) in focus:
                        link(a, b)
            continue
        members.sort(key=lambda g: float(g.key[2]))  # type: ignore[arg-type]
        for a, b in _close_pairs(members, schema.match.tolerance, focus, converts):
            if converts[id(a)] & converts[id(b)] or same_slot(a, b, schema.match.threshold):
                link(a, b)
    return links


COMMON = 100
"""A context word shared by more groups than this (of one subject and value, or in one block) says little
about which fact they tell (``funding`` across a thousand articles): it does not bring them together."""


def _stems(context: str) -> set[str]:
    """Context words cut to five letters, so ``robot`` meets ``robots`` and ``invest`` meets ``investment``."""
    return {word[:5] for word in context.split()}


class _SlotIndex:
    """The claims of one slot (kind and unit) by what a conflict needs two of them to share.

    Per subject and context stem, the values that have them (sorted) and the
    claims at each; per conversion, its claims. A claim then meets only the
    claims of close values with its subject and a stem, or with a conversion,
    found by bisection: the cost follows those, not the number of close values
    or claims (round figures like 10% have thousands).
    """

    def __init__(self, members: Iterable[_Group], conversions: Mapping[int, Collection[str]]) -> None:
        self.conversions = conversions
        self.at: dict[tuple[str, str], dict[float, list[_Group]]] = defaultdict(lambda: defaultdict(list))
        self.by_conversion: dict[str, list[_Group]] = defaultdict(list)
        for g in members:
            if g.subject:
                for stem in _stems(g.context):
                    self.at[(g.subject, stem)][_value(g)].append(g)
            for claim in conversions[id(g)]:
                self.by_conversion[claim].append(g)
        self.values = {key: sorted(by_value) for key, by_value in self.at.items()}

    def meeting(self, group: _Group, low: float, high: float) -> Iterator[_Group]:
        """Claims of another value in [low, high] that share a conversion with ``group``, or its subject and a stem.

        A stem more than ``COMMON`` claims of the subject share at either value
        is passed over, the same way from both ends, so a pair is found
        whichever of the two is new.
        """
        value, seen = _value(group), {id(group)}
        for stem in _stems(group.context) if group.subject else ():
            key = (group.subject, stem)
            by_value = self.at[key]
            if len(by_value[value]) > COMMON:
                continue
            values = self.values[key]
            for other in values[bisect.bisect_left(values, low) : bisect.bisect_right(values, high)]:
                if other != value and len(by_value[other]) <= COMMON:
                    for g in by_value[other]:
                        if id(g) not in seen:
                            seen.add(id(g))
                            yield g
        for claim in self.conversions[id(group)]:
            for g in self.by_conversion[claim]:
                if id(g) not in seen and low <= _value(g) <= high and _value(g) != value:
                    seen.add(id(g))
                    yield g


def _value(group: _Group) -> float:
    return float(group.key[2])  # type: ignore[arg-type]


def _close_pairs(
    members: Sequence[_Group], tolerance: float, focus: Collection[int] | None, conversions: Mapping[int, Collection[str]]
) -> Iterator[tuple[_Group, _Group]]:
    """Pairs of groups, lower value first, within ``tolerance`` of the larger, that may fill one slot (see ``_SlotIndex``).

    All of them; or those with a group in ``focus``, looking out from each of these alone.
    """
    index = _SlotIndex(members, conversions)
    for a in members if focus is None else [g for g in members if id(g) in focus]:
        value = _value(a)
        low, high = _reach(value, tolerance)
        for b in index.meeting(a, low, high):
            if _value(b) > value:
                yield a, b
            elif focus is not None and id(b) not in focus:
                yield b, a


def _reach(value: float, tolerance: float) -> tuple[float, float]:
    """The values within ``tolerance`` of the larger of them and ``value``: |v - value| <= tolerance * max(|v|, |value|)."""
    if value >= 0:
        return value * (1 - tolerance), value / (1 - tolerance)
    return value / (1 - tolerance), value * (1 - tolerance)


def _within_tolerance(value: float, tolerance: float) -> tuple[float, float]:
    """The values a claim may have to conflict with one of ``value`` (see ``_close_pairs``).

    Widened by a hair: it is searched among the values claims store, which
    differ from the six-significant-digit keys compared here by up to 5e-6
    of themselves.
    """
    low, high = _reach(value, tolerance)
    return low - abs(low) * 1e-5, high + abs(high) * 1e-5


def _value_ranges(keys: Iterable[tuple[object, ...]], tolerance: float) -> list[tuple[str, float, float]]:
    """(slot, low, high) holding every claim that may conflict with a claim of a numeric block in ``keys``, merged."""
    by_slot: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for key in keys:
        if key[0] in NUMERIC:
            by_slot[_key_text(key[:2])].append(_within_tolerance(float(key[2]), tolerance))  # type: ignore[arg-type]
    merged: list[tuple[str, float, float]] = []
    for slot, ranges in by_slot.items():
        ranges.sort()
        low, high = ranges[0]
        for next_low, next_high in ranges[1:]:
            if next_low > high:
                merged.append((slot, low, high))
                low = next_low
            high = max(high, next_high)
        merged.append((slot, low, high))
    return merged


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


MATCH_ATTEMPTS = 5
"""How often matching starts again when another ``curator extract`` wrote claims while it computed its own."""


def rematch(store: Store, schema: Schema) -> list[Claim]:
    """Match every candidate in the store and replace its claims in one transaction."""
    return _until_current(store, lambda generation: _rematch_at(store, schema, generation))


def _rematch_at(store: Store, schema: Schema, generation: int) -> list[Claim]:
    claims = match_candidates(store.candidates(), schema, store.article_ranks())
    store.replace_claims(claims, expected=generation)
    return claims


def _until_current(store: Store, attempt: Callable[[int], list[Claim]]) -> list[Claim]:
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
def match_new(store: Store, schema: Schema) -> list[Claim]:
    """Match the candidates in no claim yet; returns the claims written.

    The claims ``rematch`` would make, reading and writing only what the new
    candidates touch, in one transaction; or ``rematch`` itself when new
    candidates rank before matched ones (see the module's docstring).
    """
    return _until_current(store, lambda generation: _match_new_at(store, schema, generation))


def _match_new_at(store: Store, schema: Schema, generation: int) -> list[Claim]:
    if not store.claims_are_keyed():  # before reading the new ones: a first match reads everything anyway
        return _rematch_at(store, schema, generation)
    new = store.unmatched_candidates()
    if not new:
        return []
    order = store.article_ranks(c.article_id for c in new)
    if min(order.get(c.article_id, 0) for c in new) <= store.last_matched_rank():
        return _rematch_at(store, schema, generation)
    keys = {_block(c) for c in new}
    near = {
        c.id: c
        for c in store.claims_near(
            {_key_text(k) for k in keys},
            {_key_text(k[:2]) for k in keys if k[0] in SINGLE_VALUED and k[1]},
            _value_ranges(keys, schema.match.tolerance),
        )
    }
    leaders = {cid: claim.key.leader for cid, claim in near.items() if claim.key}
    known = {c.id: c for c in store.candidates_by_id(leaders.values())}
    converted: dict[str, list[Candidate]] = defaultdict(list)
    for c in store.members_of_claims(near, converted=True):
        if c.id != leaders[c.claim_id]:  # type: ignore[index]
            converted[c.claim_id].append(c)  # type: ignore[index]
    old = {cid: _group_of([known[leader], *converted[cid]]) for cid, leader in leaders.items()}
    order |= store.article_ranks(known[leader].article_id for leader in leaders.values())
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
    for c in store.members_of_claims(joined):
        members[c.claim_id].append(c)  # type: ignore[index]
    order |= store.article_ranks(c.article_id for ms in members.values() for c in ms)
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
    written = [_claim(g, ids[id(g)], conflicts.get(ids[id(g)], set())) for g in remade]
    # The others only gain links (to remade claims, which keep their leader and gain conversions).
    contradicted = {
        cid: Corroboration.CONFLICT
        for cid, claim in near.items()
        if cid not in remade_ids and conflicts.get(cid) and claim.corroboration is not Corroboration.CONFLICT
    }
    store.save_claims(written, contradicted, expected=generation)
    return written
