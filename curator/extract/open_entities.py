"""English organisations and people that no lexicon lists, found by the cues news writing gives them
(the cues a reader uses, as in rule-based NER since MUC-6):

- organisations: a word with inner capitals (``AirAsia``, ``DeepMind``), a
  name in a place only an organisation fills (``a spokesman for Amazon``,
  ``Yahoo's board``), a run of capitalised words ending in an organisation word
  (``Acme Holdings Inc``, ``Malaysian Airlines``, ``Hong Kong Monetary
  Authority``), the ``X of Y`` form (``the Bank of Japan``, ``University of
  Hong Kong``), a few bodies that stand alone (``Congress``), and the
  outlet of a dateline (``JAKARTA (Reuters) -``);
- people: a name after a title (``Mr``, ``President``, ``airline boss``),
  next to a speech verb (``said Lin Mei-hua``, ``Tony Fernandes tweeted``),
  in an apposition (``X, the chief executive of Y``; ``the mayor of
  Surabaya, Tri Rismaharini``); a surname alone is the person named in full before it.

Staff credits (``By X and Y``, ``Reporting by X, Y and Z; Editing by W``,
``Photo by X``) are found too, rule ``byline``, so that no other rule reads
their names; the people who wrote or edited a story are not people in it, and
they lend no surname to a later mention.

The Chinese rules are in ``open_entities_zh``, words with inner capitals in ``open_entities_camel``; the name shapes,
``Found`` and ``dedupe`` are in ``name_shapes``.

Every pattern is a bounded run or a fixed look-back, so the work is linear
in the length of the sentence. Junk is kept out by requiring a cue: a lone
capitalised word, a month, a weekday or a headline never becomes an entity.
"""

from __future__ import annotations

import re
from dataclasses import replace

from curator.extract.name_shapes import (
    CALENDAR, FILLER, NOT_NAMES, ORG_CUES, ORG_WORD, PERSON, ROLE_NOUNS, STANDALONE, TITLE_IN_NAME, TITLES, Found,
    dedupe, headline,
)
from curator.extract.name_text import FOLD, credit_spans, title_spans
from curator.extract.open_entities_camel import glued_names
from curator.extract.places import demonym_length, is_place

# A middle initial may stand inside a name ("Mortimer B. Zuckerman Mind Brain Behavior Institute").
_ORG_RUN = re.compile(rf"(?<![\w'’-]){ORG_WORD}(?:\s(?:[A-Z]\.\s)?{ORG_WORD}){{0,8}}(?![\w-])")
_EVENT = re.compile(r"\s(?:conference|summit|festival|awards?|expo|forum|prize|cup|tournament|championship|show)\b")
# An organisation word written in lower case after the name ("West Mercia police", "the Met police").
_LOWER_CUE = re.compile(
    rf"(?<![\w'’.-])(?P<name>{ORG_WORD}(?:\s{ORG_WORD}){{0,3}})\s(?P<cue>police|constabulary|council)(?![\w-])"
)
# Fields an institution's name joins with "and" (Center for Health and Human Rights, Arts and Sciences).
_FIELD_WORDS = (
    r"Construction|Industry|Development|Research|Technology|Security|Intelligence|Environment|Health|"
    r"Education|Culture|Commerce|Trade|Energy|Welfare|Justice|Planning|Transport|Immunology|Medicine|Inequality|Poverty|"
    r"Asthma|Allergy|Science|Arts|Law"
)
_FIELD = rf"[A-Z][a-z]+s|{_FIELD_WORDS}"
_OF_FORM = re.compile(
    rf"(?<![\w'’-])(?P<head>{ORG_WORD}(?:\s{ORG_WORD}){{0,3}})\s(?P<prep>of|for|on)\s(?:the\s|a\s)?"
    rf"(?P<tail>{ORG_WORD}(?:\s{ORG_WORD}){{0,3}}(?:\sand\s(?:{ORG_WORD}\s){{0,2}}(?:{_FIELD})"
    rf"|(?:,\s(?:{_FIELD_WORDS})){{1,4}},?\sand\s(?:{_FIELD_WORDS}))?)(?![\w-])"  # Allergy, Asthma and Immunology
)
_DATELINE = re.compile(r"\((?P<name>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)\)\s*(?:-|–|—|--)")

