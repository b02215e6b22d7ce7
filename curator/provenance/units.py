"""One name per unit of counted things, across English and Chinese (``schema/units.yaml``).

``canonical_unit("passengers")``, ``canonical_unit("乘客")`` and
``canonical_unit("名乘客")`` are all ``"passenger"``; ``"vessels"`` and ``"艘"``
are ``"ship"``; ``"架次"`` is ``"aircraft"``. Currency codes (``USD``) and
``%`` are returned unchanged: they are already canonical. An English unit not
in the table is singularised by the usual plural endings (``robots`` ->
``robot``, ``batteries`` -> ``battery``, ``boxes`` -> ``box``); any other unit
is returned normalised (NFKC, case-folded, spaces collapsed).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from curator.provenance.tables import fail, load_entries, table_path

_CODE = re.compile(r"^(?:[A-Z]{3}|%)$")
_LATIN = re.compile(r"^[a-z][a-z' -]*$")


@dataclass(frozen=True)
class UnitTable:
    """``schema/units.yaml`` as lookups: name -> unit, classifier -> unit."""

    names: dict[str, str]
    classifiers: dict[str, str]


@functools.lru_cache(maxsize=4)
def unit_table(path: Path | None = None) -> UnitTable:
    """Load and check the unit table; CuratorError naming the file and key if it is malformed."""
    path = table_path(path, "units.yaml")
    names: dict[str, str] = {}
    classifiers: dict[str, str] = {}
    for unit, fields in load_entries(path, "units", ("names", "classifiers")).items():
        for field, lookup in (("names", names), ("classifiers", classifiers)):
            for word in (unit, *fields["names"]) if field == "names" else fields["classifiers"]:
                key = _key(word)
                if lookup.setdefault(key, unit) != unit:
                    raise fail(path, f"units.{unit}.{field}", f"repeats '{word}', already {lookup[key]}")
    return UnitTable(names, classifiers)


@functools.lru_cache(maxsize=4096)
def canonical_unit(unit: str | None) -> str | None:
    """The canonical name of a unit (see the module docstring); None for no unit or a blank one. Cached."""
    if unit is None or not unit.strip():
        return None
    if _CODE.match(unit.strip()):
        return unit.strip()
    key = _key(unit)
    table = unit_table()
    if key in table.names:
        return table.names[key]
    if key in table.classifiers:
        return table.classifiers[key]
    for size in (2, 1):
        head, rest = key[:size], key[size:]
        if rest and head in table.classifiers:
            return table.names.get(rest, rest)
    return _singular(key) if _LATIN.match(key) else key


def _singular(phrase: str) -> str:
    *lead, word = phrase.split(" ")
    table = unit_table()
    if len(word) > 3 and not word.endswith(("ss", "us", "is")):
        if word.endswith("ies"):
            word = word[:-3] + "y"
        elif word.endswith(("ches", "shes", "xes", "sses", "zes")):
            word = word[:-2]
        elif word.endswith("s"):
            word = word[:-1]
    singular = " ".join([*lead, word])
    return table.names.get(singular, singular)


def _key(word: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", word).casefold().split())
