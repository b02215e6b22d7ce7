"""Conflicts between claims: close values filling one slot, or two names of one venture. Pure: no store, no I/O.

Only pairs that share something are tested (``_SlotIndex``): a subject and a
context stem, or a conversion; so the cost follows those pairs, not all pairs
of close values.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence

from rapidfuzz import fuzz

from curator.match.clustering import (
    COMMON, NUMERIC, SINGLE_VALUED, _block, _Group, _key_text, _stems, _value_key, slots_agree, span_of,
)
from curator.models import Candidate
from curator.schema import Schema


def role_slot(group: _Group) -> str | None:
    """The slot text of a figure whose predicate names who did it to whom (``acquire`` with Northwind as agent
    and Contoso as object), else None: two such claims of close values contradict each other whatever their
    stated subjects or words ($4.2 billion in one report, $4.5 billion in another)."""
    slot = group.slot
    return slot.text if slot is not None and slot.predicate and slot.subject and slot.object else None


def same_slot(a: _Group, b: _Group, threshold: float) -> bool:
    """Whether two claims of close values tell the same slot: one stated subject, agreeing slots
    (``slots_agree``: no two different predicates, agents or patients) and alike context words; or one
    predicate with the same agent and object (``role_slot``).

    A shared subject alone is not enough (an organisation named in a thousand
    articles has many figures, and 10% of one thing does not contradict 11%
    of another), and a figure whose subject is unstated has no slot to
    contradict: only a shared conversion can tie it to another.
    """
    if bool(a.subject) and a.subject == b.subject and slots_agree(a.slot, b.slot) and (
            fuzz.token_set_ratio(a.context, b.context) >= threshold):
        return True
    role = role_slot(a)
    return role is not None and role == role_slot(b)



def contested(key: tuple[object, ...]) -> bool:
    """Whether claims of this block can conflict with others of their slot: figures, and names of a named
    venture (an unnamed venture's names say nothing)."""
    return key[0] in NUMERIC or (key[0] in SINGLE_VALUED and bool(key[1]))


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
        if contested(g.key):
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
            if _overlap(a, b) or _one_teller(a, b):
                continue
            if converts[id(a)] & converts[id(b)] or same_slot(a, b, schema.match.threshold):
                link(a, b)
    return links



class _SlotIndex:
    """The claims of one slot (kind and unit) by what a conflict needs two of them to share.

    Per subject and context stem, and per ``role_slot``, the values that have
    them (sorted) and the claims at each (a range at both its ends, ``_ends``);
    per conversion, its claims. A claim then meets only the claims of close values with its subject and a stem, or with a conversion,
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
                    for end in _ends(g):
                        self.at[(g.subject, stem)][end].append(g)
            role = role_slot(g)
            if role is not None:
                for end in _ends(g):
                    self.at[("\x1e", role)][end].append(g)
            for claim in conversions[id(g)]:
                self.by_conversion[claim].append(g)
        self.values = {key: sorted(by_value) for key, by_value in self.at.items()}

    def meeting(self, group: _Group, tolerance: float) -> Iterator[_Group]:
        """Claims with an end (``_ends``) within ``tolerance`` of one of ``group``'s and none equal to it, that share
        a conversion with ``group``, or its subject and a stem.

        A stem more than ``COMMON`` claims of the subject share at either value
        is passed over, the same way from both ends, so a pair is found
        whichever of the two is new.
        """
        ends, seen = _ends(group), {id(group)}
        reaches = [_reach(end, tolerance) for end in ends]
        role = role_slot(group)
        keys = [(group.subject, stem) for stem in _stems(group.context)] if group.subject else []
        for key in [*keys, *([("\x1e", role)] if role is not None else [])]:
            by_value = self.at[key]
            values = self.values[key]
            for end, (low, high) in zip(ends, reaches):
                if len(by_value[end]) > COMMON:
                    continue
                for other in values[bisect.bisect_left(values, low) : bisect.bisect_right(values, high)]:
                    if other not in ends and len(by_value[other]) <= COMMON:
                        for g in by_value[other]:
                            if id(g) not in seen:
                                seen.add(id(g))
                                yield g
        for claim in self.conversions[id(group)]:
            for g in self.by_conversion[claim]:
                if id(g) not in seen and _value(g) != ends[0] and any(  # ends[0]: group's value
                        low <= end <= high for end in _ends(g) for low, high in reaches):
                    seen.add(id(g))
                    yield g


def _overlap(a: _Group, b: _Group) -> bool:
    """Whether two claims' intervals (``span_of``: a range's ends, a single value's point) share a value: then
    neither contradicts the other ("5% to 10%" and "7%"), however close their low ends."""
    x, y = span_of(a.members[0]), span_of(b.members[0])
    return x is not None and y is not None and x[0] <= y[1] and y[0] <= x[1]


def _one_teller(a: _Group, b: _Group) -> bool:
    """Whether both claims were first told by one article (their leaders'): two close values one article gives for
    one slot are two things it tells apart ("from 17.0% to 14.6%", "10.60% and 9.33% in 2012 and 2013"), not sources
    disagreeing. Leaders only, so a full match, the block-wise rebuild and matching what is new (which reads a
    claim as its leader) decide alike."""
    return a.members[0].article_id == b.members[0].article_id


def _value(group: _Group) -> float:
    return float(group.key[2])  # type: ignore[arg-type]


def _ends(group: _Group) -> tuple[float, ...]:
    """Where a claim is found among close values: its value (the block's) first, then a range's other end
    (``span_of``) as a block key rounds it. So "13%" meets "10% to 12%" through 12, not only through 10, which
    is further from it than tolerance."""
    return _ends_of(group.members[0], _value(group))


def _ends_of(c: Candidate, value: float) -> tuple[float, ...]:
    span = span_of(c)
    if span is None:
        return (value,)
    return (value, *sorted({float(_value_key(end)) for end in span} - {value}))  # type: ignore[arg-type]


def _close_pairs(
    members: Sequence[_Group], tolerance: float, focus: Collection[int] | None, conversions: Mapping[int, Collection[str]]
) -> Iterator[tuple[_Group, _Group]]:
    """Pairs of groups, lower value first, with ends within ``tolerance`` of the larger, that may fill one slot (see
    ``_SlotIndex``).

    All of them; or those with a group in ``focus``, looking out from each of these alone.
    """
    index = _SlotIndex(members, conversions)
    for a in members if focus is None else [g for g in members if id(g) in focus]:
        value = _value(a)
        for b in index.meeting(a, tolerance):
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


def _value_ranges(candidates: Iterable[Candidate], tolerance: float) -> list[tuple[str, float, float]]:
    """(slot, low, high) holding every claim end (``_ends``) that may conflict with one of a numeric candidate
    among ``candidates`` (its value, a range's high end too), merged."""
    by_slot: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in candidates:
        key = _block(c)
        if key[0] in NUMERIC:
            for end in _ends_of(c, float(key[2])):  # type: ignore[arg-type]
                by_slot[_key_text(key[:2])].append(_within_tolerance(end, tolerance))
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