_OF_HEADS = ORG_CUES | frozenset("Republic Kingdom State States Bank University Ministry".split())
_FOR_HEADS = frozenset(
    "Center Centre Institute Council Committee Commission Foundation Office Agency Bureau Association Society School "
    "College Organization Organisation Fund Alliance Coalition Board Department Ministry Court Academy Federation "
    "Union League Network Partnership Institution Laboratory".split()
)
"""Heads of an institution named "X for Y" or "X on Y" (Council on Foreign Relations); a firm is never "Acme Inc for"."""
_AFTER_ORGANISATION = frozenset(
    "President Chairman Chairwoman Chief CEO CFO CTO Minister Secretary Governor Director Commissioner Spokesman "
    "Spokeswoman Head Founder Vice Deputy Senior Managing Flight".split()
)
_ATTRIBUTIVE = ("-based", "-owned", "-listed", "-backed", "-led", "-run", "-born")
_INDEFINITE = re.compile(r"(?<![\w-])(?:a|an|A|An)\s$")
_JOINED = re.compile(
    rf"(?<![\w'’-])(?P<the>(?:the|The)\s)?(?P<left>{ORG_WORD}(?:\s{ORG_WORD}){{0,2}})\s(?P<link>and|of)\s$"
)
# Fields and goods that end the first half of an institution's name joined by "and" (Oil and Natural Gas Corp,
# Securities and Exchange Commission, Food and Drug Administration); a name before "and" that is whole (Acme Corp,
# Sony) starts a list.
_AND_HEADS = frozenset(
    f"{_FIELD_WORDS}|Oil|Gas|Securities|Insurance|Food|Drug|Water|Power|Fish|Wildlife|Land|Marine|Housing|Mines|"
    "Minerals|Fisheries|Forestry|Agriculture|Tourism|Sports|Communications|Telecommunications|Aviation".split("|")
)
_PERSON_NOUNS = (
    r"blogger|writer|journalist|reporter|activist|student|teacher|lawyer|attorney|doctor|physician|nurse|scholar|"
    r"scientist|researcher|professor|economist|analyst|fellow|resident|worker|co-worker|colleague|friend|neighbou?r|"
    r"wife|husband|widow|widower|mother|father|son|daughter|brother|sister|grandmother|grandfather|boy|girl|man|woman|"
    r"actor|actress|singer|musician|rapper|artist|author|novelist|poet|player|coach|chef|farmer|engineer|developer|"
    r"spokes(?:man|woman|person)|politician|lawmaker|legislator|senator|congress(?:man|woman)|candidate|diplomat|"
    r"ambassador|prosecutor|pilot|driver|soldier|veteran|victim|survivor|witness|expert|critic|advocate|voice|commander|"
    r"advis[eo]r|aide|assistant|deputy"
)
_WHO = re.compile(rf"(?<![\w-])(?P<name>{PERSON}),\s(?:who|whose)\s")
_AGED = re.compile(rf"(?<![\w-])(?P<name>{PERSON}),\s\d{{1,3}},")
_DESCRIBED = re.compile(
    rf"(?<![\w-])(?P<name>{PERSON}),\s(?:a|an|the|another|one\sof\sthe|his|her|their)\s(?:[\w’'-]+\s){{0,4}}?"
    rf"(?:{_PERSON_NOUNS})s?\b"
)
_DESCRIBED_FIRST = re.compile(
    rf"(?<![\w-])(?:[Hh]is|[Hh]er|[Tt]heir|[Aa]|[Tt]he)\s(?:[\w’'-]+\s){{0,4}}(?:{_PERSON_NOUNS}),\s(?P<name>{PERSON}),"
)
# People listed after a plural role: "cabinet ministers Jonathan Moyo and Saviour Kasukuwere".
_ROLE_LIST = re.compile(rf"(?<![\w-])(?:{ROLE_NOUNS})s\s(?P<names>{PERSON}(?:(?:,\s|,?\sand\s){PERSON}){{1,5}})")
# An acronym after "the" that acts or owns: "the BBC's editor", "the FBI said"; not a role, a measure or a country.
_THE_ACRONYM = re.compile(
    r"(?<![\w-])(?:the|The)\s(?P<org>[A-Z]{2,6})(?=['’]s\b|\s(?:said|says|reported|told|has|had|is|was|will|would)\b|[.,;:])"
)
_NOT_ACRONYMS = frozenset(
    "CEO CFO CTO COO GDP IPO AI TV PC DNA RNA ATM VAT GST CPI PMI ETF OTC SUV EV API URL PDF FAQ MP PM VP UK USA".split()
)
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|President|Senator|Sen|Rep|Gov|Governor|Mayor|Judge)\b")
_TITLE_NAME = re.compile(rf"(?<![\w-])(?:{TITLES})\.?\s(?P<name>{PERSON})")
_SPEECH = r"said|says|told|added|noted|wrote|tweeted|explained|argued|warned|stated|asked|replied|recalled|insisted|announced"
_SAID_NAME = re.compile(rf"(?<![\w-])(?:{_SPEECH}|according\sto)\s(?P<name>{PERSON})(?=\s*[,.;:)]|\s(?:who|in|at|of)\b|$)")
# Abstract nouns end a body's name, never a person's ("Customs and Border Protection", "Breast Cancer Prevention"),
# and so do the common nouns charities and campaigns are named with ("Breast Cancer Care", "Human Rights Watch").
_ABSTRACT = re.compile(r"[a-z](?:tion|sion|ity|ogy|ism|ship|ness)s?$")
_BODY_NOUNS = frozenset(
    "Care Aid Relief Watch Support Rescue Concern Now Matters Cancer Awareness Alliance Coalition Initiative Project "
    "Campaign Appeal Network Networks Rights Together Policy Studies Affairs Relations Sciences Economics".split()
)
# What stands before a body, never before a person's name: an article, a preposition, a country's initials.
_BODY_BEFORE = re.compile(r"(?:(?<![\w-])(?:the|The|of|in|at|for|from|with|by|on|to)|U\.S\.|U\.K\.|U\.N\.)\s$")
_NAME_SAID = re.compile(rf"(?<![\w.-])(?P<name>{PERSON}),?\s(?:{_SPEECH}|has\ssaid|had\ssaid|said\son)\b")
_ROLE_WORDS = (
    r"chief\sexecutive(?:\sofficer)?|CEO|president|chairman|chairwoman|founder|co-founder|spokes(?:man|woman|person)|"
    r"director|head|chief|minister|secretary|governor|mayor|editor|professor|leader|managing\sdirector|"
    r"chief\s(?:financial|operating|technology)\sofficer|general\smanager|partner|economist|analyst"
)
_APPOSITION = re.compile(
    rf"(?P<name>{PERSON}),\s(?:(?:the|a|an)\s)?(?P<role>(?:[a-z]+\s)?(?:{_ROLE_WORDS}))\s(?P<prep>of|at)\s(?:the\s)?"
    rf"(?P<org>{ORG_WORD}(?:\s(?:of\s)?(?:{ORG_WORD}|[A-Z]\.)){{0,5}})"
)
_POSSESSIVE_ROLE = re.compile(  # "Yahoo's chief executive, Marissa Mayer,", "WeWork's founder and former CEO, Adam Neumann,"
    rf"(?<![\w-])(?P<org>{ORG_WORD}(?:\s{ORG_WORD}){{0,3}})['’]s\s"
    rf"(?P<role>(?:[a-z]+\s)?(?:{_ROLE_WORDS})(?:\sand\s(?:[a-z]+\s)?(?:{_ROLE_WORDS}))?),\s(?P<name>{PERSON})"
    rf"(?=,|\.|\s(?:{_SPEECH})\b)"
)
_ROLE_FIRST = re.compile(
    rf"(?<![\w-])(?:{_ROLE_WORDS})\s(?:of|at)\s[^,.;]{{1,60}},\s(?P<name>{PERSON})(?=,|\.|\s(?:{_SPEECH})\b)"
)
_BYLINE = re.compile(rf"^(?:By|BY)\s(?P<names>{PERSON}(?:(?:,\s|\sand\s){PERSON}){{0,5}})\s*$")
_CREDIT = re.compile(
    rf"(?i:reporting|writing|editing|compiled|additional\sreporting|photos?|photographs?|interview)\sby\s"
    rf"(?P<names>{PERSON}(?:(?:,\s|\sand\s|;\s)(?!(?i:writing|editing)){PERSON}(?:\sin\s[A-Z][A-Z/ ]+)?){{0,20}})"
)
_NAME_GOES_ON = re.compile(r"\s(?:for|of|on|and|&)\s(?:the\s)?[A-Z]")
_LIST_SPLIT = re.compile(r",\s|\sand\s|;\s")
_ORG_NAME = rf"(?P<org>{ORG_WORD}(?:\s{ORG_WORD}){{0,3}})"
# Who works somewhere, and what only an organisation has: "a spokesman for Amazon", "Yahoo's board".
_WORKS_AT = re.compile(
    rf"(?<![\w-])(?:{_ROLE_WORDS}|engineer|researcher|official|employee|worker|executive|manager|lawyer|spokes\w+)\s(?:at|for)\s(?:the\s)?{_ORG_NAME}"
    rf"(?![\w-])"
)
_ORG_POSSESSIVE = re.compile(
    rf"(?<![\w'’-]){_ORG_NAME}['’]s?\s(?:shares|stock(?!\s(?:market|exchange|index))|board|chief\sexecutive|CEO|chairman|chairwoman|co-founder|founder|"
    rf"headquarters|subsidiary|spokes(?:man|woman|person)|shareholders|acquisition|takeover|market\svalue)\b"
)



