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
