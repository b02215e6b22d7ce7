"""Names of countries and world regions, in English and Chinese, and the nationality words made from them: a place
is neither a person nor an organisation, and a nationality before a person's name is not part of it.

``South Africa said ...`` has the shape of a person's name before a speech
verb and ``Sudan's president, Omar al-Bashir`` that of an organisation's
officer; the names come from the Unicode CLDR territory names as Babel ships
them (no download), less the codes that name organisations (UN, EU).
CLDR has no nationality adjectives (demonyms), so ``demonym_length`` derives
them from the English territory names by the regular English suffixes
(Honduras -> Honduran, India -> Indian, China -> Chinese, Pakistan ->
Pakistani, Brazil -> Brazilian) and lists the irregular ones by hand.
"""

from __future__ import annotations

import re
from functools import cache

_ORGANISATIONS = frozenset({"UN", "EU", "EZ", "ZZ"})
"""CLDR territory codes that are bodies (United Nations, European Union, Eurozone) or unknown, not places."""
_IRREGULAR_DEMONYMS = frozenset(
    "Spanish French German Dutch British English Scottish Welsh Irish Swiss Thai Filipino Afghan Argentine "
    "Argentinian Lebanese Norwegian Peruvian Salvadoran Danish Swedish Finnish Polish Turkish Greek Portuguese Czech "
    "Slovak Icelandic Saudi Emirati American Croat Serb Bosnian Kosovar Palestinian Congolese Ivorian Malagasy Burmese "
    "Maltese Cypriot Uzbek Kazakh Tajik Kyrgyz Turkmen Azerbaijani Azeri Belarusian Kiwi Rican Korean Sudanese "
    "African Lankan Zealander".split()
)
"""Nationality adjectives no suffix rule makes from a CLDR name (Spain -> Spanish, Norway -> Norwegian)."""
_COMPASS = frozenset("North South East West Central Latin Sri New Puerto".split())


@cache
def _places() -> frozenset[str]:
    from babel import Locale  # noqa: PLC0415 - loads CLDR data, paid only when a name is checked

    names: set[str] = set()
    for locale in ("en", "zh", "zh_Hant"):
        for code, name in Locale.parse(locale).territories.items():
            if code not in _ORGANISATIONS:
                names.update({name, name.removesuffix(" SAR China"), name.replace("&", "and")})
                if code.isalpha():
                    names.add(code)
    return frozenset(names | {"UK", "U.S.", "U.K."})


def is_place(name: str) -> bool:
    """Whether ``name`` is a country or region as CLDR writes it (``South Africa``, ``Sudan``, ``苏丹``, ``Hong Kong``)
    or its two-letter code (``US``, ``GB``; and ``UK``, the usual name of GB)."""
    return name in _places()


@cache
def _demonyms() -> frozenset[str]:
    from babel import Locale  # noqa: PLC0415 - loads CLDR data, paid only when a name is checked

    words: set[str] = set(_IRREGULAR_DEMONYMS)
    for code, name in Locale.parse("en").territories.items():
        if not code.isalpha() or not re.fullmatch(r"[A-Z][a-z]+", name):
            continue
        if name.endswith("ium"):
            made = {name[:-3] + "an"}  # Belgium
        elif name.endswith("as"):
            made = {name[:-1] + "n"}  # Honduras
        elif name.endswith("a"):
            made = {name + "n", name + "ian", name[:-1] + "ese"}  # India, Ghana, China
        elif name[-1] in "eoy":
            made = {name[:-1] + "an", name[:-1] + "ian", name + "an"}  # Mexico, Italy, Ukraine, Zimbabwe
        elif name.endswith("i"):
            made = {name + "an"}  # Haiti
        else:
            made = {name + "ian", name + "ese", name + "i"}  # Brazil, Japan, Pakistan
        words.update(made - {name})
    return frozenset(words)


def demonym_length(name: str) -> int:
    """How many characters of ``name`` (words joined by single spaces) are a nationality before the rest:
    ``Honduran Ana Zuniga`` -> 9, ``South Korean Moon Jae-in`` -> 13, ``Ana Zuniga`` -> 0; nothing is cut when
    no more than the nationality would be left."""
    words = name.split(" ")
    size = 2 if len(words) > 2 and words[0] in _COMPASS and words[1] in _demonyms() else int(words[0] in _demonyms())
    return len(" ".join(words[:size])) + 1 if 0 < size < len(words) else 0
