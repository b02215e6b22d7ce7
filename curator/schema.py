"""Loads and validates ``schema/facts.yaml`` and corpus profiles.

``facts.yaml`` holds what is true of news in general: fact kinds, their
fields, the lexicons (currencies, magnitudes, qualifiers, common
organisations, titles) and the knobs for matching. A *profile*
(``curator.yaml`` beside a corpus's files, or ``--profile FILE``) holds what
only one story's articles share: its venture, the cue words that mean it,
its funders and story-specific entities. A malformed file is refused with
one sentence naming the file and the key, before any article is touched;
``curator.extract.lexicon`` turns both into compiled patterns.
"""

from __future__ import annotations

import functools
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from curator.errors import CuratorError

SCHEMA_DIR = Path(os.environ.get("CURATOR_SCHEMA_DIR", Path(__file__).resolve().parent.parent / "schema"))
VALUE_TYPES = {"number", "date", "text"}
PROFILE_FILE = "curator.yaml"
"""A corpus's profile: this file in the same folder as its article files is recorded on them at ingest."""
PROFILE_KEYS = ("name", "description", "venture", "funders", "government", "entities", "roles")

_DATE = re.compile(
    r"^(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?|-Q[1-4]|-2[1-4]|-4[01])?|--(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))$"
)
"""ISO 8601 dates as precise as stated, a quarter (``2025-Q3``) or an ISO 8601-2 season (``2018-23``: 21 spring,
22 summer, 23 autumn, 24 winter) or semester (``2019-40`` first half, ``2019-41`` second half)."""
_MAGNITUDE_WORDS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9,
                    "t": 1e12, "tn": 1e12, "trillion": 1e12}
