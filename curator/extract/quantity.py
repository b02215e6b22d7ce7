"""Counts with their noun and durations: ``10 million AI-equipped robots``, ``10M Robots``, ``44 participating
companies``, ``over five years``, ``14-year growth strategy``, ``trillion-parameter``, ``1000万台机器人``,
``一千万台机器人``, ``18个工业领域``, ``为期14年``.

The unit is the canonical noun from ``nouns`` in facts.yaml, so ``18 fields``
and ``18个工业领域`` are the same unit. A four-digit number before 年 is a
year (a date), never a duration.
"""

from __future__ import annotations

import re

from curator.extract.base import Context
from curator.extract.lexicon import Lexicon
from curator.extract.numbers import NUMBER, ZH_NUMBER, parse_number
from curator.extract.sentences import Sentence


class QuantityRule:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        mag = rf"(?i:{lex.magnitude_en_re})(?![\w])"
        big = r"(?i:trillion|billion|million|thousand)"
        noun = rf"(?i:{lex.noun_en_re})"
        self.english = re.compile(
            rf"(?P<n>{NUMBER}|(?i:{lex.number_word_re}))(?:\s?(?P<m>{mag}))?[\s-]+"
            rf"(?P<mods>(?:(?!(?i:of|in|to|and|or|the|a|by|for|from|with|on)\b)[\w’'-]+\s+){{0,2}}?)(?P<noun>{noun})"
            rf"|(?<![\d.,]\s)(?<![\d.,])(?P<bare>{big})[\s-]+(?P<noun2>{noun})"
        )
        measure = "台|个|家|名|项|座|辆|位|种"
        zh_nouns = "|".join(sorted((w for w in lex.nouns if not w.isascii()), key=len, reverse=True))
        self.chinese = re.compile(rf"(?P<n>{ZH_NUMBER})(?P<m>万亿|亿|万)?(?P<measure>{measure})?(?P<noun>{zh_nouns})(?![月前代])")

    def run(self, ctx: Context, sentence: Sentence) -> None:
        subject = ctx.subject_of(sentence)
        for match in self.english.finditer(sentence.text):
            if match.group("bare"):
                value = self.lex.magnitudes_en[match.group("bare").lower()]
                noun = match.group("noun2")
            else:
                written = match.group("n")
                value = self.lex.number_words[written.lower()] if written[:1].isalpha() else parse_number(written)
                if match.group("m"):
                    magnitude = match.group("m")
                    if len(magnitude) == 1 and magnitude.islower():
                        continue  # "15m" is fifteen minutes more often than fifteen million
                    value *= self.lex.magnitudes_en[magnitude.lower()]
                noun = match.group("noun")
            unit = self.lex.nouns[noun.lower()]
            self._add(ctx, sentence, match, value, unit, subject, "quantity.en")
        for match in self.chinese.finditer(sentence.text):
            written, unit = match.group("n"), self.lex.nouns[match.group("noun")]
            if unit == "years" and (len(written) == 4 and written.isdigit()):
                continue
            value = parse_number(written) * (self.lex.magnitudes_zh[match.group("m")] if match.group("m") else 1)
            self._add(ctx, sentence, match, value, unit, subject, "quantity.zh")

    def _add(self, ctx: Context, sentence: Sentence, match: re.Match[str], value: float, unit: str, subject: str | None, rule: str) -> None:
        start, end = sentence.start + match.start(), sentence.start + match.end()
        ctx.add("quantity", start, end, value, unit=unit, qualifier=ctx.qualifier_before(sentence, start), subject=subject, extractor=rule)
