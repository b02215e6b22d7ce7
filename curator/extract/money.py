"""Amounts of money: ``$6.7 billion``, ``$6.7B``, ``HK$1.2bn``, ``US$171-million``, ``¥1 trillion``,
``1 trillion yen``, ``a 1.2-billion-yuan telescope``, ``$5-10 million`` (5e6, ``attrs["range"]`` to 1e7; ``from $5 to $10`` is a change, two amounts; so are
``between $24 and $28``, ``$5 billion to $7 billion``, ``24亿至28亿元`` and ``24至28亿元``), ``RMB5bn``, ``€1,5 billion``, ``61亿美元``,
``三亿五千万元``, ``300多万元``, ``港币5000万元`` (HKD: a currency named before 元), ``Rs 1.5 lakh crore`` (1.5e12 INR: lakh 1e5, crore 1e7).

Prefixed dollars (``HK$``, ``US$``, ``A$``, ``C$``, ``S$``, ``NT$``) are read
as their own currency, never as a bare ``$``, and so is a ``$`` amount with its
nation after it (``$100 Australian``). "pounds" after a number is
sterling only in a sentence about money (``paid``, ``deal``, ``worth``,
``£``, a ``$`` conversion, ...) that weighs nothing (``weigh``, ``weight``,
``heavy``, ``a 500-pound fish``); otherwise it is weight, left to the
quantity rule. A parenthetical conversion right after an amount (``¥1
trillion (around $6.7 billion)``) makes two candidates that name each other
in ``attrs["equivalents"]``: the same money told in two currencies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from curator.extract.base import Context, join_pairs
from curator.extract.lexicon import Lexicon
from curator.extract.numbers import HAS_NUMBER, NUMBER, NUMBER_GLUED, ZH_NUMBER, parse_number, several, try_number
from curator.extract.qualify import amount_qualifier
from curator.extract.sentences import Sentence
from curator.models import Candidate

_WEIGHT = re.compile(r"(?i:\bweigh|\bweight|\bheav(?:y|ier|iest)\b|\blbs?\b)")
_STERLING_CUE = re.compile(
    r"(?i:\b(?:sterling|paid|pay|pays|cost|costs|price[ds]?|worth|fund(?:s|ed|ing)?|invest\w*|spen[dt]\w*|sold|"
    r"bought|buy|budget|fine[ds]?|salar(?:y|ies)|wages?|deal|revenue|profit|loss|tax|debt|loan|grant|donat\w*|"
    r"raise[ds]?|valued?|earn\w*|bonus|pension|bank|bid|offer|rent|fee|fees)\b)|[£$€]"
)
_CODES = re.compile(r"^(?:[A-Z]{2,3}|[A-Z][a-z]\.?)$")
"""Currency words written before the amount: ISO codes (``USD 5``) and short abbreviations (``Rs 500 crore``,
``RM5 million``, ``Rp 10,000``)."""
_DOLLAR_NATION = re.compile(r"^\s(Australian|Canadian|Singapore|Hong Kong|New Taiwan|Taiwan|US|U\.S\.)\b(?:\s+dollars?)?")


class MoneyRule:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        mag = rf"(?i:{lex.magnitude_en_re})(?![\w])"
        cur = rf"(?i:{lex.currency_word_re})"
        codes = "|".join(map(re.escape, sorted({w for w in lex.currencies if _CODES.match(w)}, key=len, reverse=True)))
        self.english = re.compile(
            rf"(?<!from )(?<!From )(?P<rsym>{lex.currency_symbol_re})\s?(?P<rn>{NUMBER})"
            rf"\s?(?:-|–|to)\s?(?:{lex.currency_symbol_re})?(?P<high>{NUMBER})(?:[\s-]?(?P<rm>{mag}))?"
            rf"|(?P<sym>{lex.currency_symbol_re})\s?(?P<n1>{NUMBER})(?:[\s-]?(?P<m1>{mag}))?"
            rf"|(?<![A-Za-z])(?P<code>{codes})\s?(?P<n2>(?<![\d.,]){NUMBER_GLUED})(?:[\s-]?(?P<m2>{mag}))?"
            rf"|(?P<n3>{NUMBER})(?:[\s-]?(?P<m3>{mag}))?[\s-](?P<word>{cur})"
        )
        zh_words = [w for w in lex.currencies if not w.isascii()]
        self.zh_before = re.compile(f"({'|'.join(sorted((w for w in zh_words if w != '元'), key=len, reverse=True))})$")
        self.chinese = re.compile(
            rf"(?P<several>[数几](?=[十百千万亿]))?(?P<n>{ZH_NUMBER})(?P<more>多|余)?(?P<m>万亿|亿|万)?(?P<word>{'|'.join(sorted(zh_words, key=len, reverse=True))})"
        )

    def run(self, ctx: Context, sentence: Sentence) -> None:
        if not HAS_NUMBER.search(sentence.text):
            return
        amounts: list[_Amount] = []
        for match in self.english.finditer(sentence.text):
            if match.group("rsym"):
                number, magnitude, code = match.group("rn"), match.group("rm"), self.lex.currencies[match.group("rsym")]
            elif match.group("sym"):
                number, magnitude, code = match.group("n1"), match.group("m1"), self.lex.currencies[match.group("sym")]
            elif match.group("code"):
                number, magnitude, code = match.group("n2"), match.group("m2"), self.lex.currencies[match.group("code")]
            else:
                word = match.group("word")
                number, magnitude = match.group("n3"), match.group("m3")
                code = self.lex.currencies.get(word) or self.lex.currencies.get(word.lower()) or word.upper()
                if code == "GBP" and self._weight(sentence, match):
                    continue
            if code == "USD" and (match.group("sym") or match.group("rsym")) == "$":
                code = self._dollar_named_after(sentence.text[match.end() :]) or code
            scale = self.lex.magnitudes_en[magnitude.lower()] if magnitude else 1.0
            high = match.group("high")
            ends = [parse_number(number) * scale, parse_number(high) * scale] if high else None
            if ends and ends[1] <= ends[0]:
                ends = None  # "$10-$5" states no range
            amounts.append(_Amount(match.start(), match.end(), parse_number(number) * scale, code, "money.en", None, ends))
        for match in self.chinese.finditer(sentence.text):
            value = several(match.group("n")) if match.group("several") else try_number(match.group("n"))
            if value is None:
                continue
            scale = self.lex.magnitudes_zh[match.group("m")] if match.group("m") else 1.0
            code = self.lex.currencies[match.group("word")]
            named = self.zh_before.search(sentence.text, 0, match.start()) if match.group("word") == "元" else None
            if named:  # 港币5000万元: the currency named before the amount, 元 its unit
                code = self.lex.currencies[named.group(1)]
            more = match.group("more") or match.group("several")  # 300多万, 数千万 (several tens of millions): over
            amount = _Amount(match.start(), match.end(), value * scale, code, "money.zh", "over" if more else None, None)
            written = match.group("m") or next((m for m in _ZH_SCALE if match.group("n").endswith(m)), None)
            amounts.append(_low_end_before(sentence.text, amount, _ZH_SCALE.get(written or "", 1.0)))
        found: list[Candidate] = []
        for amount in _join_ranges(sentence.text, amounts):
            found += self._add(ctx, sentence, amount)
        link_conversions(ctx, sentence, found)

    def _dollar_named_after(self, following: str) -> str | None:
        """The currency of a bare ``$`` named after the amount: ``$100 Australian``, ``$5 million Canadian``."""
        named = _DOLLAR_NATION.match(following)
        if not named:
            return None
        return self.lex.currencies.get(f"{named.group(1)} dollars") or self.lex.currencies.get(named.group(1))

    @staticmethod
    def _weight(sentence: Sentence, match: re.Match[str]) -> bool:
        """Whether "pounds" here weighs something: a weight word in the sentence, ``500-pound``, or no word of
        money at all (``capped at 29.4 million pounds`` of halibut); sterling needs ``paid``, ``deal``, ``£``..."""
        hyphenated = sentence.text[match.start("word") - 1 : match.start("word")] == "-"
        return bool(_WEIGHT.search(sentence.text) or hyphenated or not _STERLING_CUE.search(sentence.text))

    @staticmethod
    def _add(ctx: Context, sentence: Sentence, amount: _Amount) -> list[Candidate]:
        start, end = sentence.start + amount.start, sentence.start + amount.end
        qualifier = amount.qualifier or amount_qualifier(ctx, sentence, start, end)
        candidate = ctx.add(
            "money", start, end, amount.value, unit=amount.code, qualifier=qualifier, subject=ctx.subject_of(sentence, start),
            extractor=amount.rule, attrs={"range": amount.ends} if amount.ends else None,
        )
        return [candidate] if candidate else []


@dataclass(frozen=True)
class _Amount:
    """An amount found in a sentence (sentence offsets), before it becomes a candidate; ``ends`` [low, high] of a
    range."""

    start: int
    end: int
    value: float
    code: str
    rule: str
    qualifier: str | None
    ends: list[float] | None


_JOIN = re.compile(r"^\s?(?:-|–|—|~|～|至|到|(?i:to))\s?$|^\s(?i:and)\s$")
_BETWEEN = re.compile(r"(?i:\bbetween\s)$|[在介于]$")
_CHANGE = re.compile(r"(?i:\bfrom\s)$|[从由]$")
_ZH_LOW = re.compile(rf"(?P<low>{ZH_NUMBER})(?P<m>万亿|亿|万)?\s?[-–~～至到]\s?$")


def _join_ranges(text: str, amounts: list[_Amount]) -> list[_Amount]:
    """Two amounts of one currency joined as a range (``$5 billion to $7 billion``, ``between $24 and $28``,
    ``24亿元至28亿元``) as one amount from the low end, ``ends`` both; ``from $5 to $10`` (从…到) is a change,
    two amounts, and so is a pair whose second end is not the higher."""
    ordered = sorted(amounts, key=lambda a: a.start)
    def joined(first: _Amount, second: _Amount) -> _Amount | None:
        if first.ends is None and second.ends is None and first.code == second.code and first.value < second.value \
                and _joined(text, first, second):
            return _Amount(first.start, second.end, first.value, first.code, first.rule, first.qualifier,
                           [first.value, second.value])
        return None

    return join_pairs(ordered, joined)


def _joined(text: str, first: _Amount, second: _Amount) -> bool:
    between = _JOIN.match(text[first.end : second.start])
    before = text[max(0, first.start - 9) : first.start]
    if between is None or _CHANGE.search(before):
        return False
    return "and" not in between.group().lower() or _BETWEEN.search(before) is not None


def _low_end_before(text: str, amount: _Amount, scale: float) -> _Amount:
    """A Chinese amount with the low end of its range before it, written without the currency (``24至28亿元``,
    ``24-28亿美元``: the low end takes the high end's magnitude ``scale`` when it has none; ``24亿至28亿元``)."""
    low = _ZH_LOW.search(text, max(0, amount.start - 16), amount.start)
    value = try_number(low.group("low")) if low else None
    if low is None or value is None or _CHANGE.search(text[max(0, low.start() - 1) : low.start()]):
        return amount
    written_scale = next((_ZH_SCALE[m] for m in _ZH_SCALE if low.group("low").endswith(m)), None)
    value *= _ZH_SCALE[low.group("m")] if low.group("m") else 1.0 if written_scale else scale
    if value >= amount.value:
        return amount
    return _Amount(low.start(), amount.end, value, amount.code, amount.rule, amount.qualifier, [value, amount.value])


_ZH_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4}


def link_conversions(ctx: Context, sentence: Sentence, found: list[Candidate]) -> None:
    """Mark ``A (around B)`` pairs of different currencies as equivalents of each other."""
    ordered = sorted(found, key=lambda c: c.start)
    for first, second in zip(ordered, ordered[1:]):
        between = ctx.article.text[first.end : second.start]
        if first.unit != second.unit and len(between) <= 20 and ("(" in between or "（" in between):
            first.attrs.setdefault("equivalents", []).append(second.id)
            second.attrs.setdefault("equivalents", []).append(first.id)
