"""Percentages: ``29%``, ``over 10%``, ``no less than 20%``, ``不低于20%``, ``20%以下``, ``exceeding 15%``,
``-3.5%``, ``5pc``, ``百分之十``, ``百分之十二点五`` (12.5), ``七成`` (70, tenths), ``三成五`` (35), ranges ``5-10%``, ``5%-10%``, ``5 to 10 percent``, ``between 5% and 10%``,
``5%至10%``.

A range is one candidate: its value is the low end and ``attrs["range"]``
holds ``[low, high]``; the hyphen of a range is never a minus sign. ``from
5% to 10%`` (``从5%到10%``) is a change, two percentages, not a range.
Percentage points (``4.6 percentage points``, ``4.6个百分点``) are not
percentages: the quantity rule takes them with unit ``percentage points``.
"""

from __future__ import annotations

import re

from curator.extract.base import Context
from curator.extract.lexicon import Lexicon
from curator.extract.numbers import HAS_NUMBER, NUMBER, ZH_NUMBER, try_number
from curator.extract.qualify import amount_qualifier
from curator.extract.sentences import Sentence

_SIGN = r"(?:(?<![\w.%％)\-−])(?P<{name}>[-−]))?"
_PCT = r"(?:%|％|(?i:per\s?cent)\b|pc(?![A-Za-z]))"
_TO = r"(?:-|–|—|~|～|至|到|(?i:to)\b)"
_NOT_TENTHS = "为|功|立|长|员|本|果|交|熟|绩|都|就|效|型|形|年|人|品|分|不变|语|败|全|份|批|群|套|像|千|百|万|亿"
"""Words that begin with 成 and are no share in tenths (成为, 成本, 一成不变): 七成 is 70%, 三成五 35%."""


class PercentRule:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.pattern = re.compile(
            rf"(?<!from )(?<!From )(?<!从)(?<!由){_SIGN.format(name='sign')}(?P<low>{NUMBER})\s?{_PCT}?\s?{_TO}\s?(?P<high>{NUMBER})\s?{_PCT}"
            rf"|(?<=[Bb]etween )(?P<blow>{NUMBER})\s?{_PCT}?\s(?i:and)\s(?P<bhigh>{NUMBER})\s?{_PCT}"
            rf"|{_SIGN.format(name='sign2')}(?P<n>{NUMBER})\s?{_PCT}"
            rf"|百分之(?P<zh>{ZH_NUMBER})(?:\s?(?:至|到|-)\s?百分之(?P<zh_high>{ZH_NUMBER}))?"
            rf"|(?<![一二三四五六七八九十])(?P<tenths>[一二三四五六七八九])成(?P<tenths2>[一二三四五六七八九](?![成\d]))?(?!{_NOT_TENTHS})"
        )

    def run(self, ctx: Context, sentence: Sentence) -> None:
        if not HAS_NUMBER.search(sentence.text):
            return
        for match in self.pattern.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            attrs: dict[str, object] = {}
            low_text = match.group("low") or match.group("blow") or match.group("zh")
            high_text = match.group("high") or match.group("bhigh") or match.group("zh_high")
            if match.group("tenths"):  # 七成 is seven tenths
                low_text = str((try_number(match.group("tenths")) or 0) * 10 + (try_number(match.group("tenths2") or "零") or 0))
            value = try_number(low_text or match.group("n"))
            if value is None:
                continue
            if match.group("sign") or match.group("sign2"):
                value = -value
            if high_text:
                high = try_number(high_text)
                if high is None:
                    continue
                if high > value:  # "5%至3%" states no range
                    attrs["range"] = [value, high]
            qualifier = amount_qualifier(ctx, sentence, start, end)
            ctx.add(
                "percent", start, end, value, unit="%", qualifier=qualifier, subject=ctx.subject_of(sentence, start),
                extractor="percent", attrs=attrs,
            )
