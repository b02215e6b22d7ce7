"""Blocks and greedy leader clustering: which candidates state the same fact. Pure: no store, no I/O.

Candidates are blocked by kind and a normalised key and compared only inside
a block (see the package docstring); a block of a round figure holding
thousands of unrelated facts is indexed by predicate and context stem
(``_Block``). Figures join by slot (``curator.provenance.slots``): the same
predicate with agreeing roles, never two different predicates.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from curator.display import range_end
from curator.models import Candidate
from curator.provenance.slots import SlotKey, slot_key
from curator.provenance.text import written_in_cjk
from curator.provenance.units import canonical_unit

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
    known_slot: SlotKey | None = None
    known_around: str | None = None

    @property
    def around(self) -> str:
        """The leader's ``words_around``, found when first needed."""
        if self.known_around is None:
            self.known_around = words_around(self.members[0])
        return self.known_around

    @property
    def slot(self) -> SlotKey | None:
        """The leader's slot (figures only): what a candidate must agree with to join. ``_cluster`` finds it for
        every figure as it ranks them, so the figures of one sentence are looked up one after another and meet
        the predicate finder's sentence cache (``predicates._scan``, bounded); found lazily, a leader's slot was
        looked up when a later figure met its block, in an order that missed that cache more the larger the
        corpus (BENCHMARKS.md, matching growth). Groups read back from the store (``_group_of``) still find it
        when first needed."""
        if self.known_slot is None and self.key[0] in VALUED:
            self.known_slot = figure_slot(self.members[0])
        return self.known_slot


class _Unstated:
    """A candidate as ``figure_slot`` reads it: without its stated subject."""

    __slots__ = ("kind", "unit", "quote", "start", "end", "quote_start")
    subject = None

    def __init__(self, c: Candidate) -> None:
        self.kind, self.unit, self.quote, self.start, self.end, self.quote_start = (
            c.kind, c.unit, c.quote, c.start, c.end, c.quote_start)


def figure_slot(c: Candidate) -> SlotKey:
    """The slot of a figure as matching compares it: ``slot_key`` with neither event nor stated subject, so its
    ``subject`` is the predicate's agent or empty. Stated subjects vary between articles telling one fact
    (the venture, its funder); the clustering rule weighs them apart from the slot."""
    return slot_key(_Unstated(c))


def slots_agree(a: SlotKey | None, b: SlotKey | None) -> bool:
    """Whether two figures' slots can be one: each of predicate, subject and object equal or unknown on a side.

    So "a 10% stake" and "revenue grew 10%" (``stake`` vs ``increase:revenue``) never join, while a figure
    whose predicate is not found may still join by its subject or context.
    """
    if a is None or b is None:
        return True
    return all(not x or not y or x == y for x, y in ((a.predicate, b.predicate), (a.subject, b.subject), (a.object, b.object)))


def subjects_agree(a: str | None, b: str | None) -> bool:
    """Whether two stated subjects can be one: equal, unknown on a side, or written in different scripts (a name
    is rarely translated letter for letter, so ``AirAsia`` and ``马来西亚亚洲航空公司`` are not told apart by text;
    the predicate and its roles decide)."""
    return not a or not b or a == b or written_in_cjk(a) != written_in_cjk(b)


def context_words(c: Candidate) -> str:
    """The content words within ``WINDOW`` characters of the span: what slot a number fills."""
    low, high = c.start - c.quote_start - WINDOW, c.end - c.quote_start + WINDOW
    words = [
        m.group().lower()
        for m in _WORD.finditer(c.quote)
        if m.end() > low and m.start() < high and m.group().lower() not in _STOP
    ]
    return " ".join(words)



def distinctive(value: object) -> bool:
    """Whether a value is unlikely to recur by chance in unrelated reports: a number of two or more significant
    digits (``162``, ``1.5``, ``23``; not ``2``, ``6`` or ``5,000``: round figures are what news rounds to), a date
    with its month (``2014-11``; not a bare year). Other values (names) are distinctive."""
    if isinstance(value, bool):
        return True
    if isinstance(value, (int, float)):
        digits = f"{abs(float(value)):.6e}".split("e")[0].replace(".", "").rstrip("0")
        return len(digits) >= 2
    text = str(value)
    return not (len(text) == 4 and text.isdigit())


LOOSE_THRESHOLD = 50
"""How alike (rapidfuzz ``token_set_ratio``) the words around two figures of a distinctive value must be, sharing a
content word, for them to be one fact (``_Block.alike_around``). Measured on the held-out multi-outlet news set
(devset2): every cross-article pair of one distinctive value at 50 or above sharing a content word told one fact."""
_EVERYWHERE = {"said", "says", "told", "tell", "what", "when", "where", "there", "their", "they", "them", "would",
               "could", "after", "befor", "some", "while", "being", "other"}
