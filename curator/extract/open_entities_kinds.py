"""English organisations named with no organisation word in the name, found by the kind of body news writing says
they are or by a verb only a body or person performs:

- a kind noun right before the name (``The startup Globex said``, ``the taxi
  service Uber``, ``chipmaker Nvidia``; a kind a person may be too only
  before one word: ``developer Mojang``), rule ``kind``;
- a kind noun in an apposition right after it (``Initech, a startup, said``,
  ``Acme, a Boston-based maker of robots, said``), rule ``kind``;
- one capitalised word in mid-sentence before a reporting verb (``on Monday
  Uber said``, ``and Nintendo announced``) that is no common word, calendar
  word or place: an agent whose kind ``settle_agents`` tells from the article
  (a name the article gives otherwise is left to that mention), from an acronym
  (``NASA said``, an organisation), from the first pronoun after it (``Trump
  said he``: a person, rule ``speech``; ``Uber said its``: an organisation,
  rule ``org-speech``) or from an organisation it is listed with (``Sony and
  Nintendo announced``); with none of these it is no entity, since a lone
  surname and a lone brand look alike;
- one capitalised word listed with an organisation (``Sony and Nintendo``,
  ``Nintendo or Sony``), rule ``coordination``, found by ``coordinated``.

People come here too: by what only a person has (``Lupita Nyong'o's dress``,
``Tom Hanks's publicist``; a name of two words or more), rule ``possessive``,
and by a degree after the name (``Michael Shadlen, Ph.D.,``), rule
``degree``. Each pattern is a bounded run, so the work is linear in the
length of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from curator.extract.name_text import title_spans
from curator.extract.name_shapes import (
    CALENDAR, FILLER, NOT_NAMES, ORG_CUES, ORG_WORD, PERSON, STANDALONE, TITLE_IN_NAME, Found, dedupe, headline,
)
from curator.extract.places import demonym_length, is_place
from curator.provenance.outlets import listed_outlet

_KINDS = (
    r"startup|start-up|company|firm|corporation|conglomerate|carmaker|automaker|chipmaker|drugmaker|retailer|lender|"
    r"bank|insurer|airline|carrier|broadcaster|publisher|maker|manufacturer|producer|supplier|provider|operator|"
    r"service|app|platform|website|network|brand|label|studio|outlet|newspaper|magazine|agency|charity|nonprofit|"
    r"non-profit|organi[sz]ation|group|giant|unit|subsidiary|fund|hospital|university|union|club|team|exchange"
)
_NAME = rf"{ORG_WORD}(?:\s{ORG_WORD}){{0,3}}"
_KIND_BEFORE = re.compile(rf"(?<![\w-])(?:{_KINDS})\s(?P<org>{_NAME})(?![\w-])")
# Kinds a person may be too ("software developer John Smith"): an organisation only by a one-word name.
_KIND_OR_PERSON = re.compile(
    rf"(?<![\w-])(?:developer|rival|parent|investor|backer|partner|owner)\s(?P<org>{ORG_WORD})(?![\w'’-]|\s[A-Z])"
)
# Degrees after a name: "Michael Shadlen, Ph.D., of Columbia University".
_DEGREE = re.compile(rf"(?<![\w-])(?P<name>{PERSON}),\s(?:Ph\.\s?D|PhD|M\.\s?D|MD|MPH|M\.P\.H|DPhil|D\.Phil|RN)\b")
_KIND_AFTER = re.compile(
    rf"(?<![\w'’-])(?P<org>{_NAME}),\s(?:a|an|the)\s(?:[\w-]+\s){{0,4}}?(?:{_KINDS})"
    r"(?=,|\.|\s(?:based|that|which|whose|founded|backed|owned|in|from|with|of|and)\b)"
)
_LEAD_IN = "|".join(sorted(FILLER | CALENDAR))
_SPEECH = r"said|says|announced|reported|confirmed|denied|declined|disclosed|unveiled|launched|tweeted|stated"
_SAYS = re.compile(
    rf"(?<![\w'’-])(?:[a-z0-9]+[,;]?|[A-Za-z]+[,;]|{_LEAD_IN})\s(?P<org>[A-Z][a-z]+|[A-Z]{{2,6}})\s(?:{_SPEECH})\b"
)
"""A lower-case word, a comma or a lead-in word before the name: mid-sentence, and not the end of a longer name
(``Yahoo Finance reported``)."""
# The first pronoun after an agent tells a person from an organisation ("Trump said he", "Uber said its fares").
# "It" counts only as the subject of what a body does ("It said", "said it plans", "says it will offer"): "it was",
# "it will be" are any speaker's. "They", "we" tell neither, and end the search.
_PRONOUN = re.compile(
    r"(?<![\w'’-])(?:(?P<person>[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]imself|[Hh]erself)|(?P<org>[Ii]ts|[Ii]tself|"
    r"[Ii]t\s(?:said|says|added|announced|plans|planned|expects|expected|intends|aims|declined|denied|confirmed|reported)"
    r"|[Ii]t\s(?:will|would)\s(?!be|have|take|make|happen|not|never|get|mean|go|come|seem|look)[a-z]+)"
    r"|[Tt]hey|[Tt]heir|[Tt]hem|[Ww]e|[Oo]ur|I)(?![\w'’-])"
)
# Joined by "and", "or", "&": a bare comma after a name more often opens an apposition ("Acme Corp, Boston").
_LIST_AFTER = re.compile(rf"(?:,?\s(?:and|or|&)\s)(?P<name>{ORG_WORD})(?![\w'’-]|\s[A-Z]|\s&)")
_LIST_BEFORE = re.compile(rf"(?<![\w'’.-])(?<![A-Z][A-Za-z]\s)(?P<name>{ORG_WORD})(?:,?\s(?:and|or|&)\s)$")
_BEFORE_PLACE = re.compile(
    r"(?<![\w-])(?i:in|on|at|from|to|for|by|with|near|of|across|into|than|outside|inside|around|throughout)\s$"
)
# Only a person has these: not fans, a manager or a lawyer, which a club or a firm has too (Manchester United's fans).
_OWNED = (
    r"dress|gown|outfit|jewel(?:le)?ry|husband|wife|boyfriend|girlfriend|fianc[ée]e?|ex-wife|ex-husband|publicist|"
    r"mother|father|son|daughter|sister|brother|death|funeral|birthday|autopsy|memoir"
)
_POSSESSIVE = re.compile(rf"(?<![\w-])(?P<name>{PERSON})['’]s\s(?:[\w-]+\s){{0,2}}?(?:{_OWNED})\b")
_NOT_ORG_WORDS = NOT_NAMES | frozenset("CEO CFO CTO COO".split())


def with_kinds(text: str, found: list[Found]) -> list[Found]:
    """``found`` (the cue rules' names of the sentence ``text``) with the names given by a kind, a reporting verb or
    a possession; a name a kind calls an organisation is no person read from a speech verb (``the bank Goldman
    Sachs said``)."""
    more = _kinds(text)
    if not more:
        return found
    orgs = [(f.start, f.end) for f in more if f.type == "organisation"]
    kept = [f for f in found if not (f.type == "person" and any(a <= f.start and f.end <= b for a, b in orgs))]
    return dedupe(more + kept)


def settle_agents(found: list[Found], text: str, following: str, known: set[str]) -> list[Found]:
    """``found`` (the names of the sentence ``text``) with each lone agent of a reporting verb (type ``agent``)
    given its kind or left out: left out when the article gives the name otherwise (``known``: its people and
    their surnames, its organisations, the outlet of its dateline), an organisation when an acronym or a news
    outlet ``schema/outlets.yaml`` lists (``as Reuters reported``), else the kind of the first pronoun after it in the sentence or the ``following`` one
    (he, his: a person; its: an organisation), else left out. Cue-based reading of a lone name, as the MUC-6 rule
    systems did; no statistics."""
    kept: list[Found] = []
    for f in found:
        if f.type != "agent":
            kept.append(f)
            continue
        if f.name in known:
            continue
        pronoun = _PRONOUN.search(f"{text[f.end :]} {following}")
        if f.name.isupper() or listed_outlet(f.name) or (pronoun and pronoun.group("org")):
            kept.append(replace(f, type="organisation", rule="org-speech"))
        elif pronoun and pronoun.group("person"):
            kept.append(replace(f, type="person", rule="speech"))
    return kept


def coordinated(text: str, organisations: list[tuple[int, int]]) -> list[Found]:
    """Each capitalised word listed right after or before one of the ``organisations`` (spans in ``text``): ``Sony
    and Nintendo``, ``Nintendo or Sony``; no filler, calendar word, place, title or organisation word."""
    found: list[Found] = []
    for start, end in organisations:
        for match in (_LIST_AFTER.match(text, end), _LIST_BEFORE.search(text[:start])):
            name = match.group("name") if match else ""
            if match and name not in _NOT_ORG_WORDS | ORG_CUES and not is_place(name) and not headline(text):
                found.append(Found(match.start("name"), match.end("name"), name, "organisation", "coordination"))
    return found


def _kinds(text: str) -> list[Found]:
    found: list[Found] = []
    if headline(text):
        return found
    for pattern, rule in ((_KIND_BEFORE, "kind"), (_KIND_OR_PERSON, "kind"), (_KIND_AFTER, "kind"), (_SAYS, "org-speech")):
        for match in pattern.finditer(text):
            if rule == "org-speech" and _BEFORE_PLACE.search(text, max(0, match.start("org") - 12), match.start("org")):
                continue  # "a clinic in Manchester said": the agent is what the place is the place of
            org = _name(text, match.start("org"), match.group("org"), after_kind=pattern is not _KIND_AFTER)
            if org:
                kind = "agent" if rule == "org-speech" else "organisation"
                found.append(Found(org[0], org[0] + len(org[1]), org[1], kind, rule))
    for match in _DEGREE.finditer(text):
        if " " in match.group("name") and not set(match.group("name").split()) & (NOT_NAMES | ORG_CUES):
            found.append(Found(match.start("name"), match.end("name"), match.group("name"), "person", "degree"))
    for match in _POSSESSIVE.finditer(text):
        title = TITLE_IN_NAME.match(match.group("name"))  # "Actor Tom Hanks's lawyer": the name follows the title
        start = match.start("name") + (title.end() if title else 0)
        start += demonym_length(text[start : match.end("name")])  # "Spanish Rafael Nadal's coach"
        name = text[start : match.end("name")]
        words = name.split(" ")
        if len(words) >= 2 and not set(words) & (NOT_NAMES | ORG_CUES) and not is_place(name):
            found.append(Found(start, match.end("name"), name, "person", "possessive"))
    titles = title_spans(text)
    return [f for f in found if not any(a <= f.start and f.end <= b for a, b in titles)]


def _name(text: str, start: int, run: str, after_kind: bool) -> tuple[int, str] | None:
    """The name in a capitalised run at ``start``: without a leading ``The`` after a kind (``the newspaper The
    Times``), a trailing possessive or calendar word; None for a title, filler, place, a lone organisation word or one after a preposition."""
    words = run.split(" ")
    if after_kind and words[0] == "The" and len(words) > 1:
        start, words = start + 4, words[1:]
    words[-1] = re.sub(r"['’]s$", "", words[-1])
    while len(words) > 1 and words[-1] in _NOT_ORG_WORDS:
        words = words[:-1]
    name = " ".join(words)
    if not after_kind and _BEFORE_PLACE.search(text, max(0, start - 12), start):
        return None  # "In Ohio, a startup said": a place, not the startup
    if any(w in _NOT_ORG_WORDS or w == "&" for w in words) or is_place(name) or len(name) < 2:
        return None
    if len(words) == 1 and name in ORG_CUES and name not in STANDALONE:
        return None  # "the University announced": a body named before, not a name
    return start, name