def english(text: str, known_people: dict[str, str]) -> list[Found]:
    """Organisations and people of one English sentence; ``known_people`` maps surnames seen so far to full names.

    The cues are read on the sentence with its Latin letters folded to ASCII of the same case, one character for
    one (``François`` reads as ``Francois``, ``Erdoğan`` as ``Erdogan``), and the names are given as written.
    """
    shape = text.translate(FOLD)
    found = _english(shape, known_people)
    if shape == text:
        return found
    written: dict[str, str] = {}
    for f in found:
        if f.name == shape[f.start : f.end] or f.name == " ".join(shape[f.start : f.end].split()):
            written[f.name] = " ".join(text[f.start : f.end].split()) if " " in f.name else text[f.start : f.end]
    for surname, full in known_people.items():
        known_people[surname] = written.get(full, full)
    return [replace(f, name=written.get(f.name, f.name)) for f in found]


def _english(text: str, known_people: dict[str, str]) -> list[Found]:
    found: list[Found] = []
    if _furniture(text):
        return found
    for match in _DATELINE.finditer(text):
        found.append(Found(match.start("name"), match.end("name"), match.group("name"), "organisation", "dateline"))
    found += glued_names(text)
    if not headline(text):
        for match in _OF_FORM.finditer(text):
            words = match.group("head").split(" ")
            first, last = _trim(words)
            owner = [i for i in range(first, last - 1) if re.search(r"['’]s$", words[i])]
            first = owner[-1] + 1 if owner else first  # "Stanford University's Center on ...": the center is named after it
            heads = _OF_HEADS if match.group("prep") == "of" else _FOR_HEADS
            if first < last and words[last - 1] in heads and match.group("tail").split(" ")[0] not in CALENDAR:
                start = match.start("head") + sum(len(w) + 1 for w in words[:first])
                found.append(Found(start, match.end(), text[start : match.end()], "organisation", "of-form"))
        for pattern in (_WORKS_AT, _ORG_POSSESSIVE):
            for match in pattern.finditer(text):
                words = match.group("org").split(" ")
                first, last = _trim(words)
                lone_cue = last - first == 1 and words[first] in ORG_CUES and words[first] not in STANDALONE
                if first < last and not lone_cue and not any(w in NOT_NAMES for w in words[first:last]):
                    start = match.start("org") + sum(len(w) + 1 for w in words[:first])
                    name = " ".join(words[first:last])
                    found.append(Found(start, start + len(name), name, "organisation", "org-context"))
        for match in _ORG_RUN.finditer(text):
            for at, words in _segments(match.start(), match.group().split(" ")):
                _org_cue(found, text, at, words)
        for match in _LOWER_CUE.finditer(text):
            words = match.group("name").split(" ")
            first, last = _trim(words)
            kept = words[first:last]
            demonym = len(kept) == 1 and re.search(r"(?:ese|ian|ish|an|i)$", kept[0]) is not None
            opening = len(kept) == 1 and not text[: match.start("name")].strip(" \"“‘'(")  # "Military police were sent"
            if kept and not demonym and not opening and not set(kept) & NOT_NAMES and not is_place(" ".join(kept)):
                start = match.start("name") + sum(len(w) + 1 for w in words[:first])
                name = f"{' '.join(kept)} {match.group('cue').capitalize()}"
                found.append(Found(start, match.end(), name, "organisation", "org-cue"))
    cues = () if headline(text) else (
        (_TITLE_NAME, "title"), (_SAID_NAME, "speech"), (_NAME_SAID, "speech"), (_ROLE_FIRST, "apposition"),
        (_WHO, "apposition"), (_AGED, "apposition"), (_DESCRIBED, "apposition"), (_DESCRIBED_FIRST, "apposition"),
    )
    for pattern, rule in cues:
        for match in pattern.finditer(text):
            if pattern is _NAME_SAID and _BODY_BEFORE.search(text, 0, match.start("name")):
                continue  # "the U.S. Northern Command said", "chairman of Breast Cancer Care, said": a body
            honorific = rule == "title" and _HONORIFIC.match(match.group()) is not None
            _person(found, text, match.start("name"), match.group("name"), rule, known_people, single=honorific)
    for pattern in (_APPOSITION, _POSSESSIVE_ROLE):
        for match in pattern.finditer(text):
            words = match.group("org").split(" ")
            first, last = _trim(words)
            if first == last:
                continue
            org = " ".join(words[first:last])
            at = match.start("org") + sum(len(w) + 1 for w in words[:first])
            org = _whole(found, text, at, org)
            if org is None:  # "a defense analyst at the Center for Strategic ...": no role with half a name
                _person(found, text, match.start("name"), match.group("name"), "apposition", known_people)
                continue
            role = f"{match.group('role')} {match.groupdict().get('prep') or 'of'}"
            _person(found, text, match.start("name"), match.group("name"), "apposition", known_people, role=role, of=org)
            found.append(Found(at, at + len(org), org, "organisation", "apposition"))
    for match in _ROLE_LIST.finditer(text):
        for part in _LIST_SPLIT.split(match.group("names")):
            part = part.removeprefix("and ")
            _person(found, text, text.index(part, match.start("names")), part, "title", known_people)
    for match in _THE_ACRONYM.finditer(text):
        if match.group("org") not in _NOT_ACRONYMS and not is_place(match.group("org")):
            found.append(Found(match.start("org"), match.end("org"), match.group("org"), "organisation", "org-context"))
    for pattern in (_BYLINE, _CREDIT):
        for match in pattern.finditer(text):
            at = match.start("names")
            for part in _LIST_SPLIT.split(match.group("names")):
                part = re.sub(r"\sin\s[A-Z][A-Z/ ]+$", "", part)
                _person(found, text, text.index(part, at), part, "byline", {})
                at = text.index(part, at) + len(part)
    credits = credit_spans(text)
    if credits:
        found = [replace(f, rule="byline") if any(a <= f.start < b for a, b in credits) else f for f in found]
    titles = title_spans(text)
    if titles:
        found = [f for f in found if not any(a <= f.start and f.end <= b for a, b in titles)]
    return dedupe([f for f in found if not is_place(f.name)])


