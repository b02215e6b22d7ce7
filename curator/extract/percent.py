"""Percentages: ``29%``, ``over 10%``, ``10% stakes each``, ``exceeding 15%``, ``百分之十``, ranges ``5-10%``."""

from __future__ import annotations

import re

from curator.extract.base import Context
from curator.extract.lexicon import Lexicon
from curator.extract.numbers import HAS_NUMBER, NUMBER, ZH_NUMBER, parse_number
from curator.extract.sentences import Sentence


class PercentRule:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.pattern = re.compile(
            rf"(?:(?<![\w.])(?P<sign>[-−]))?(?P<low>{NUMBER})\s?(?:-|–|to)\s?(?P<high>{NUMBER})\s?(?:%|％|(?i:per\s?cent)\b)"
            rf"|(?:(?<![\w.])(?P<sign2>[-−]))?(?P<n>{NUMBER})\s?(?:%|％|(?i:per\s?cent)\b)"
            rf"|百分之(?P<zh>{ZH_NUMBER})"
        )
        self.after_zh = re.compile(r"^(?:以上|多)")

    def run(self, ctx: Context, sentence: Sentence) -> None:
        if not HAS_NUMBER.search(sentence.text):
            return
        for match in self.pattern.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            attrs = {}
            if match.group("low"):
                low, high = parse_number(match.group("low")), parse_number(match.group("high"))
                if match.group("sign"):
                    low = -low
                value = low
                attrs["range"] = [low, high]
            else:
                value = parse_number(match.group("n") or match.group("zh"))
                if match.group("sign2"):
                    value = -value
            qualifier = ctx.qualifier_before(sentence, start)
            if qualifier is None and self.after_zh.match(sentence.text[match.end() :]):
                qualifier = "over"
            ctx.add(
                "percent", start, end, value, unit="%", qualifier=qualifier, subject=ctx.subject_of(sentence),
                extractor="percent", attrs=attrs,
            )