_NUMBER = re.compile(r"^\s*([-+]?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class KindSpec:
    """One fact kind: what its value is and what its unit may be."""

    name: str
    label: str
    value: str
    unit: str | tuple[str, ...] | None
    relation: bool = False
    description: str = ""

    @property
    def mention(self) -> bool:
        """A kind whose value is only a name (text, no predicate or role): its claims are mentions, never
        corroborated (``Corroboration.MENTION``). Relations (founded-by, role, ...) state something checkable."""
        return self.value == "text" and not self.relation


@dataclass(frozen=True)
class MatchSettings:
    """Knobs for grouping candidates into claims (see curator.match)."""

    threshold: float = 80.0
    tolerance: float = 0.15


@dataclass(frozen=True)
class Schema:
    path: Path
    kinds: dict[str, KindSpec]
    qualifiers: dict[str, str]
    currencies: dict[str, str]
    match: MatchSettings
    raw: dict[str, Any] = field(repr=False, compare=False, hash=False)
    reject_reasons: tuple[str, ...] = ()

    def reject_reason(self, text: str) -> str:
        """``text`` as one of ``reject_reasons`` (case and spaces forgiven), or CuratorError listing them."""
        wanted = " ".join(text.split()).lower()
        for reason in self.reject_reasons:
            if reason.lower() == wanted:
                return reason
        raise CuratorError(
            f"unknown reject reason '{text}'; {self.path.name} lists {', '.join(self.reject_reasons) or 'none'}."
        )

    def kind(self, name: str) -> KindSpec:
        spec = self.kinds.get(name)
        if spec is None:
            raise CuratorError(f"unknown fact kind '{name}'; {self.path.name} defines {', '.join(sorted(self.kinds))}.")
        return spec

    def validate_fields(self, kind: str, fields: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """Clean edited fields for ``kind``; returns (clean values, {field: error sentence})."""
        spec = self.kind(kind)
        clean: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for name, raw in fields.items():
            text = raw.strip() if isinstance(raw, str) else raw
            if name in {"statement", "subject", "note"}:
                if name == "statement" and not text:
                    errors[name] = "A statement cannot be empty."
                else:
                    clean[name] = text or None
            elif name == "qualifier":
                if text and text not in self.qualifiers and text not in self.qualifiers.values():
                    known = ", ".join(sorted(set(self.qualifiers.values())))
                    errors[name] = f"'{text}' is not a known qualifier ({known})."
                else:
                    clean[name] = self.qualifiers.get(text, text) if text else None
            elif name == "value":
                value, error = parse_value(spec, text)
                if error:
                    errors[name] = error
                else:
                    clean[name] = value
            elif name == "unit":
                unit, error = self._parse_unit(spec, text)
                if error:
                    errors[name] = error
                else:
                    clean[name] = unit
            else:
                errors[name] = f"'{name}' is not a field of a fact."
        return clean, errors

    def _parse_unit(self, spec: KindSpec, text: Any) -> tuple[str | None, str | None]:
        if spec.unit is None:
            return (None, None) if not text else (None, f"A {spec.label.lower()} has no unit.")
        if not text:
            return None, f"A {spec.label.lower()} needs a unit."
        if spec.unit == "currency":
            code = self.currencies.get(str(text), str(text).upper())
            if code not in set(self.currencies.values()):
                return None, f"'{text}' is not a known currency (use a code such as USD, JPY, CNY, EUR)."
            return code, None
        if isinstance(spec.unit, tuple) and text not in spec.unit:
            return None, f"The unit must be one of {', '.join(spec.unit)}."
        return str(text), None


def parse_value(spec: KindSpec, text: Any) -> tuple[float | str | None, str | None]:
    """A reviewer's typed value as the kind stores it, or an error sentence."""
    if text is None or text == "":
        return None, "A value is needed."
    if spec.value == "number":
        if isinstance(text, (int, float)) and not isinstance(text, bool):
            number = float(text)
        else:
            match = _NUMBER.match(str(text))
            if not match or (match.group(2) and match.group(2).lower() not in _MAGNITUDE_WORDS):
                return None, f"'{text}' is not a number (try 6.7e9, 6,700,000,000 or 6.7 billion)."
            number = float(match.group(1).replace(",", "")) * _MAGNITUDE_WORDS.get(match.group(2).lower(), 1)
        if not math.isfinite(number):
            return None, f"'{text}' is not a finite number."
        return number, None
    if spec.value == "date":
        if not _DATE.match(str(text)):
            return None, f"'{text}' is not an ISO 8601 date (2040, 2026-04, 2024-02-01, --04-12, 2025-Q3, 2018-23 or 2019-40)."
        return str(text), None
    return str(text), None


def _fail(path: Path, key: str, problem: str) -> CuratorError:
    return CuratorError(f"{path}: {key} {problem}.")


def _mapping(path: Path, data: Any, key: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _fail(path, key, "must be a mapping")
    return data


def parse_schema(path: Path, data: Any) -> Schema:
    """Validate the parsed YAML; every error names the file and the key."""
    root = _mapping(path, data, "the top level")
    kinds: dict[str, KindSpec] = {}
    for name, spec in _mapping(path, root.get("kinds"), "kinds").items():
        key = f"kinds.{name}"
        spec = _mapping(path, spec, key)
        value = spec.get("value")
        if value not in VALUE_TYPES:
            raise _fail(path, f"{key}.value", f"must be one of {', '.join(sorted(VALUE_TYPES))}")
        unit = spec.get("unit")
        if isinstance(unit, list):
            if not unit or not all(isinstance(u, str) for u in unit):
                raise _fail(path, f"{key}.unit", "must list unit names as strings")
            unit = tuple(unit)
        elif unit not in (None, "currency", "text"):
            raise _fail(path, f"{key}.unit", "must be currency, text, a list of units, or absent")
        kinds[str(name)] = KindSpec(
            name=str(name),
            label=str(spec.get("label", name)),
            value=value,
            unit=unit,
            relation=bool(spec.get("relation", False)),
            description=str(spec.get("description", "")),
        )
    qualifiers = _word_map(path, root.get("qualifiers", {}), "qualifiers")
    currencies = _word_map(path, root.get("currencies", {}), "currencies")
    match_data = _mapping(path, root.get("match", {}), "match")
    try:
        match = MatchSettings(**{k: float(v) for k, v in match_data.items()})
    except (TypeError, ValueError) as error:
        raise _fail(path, "match", f"has a bad setting ({error})") from None
    if not 0 < match.threshold <= 100:
        raise _fail(path, "match.threshold", "must be between 0 and 100")
    if not 0 <= match.tolerance < 1:
        raise _fail(path, "match.tolerance", "must be a fraction between 0 and 1")
    reasons = root.get("reject_reasons", [])
    if not isinstance(reasons, list) or not all(isinstance(r, str) and r.strip() for r in reasons):
        raise _fail(path, "reject_reasons", "must be a list of non-empty strings")
    return Schema(
        path=path, kinds=kinds, qualifiers=qualifiers, currencies=currencies, match=match, raw=root,
        reject_reasons=tuple(reasons),
    )


def _word_map(path: Path, data: Any, key: str) -> dict[str, str]:
    """``canonical: [variants]`` -> {variant: canonical}, the canonical form mapping to itself."""
    result: dict[str, str] = {}
    for canonical, variants in _mapping(path, data, key).items():
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise _fail(path, f"{key}.{canonical}", "must be a list of strings")
        result[str(canonical)] = str(canonical)
        for variant in variants:
            result[variant] = str(canonical)
    return result


@functools.lru_cache(maxsize=8)
def load_schema(path: Path | None = None) -> Schema:
    """Read and validate ``facts.yaml`` (cached per path)."""
    path = path or SCHEMA_DIR / "facts.yaml"
    return parse_schema(path, read_yaml(path, "schema"))


@dataclass(frozen=True)
class Profile:
    """A corpus profile: ``name`` (the file's folder unless given) and the validated mapping in ``raw``.

    Keys (all optional): ``venture`` (``name`` and ``cues``), ``funders``
    and ``government`` (entity names), ``entities`` and ``roles`` in the
    form of ``facts.yaml``; ``curator.extract.lexicon.build_lexicon`` checks
    their contents.
    """

    path: Path
    name: str
    raw: dict[str, Any] = field(repr=False, compare=False, hash=False)


def find_profile(article_file: Path) -> Path | None:
    """The profile of the corpus an article file belongs to: ``curator.yaml`` in its folder, resolved, or None."""
    candidate = article_file.parent / PROFILE_FILE
    return candidate.resolve() if candidate.is_file() else None


@functools.lru_cache(maxsize=16)
def load_profile(path: Path) -> Profile:
    """Read a profile and check its keys; errors name the file and the key."""
    root = _mapping(path, read_yaml(path, "profile"), "the top level")
    for key in root:
        if key not in PROFILE_KEYS:
            raise _fail(path, str(key), f"is not a profile key (one of {', '.join(PROFILE_KEYS)})")
    name = root.get("name", path.parent.name)
    if not isinstance(name, str) or not name:
        raise _fail(path, "name", "must be a non-empty string")
    return Profile(path=path, name=name, raw=root)


def read_yaml(path: Path, what: str) -> Any:
    """The parsed YAML of ``path`` (a ``what`` file: schema, profile, table), or a CuratorError naming the file
    and, for a syntax error, the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CuratorError(f"the {what} file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CuratorError(f"the {what} file {path} cannot be read ({error}).") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise CuratorError(f"{path} is not valid YAML{where}: {getattr(error, 'problem', error)}.") from None
