"""Schema 12 -> 13: outlet names that an older curator stored case-folded, spelled again as the outlet writes itself.

Before schema 11 an outlet missing from ``schema/outlets.yaml`` was kept
case-folded (``example daily``) in ``articles.outlet_name`` and in the claims'
``outlets``, ``tellers`` and ``carriers``; curator now keeps the outlet's own
spelling (``curator.provenance.outlets.canonical_outlet``), but only for
articles placed since. This step finds each such article's spelling where the
name came from: its site name (``articles.outlet``), else the words in the
first lines of its text (a dateline, ``JAKARTA (Example Daily) -``). Names
listed in ``outlets.yaml`` were stored as listed and are left alone, as are
domains (``example.co.uk``, lower case either way) and names whose spelling
is nowhere in the article. A claim names each outlet by one of its spellings,
mixed case first (``curator.provenance.sources``), so its arrays follow.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata

HEAD = 1500
"""Characters at the head of an article where a dateline naming the outlet is looked for (as ``provenance.outlets``)."""


def _collapsed(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _folded(name: str) -> bool:
    """A name as the old curator stored it: case-folded, with letters that have a case, and not a domain."""
    return name == name.casefold() and name != name.upper() and not ("." in name and " " not in name)


def _spelling(name: str, outlet: str | None, head: str) -> str | None:
    """How the article writes the outlet stored as ``name``: its site name, else the same words in its first lines."""
    if outlet and _collapsed(outlet).casefold() == name:
        return _collapsed(outlet)
    pattern = r"\s+".join(re.escape(word) for word in name.split())
    for match in re.finditer(pattern, unicodedata.normalize("NFKC", head), re.IGNORECASE):
        found = _collapsed(match.group())
        if found.casefold() == name:
            return found
    return None


def respell_outlets(conn: sqlite3.Connection) -> None:
    """Rewrite case-folded outlet names of articles and claims inside the caller's transaction."""
    spellings: dict[str, set[str]] = {}
    rows = conn.execute(
        "SELECT id, outlet_name, outlet, substr(text, 1, ?) FROM articles WHERE outlet_name IS NOT NULL", (HEAD,)
    ).fetchall()
    for article_id, name, outlet, head in rows:
        if not _folded(name):
            continue
        spelling = _spelling(name, outlet, head)
        if spelling is not None and spelling != name:
            conn.execute("UPDATE articles SET outlet_name = ? WHERE id = ?", (spelling, article_id))
            spellings.setdefault(name, set()).add(spelling)
    if not spellings:
        return
    shown = {name: min(found, key=lambda o: (o.isupper() or o.islower(), o)) for name, found in spellings.items()}
    claims = conn.execute("SELECT id, outlets, tellers, carriers FROM claims").fetchall()
    for claim_id, outlets, tellers, carriers in claims:
        arrays = [_respelled(outlets, shown, plain=True), _respelled(tellers, shown), _respelled(carriers, shown)]
        if arrays != [outlets, tellers, carriers]:
            conn.execute("UPDATE claims SET outlets = ?, tellers = ?, carriers = ? WHERE id = ?", (*arrays, claim_id))


def _respelled(array: str | None, shown: dict[str, str], plain: bool = False) -> str | None:
    """A claim's JSON array of outlet names with folded names respelled, sorted as matching sorts it (unchanged if none)."""
    if array is None:
        return None
    names = json.loads(array)
    if not any(name in shown for name in names):
        return array
    names = [shown.get(name, name) for name in names]
    names.sort(key=None if plain else lambda name: (name.casefold(), name))
    return json.dumps(names, ensure_ascii=False)
