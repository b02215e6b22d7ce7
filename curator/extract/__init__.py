"""Rule-based extraction: an article in, its candidate facts out, in a stable order.

One pass per sentence: entities and names of the venture first (the other
rules use them for the sentence's subject), then money, percent, dates, quantities, relations. The
lexicon is the schema's with the article's corpus profile laid over it (the one given, else the one
recorded on the article at ingest, else none). A
number claimed by a stronger kind is not also a quantity (``1000万台`` is
not a date, ``$6.7 billion`` is not a count).
"""

from __future__ import annotations

from pathlib import Path

from curator.extract.base import Context, candidate_id
from curator.extract.dates import DateRule
from curator.extract.entities import EntityRule
from curator.extract.lexicon import Lexicon, lexicon_for
from curator.extract.money import MoneyRule
from curator.extract.percent import PercentRule
from curator.extract.quantity import QuantityRule
from curator.extract.relations import NamingRule, RelationRule
from curator.extract.sentences import split_sentences
from curator.models import Article, Candidate
from curator.schema import Profile, Schema, load_profile

__all__ = ["candidate_id", "extract_article"]

_NUMERIC_PRIORITY = {"money": 0, "percent": 1, "date": 2, "quantity": 3}
_RULES: dict[int, tuple[object, list]] = {}


def _rules(lex: Lexicon) -> list:
    cached = _RULES.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = _RULES[id(lex)] = (
            lex,
            [EntityRule(lex), NamingRule(lex), MoneyRule(lex), PercentRule(lex), DateRule(lex), QuantityRule(lex), RelationRule(lex)],
        )
    return cached[1]


def extract_article(article: Article, schema: Schema, profile: Profile | None = None) -> list[Candidate]:
    """The candidates of one article, ordered by span; raises CuratorError for a profile that cannot be used."""
    if profile is None and article.profile:
        profile = load_profile(Path(article.profile))
    lex = lexicon_for(schema, profile)
    rules = _rules(lex)
    ctx = Context(article, lex, split_sentences(article.text))
    for sentence in ctx.sentences:
        for rule in rules:
            rule.run(ctx, sentence)
    return _resolve_overlaps(list(ctx.found.values()))


def _resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a numeric candidate whose span overlaps one of a stronger numeric kind."""
    numeric = sorted((c for c in candidates if c.kind in _NUMERIC_PRIORITY), key=lambda c: (_NUMERIC_PRIORITY[c.kind], c.start))
    kept: list[Candidate] = []
    for c in numeric:
        if not any(k.start < c.end and c.start < k.end and k.kind != c.kind for k in kept):
            kept.append(c)
    others = [c for c in candidates if c.kind not in _NUMERIC_PRIORITY]
    return sorted(kept + others, key=lambda c: (c.start, c.end, c.kind))
