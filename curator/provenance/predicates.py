"""The predicate a figure fills: one lemma for the paraphrases of one fact, with who did it to whom.

"Verizon agreed to buy Yahoo for $4.8 billion", "Yahoo was sold to Verizon in
a deal worth $4.8 billion" and "Verizon收购Yahoo，交易价值48亿美元" all give
``Predicate("acquire", agent="Verizon", patient="Yahoo")``; "a 10% stake" is
``stake`` and "revenue grew 10%" is ``increase`` measured in ``revenue``, so
two facts that share a value stay apart.

The triggers come from ``schema/predicates.yaml`` (a lexicon of verbs and
nouns per lemma in English and Chinese, in the manner of FrameNet's lexical
units). In a sentence, the trigger nearest to the figure (by characters
between the spans; ties to the earlier one) among those allowed for the
fact's kind is the predicate, preferring triggers in the figure's own
clause (between commas, colons, semicolons, "and", "but", 而, 但) and
falling back to the whole sentence ("carrying 162 people: 155 passengers");
the measure noun nearest to the figure is its
measure. Roles, for predicates that list them, follow the voice:

- active (``A buys B``, ``A收购B``): agent = nearest entity before the
  trigger, patient = first entity after it; in a nominal "acquisition of B
  by A" the entity after "by" is the agent;
- English passive (a form of *be* or *get* just before the trigger: "B was
  acquired by A") or an inverse trigger ("B was sold to A", "B卖给A"):
  patient = nearest entity before, agent = the entity after "by", else the
  first after;
- Chinese 被/遭 ("B被A收购"): agent = the entity between 被 and the trigger,
  patient = the nearest entity before 被.

Entities are the caller's (the extractor's entity candidates in the
sentence); without them, runs of capitalised Latin words stand in
("Verizon", "Yahoo Inc"), which finds Latin names in Chinese text too but no
Chinese names. Known limits: one clause at a time is not parsed ("X sold B to
A" reads B as the patient only when X is not an entity), negation is not
read, and an unlisted verb gives no predicate.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from curator.provenance.tables import fail, load_entries, table_path

_FIELDS = ("en", "zh", "inverse", "kinds", "roles")
_ROLES = {"agent", "patient"}
_PASSIVE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten)\s+(?:(?:\w+ly|[\d.,%$]+|percent|per cent)\s+){0,3}$",
    re.IGNORECASE,
)
"""A form of *be* or *get* before the trigger, perhaps with an adverb or the figure between ("is 49 percent owned")."""
_WORD = re.compile(r"[A-Za-z0-9]+")
_BY = re.compile(r"\bby\s+", re.IGNORECASE)
_PHRASE_END = re.compile(r"[,;:，；：、()]|\s(?:for|in|on|at|with|from|to|after|as|and|but|while|which|that|who)\s",
                         re.IGNORECASE)
_NAME = re.compile(r"[A-Z][A-Za-z0-9&.'’-]*(?:[ \t]+[A-Z][A-Za-z0-9&.'’-]*)*")
_POSSESSIVE = re.compile(r"(?:['’]s?|\.)$")
_CURRENCY_AFTER = re.compile(r"[ \t]+(?:dollars?|yuan|yen|euros?|pounds?|francs?|rupees?|won|pesos?|ringgit)\b", re.IGNORECASE)
"""A currency word after a capitalised name: the name is the currency's country ("US dollars", "Hong Kong dollars"),
no one doing or undergoing anything."""
_BOUNDARY = re.compile(r"[,，](?!\d)|[;:；：、]|\s(?:and|but|while|whereas)\s|而|但", re.IGNORECASE)
_LEADING = {"the", "a", "an", "in", "on", "at", "for", "but", "and", "after", "before", "when", "while", "its", "his",
            "her", "their", "this", "that", "missing"}
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
             "april", "june", "july", "august", "september", "october", "november", "december"}
"""Capitalised words that name a day or month, no party to a predicate ("Acme said on Monday it raised")."""


@dataclass(frozen=True)
class Mention:
    """An entity named in the sentence: its canonical name and code-point span in the sentence."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Predicate:
    """What a figure is about. ``lemma`` None: no trigger found; roles None when not part of the slot."""

    lemma: str | None
    measure: str | None = None
    agent: str | None = None
    patient: str | None = None

    @property
    def key(self) -> str:
        """``lemma`` and ``measure`` as one text (``"increase:revenue"``, ``"acquire"``, ``""``)."""
        return f"{self.lemma or ''}:{self.measure}" if self.measure else self.lemma or ""


@dataclass(frozen=True)
class _Sense:
    lemma: str
    inverse: bool
    kinds: frozenset[str]
    roles: frozenset[str]


