"""Names of countries and world regions, in English and Chinese: a place is neither a person nor an organisation.

``South Africa said ...`` has the shape of a person's name before a speech
verb and ``Sudan's president, Omar al-Bashir`` that of an organisation's
officer; the names come from the Unicode CLDR territory names as Babel ships
them (no download), less the codes that name organisations (UN, EU).
"""

from __future__ import annotations

from functools import cache

_ORGANISATIONS = frozenset({"UN", "EU", "EZ", "ZZ"})
"""CLDR territory codes that are bodies (United Nations, European Union, Eurozone) or unknown, not places."""


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
