"""Amounts of money: ``$6.7 billion``, ``$6.7B``, ``¥1 trillion``, ``1 trillion yen``, ``61亿美元``, ``1万亿日元``.

A parenthetical conversion right after an amount (``¥1 trillion (around $6.7
billion)``) makes two candidates that name each other in
``attrs["equivalents"]``: the same money told in two currencies.
"""

from __future__ import annotations

import re

from curator.extract.base import Context
from curator.extract.lexicon import Lexicon
from curator.extract.numbers import HAS_NUMBER, NUMBER, ZH_NUMBER, parse_number
from curator.extract.sentences import Sentence
from curator.models import Candidate


class MoneyRule:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        mag = rf"(?i:{lex.magnitude_en_re})(?![\w])"
        cur = rf"(?i:{lex.currency_word_re})"
        self.english = re.compile(
            rf"(?P<sym>{lex.currency_symbol_re})\s?(?P<n1>{NUMBER})(?:\s?(?P<m1>{mag}))?"
            rf"|(?P<code>\b(?:USD|JPY|EUR|GBP|CNY)\b)\s?(?P<n2>{NUMBER})(?:\s?(?P<m2>{mag}))?"
            rf"|(?P<n3>{NUMBER})(?:\s?(?P<m3>{mag}))?[\s-](?P<word>{cur})"
        )
        zh_words = [w for w in lex.currencies if not w.isascii()]
        zh_magnitudes = "|".join(sorted(lex.magnitudes_zh, key=len, reverse=True))
        self.chinese = re.compile(
            rf"(?P<n>{ZH_NUMBER})(?P<m>{zh_magnitudes})?(?P<word>{'|'.join(sorted(zh_words, key=len, reverse=True))})"
        )

    def run(self, ctx: Context, sentence: Sentence) -> None:
        if not HAS_NUMBER.search(sentence.text):
            return
        found: list[Candidate] = []
        for match in self.english.finditer(sentence.text):
            if match.group("sym"):
                number, magnitude, code = match.group("n1"), match.group("m1"), self.lex.currencies[match.group("sym")]
            elif match.group("code"):
                number, magnitude, code = match.group("n2"), match.group("m2"), match.group("code")
            else:
                word = match.group("word")
                number, magnitude = match.group("n3"), match.group("m3")
                code = self.lex.currencies.get(word) or self.lex.currencies.get(word.lower()) or word.upper()
            scale = self.lex.magnitudes_en[magnitude.lower()] if magnitude else 1.0
            found += self._add(ctx, sentence, match, parse_number(number) * scale, code, "money.en")
        for match in self.chinese.finditer(sentence.text):
            scale = self.lex.magnitudes_zh[match.group("m")] if match.group("m") else 1.0
            code = self.lex.currencies[match.group("word")]
            found += self._add(ctx, sentence, match, parse_number(match.group("n")) * scale, code, "money.zh")
        link_conversions(ctx, sentence, found)

    def _add(self, ctx: Context, sentence: Sentence, match: re.Match[str], amount: float, code: str, rule: str) -> list[Candidate]:
        start, end = sentence.start + match.start(), sentence.start + match.end()
        candidate = ctx.add(
            "money", start, end, amount, unit=code, qualifier=ctx.qualifier_before(sentence, start),
            subject=ctx.subject_of(sentence), extractor=rule,
        )
        return [candidate] if candidate else []


def link_conversions(ctx: Context, sentence: Sentence, found: list[Candidate]) -> None:
    """Mark ``A (around B)`` pairs of different currencies as equivalents of each other."""
    ordered = sorted(found, key=lambda c: c.start)
    for first, second in zip(ordered, ordered[1:]):
        between = ctx.article.text[first.end : second.start]
        if first.unit != second.unit and len(between) <= 20 and ("(" in between or "（" in between):
            first.attrs.setdefault("equivalents", []).append(second.id)
            second.attrs.setdefault("equivalents", []).append(first.id)
