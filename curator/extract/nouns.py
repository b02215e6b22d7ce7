"""The counted noun of an open-vocabulary quantity: is a word a noun worth a unit.

No part-of-speech tagger: a counted noun in news follows its number
directly or after one modifier (``40 vessels``, ``12 new helicopters``,
``212 injured``), so a short list of words that are never the counted thing
(function words, common adjectives and adverbs, time words that belong to
dates) and word shapes that are rarely nouns (``-ly``, ``-ed``) decide. The
singular comes from ``curator.inflection``.
"""

from __future__ import annotations

import re

NOT_NOUNS = frozenset(
    """a an the of in on at to for from by with and or but nor as than then that this these those which who whom
    whose what when where while after before since until during per each every all any some no not more most less
    least much many few several other another such same own only also just about around over under above below
    up down out off into onto upon via vs is are was were be been being has have had do does did will would shall
    should can could may might must it its they them their he she his her we our you your i me my us one ones
    percent per-cent pct times time am pm a.m p.m bc ad new old more other additional major minor small large big
    great high low higher lower top key main total further extra separate different various similar local foreign
    former latter first second third last next previous early late earlier later recent current annual daily
    weekly monthly yearly full half whole entire estimated reported confirmed possible potential nearly almost
    roughly approximately so too very year-old years-old year-on-year o'clock hrs mins secs
    things ways steps reasons questions issues sides aspects options kinds types sorts lessons ideas factors
    stages phases others examples""".split()
)
"""Words that are never the counted thing: they are not nouns, or they are qualifiers, units of time of day, or
nouns of discourse that order what the writer says rather than count things in the world (``done in two
steps``, ``five things we learned``, ``three others``)."""

MODIFIERS = frozenset(
    """new more other additional major small large big senior junior young old local foreign international
    domestic private public military civilian chinese american british japanese indonesian malaysian
    singaporean korean australian european full-time part-time active registered confirmed suspected
    reported known unknown separate different similar special key""".split()
)
"""Words that may stand between a number and its noun (``12 new helicopters``, ``155 Indonesian passengers``)."""

_WORD = re.compile(r"^[a-z][a-z'’-]*[a-z]$")


def is_open_noun(word: str) -> bool:
    """Whether a lower-case word after a number may be the counted thing."""
    lowered = word.lower()
    return (
        bool(_WORD.match(word))
        and len(lowered) >= 3
        and lowered not in NOT_NOUNS
        and not lowered.endswith(("ly", "ed", "ing", "est", "ward", "wards"))
    )
