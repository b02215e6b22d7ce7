"""Qualifiers of amounts (money, percentages, quantities): the word before the number (``no less than 20%``,
``不低于20%``, ``up to``, ``约``) or after it (``20%以上`` over, ``20% or more`` at least, ``20%以下`` at most,
``300多人`` over, ``5万左右`` approximately).

The words and their canonical forms are ``qualifiers`` and
``qualifiers_after`` in facts.yaml. The date qualifiers ``by``, ``since`` and
``until`` never qualify an amount ("rose by 30 ships" is no deadline).
"""

from __future__ import annotations

from curator.extract.base import Context
from curator.extract.lexicon import Lexicon
from curator.extract.sentences import Sentence

DATE_QUALIFIERS = frozenset({"by", "since", "until"})
TIME_UNITS = frozenset({"years", "months", "weeks", "days", "hours", "minutes"})
"""Units of a span of time: ``3 hours ago`` / ``3小时前`` with them is a time stamp, not a quantity."""


def qualifier_after(lex: Lexicon, following: str) -> str | None:
    """The canonical qualifier that ``following`` (the text right after a number) starts with, if any."""
    match = lex.qualifier_after_re.match(following[:20])
    return lex.qualifiers_after.get(match.group().strip().lower()) if match else None


def amount_qualifier(ctx: Context, sentence: Sentence, start: int, end: int) -> str | None:
    """The qualifier of the amount at article offsets ``start``-``end``: the one before it, else the one after."""
    before = ctx.qualifier_before(sentence, start)
    if before in DATE_QUALIFIERS:
        before = None
    return before or qualifier_after(ctx.lex, sentence.text[end - sentence.start :])