"""Words of any news sentence, cut as ``_stems`` cuts them: sharing one says nothing about which fact is told."""


def words_around(c: Candidate) -> str:
    """``context_words`` without the words of the figure itself (its unit, a date's month): what two reports of one
    fact share besides the value both state."""
    low, high = c.start - c.quote_start - WINDOW, c.end - c.quote_start + WINDOW
    first, last = c.start - c.quote_start, c.end - c.quote_start
    return " ".join(
        m.group().lower()
        for m in _WORD.finditer(c.quote)
        if m.end() > low and m.start() < high and m.group().lower() not in _STOP and not (m.start() >= first and m.end() <= last)
    )


def _content_stems(words: str) -> set[str]:
    return {stem for stem in _stems(words) if len(stem) >= 4 and stem not in _EVERYWHERE}


def _value_key(value: object) -> object:
    if isinstance(value, (int, float)):
        return float(f"{float(value):.6g}") + 0.0  # no -0.0: it is 0.0 as a key, not as text
    return str(value).casefold()


def span_of(c: Candidate) -> tuple[float, float] | None:
    """A figure's stated interval ``(low, high)``: a range's two ends (``curator.display.range_end``), a single
    value's ``(v, v)``; None for a value that is no number (a date, a name).

    Matching compares figures as intervals (Allen 1983, "Maintaining knowledge about temporal intervals": two
    intervals are equal, overlap, or one is before the other): a range corroborates only the same range, and two
    figures of one slot contradict each other only when their intervals are disjoint (``conflicts._conflicts``),
    so "5% to 10%" neither corroborates nor contradicts "7%", and contradicts "12%".
    """
    if isinstance(c.value, bool) or not isinstance(c.value, (int, float)):
        return None
    high = range_end(c.value, c.attrs)
    top = float(high) if isinstance(high, (int, float)) and not isinstance(high, bool) else float(c.value)
    return (float(c.value), top) if top >= c.value else (top, float(c.value))


def _range_key(c: Candidate) -> object:
    """The high end of a range as a block key compares it (``_value_key``), None for a single value: a range
    joins only claims of the same range, never a single value equal to its low end."""
    high = range_end(c.value, c.attrs)
    return None if high is None else _value_key(high)


def _block(c: Candidate) -> tuple[object, ...]:
    return _block_of(c.kind, c.unit, c.value, c.subject)


def _block_of(kind: str, unit: str | None, value: object, subject: str | None) -> tuple[object, ...]:
    if kind == "entity":
        return ("entity", _value_key(value))
    if kind in VALUED:
        return (kind, canonical_unit(unit) or "", _value_key(value))
    return (kind, (subject or "").casefold(), _value_key(value))


