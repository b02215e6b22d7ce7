"""English words with inner capitals (``AirAsia``, ``SecretaryKirstjenNielsen``, ``AppleSkin``): a person's name
with its spaces lost, an organisation's name, or a product's name, told by the cues beside the word, as in
rule-based NER since MUC-6 (a brand and a glued person's name look alike; the cue decides). Rules ``title``,
``speech`` (people) and ``camel-case`` (organisations); every pattern is a bounded run or a fixed look-back.
"""

from __future__ import annotations

import re

from curator.extract.name_shapes import ORG_CUES, TITLES, Found

# Inner capitals mark a brand or company name (AirAsia, DeepMind, YouTube, SpaceX), not a surname (McLaughlin).
_CAMEL = re.compile(r"(?<![A-Za-z0-9@#_-])(?!Mc|Mac)[A-Z][a-z]{2,8}(?:[A-Z][a-z]+)*(?:[A-Z][a-z]+|[A-Z]{1,3})(?![A-Za-z0-9-])")
# A name written without its spaces after a role, between 的 and a speech verb or with its title glued on
# ("主管DavidSeaburg表示", "RhinoTradingPartners的MichaelBlock向CNBC表示", "SecretaryKirstjenNielsen") is a person's;
# "DeepMind表示" and "WeWork said" are no person cue, since a brand and a glued name look alike.
_HAN_ROLE_BEFORE = re.compile(r"(?:主管|创始人|分析师|经济学家|总裁|主席|首席执行官|董事长|经理|教授|研究员|发言人|部长|总统)$")
_HAN_SPEECH_AFTER = re.compile(r"(?:向[^，。,]{1,12})?(?:表示|说|称|指出|认为)")
_GLUED_NAME = re.compile(r"[A-Z][a-z]{2,}")
_GLUED_TITLES = frozenset("Secretary Minister President Senator Governor Mayor Director Chairman Professor Dr Mr Mrs Ms".split())
_TITLE_BEFORE = re.compile(rf"(?<![\w-])(?i:{TITLES})\.?\s$")
# What only a body does, has or is right by a word with inner capitals: "AirAsia's jet", "DeepMind表示", "the AirAsia
# group", "AirAsia Flight 8501", "founder of AirAsia", "data from MarketAxess"; "seats of AppleSkin" is none.
_CAMEL_BODY_AFTER = re.compile(
    r"['’]s?\b|\s(?:said|says|announced|reported|confirmed|denied|launched|unveiled|group|parent|company|Group|"
    r"Flight|shares|stock|founder|spokes(?:man|woman|person)|chief|CEO)\b|表示|称|宣布|公司|发布"
)
_CAMEL_BODY_BEFORE = re.compile(
    r"(?<![\w-])(?:according\sto|data\sfrom|(?:founder|owner|chief|head|CEO|president|shares)\sof(?:\sthe)?)\s$"
)


def glued_names(text: str) -> list[Found]:
    """The people and organisations written as one word with inner capitals in ``text`` (one sentence)."""
    found: list[Found] = []
    for match in _CAMEL.finditer(text):
        _camel(found, text, match)
    return found


def _camel(found: list[Found], text: str, match: re.Match[str]) -> None:
    """A word with inner capitals: a person's name with its spaces lost when a title is glued to it
    (``SecretaryKirstjenNielsen``) or a role stands before it (``主管DavidSeaburg``, ``analyst MichaelBlock``);
    else an organisation when a body's cue stands by it (``AirAsia's``, ``DeepMind表示``, ``data from MarketAxess``)
    or it ends in an acronym or an organisation word (``SpaceX``, ``SoftBank``); else, a product's name
    (``AppleSkin``), none."""
    word = match.group()
    pieces = re.findall(r"[A-Z][a-z]+|[A-Z]+", word)
    titled = len(pieces) > 2 and pieces[0] in _GLUED_TITLES
    person = pieces[1:] if titled else pieces
    if len(person) == 2 and all(_GLUED_NAME.fullmatch(p) for p in person) and (titled or _person_cue(text, match)):
        at = match.start() + (len(pieces[0]) if titled else 0)
        found.append(Found(at, match.end(), " ".join(person), "person", "title" if titled else "speech"))
    elif (_CAMEL_BODY_AFTER.match(text, match.end()) or _CAMEL_BODY_BEFORE.search(text, 0, match.start())
          or pieces[-1].isupper() or pieces[-1] in ORG_CUES):
        found.append(Found(match.start(), match.end(), word, "organisation", "camel-case"))


def _person_cue(text: str, match: re.Match[str]) -> bool:
    """Whether a role stands before the glued name at ``match`` or it speaks after 的 (``的MichaelBlock向CNBC表示``)."""
    if _HAN_ROLE_BEFORE.search(text, 0, match.start()) or _TITLE_BEFORE.search(text, 0, match.start()):
        return True
    return text[match.start() - 1 : match.start()] == "的" and _HAN_SPEECH_AFTER.match(text, match.end()) is not None
