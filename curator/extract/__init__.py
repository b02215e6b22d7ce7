"""Rule-based extraction: an article in, its candidate facts out, in a stable order.

One pass per sentence: entities and names of the venture first (the other
rules use them for the sentence's subject), then money, percent, dates, quantities, relations. The
lexicon is the schema's with the article's corpus profile laid over it (the one given, else the one
recorded on the article at ingest, else none). Rules read each sentence with full-width digits folded to ASCII (``１２月３日``; offsets are kept). A
number claimed by a stronger kind is not also a quantity (``1000万台`` is
not a date, ``$6.7 billion`` is not a count).
"""

from __future__ import annotations

import bisect
import itertools
import math
from pathlib import Path

from curator.extract.base import Context, candidate_id
from curator.extract.bounds import bound_sentences
from curator.extract.dates import DateRule
from curator.extract.entities import EntityRule
from curator.extract.lexicon import Lexicon, lexicon_for
from curator.extract.money import MoneyRule
from curator.extract.ner import Ner, NerRule
from curator.extract.numbers import FULL_WIDTH
from curator.extract.percent import PercentRule
from curator.extract.quantity import QuantityRule
from curator.extract.quantity_zh import ChineseQuantityRule
from curator.extract.relations import NamingRule, RelationRule
from curator.extract.sentences import Sentence, split_sentences
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
            [EntityRule(lex), NamingRule(lex), MoneyRule(lex), PercentRule(lex), DateRule(lex), QuantityRule(lex), ChineseQuantityRule(lex), RelationRule(lex)],
        )
    return cached[1]


def extract_article(article: Article, schema: Schema, profile: Profile | None = None, ner: Ner | None = None) -> list[Candidate]:
    """The candidates of one article, ordered by span; raises CuratorError for a profile that cannot be used.

    ``ner`` (curator.extract.ner, optional) adds a statistical model's people and organisations after the entity rules.
    """
    if profile is None and article.profile:
        profile = load_profile(Path(article.profile))
    lex = lexicon_for(schema, profile)
    ctx = Context(article, lex, bound_sentences(split_sentences(article.text)))
    rules = _rules(lex)
    if ner is not None:
        rules = [rules[0], NerRule(ner, ctx.sentences), *rules[1:]]
    for sentence in ctx.sentences:
        read = Sentence(sentence.start, sentence.end, sentence.text.translate(FULL_WIDTH))  # quotes keep the original
        for rule in rules:
            rule.run(ctx, read)
    return _resolve_overlaps([c for c in ctx.found.values() if _finite(c.value)])


def _finite(value: object) -> bool:
    """Whether a value can be stated: a figure of more digits than a float holds (``$999…9 million``) reads as
    infinity, which no article can mean, and is dropped rather than shown as ``$inf``."""
    return not isinstance(value, float) or math.isfinite(value)


def _resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a numeric candidate whose span overlaps one of a stronger numeric kind.

    Kinds are taken strongest first; the spans kept of the stronger kinds are sorted by start with a running
    maximum of their ends, so each test is one bisection (linear-logarithmic in the candidates, not quadratic).
    """
    kept: list[Candidate] = []
    starts: list[int] = []
    reach: list[int] = []
    for kind in sorted(_NUMERIC_PRIORITY, key=_NUMERIC_PRIORITY.__getitem__):
        of_kind = sorted((c for c in candidates if c.kind == kind), key=lambda c: c.start)
        survivors = []
        for c in of_kind:
            index = bisect.bisect_left(starts, c.end) - 1
            if index < 0 or reach[index] <= c.start:
                survivors.append(c)
        kept += survivors
        spans = sorted((c.start, c.end) for c in kept)
        starts = [s for s, _ in spans]
        reach = list(itertools.accumulate((e for _, e in spans), max))
    others = [c for c in candidates if c.kind not in _NUMERIC_PRIORITY]
    return sorted(kept + others, key=lambda c: (c.start, c.end, c.kind))
