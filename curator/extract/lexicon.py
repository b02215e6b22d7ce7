"""The lexicon sections of ``facts.yaml`` as lookup tables and compiled patterns.

Built once per loaded schema and corpus profile (patterns are compiled here, never per article),
and validated with errors that name the file and the key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from curator.errors import CuratorError
from curator.schema import Profile, Schema

ENTITY_TYPES = {"organisation", "person", "programme"}


@dataclass(frozen=True)
class Entity:
    name: str
    type: str


@dataclass(frozen=True)
class Lexicon:
    currencies: dict[str, str]
    qualifiers: dict[str, str]
    qualifiers_after: dict[str, str]
    magnitudes_en: dict[str, float]
    magnitudes_zh: dict[str, float]
    number_words: dict[str, float]
    months: dict[str, int]
    nouns: dict[str, str]
    measures: dict[str, str | None]
    fractions: dict[str, float]
    entities: dict[str, Entity]
    venture: str | None
    venture_cues: tuple[str, ...]
    funders: frozenset[str]
    government: str | None
    roles: tuple[str, ...]
    # compiled alternations, longest first
    currency_symbol_re: str
    currency_word_re: str
    qualifier_re: re.Pattern[str]
    qualifier_zh_re: re.Pattern[str]
    qualifier_after_re: re.Pattern[str]
    magnitude_en_re: str
    number_word_re: str
    month_re: str
    noun_en_re: str
    noun_zh_re: str
    entity_re: re.Pattern[str]
    venture_cue_re: re.Pattern[str] | None
    role_re: str

    def entity(self, written: str) -> Entity | None:
        return self.entities.get(written) or self.entities.get(written.casefold())


def _trie(words: list[str]) -> str:
    """A regex matching exactly ``words``, folded into a prefix tree.

    Python's ``re`` tries the branches of ``a|b|c`` one by one at every
    position; sharing prefixes (``Sony(?: Group(?: Corporation)?)?``) makes a
    lexicon of hundreds of names cost a few branches instead of hundreds.
    Longer words still win, because a longer branch is tried first.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(tree)


_LATIN = "A-Za-z0-9"


def alternation(words: list[str], latin_bounds: bool = False, after_hyphen: bool = False) -> str:
    """A regex for any of ``words``, longest match first (``Sony Group`` wins over ``Sony``).

    With ``latin_bounds`` a match that starts or ends with a Latin letter or
    digit must stand alone there (``NEC`` is not found in ``NECessary``),
    while Chinese may touch its neighbours (``由软银牵头``); ``after_hyphen``
    lets a word follow a hyphen (``14-year``).
    """
    unique = sorted(set(words))
    if not unique:
        return "(?!)"
    body = _trie(unique)
    if not latin_bounds:
        return "(?:" + body + ")"
    glued = r"\w" if after_hyphen else r"\w-"
    lead = rf"(?:(?=[{_LATIN}])(?<![{glued}])|(?![{_LATIN}]))"
    tail = rf"(?:(?<=[{_LATIN}])(?!\w)|(?<![{_LATIN}]))"
    return f"(?:{lead}{body}{tail})"


def _section(schema: Schema, key: str, kind: type) -> Any:
    value = schema.raw.get(key)
    if not isinstance(value, kind):
        raise CuratorError(f"{schema.path}: {key} must be a {'mapping' if kind is dict else 'list'}.")
    return value