def _whole(found: list[Found], text: str, at: int, org: str) -> str | None:
    """The whole name of a role's organisation read as ``org`` at ``at``: the longest organisation another rule found
    there (``Center for Strategic and International Studies``); None when the name goes on past ``org`` with no
    such rule (``Center for ...``) or ``org`` is a lone organisation word (``the Center``)."""
    longest = max((f for f in found if f.start == at and f.type == "organisation"), key=lambda f: f.end, default=None)
    if longest is not None and longest.end > at + len(org):
        return longest.name
    if _NAME_GOES_ON.match(text, at + len(org)) or (org in ORG_CUES and org not in STANDALONE):
        return None
    return org


def _furniture(text: str) -> bool:
    """All-caps lines (section heads, menus) carry no names worth a candidate."""
    letters = [ch for ch in text[:400] if ch.isalpha() and ch.isascii()]
    return len(letters) >= 4 and not any(ch.islower() for ch in letters)



def _trim(words: list[str]) -> tuple[int, int]:
    """The bounds of a capitalised run without sentence-initial filler and calendar words at either end."""
    start, end = 0, len(words)
    for index, word in enumerate(words[:-1]):
        if word in FILLER or word.endswith(_ATTRIBUTIVE):
            start = index + 1  # "Trending On Reuters", "Seattle-based X Commission": the name is what follows
    while start < end and (words[start] in CALENDAR or words[start] == "&"):
        start += 1
    while end > start and (words[end - 1] in CALENDAR or words[end - 1] == "&"):
        end -= 1
    return start, end