def block_text(kind: str, unit: str | None, value: object, subject: str | None) -> str:
    """The block of a candidate with these fields, as stored with its claim (``_key_text``)."""
    return _key_text(_block_of(kind, unit, value, subject))


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

    A range joins only groups of the same range (``span_of``). A figure joins the block's first group whose leader has its predicate
    (non-empty) and agreeing roles, with a stated subject that agrees (``subjects_agree``) when no role is known on
    both sides, stated on both sides unless the value is ``distinctive`` (a predicate alone, "fell 2%", is told of a
    thousand different things; "carried 162 people" of few); else, among the groups whose slot agrees
    (``slots_agree``), the first with its subject, else the one its context is
    most alike (``_Block.most_alike``); else it starts one.
    """
    found: dict[tuple[object, ...], _Block] = {}
    for key, groups in (blocks or {}).items():
        for group in groups:
            found.setdefault((key, _range_key(group.members[0])), _Block([])).add(group)
    for c in ranked:
        key = _block(c)
        block = found.get((key, _range_key(c)))
        if block is None:
            found[(key, _range_key(c))] = block = _Block([])
        if c.kind in VALUED:
            slot = figure_slot(c)
            context = context_words(c)
            same = block.joining(c.subject, slot, context, threshold, c) if slot is not None else None
            if same is not None:
                same.members.append(c)
            else:
                block.add(_Group(key, c.subject, context, [c], slot))
        elif block.groups:
            block.groups[0].members.append(c)
        else:
            block.add(_group_of([c]))
    return [g for block in found.values() for g in block.groups]


class _Block:
    """The groups of one block in order, indexed for clustering.

    A figure is compared first with the groups of its predicate, then (one
    C++ ``extractOne``) only with the groups whose context shares a stem with
    its own, and not through a stem more than ``COMMON`` groups share: a
    block of a round figure (10%) holds thousands of unrelated facts, and
    comparing each newcomer with all of them would make clustering
    quadratic. A context alike enough to pass ``match.threshold`` almost
    always shares an uncommon word.
    """

    def __init__(self, groups: list[_Group]) -> None:
        self.groups: list[_Group] = []
        self.by_subject: dict[str, list[_Group]] = defaultdict(list)
        self.by_predicate: dict[str, list[_Group]] = defaultdict(list)
        self.unindexed: list[_Group] = []
        """Groups not yet in ``by_predicate``: their slots are found only once a figure meets the block."""
        self.by_stem: dict[str, list[int]] = defaultdict(list)
        for group in groups:
            self.add(group)

    def add(self, group: _Group) -> None:
        for stem in _stems(group.context):
            self.by_stem[stem].append(len(self.groups))
        self.groups.append(group)
        if group.subject:
            self.by_subject[group.subject].append(group)
        self.unindexed.append(group)

    def joining(self, subject: str | None, slot: SlotKey, context: str, threshold: float, figure: Candidate) -> _Group | None:
        """The group ``figure`` (with this subject, slot and context) joins (see ``_cluster``), None for a new one."""
        distinct = distinctive(figure.value)
        for group in self.unindexed:
            if group.slot is not None and group.slot.predicate:
                self.by_predicate[group.slot.predicate].append(group)
        self.unindexed.clear()
        if slot.predicate:
            for group in self.by_predicate.get(slot.predicate, ()):
                roles = bool((slot.subject and group.slot.subject) or (slot.object and group.slot.object))
                told = subjects_agree(subject, group.subject) and (distinct or bool(subject and group.subject))
                if slots_agree(group.slot, slot) and (roles or told):
                    return group
        for group in self.by_subject.get(subject, ()) if subject else ():
            if slots_agree(group.slot, slot):
                return group
        found = self.most_alike(context, threshold, slot)
        if found is None and distinct:
            found = self.alike_around(figure, slot)
        return found

    def alike_around(self, figure: Candidate, slot: SlotKey) -> _Group | None:
        """The first group with an agreeing slot whose leader's words around its figure (``words_around``) share a
        content word with ``figure``'s and are alike at ``LOOSE_THRESHOLD``: a distinctive value (``distinctive``)
        in one block is rarely a coincidence, so two outlets' own wording of one fact ("Jolie announced in May 2013"
        and "went public in May 2013 about her double mastectomy") is enough."""
        around = words_around(figure)
        order = self._near((s for s in _stems(around) if len(s) >= 4 and s not in _EVERYWHERE), slot)
        if not order:
            return None
        contexts = [self.groups[i].around for i in order]
        best = process.extractOne(around, contexts, scorer=fuzz.token_set_ratio, score_cutoff=LOOSE_THRESHOLD)
        if best is None or not _content_stems(around) & _content_stems(best[0]):
            return None
        return self.groups[order[best[2]]]

    def _near(self, stems: Iterable[str], slot: SlotKey | None) -> list[int]:
        """Indices, ascending, of the groups sharing one of ``stems`` (none shared by over ``COMMON`` groups) whose
        slot agrees with ``slot``: the only groups worth comparing by wording."""
        near: set[int] = set()
        for stem in stems:
            indices = self.by_stem.get(stem, ())
            if len(indices) <= COMMON:
                near.update(indices)
        return sorted(i for i in near if slots_agree(self.groups[i].slot, slot))

    def most_alike(self, context: str, threshold: float, slot: SlotKey | None = None) -> _Group | None:
        """The first of the groups with a slot agreeing with ``slot`` most alike ``context`` at ``threshold`` or
        above, None when none is."""
        order = self._near(_stems(context), slot)
        if not order:
            return None
        best = process.extractOne(context, [self.groups[i].context for i in order], scorer=fuzz.token_set_ratio, score_cutoff=threshold)
        return self.groups[order[best[2]]] if best is not None else None


def _group_of(members: list[Candidate], slot: SlotKey | None = None) -> _Group:
    """The group led by ``members[0]``: its block, subject and context are the leader's; ``slot`` its figure slot
    when known (``figure_slot`` of the leader), else found when first needed."""
    leader = members[0]
    if leader.kind not in VALUED:
        return _Group(_block(leader), leader.subject, "", members)
    return _Group(_block(leader), leader.subject, context_words(leader), members, slot)


def claim_id(group: _Group) -> str:
    """Stable: from the block and the group's leader, so adding later articles leaves every id as it was."""
    return "f" + hashlib.sha1(f"{group.key!r}:{group.members[0].id}".encode()).hexdigest()[:11]
