"""English singular and plural of a counted noun, for the extractor's units and for display.

The singular follows the regular English plural rules plus a few irregular
plurals (as in the Porter/Snowball tradition of suffix rules, without
stemming the word beyond its plural).
"""

from __future__ import annotations

import re

_IRREGULAR = {
    "people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "data": "data", "media": "media", "criteria": "criterion",
    "phenomena": "phenomenon", "aircraft": "aircraft", "sheep": "sheep", "fish": "fish", "deer": "deer",
    "series": "series", "species": "species", "news": "news", "crises": "crisis", "analyses": "analysis",
    "theses": "thesis", "indices": "index", "lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf",
    "halves": "half", "shelves": "shelf", "wolves": "wolf", "thieves": "thief",
}
for _word in ("people", "aircraft", "sheep", "fish", "deer", "staff", "police", "cattle", "personnel"):
    _IRREGULAR.setdefault(_word, _word)
_SINGULAR_MEN = frozenset(("specimen", "regimen", "abdomen", "stamen", "hymen", "semen", "acumen", "omen", "amen"))
_PLURAL_MANS = frozenset(("human", "german", "shaman", "talisman", "caiman", "ottoman", "roman", "walkman", "doberman"))
"""Words ending in -man whose plural is -mans."""
_PLURAL_ALWAYS = frozenset(("people", "police", "cattle", "personnel", "staff"))
def singular(noun: str) -> str:
    """``vessels`` -> ``vessel``, ``cities`` -> ``city``, ``boxes`` -> ``box``, ``people`` -> ``people``.

    Lower-cases; the last word of a hyphenated compound is the one made singular.
    """
    word = noun.lower()
    head, sep, last = word.rpartition("-")
    if last in _IRREGULAR:
        return head + sep + _IRREGULAR[last]
    if len(last) <= 3 or last.endswith(("ss", "us", "is", "ics")):
        return word
    if last.endswith("men") and last not in _SINGULAR_MEN:
        return head + sep + last[:-3] + "man"  # gunmen, fishermen, policemen
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "xes", "zes", "sses", "oes")):
        last = last[:-2]
    elif last.endswith("s"):
        last = last[:-1]
    return head + sep + last


def is_plural(word: str) -> bool:
    """Whether an English noun looks plural (``vessels``, ``feet``), not ``glass`` or ``status``."""
    last = word.lower().rpartition("-")[2]
    return last in _PLURAL_ALWAYS or (last in _IRREGULAR and _IRREGULAR[last] != last) or (last.endswith("men") and singular(last) != last) or (
        last.endswith("s") and not last.endswith(("ss", "us", "is")) and singular(last) != last
    )


_ONE = {"people": "person", "police": "police officer", "personnel": "member of staff", "staff": "member of staff"}
_WORDS = re.compile(r"[a-z][a-z '’-]*")


def after_one(unit: str) -> str:
    """The unit as written after the number one: ``bodies`` -> ``body``, ``people`` -> ``person``,
    ``years of age`` -> ``year of age``, ``percentage points`` -> ``percentage point``.

    Only an English unit in lower case changes; a currency code, a symbol or a Chinese unit is returned as it is.
    """
    if not _WORDS.fullmatch(unit):
        return unit
    noun, of, rest = unit.partition(" of ")
    *before, last = noun.split(" ")
    last = _ONE.get(last) or singular(last)
    return " ".join((*before, last)) + of + rest


_INVARIANT = frozenset(("crew", "staff", "police", "personnel", "cattle", "people", "aircraft", "sheep", "fish", "deer",
                        "series", "species", "news", "data", "media"))
_PLURAL_OF = {singular_: plural_ for plural_, singular_ in _IRREGULAR.items() if plural_ != singular_}


def plural(noun: str) -> str:
    """``vessel`` -> ``vessels``, ``city`` -> ``cities``, ``inch`` -> ``inches``, ``foot`` -> ``feet``; a word already
    plural (``is_plural``), invariant (``crew``, ``aircraft``) or an abbreviation (``km``, ``mph``, ``oz``) is kept.

    The last word of a hyphenated compound is the one made plural (``lane-mile`` -> ``lane-miles``).
    """
    head, sep, last = noun.rpartition("-")
    if _abbreviation(last) or last in _INVARIANT or is_plural(last):
        return noun
    if last in _PLURAL_OF:
        return head + sep + _PLURAL_OF[last]
    if last.endswith("man") and last.lower() not in _PLURAL_MANS:
        return head + sep + last[:-3] + "men"  # gunman, policeman, chairman
    if last.endswith("y") and last[-2] not in "aeiou":
        return head + sep + last[:-1] + "ies"
    if last.endswith(("s", "x", "z", "ch", "sh")):
        return head + sep + last + "es"
    return head + sep + last + "s"


def _abbreviation(word: str) -> bool:
    """A unit's abbreviation rather than a word: three letters or fewer with no vowel (``km``, ``mph``), or ``oz``."""
    return len(word) <= 3 and (not any(v in word for v in "aeiouy") or word == "oz")


def after_many(unit: str) -> str:
    """The unit as written after a number other than one: ``level`` -> ``levels``, ``lane-mile`` -> ``lane-miles``,
    ``foot`` -> ``feet``, ``percentage point`` -> ``percentage points``; a unit already plural, a code, a symbol or a
    Chinese unit is returned as it is."""
    if not _WORDS.fullmatch(unit):
        return unit
    noun, of, rest = unit.partition(" of ")
    *before, last = noun.split(" ")
    return " ".join((*before, plural(last))) + of + rest