def _segments(at: int, words: list[str]) -> list[tuple[int, list[str]]]:
    """A capitalised run cut after each organisation word with a possessive, which ends one name and may start
    another ("Columbia University's Mortimer B. Zuckerman Mind Brain Behavior Institute"): (start, words) pairs."""
    pieces: list[tuple[int, list[str]]] = []
    begin = 0
    for i, word in enumerate(words[:-1]):
        base = re.sub(r"['’]s$", "", word)
        if base != word and base in ORG_CUES | STANDALONE:
            pieces.append((at + sum(len(w) + 1 for w in words[:begin]), words[begin:i] + [base]))
            begin = i + 1
    return [*pieces, (at + sum(len(w) + 1 for w in words[:begin]), words[begin:])]


def _org_cue(found: list[Found], text: str, at: int, words: list[str]) -> None:
    """A run of capitalised words at ``at`` that ends in an organisation word: the organisation it names."""
    end = at + len(" ".join(words))
    first, last = _trim(words)
    if _INDEFINITE.search(text, 0, at) and re.match(r"\s[a-z]", text[end:]):
        return  # "a Morris Trust structure": a kind of thing named after someone, not an organisation
    cues = [i for i in range(first + 1, last) if words[i] in ORG_CUES]
    if cues and words[last - 1] not in ORG_CUES and words[cues[-1] + 1] in _AFTER_ORGANISATION:
        last = cues[-1] + 1  # "European Commission President Jean-Claude Juncker", "Malaysian Airlines Flight"
    kept = words[first:last]
    if not kept or kept[-1] not in ORG_CUES | STANDALONE or (len(kept) < 2 and kept[0] not in STANDALONE):
        return
    if _EVENT.match(text, end):
        return  # "Vox Media's Code Media conference": an event named after a body
    if kept[-1] == "Capital" and all(w in NOT_NAMES for w in kept[:-1]):
        return  # "the National Capital is breathing": the capital city, not a firm named Capital
    start = at + sum(len(w) + 1 for w in words[:first])
    joined = _JOINED.search(text, 0, start) if first == 0 else None
    if joined and _joins(joined):  # "Securities and Exchange Commission": the first half names it
        left = joined.group("left").split(" ")
        start = joined.start("left") + sum(len(w) + 1 for w in left[: _trim(left)[0]])
    elif (len(kept) > 1 and all(w in ORG_CUES for w in kept)) or text[at:end] == text.strip(" .:|»›>"):
        return  # "Central Bank": descriptors with no name; a line that is only a name: a menu item
    name = text[start : at + sum(len(w) + 1 for w in words[:first])] + " ".join(kept)
    found.append(Found(start, start + len(name), name, "organisation", "org-cue"))


