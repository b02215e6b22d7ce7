"""Reads the provenance tables in ``schema/`` (``outlets.yaml``, ``units.yaml``, ``predicates.yaml``).

Each file is YAML (``yaml.safe_load``) whose top level maps a section name to
entries; every entry is a mapping of list-of-string fields. A malformed file
is refused with one sentence naming the file and the key
(``schema/outlets.yaml: outlets.Reuters.names must be a list of strings.``).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from curator.errors import CuratorError
from curator.schema import SCHEMA_DIR, read_yaml

Entries = dict[str, dict[str, tuple[str, ...]]]
"""{entry name: {field: strings}}."""


def fail(path: Path, key: str, problem: str) -> CuratorError:
    """The error for a bad ``key`` of the table at ``path``."""
    return CuratorError(f"{path}: {key} {problem}.")


def table_path(path: Path | None, filename: str) -> Path:
    """``path``, or ``filename`` in the schema folder (``$CURATOR_SCHEMA_DIR``, else ``schema/``)."""
    return path or SCHEMA_DIR / filename


@functools.lru_cache(maxsize=16)
def load_entries(path: Path, section: str, fields: tuple[str, ...]) -> Entries:
    """The entries of ``section`` in the YAML file ``path``, each with only the known ``fields``
    (a field left out is an empty tuple)."""
    return parse_entries(path, read_yaml(path, "table"), section, fields)


def parse_entries(path: Path, data: Any, section: str, fields: tuple[str, ...]) -> Entries:
    """Validate parsed YAML (see ``load_entries``)."""
    if not isinstance(data, dict) or not isinstance(data.get(section), dict):
        raise fail(path, section, "must be a mapping at the top level")
    entries: Entries = {}
    for name, entry in data[section].items():
        key = f"{section}.{name}"
        if not isinstance(entry, dict):
            raise fail(path, key, f"must be a mapping with {', '.join(fields)}")
        unknown = sorted(str(field) for field in entry if field not in fields)
        if unknown:
            raise fail(path, f"{key}.{unknown[0]}", f"is not a known field ({', '.join(fields)})")
        parsed: dict[str, tuple[str, ...]] = {}
        for field in fields:
            values = entry.get(field, [])
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                raise fail(path, f"{key}.{field}", "must be a list of strings")
            parsed[field] = tuple(values)
        entries[str(name)] = parsed
    return entries
