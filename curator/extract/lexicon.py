"""The lexicon sections of ``facts.yaml`` as lookup tables and compiled patterns.

Built once per loaded schema (patterns are compiled here, never per article),
and validated with errors that name the file and the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from curator.errors import CuratorError
from curator.schema import Schema

ENTITY_TYPES = {"organisation", "person", "programme"}


@dataclass(frozen=True)
class Entity:
    name: str
    type: str


@dataclass(frozen=True)
class Lexicon:
    currencies: dict[str, str]
    qualifiers: dict[str, str]
    magnitudes_en: dict[str, float]
    magnitudes_zh: dict[str, float]
    number_words: dict[str, float]
    months: dict[str, int]
    nouns: dict[str, str]
    entities: dict[str, Entity]
    venture: str
    venture_cues: tuple[str, ...]
    roles: tuple[str, ...]
    # compiled alternations, longest first
    currency_symbol_re: str
    currency_word_re: str
    qualifier_re: re.Pattern[str]
    qualifier_zh_re: re.Pattern[str]
    magnitude_en_re: str
    number_word_re: str
    month_re: str
    noun_en_re: str
    noun_zh_re: str
    entity_re: re.Pattern[str]
    venture_cue_re: re.Pattern[str]
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


def _alternation(words: list[str], latin_bounds: bool = False, after_hyphen: bool = False) -> str:
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


def _strings(schema: Schema, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise CuratorError(f"{schema.path}: {key} must be a list of non-empty strings.")
    for word in value:
        _short(schema, key, word)
    return value


def _short(schema: Schema, key: str, word: str) -> str:
    if len(word) > MAX_WORD:
        raise CuratorError(
            f"{schema.path}: {key} has an entry of {len(word):,} characters ({word[:20]!r}…); the limit is {MAX_WORD}."
        )
    return word


def build_lexicon(schema: Schema) -> Lexicon:
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
        for name in _strings(schema, f"months.{number}", names):
            months[name.lower()] = number
    nouns: dict[str, str] = {}
    for canonical, written in _section(schema, "nouns", dict).items():
        for word in _strings(schema, f"nouns.{canonical}", written):
            nouns[word.lower()] = str(canonical)
    entities: dict[str, Entity] = {}
    for canonical, spec in _section(schema, "entities", dict).items():
        key = f"entities.{canonical}"
        if not isinstance(spec, dict):
            raise CuratorError(f"{schema.path}: {key} must be a mapping with type and aliases.")
        kind = spec.get("type")
        if kind not in ENTITY_TYPES:
            raise CuratorError(f"{schema.path}: {key}.type must be one of {', '.join(sorted(ENTITY_TYPES))}.")
        entity = Entity(str(canonical), kind)
        for alias in [_short(schema, key, str(canonical)), *_strings(schema, f"{key}.aliases", spec.get("aliases", []) or [])]:
            entities[alias] = entity
            entities[alias.replace("'", "’")] = entity
    venture = _section(schema, "venture", dict)
    if not isinstance(venture.get("name"), str) or not venture["name"]:
        raise CuratorError(f"{schema.path}: venture.name must be a non-empty string.")
    cues = _strings(schema, "venture.cues", venture.get("cues"))
    roles = _strings(schema, "roles", _section(schema, "roles", list))
    chinese_qualifiers = [w for w in schema.qualifiers if not w[:1].isascii()]
    latin_qualifiers = [w for w in schema.qualifiers if w[:1].isascii()]
    symbols = [w for w in schema.currencies if not w[:1].isalnum()]
    words = [w for w in schema.currencies if w[:1].isalnum()]
    return Lexicon(
        currencies=dict(schema.currencies),
        qualifiers=dict(schema.qualifiers),
        magnitudes_en=en,
        magnitudes_zh=zh,
        number_words=number_words,
        months=months,
        nouns=nouns,
        entities={**entities, **{k.casefold(): v for k, v in entities.items() if k.isascii()}},
        venture=venture["name"],
        venture_cues=tuple(cues),
        roles=tuple(roles),
        currency_symbol_re=_alternation(symbols),
        currency_word_re=_alternation(words, latin_bounds=True),
        qualifier_re=re.compile(r"(?<![\w])" + _alternation(latin_qualifiers) + r"\s+$", re.IGNORECASE),
        qualifier_zh_re=re.compile(_alternation(chinese_qualifiers) + r"$"),
        magnitude_en_re=_alternation(list(en)),
        number_word_re=_alternation(list(number_words), latin_bounds=True),
        month_re="(?i:" + _alternation(list(months), latin_bounds=True) + ")",
        noun_en_re=_alternation([w for w in nouns if w.isascii()], latin_bounds=True, after_hyphen=True),
        noun_zh_re=_alternation([w for w in nouns if not w.isascii()]),
        entity_re=re.compile(_alternation(list(entities), latin_bounds=True)),
        venture_cue_re=re.compile(_alternation(cues, latin_bounds=True), re.IGNORECASE),
        role_re=_alternation(roles, latin_bounds=True),
    )


def _section_of(schema: Schema, parent: dict[str, Any], name: str, key: str) -> dict[str, Any]:
    value = parent.get(key)
    if not isinstance(value, dict):
        raise CuratorError(f"{schema.path}: {name}.{key} must be a mapping.")
    return value


_CACHE: dict[int, tuple[Schema, Lexicon]] = {}


def lexicon_for(schema: Schema) -> Lexicon:
    """The compiled lexicon of a loaded schema, built once."""
    cached = _CACHE.get(id(schema))
    if cached is None or cached[0] is not schema:
        cached = _CACHE[id(schema)] = (schema, build_lexicon(schema))
    return cached[1]