def _joins(joined: re.Match[str]) -> bool:
    """Whether the run before "and"/"of" (group ``left``) is the first half of one name with the run after it: "the
    World Travel and Tourism Council", "Oil and Natural Gas Corp", "Bank of America Corp"; not "Sony and Nintendo Co"."""
    words = joined.group("left").split(" ")
    first, last = _trim(words)
    if first == last or is_place(" ".join(words[first:last])):
        return False
    if joined.group("link") == "of":
        return words[last - 1] in _OF_HEADS
    return words[last - 1] in _AND_HEADS or (joined.group("the") is not None and not set(words) & ORG_CUES)


def _person(found: list[Found], text: str, start: int, name: str, rule: str, known_people: dict[str, str],
            single: bool = False, role: str | None = None, of: str | None = None) -> None:
    title = TITLE_IN_NAME.match(name)
    if title and title.end() < len(name):  # "Zimbabwe President Robert Mugabe, his wife": the name follows the title
        start, name = start + title.end(), name[title.end() :]
    words = name.split(" ")
    while words and words[0] in NOT_NAMES:
        start += len(words[0]) + 1
        words = words[1:]
    nationality = demonym_length(" ".join(words))  # "Honduran Ana Zuniga, 23,": she is Ana Zuniga
    if nationality:
        start += nationality
        words = " ".join(words)[nationality:].split(" ")
    while words and words[-1] in NOT_NAMES:
        words = words[:-1]
        if rule == "speech":
            return  # "Breast Cancer Now said": a name that ends in a common word is no person's
    if not words or any(w in CALENDAR or w in ORG_CUES for w in words) or _ABSTRACT.search(words[-1]):
        return  # "Whole Foods said", "Justice Department", "Border Protection": an organisation, not a person
    if words[-1] in _BODY_NOUNS:
        return  # "Breast Cancer Care said": a charity
    name = " ".join(words)
    if is_place(name):
        return  # "South Africa said": a country
    if len(words) == 1:
        full = known_people.get(name)
        if full is None and not single:
            return
        canonical = full or name
    else:
        canonical = name
        known_people.setdefault(words[-1], name)
        particle = re.match(r"[a-z]+[-'’]", words[-1])
        if particle:  # "Mr. Bashir" after "Omar Hassan al-Bashir"
            known_people.setdefault(words[-1][particle.end() :], name)
    found.append(Found(start, start + len(name), canonical, "person", rule, role, of))