class _Lexicon:
    """Phrases found by dictionary look-ups, not one large regular expression (about 30 µs a sentence).

    English phrases match whole words, any case, longest first at each word; others (Chinese) match as
    written, longest first at each character.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        keys = {_key(phrase) for phrase in phrases}
        self.words = {key for key in keys if key.isascii()}
        self.chars = keys - self.words
        self.leads = {key.split(" ")[0] for key in self.words if " " in key}
        self.max_words = max((key.count(" ") + 1 for key in self.words), default=0)
        self.first_chars = re.compile("[" + "".join(sorted({re.escape(key[0]) for key in self.chars})) + "]")
        self.max_chars = max((len(key) for key in self.chars), default=0)

    def find(self, sentence: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        lowered = sentence.lower() if len(sentence.lower()) == len(sentence) else sentence
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(lowered)]
        i = 0
        while i < len(words):
            size = self._phrase_at(sentence, words, i) if words[i][2] in self.leads else 0
            if size:
                found.append((words[i][0], words[i + size - 1][1], " ".join(w[2] for w in words[i : i + size])))
            elif words[i][2] in self.words:
                found.append(words[i])
            i += max(size, 1)
        folded = sentence.casefold() if len(sentence.casefold()) == len(sentence) else sentence
        start = self.first_chars.search(folded) if self.chars else None
        while start:
            at, step = start.start(), 1
            for size in range(self.max_chars, 0, -1):
                if folded[at : at + size] in self.chars:
                    found.append((at, at + size, folded[at : at + size]))
                    step = size
                    break
            start = self.first_chars.search(folded, at + step)
        return sorted(found)

    def _phrase_at(self, sentence: str, words: list[tuple[int, int, str]], i: int) -> int:
        """Words in the longest multi-word phrase starting at word ``i`` (only spaces between), else 0."""
        for size in range(min(self.max_words, len(words) - i), 1, -1):
            run = words[i : i + size]
            if " ".join(w[2] for w in run) in self.words and all(
                    not sentence[a[1] : b[0]].strip() for a, b in zip(run, run[1:])):
                return size
        return 0


@dataclass(frozen=True)
class PredicateTable:
    """``schema/predicates.yaml`` compiled: trigger and measure lexicons and what each phrase means."""

    lexicon: _Lexicon
    """Triggers and measures together, so a sentence is read once."""
    senses: dict[str, _Sense]
    measure_of: dict[str, str]


@functools.lru_cache(maxsize=4)
def predicate_table(path: Path | None = None) -> PredicateTable:
    """Load and check the predicate table; CuratorError naming the file and key if it is malformed."""
    path = table_path(path, "predicates.yaml")
    senses: dict[str, _Sense] = {}
    for lemma, fields in load_entries(path, "predicates", _FIELDS).items():
        if not set(fields["roles"]) <= _ROLES:
            raise fail(path, f"predicates.{lemma}.roles", "may list only agent and patient")
        for field in ("en", "zh", "inverse"):
            for word in fields[field]:
                sense = _Sense(lemma, field == "inverse", frozenset(fields["kinds"]), frozenset(fields["roles"]))
                if senses.setdefault(_key(word), sense) != sense:
                    raise fail(path, f"predicates.{lemma}.{field}", f"repeats '{word}', already {senses[_key(word)].lemma}")
    measure_of: dict[str, str] = {}
    for measure, fields in load_entries(path, "measures", ("en", "zh")).items():
        for word in (*fields["en"], *fields["zh"]):
            if measure_of.setdefault(_key(word), measure) != measure or _key(word) in senses:
                raise fail(path, f"measures.{measure}", f"repeats '{word}', already a measure or predicate")
    return PredicateTable(_Lexicon([*senses, *measure_of]), senses, measure_of)


def predicate_of(sentence: str, value_span: tuple[int, int] | None = None, *, kind: str | None = None,
                 entities: Sequence[Mention] | None = None) -> Predicate:
    """The predicate of the figure at ``value_span`` (code-point offsets in ``sentence``) for a fact of ``kind``.

    ``entities``: the entities named in the sentence; None to fall back to capitalised Latin words.
    """
    table = predicate_table()
    span = value_span or (0, 0)
    found, measures = _scan(sentence)
    triggers = [m for m in found if kind is None or not table.senses[m[2]].kinds or kind in table.senses[m[2]].kinds]
    measure = _nearest(list(measures), span)
    measure_name = table.measure_of[measure[2]] if measure else None
    if value_span:
        lo, hi = _clause(sentence, span)
        trigger = _nearest([t for t in triggers if lo <= t[0] and t[1] <= hi] or triggers, span)
    else:
        trigger = triggers[0] if triggers else None
    if trigger is None:
        return Predicate(None, measure_name)
    sense = table.senses[trigger[2]]
    if not sense.roles:
        return Predicate(sense.lemma, measure_name)
    mentions = sorted(entities if entities is not None else _capitalised(sentence), key=lambda m: m.start)
    agent, patient = _roles(sentence, trigger, sense.inverse, [m for m in mentions if not _overlaps(m, span)])
    return Predicate(sense.lemma, measure_name, agent if "agent" in sense.roles else None,
                     patient if "patient" in sense.roles else None)


def _roles(sentence: str, trigger: tuple[int, int, str], inverse: bool,
           mentions: list[Mention]) -> tuple[str | None, str | None]:
    start, end, _ = trigger
    before = [m for m in mentions if m.end <= start]
    after = [m for m in mentions if m.start >= end]
    marker = max(sentence.rfind("被", 0, start), sentence.rfind("遭", 0, start))
    agents = [m for m in before if m.start > marker] if marker >= 0 else []
    patients = [m for m in before if m.end <= marker] if marker >= 0 else []
    if agents and patients:
        return agents[-1].name, patients[-1].name
    by = _by_agent(sentence, end, after)
    if inverse or _PASSIVE.search(sentence[max(0, start - 60) : start]):
        agent = by or (after[0] if after else None)
        return (agent.name if agent else None), (before[-1].name if before else None)
    if by is not None:
        patient = next((m for m in after if m.end <= by.start), before[-1] if before else None)
        return by.name, (patient.name if patient else None)
    return (before[-1].name if before else None), (after[0].name if after else None)


def _by_agent(sentence: str, end: int, after: list[Mention]) -> Mention | None:
    """The head of the "by" phrase in the trigger's clause: its last entity ("by Malaysia-based carrier AirAsia")."""
    by = _BY.search(sentence, end, _clause(sentence, (end, end))[1])
    if by is None:
        return None
    stop = _PHRASE_END.search(sentence, by.end())
    inside = [m for m in after if by.end() <= m.start < (stop.start() if stop else len(sentence))]
    return inside[-1] if inside else None


