"""Rule-based extraction: an article in, its candidate facts out, in a stable order.

One pass per sentence: entities and names of the venture first (the other
rules use them for the sentence's subject), then money, percent, dates, quantities, relations. A
number claimed by a stronger kind is not also a quantity (``1000万台`` is
not a date, ``$6.7 billion`` is not a count).
"""

from __future__ import annotations

import bisect

from curator.extract.base import Context, candidate_id
from curator.extract.bounds import bound_sentences
from curator.extract.dates import DateRule
from curator.extract.entities import EntityRule
from curator.extract.lexicon import lexicon_for
from curator.extract.money import MoneyRule
from curator.extract.percent import PercentRule
from curator.extract.quantity import QuantityRule
from curator.extract.quantity_zh import ChineseQuantityRule
from curator.extract.relations import NamingRule, RelationRule
from curator.extract.sentences import split_sentences
from curator.models import Article, Candidate
from curator.schema import Schema

__all__ = ["candidate_id", "extract_article"]

_NUMERIC_PRIORITY = {"money": 0, "percent": 1, "date": 2, "quantity": 3}
_RULES: dict[int, tuple[object, list]] = {}


def _rules(schema: Schema) -> list:
    lex = lexicon_for(schema)
    cached = _RULES.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = _RULES[id(lex)] = (
            lex,
            [EntityRule(lex), NamingRule(lex), MoneyRule(lex), PercentRule(lex), DateRule(lex), QuantityRule(lex), ChineseQuantityRule(lex), RelationRule(lex)],
        )
    return cached[1]


def extract_article(article: Article, schema: Schema) -> list[Candidate]:
    rules = _rules(schema)
    ctx = Context(article, lexicon_for(schema), bound_sentences(split_sentences(article.text)))
    for sentence in ctx.sentences:
        for rule in rules:
            rule.run(ctx, sentence)
    return _resolve_overlaps(list(ctx.found.values()))


def _resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a numeric candidate whose span overlaps one of a stronger numeric kind.

    Kinds are taken strongest first; each candidate is checked against the
    kept spans of the stronger kinds by bisection over their starts with a
    running maximum of their ends, so the cost is O(n log n), not n².
    """
    kept: list[Candidate] = []
    for kind in sorted(_NUMERIC_PRIORITY, key=_NUMERIC_PRIORITY.__getitem__):
        stronger = sorted(kept, key=lambda c: c.start)
        starts = [c.start for c in stronger]
        reach: list[int] = []
        for c in stronger:
            reach.append(max(c.end, reach[-1]) if reach else c.end)
        for c in candidates:
            if c.kind != kind:
                continue
            before = bisect.bisect_left(starts, c.end) - 1
            if before < 0 or reach[before] <= c.start:
                kept.append(c)
    others = [c for c in candidates if c.kind not in _NUMERIC_PRIORITY]
    return sorted(kept + others, key=lambda c: (c.start, c.end, c.kind))
