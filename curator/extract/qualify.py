"""Qualifiers written after a number: ``20%以上`` (over), ``20% or more`` (at least), ``20%以下`` (at most),
``300多人`` (over), ``5万左右`` (approximately).

The words and their canonical forms are ``qualifiers_after`` in facts.yaml;
those written before a number are read by ``Context.qualifier_before``.
"""

from __future__ import annotations

from curator.extract.lexicon import Lexicon


def qualifier_after(lex: Lexicon, following: str) -> str | None:
    """The canonical qualifier that ``following`` (the text right after a number) starts with, if any."""
    match = lex.qualifier_after_re.match(following[:20])
    return lex.qualifiers_after.get(match.group().strip().lower()) if match else None