def _capitalised(sentence: str) -> list[Mention]:
    found = []
    for match in _NAME.finditer(sentence):
        if _CURRENCY_AFTER.match(sentence, match.end()):
            continue
        pieces = list(re.finditer(r"\S+", match.group()))
        while pieces and pieces[0].group().casefold() in _LEADING:
            pieces.pop(0)
        if len(pieces) == 1 and _by_position(sentence, match.start() + pieces[0].start(), pieces[0].group()):
            continue
        if pieces and not (len(pieces) == 1 and pieces[0].group().casefold().rstrip(",.") in _CALENDAR):
            name = _POSSESSIVE.sub("", " ".join(piece.group() for piece in pieces))
            found.append(Mention(name, match.start() + pieces[0].start(), match.end()))
    return found


def _by_position(sentence: str, start: int, word: str) -> bool:
    """Whether ``word`` at ``start`` is capitalised only because it opens the sentence: a word of the trigger and
    measure lexicon ("Revenue rose 10%") or a plural common noun before a lower-case verb ("Analysts expect",
    "Shares fell"). Such a word is no stand-in agent; a lone name that opens a sentence ("Verizon agreed") stays."""
    if sentence[:start].strip(" \"“‘'([") or not word[1:].islower():
        return False
    plural = re.fullmatch(r"[A-Z][a-z]+[^s'’]s", word) is not None and re.match(r"\s+[a-z]", sentence[start + len(word) :])
    return bool(plural) or _key(word) in predicate_table().lexicon.words


def _clause(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    lo, hi = 0, len(sentence)
    for boundary in _BOUNDARY.finditer(sentence):
        if boundary.end() <= span[0]:
            lo = boundary.end()
        elif boundary.start() >= span[1]:
            hi = boundary.start()
            break
    return lo, hi


@functools.lru_cache(maxsize=4096)
def _scan(sentence: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, int, str], ...]]:
    """(triggers, measures) found in a sentence; cached, since a sentence often holds several figures."""
    table = predicate_table()
    found = table.lexicon.find(sentence)
    return tuple(m for m in found if m[2] in table.senses), tuple(m for m in found if m[2] in table.measure_of)


def _nearest(found: list[tuple[int, int, str]], span: tuple[int, int]) -> tuple[int, int, str] | None:
    def gap(item: tuple[int, int, str]) -> tuple[int, int]:
        return max(item[0] - span[1], span[0] - item[1], 0), item[0]

    return min(found, key=gap) if found else None


def _overlaps(mention: Mention, span: tuple[int, int]) -> bool:
    return mention.start < span[1] and span[0] < mention.end


def _key(word: str) -> str:
    return " ".join(word.casefold().split())
