"""Blocks and greedy leader clustering: which candidates state the same fact. Pure: no store, no I/O.

Candidates are blocked by kind and a normalised key and compared only inside
a block (see the package docstring); a block of a round figure holding
thousands of unrelated facts is indexed by context stem (``_Block``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from curator.models import Candidate

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



COMMON = 100
"""A context word shared by more groups than this (of one subject and value, or in one block) says little
about which fact they tell (``funding`` across a thousand articles): it does not bring them together."""


def _stems(context: str) -> set[str]:
    """Context words cut to five letters, so ``robot`` meets ``robots`` and ``invest`` meets ``investment``."""
    return {word[:5] for word in context.split()}



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
