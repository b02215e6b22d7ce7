"""The shapes of English names that every name rule reads, and the record the rules give.

- regular-expression fragments: ``NAME_WORD`` (Lin, McLaughlin, O'Brien,
  Collett-White, Nyong'o), ``PERSON`` (one to four such words, initials and
  particles: George H.W. Bush, Omar Hassan al-Bashir), ``ORG_WORD`` (a word of
  an organisation's name: Acme, IBM, A.P., &);
- word sets: ``ORG_CUES`` (words that end an organisation's name: Inc,
  Bank, University), ``STANDALONE`` (bodies named by one word),
  ``FILLER`` / ``CALENDAR`` / ``NOT_NAMES`` (capitalised words that are no
  name), ``ROLE_NOUNS`` / ``TITLES`` (what stands before a person's name);
- ``Found`` (one name found by a cue), ``dedupe`` (one name per span) and
  ``headline`` (title-case lines, whose capitals are no cue).

The rules are in ``open_entities`` (cues of English news writing),
``open_entities_kinds`` (kinds and possessions) and ``open_entities_zh``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAME_WORD = r"(?:[A-Z]['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Za-z][a-z]+|['’](?!s(?![a-z]))[A-Za-z][a-z]*)*"
PARTICLE = r"(?:de|del|da|di|van|von|der|den|bin|binti|al|el|la|le|du|dos|ter)"
INITIALS = r"(?:[A-Z]\.){1,3}"  # "George H.W. Bush"; first, a single one (J. Smith): "D.A. Davidson" is a firm
PREFIXED = rf"(?:{PARTICLE}|d|ad|ash|as|ibn|abu)[-'’]{NAME_WORD}"  # al-Bashir, d'Estaing
PERSON = rf"(?:{NAME_WORD}|[A-Z]\.)(?:\s(?:{PARTICLE}\s)?(?:{NAME_WORD}|{INITIALS}|{PREFIXED})){{0,3}}"
ORG_WORD = r"(?:[A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,6}|[A-Z]\.[A-Z]\.|&)(?:[-'’][A-Za-z]+)?"

ORG_CUES = frozenset(
    "Inc Corp Corporation Co Ltd Limited LLC PLC Plc AG SA GmbH Bank Group Holdings Agency Ministry Department "
    "University College Institute Institution Congress Council Commission Committee Authority Airlines Airways "
    "Association Foundation Organization Organisation Federation Union Party Court Board Bureau Office "
    "Administration Police Army Navy Force Hospital Centre Center Laboratory Laboratories Labs Technologies "
    "Systems Networks Motors Electric Industries Partners Capital Securities Insurance Pharmaceuticals Studios "
    "Media News Times Post Journal Press Telegraph Tribune Herald Parliament Senate Assembly Cabinet "
    "Service Services Trust Fund Exchange Reserve Academy School Society Club League Company International "
    "Airport Railway Railways Energy Petroleum Oil Telecom Communications Broadcasting Foods Research Markets Brands "
    "Stores Solutions Consulting Ventures Entertainment Pictures Software Robotics Therapeutics Financial Investments "
    "Properties Logistics Shipping Steel Chemicals Semiconductor Electronics Corp.".split()
)
STANDALONE = frozenset("Congress Parliament Senate Pentagon Kremlin NATO".split())
FILLER = frozenset(
    "The A An This That These Those In On At For But And Or If As By From With When While After Before Its His Her "
    "Their Our Your My We He She It They I You Yet So Then Now Also Under Over Into Onto Via Per Since Until Despite "
    "Why How What Where Who Which Whose Today Yesterday Tomorrow Former Dear Read More Related Photo Get Inside "
    "Discover Trending About Credit Source Image Video Watch Opinion Analysis Editorial Breaking Update Updated "
    "Published Follow Share Subscribe Subscriber Sign Log "
    # Sentence adverbs and connectives, capitalised only by their place ("Later Trump said", "Meanwhile Uber said").
    "Later Earlier Meanwhile However Still Instead Separately Afterwards Finally Initially Eventually Recently "
    "Previously Elsewhere Overall Indeed Thus Therefore Both Each Even Only Many Some Most All Several Such Every "
    "Here There Yes No Not Although Though Because Whether Once Including Among Amid Against Without Within "
    "Following Throughout Across Along Around Upon Last Next Like Unlike Asked Speaking".split()
)
CALENDAR = frozenset(
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun "
    "Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri "
    "Sat Sun".split()
)
NOT_NAMES = FILLER | CALENDAR | frozenset(
    "Mr Mrs Ms Dr Prof Sir President Minister Chairman Chief Executive Officer Director Secretary General Governor "
    "Mayor Senator Judge Justice King Queen Prince Princess Pope Premier Chancellor Ambassador Captain Lieutenant "
    "Colonel Professor Doctor Officials Police Government State National Federal Republic Democratic Democrats Dept "
    "Republicans Republican Democrat Christmas Easter God Internet Street Road Avenue"
    .split()
)
ROLE_NOUNS = (
    r"(?:spokes(?:man|woman|person)|boss|chief|founder|co-founder|chairman|chairwoman|president|director|"
    r"analyst|economist|professor|lawyer|attorney|reporter|correspondent|editor|columnist|author|researcher|"
    r"scientist|executive|manager|minister|secretary|governor|mayor|senator|leader|head|owner|investor|"
    r"prosecutor|judge|pilot|captain|official|adviser|advisor|consultant|photographer|colleague|blogger|writer|"
    r"journalist|activist|developer|chemist|physicist|biologist|historian|actor|actress|singer|rapper|musician|"
    r"artist|novelist|poet|filmmaker|entrepreneur|businessman|businesswoman|billionaire|tycoon|candidate|lawmaker|"
    r"legislator|politician|dissident|commander|student|co-worker|inspector|detective|sergeant|constable|superintendent)"
)
TITLES = (
    r"Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Sen|Rep|Gov|Gen|Capt|Lt|Col|President|Vice\sPresident|Prime\sMinister|"
    r"(?:Secretary|Minister)\sof\s(?:State|Defen[cs]e|Finance|Health|Education|Justice|Labou?r|Energy|Commerce|"
    r"Transportation|Agriculture|Trade|the\sInterior|Foreign\sAffairs|Home\sAffairs|Homeland\sSecurity)|"
    r"(?:[A-Z][a-z]+\s)?Minister|(?:Attorney|Solicitor|Auditor|Surgeon)[-\s]General|Premier|Chancellor|Senator|Governor|Mayor|Judge|Ambassador|Secretary|"
    r"Chairman|Chairwoman|Chief\sExecutive|CEO|CFO|CTO|Director|Professor|King|Queen|Prince|Princess|Pope|"
    rf"Speaker|Commissioner|Inspector|Detective|Sergeant|Officer|Coach|{ROLE_NOUNS}"
)
# Nouns that describe a person in an apposition: "Ananta Bijoy Das, a 33-year-old blogger", "His widow, Rafida Ahmed,".
TITLE_IN_NAME = re.compile(rf".*(?<![\w-])(?:{TITLES}|(?i:{ROLE_NOUNS}))\.?\s")  # "Opposition Leader Bill Shorten"


@dataclass(frozen=True)
class Found:
    """An entity found by a cue: offsets within the sentence, canonical name, type, the rule that found it.

    ``role`` (with its preposition) and ``of`` are set by an apposition (``X, the chief executive of Y``).
    """

    start: int
    end: int
    name: str
    type: str
    rule: str
    role: str | None = None
    of: str | None = None



def headline(text: str) -> bool:
    """Headline case: four or more words of four letters or more, every one capitalised."""
    words = [w for w in re.findall(r"[A-Za-z]{4,}", text[:400])]
    return len(words) >= 4 and all(w[0].isupper() for w in words)



def dedupe(found: list[Found]) -> list[Found]:
    """One entity per span: the longest wins where spans overlap; persons from a cue beat organisations by shape,
    and both beat a lone agent of a reporting verb whose kind is not yet known (type ``agent``)."""
    ordered = sorted(found, key=lambda f: (f.start, -(f.end - f.start), f.type != "person", f.type == "agent"))
    kept: list[Found] = []
    for f in ordered:
        clash = kept[-1] if kept and f.start < kept[-1].end else None  # sorted and disjoint: only the last can overlap
        if clash is None:
            kept.append(f)
        elif f.role and clash.type == "person" and clash.start == f.start and not clash.role:
            kept[-1] = f
    return kept