def _number(schema: Schema, key: str, value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise CuratorError(f"{schema.path}: {key} must be a number, not {value!r}.") from None


MAX_WORD = 200
"""Longest lexicon word (alias, noun, cue, role) in characters: far above any real name, and well
inside what the trie of ``_trie`` and Python's regex compiler can nest."""


def _strings(path: Path, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise CuratorError(f"{path}: {key} must be a list of non-empty strings.")
    for word in value:
        _short(path, key, word)
    return value


def _short(path: Path, key: str, word: str) -> str:
    if len(word) > MAX_WORD:
        raise CuratorError(
            f"{path}: {key} has an entry of {len(word):,} characters ({word[:20]!r}…); the limit is {MAX_WORD}."
        )
    return word


def _entities(path: Path, data: Any) -> dict[str, Entity]:
    """``canonical: {type, aliases}`` -> {alias as written: Entity}; errors name ``path`` and the key."""
    if not isinstance(data, dict):
        raise CuratorError(f"{path}: entities must be a mapping.")
    entities: dict[str, Entity] = {}
    for canonical, spec in data.items():
        key = f"entities.{canonical}"
        if not isinstance(spec, dict):
            raise CuratorError(f"{path}: {key} must be a mapping with type and aliases.")
        kind = spec.get("type")
        if kind not in ENTITY_TYPES:
            raise CuratorError(f"{path}: {key}.type must be one of {', '.join(sorted(ENTITY_TYPES))}.")
        entity = Entity(str(canonical), kind)
        for alias in [_short(path, key, str(canonical)), *_strings(path, f"{key}.aliases", spec.get("aliases", []) or [])]:
            entities[alias] = entity
            entities[alias.replace("'", "’")] = entity
    return entities


def _venture(profile: Profile | None) -> tuple[str | None, list[str]]:
    """The profile's venture name and cue words; none without a profile (general news has no venture)."""
    if profile is None or profile.raw.get("venture") is None:
        return None, []
    venture = profile.raw["venture"]
    if not isinstance(venture, dict) or not isinstance(venture.get("name"), str) or not venture["name"]:
        raise CuratorError(f"{profile.path}: venture.name must be a non-empty string.")
    return venture["name"], _strings(profile.path, "venture.cues", venture.get("cues"))


def _known(path: Path, key: str, names: list[str], entities: dict[str, Entity]) -> None:
    for name in names:
        if name not in entities:
            raise CuratorError(f"{path}: {key} names '{name}', which is in no entities section.")


def build_lexicon(schema: Schema, profile: Profile | None = None) -> Lexicon:
    """The schema's lexicon with the corpus ``profile`` (if any) laid over it: its entities and roles are added,
    and only a profile brings a venture, funders and what "the government" means."""
    magnitudes = _section(schema, "magnitudes", dict)
    en = {str(k).lower(): _number(schema, f"magnitudes.en.{k}", v) for k, v in _section_of(schema, magnitudes, "magnitudes", "en").items()}
    zh = {str(k): _number(schema, f"magnitudes.zh.{k}", v) for k, v in _section_of(schema, magnitudes, "magnitudes", "zh").items()}
    number_words = {
        str(k).lower(): _number(schema, f"number_words.{k}", v) for k, v in _section(schema, "number_words", dict).items()
    }
    months: dict[str, int] = {}
    for number, names in _section(schema, "months", dict).items():
        if not isinstance(number, int) or not 1 <= number <= 12:
            raise CuratorError(f"{schema.path}: months.{number} must be a month number from 1 to 12.")
        for name in _strings(schema.path, f"months.{number}", names):
            months[name.lower()] = number
    nouns: dict[str, str] = {}
    for canonical, written in _section(schema, "nouns", dict).items():
        for word in _strings(schema.path, f"nouns.{canonical}", written):
            nouns[word.lower()] = str(canonical)
    measures = {
        str(word): (str(unit) if unit else None) for word, unit in _section(schema, "measures", dict).items()
    }
    fractions = {str(k).lower(): _number(schema, f"fractions.{k}", v) for k, v in _section(schema, "fractions", dict).items()}
    entities = _entities(schema.path, _section(schema, "entities", dict))
    roles = _strings(schema.path, "roles", _section(schema, "roles", list))
    funders: list[str] = []
    government = None
    if profile is not None:
        entities.update(_entities(profile.path, profile.raw.get("entities", {})))
        roles = roles + _strings(profile.path, "roles", profile.raw.get("roles", []))
        funders = _strings(profile.path, "funders", profile.raw.get("funders", []))
        _known(profile.path, "funders", funders, entities)
        government = profile.raw.get("government")
        if government is not None:
            if not isinstance(government, str):
                raise CuratorError(f"{profile.path}: government must be the name of an entity.")
            _known(profile.path, "government", [government], entities)
    venture, cues = _venture(profile)
    chinese_qualifiers = [w for w in schema.qualifiers if not w[:1].isascii()]
    latin_qualifiers = [w for w in schema.qualifiers if w[:1].isascii()]
    symbols = [w for w in schema.currencies if any(unicodedata.category(ch) == "Sc" for ch in w)]
    words = [w for w in schema.currencies if w not in symbols]
    qualifiers_after = _qualifiers_after(schema)
    return Lexicon(
        currencies=dict(schema.currencies),
        qualifiers=dict(schema.qualifiers),
        qualifiers_after=qualifiers_after,
        magnitudes_en=en,
        magnitudes_zh=zh,
        number_words=number_words,
        months=months,
        nouns=nouns,
        measures=measures,
        fractions=fractions,
        entities={**entities, **{k.casefold(): v for k, v in entities.items() if k.isascii()}},
        venture=venture,
        venture_cues=tuple(cues),
        funders=frozenset(entities[f].name for f in funders),
        government=entities[government].name if government else None,
        roles=tuple(roles),
        currency_symbol_re=r"(?<![A-Za-z.])" + alternation(symbols),
        currency_word_re=alternation(words, latin_bounds=True, after_hyphen=True),
        qualifier_re=re.compile(r"(?<![\w])(?P<q>" + alternation(latin_qualifiers) + r")\s+(?:an?\s+)?$", re.IGNORECASE),  # up to a $1 billion
        qualifier_zh_re=re.compile("(?P<q>" + alternation(chinese_qualifiers) + r")(?:有|为|达|了)?$"),  # 至少有两名, 约为29.2%
        qualifier_after_re=re.compile(r"\s*" + alternation(list(qualifiers_after), latin_bounds=True), re.IGNORECASE),
        magnitude_en_re=alternation(list(en)),
        number_word_re=alternation(list(number_words), latin_bounds=True, after_hyphen=True),  # twenty-five
        month_re="(?i:" + alternation(list(months), latin_bounds=True) + ")",
        noun_en_re=alternation([w for w in nouns if w.isascii()], latin_bounds=True, after_hyphen=True),
        noun_zh_re=alternation([w for w in nouns if not w.isascii()]),
        entity_re=re.compile(alternation(list(entities), latin_bounds=True), re.IGNORECASE),
        venture_cue_re=re.compile(alternation(cues, latin_bounds=True), re.IGNORECASE) if cues else None,
        role_re=alternation(roles, latin_bounds=True),
    )


def _qualifiers_after(schema: Schema) -> dict[str, str]:
    """``qualifiers_after`` (words written after the number) as {word: canonical}; canonical forms must be qualifiers."""
    raw = schema.raw.get("qualifiers_after", {})
    if not isinstance(raw, dict):
        raise CuratorError(f"{schema.path}: qualifiers_after must be a mapping.")
    known = set(schema.qualifiers.values())
    result: dict[str, str] = {}
    for canonical, words in raw.items():
        if canonical not in known:
            raise CuratorError(f"{schema.path}: qualifiers_after.{canonical} is not a canonical form in qualifiers.")
        for word in _strings(schema.path, f"qualifiers_after.{canonical}", words):
            result[word.lower()] = str(canonical)
    return result


def _section_of(schema: Schema, parent: dict[str, Any], name: str, key: str) -> dict[str, Any]:
    value = parent.get(key)
    if not isinstance(value, dict):
        raise CuratorError(f"{schema.path}: {name}.{key} must be a mapping.")
    return value


_CACHE: dict[tuple[int, int], tuple[Schema, Profile | None, Lexicon]] = {}


def lexicon_for(schema: Schema, profile: Profile | None = None) -> Lexicon:
    """The compiled lexicon of a loaded schema and corpus profile, built once per pair."""
    key = (id(schema), id(profile))
    cached = _CACHE.get(key)
    if cached is None or cached[0] is not schema or cached[1] is not profile:
        cached = _CACHE[key] = (schema, profile, build_lexicon(schema, profile))
    return cached[2]
