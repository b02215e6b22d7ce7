"""English counts with their noun, fractions and durations: ``10 million AI-equipped robots``, ``10M Robots``,
``44 participating companies``, ``carrying 212 people``, ``40 vessels and 12 helicopters``, ``2,500 square
kilometres``, ``4.6 percentage points``, ``2.5-fold``, ``two-thirds``, ``a quarter of``, ``over five years``,
``14-year growth strategy``, ``trillion-parameter``.

A noun listed in ``nouns`` (facts.yaml) gives its canonical unit, so ``18
fields`` and ``18个工业领域`` are the same unit; any other noun right after
the number, or after one modifier or noun (``12 new helicopters``,
``three airline officials``), is counted too when it is plural, its unit
the noun's singular (``40 lifeboats`` -> ``lifeboat``, see
``curator.extract.nouns``). A four-digit year, a time of day (``7:24``), an
identifier after a capitalised word (``Flight 8501``) and a lone ``one`` are
not counts of an unlisted noun; a figure after an adjective (``new 365 stores``: a store format) is a name,
and a count that refers back (``the two sides``, ``these 3 issues``) states no count, nor does a singular
noun that modifies the next (``400 city laborers`` counts laborers) or ``one city after another``. ``over 10
years`` is a period (no qualifier). ``93-year-old`` and
``Eloise Parry, 21, was`` are ages (unit ``years of age``, as 岁). Fractions are the share of a whole (unit
``share``, ``two-thirds`` -> 0.6667). Chinese counts are in
``curator.extract.quantity_zh``.
"""

from __future__ import annotations

import re

from curator.extract.base import Context
from curator.extract.lexicon import Lexicon
from curator.extract.nouns import MODIFIERS, is_open_noun
from curator.inflection import is_plural, singular
from curator.extract.numbers import NUMBER, parse_number
from curator.extract.qualify import TIME_UNITS, amount_qualifier
from curator.extract.sentences import Sentence

_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_MULTIPLE_AFTER = re.compile(r"^\s+(?i:as|more|less|larger|higher|bigger|greater|faster|smaller|lower|the|that|what|over)\b")
_NAME_HYPHEN = re.compile(r"[A-Za-z]-$")
_AGO = re.compile(r"^\s+ago\b")
_FRACTION_CUES = ("half", "third", "quarter", "fifth", "tenth")
_CAPITALISED_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w.]*)\s+$")
_REFERENCE_BEFORE = re.compile(r"(?i:\b(?P<det>these|those|both|the|its|their|his|her|our|this|that)\s+)$")
_ALWAYS_REFERENCE = frozenset(("these", "those", "both"))
_NAME_BEFORE = re.compile(r"(?i:\b(?:new|newest|latest|any|existing|older|newer|original|classic)\s+)$")
_AGE_AFTER = re.compile(r"^[\s-]*old\b")
_MULTIPLIERS = frozenset(("hundred", "dozen"))
_TEMPERATURE = re.compile(rf"(?P<n>{NUMBER})\s?(?:°\s?(?P<scale>[CF])\b|(?P<c>℃)|(?P<f>℉))")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_AGE_APPOSITION = re.compile(r"\b[A-Z][a-z]+, (?P<age>[1-9]\d?|1[01]\d), (?!(?:and|or|to|then)\b)(?=[a-z])")
"""A person's age in apposition after the name (``Eloise Parry, 21, was taken``, ``Smith, 45, a teacher``)."""
_FUNCTION_WORDS = frozenset(
    "and or but nor of in on at to for from by with as than then that this these those which who whom whose is are was were".split())
_RANGE_LOW = re.compile(rf"(?<!(?i:from) )(?:(?P<between>(?i:between))\s+)?(?P<low>{NUMBER})\s?(?:[-–]|(?i:to)|(?(between)(?i:and)|(?!)))\s?$")
"""The low end of a range right before a count (``10-15 people``, ``5 to 10 ships``, ``between 400 and 600 breaks``);
``from 5 to 10`` is a change, two counts."""
_LABEL_BEFORE = re.compile(
    r"(?i:\b(?:page|pages|pp?|room|chapter|section|article|clause|line|gate|platform|route|exit|row|seat|no|nos|number|"
    r"flight|bus|highway|interstate|level|grade|version|model|episode|season|vol|volume|item|figure|fig|table|unit|"
    r"apartment|apt|suite|floor|ward)\.?\s+)$")
_ONE_OF_MANY = re.compile(r"^\s+(?i:after\s+another|at\s+a\s+time|by\s+one|or\s+another)\b")
_WORD_AFTER = re.compile(r"^\s+[a-z]")
_COMPOUND_UNITS = frozenset(("miles", "kilometres", "metres", "tonnes", "tons"))
"""Measures that a noun before them makes another measure (``lane miles``, ``passenger kilometres``, ``nautical
miles``, ``short tons``): kept as written."""
_NOT_COMPOUND = MODIFIERS | {"extra", "further", "long", "more", "fewer"}
_INSTRUMENT_AFTER = re.compile(
    r"\s+(?:[A-Z][\w.]*|(?P<instrument>(?i:notes?|bonds?|yields?|bills?|mortgages?|gilts?|bunds?|swaps?|securities|treasur(?:y|ies)))\b)")
_LOWER_BEFORE = re.compile(r"(?:^|\b[a-z][\w']*\s+)$")
_AIRCRAFT = frozenset(("aircraft", "planes", "plane", "airplanes", "jets", "jetliners", "airliners"))
_AIRCRAFT_MODEL = re.compile(r"^7[0-8]7$")
_OVER_A_PERIOD = re.compile(r"(?i:\bover\s+(?P<the>the\s+(?:next|past|last|coming)\s+)?)$")


class QuantityRule:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        mag = rf"(?i:{lex.magnitude_en_re})(?![\w])"
        big = r"(?i:trillion|billion|million|thousand)"
        noun = rf"(?i:{lex.noun_en_re})"
        words = rf"{lex.number_word_re}(?:[\s-](?:and\s)?{lex.number_word_re})*"  # twenty-five, two hundred
        number = rf"(?P<n>{NUMBER}|(?i:{words}))(?:\s?(?P<m>{mag}))?"
        self.english = re.compile(
            rf"{number}[\s-]+"
            rf"(?P<mods>(?:(?!(?i:of|in|to|and|or|the|a|by|for|from|with|on|last|next|this|previous|coming)\b|\d)[\w’'-]+\s+){{0,2}}?)"
            rf"(?P<noun>{noun})"
            rf"|(?<![\d.,]\s)(?<![\d.,])(?P<bare>{big})[\s-]+(?P<noun2>{noun})"
        )
        self.singular_forms = frozenset(
            n for n in lex.nouns if n.isascii() and " " not in n and any(k != n and singular(k) == n for k in lex.nouns))
        """Listed English nouns that have a listed plural (``city``: ``cities``), so are singular."""
        word = r"[A-Za-z][A-Za-z'’-]*"
        self.open = re.compile(rf"{number}[\s-]+(?P<w1>{word})(?:\s+(?P<w2>{word}))?")
        fractions = sorted(lex.fractions, key=len, reverse=True)
        alternation = "|".join(re.escape(f).replace(r"\ ", r"[\s-]") for f in fractions if f.isascii())
        self.fraction = re.compile(rf"(?<![\w-])(?P<f>(?i:{alternation}))(?![\w-])(?P<of>\s+of\b)?")

    def run(self, ctx: Context, sentence: Sentence) -> None:
        text = sentence.text
        taken: set[int] = set()
        fractions: list[tuple[int, int]] = []
        lowered = text.lower()
        matches = self.fraction.finditer(text) if any(cue in lowered for cue in _FRACTION_CUES) else ()
        for match in matches:
            written = re.sub(r"[\s-]+", " ", match.group("f").lower())
            value = self.lex.fractions.get(written) or self.lex.fractions.get(match.group("f").lower())
            needs_of = written.startswith(("a ", "half")) or (written.startswith("one ") and "-" not in match.group("f"))
            if value is None or (needs_of and not match.group("of")):
                continue
            fractions.append((match.start(), match.end("f")))
            self._add(ctx, sentence, match.start(), match.end("f"), value, "share", "quantity.fraction")
        for match in _TEMPERATURE.finditer(text) if not _CJK.search(text) else ():  # "-5°C", "104°F"; Chinese: quantity_zh
            unit = "degrees Fahrenheit" if match.group("scale") == "F" or match.group("f") else "degrees Celsius"
            taken.add(match.start())
            self._add(ctx, sentence, match.start(), match.end(), parse_number(match.group("n")), unit, "quantity.en")
        for match in _AGE_APPOSITION.finditer(text):  # "Eloise Parry, 21, was taken": her age
            taken.add(match.start("age"))
            self._add(ctx, sentence, match.start("age"), match.end("age"), float(match.group("age")), "years of age",
                      "quantity.age")
        for match in self.english.finditer(text):
            if match.group("bare"):
                value = self.lex.magnitudes_en[match.group("bare").lower()]
                noun = match.group("noun2")
            else:
                value = self._value(match)
                if value is None or self._identifier(text, match) or self._reference(text, match, listed=True):
                    continue
                noun = match.group("noun")
                if self._named(text, match):
                    taken.add(match.start())  # a name, not to be counted as an unlisted noun either
                    continue
                if self._modifier(text, match, value):
                    continue
            unit, end = self.lex.nouns[noun.lower()], match.end()
            if unit in _COMPOUND_UNITS and match.group("mods") and _compound(match.group("mods")):
                unit = f"{' '.join(match.group('mods').split())} {noun.lower()}"  # "19,000 lane miles" keeps its measure
            if unit == "times" and _MULTIPLE_AFTER.match(text[end:]):
                unit = "fold"
            age = _AGE_AFTER.match(text[end:]) if unit == "years" else None
            if age:  # "a 93-year-old": an age, the unit 岁 gives in Chinese
                unit, end = "years of age", end + age.end()
            taken.add(match.start())
            self._add(ctx, sentence, match.start(), end, value, unit, "quantity.en")
        for match in self.open.finditer(text):
            if match.start() in taken or any(s <= match.start() < e for s, e in fractions) or not self._countable(text, match):
                continue
            found = self._open_noun(match)
            value = self._value(match)
            if found is None or value is None:
                continue
            noun, end = found
            self._add(ctx, sentence, match.start(), end, value, self.lex.nouns.get(noun.lower(), singular(noun)), "quantity.open")
    def _modifier(self, text: str, match: re.Match[str], value: float) -> bool:
        """Whether a listed noun is not the counted thing: in the singular after a number other than one and before
        another word it modifies (``400 city laborers``: laborers are counted), or one of a sequence (``one city
        after another``, ``one body at a time``)."""
        after = text[match.end() : match.end() + 20]
        if value == 1:
            return _ONE_OF_MANY.match(after) is not None
        noun = match.group("noun").lower()
        joined = "-" in text[match.end("n") : match.start("noun")]  # "a 14-year growth strategy" is 14 years
        return not joined and noun in self.singular_forms and _WORD_AFTER.match(after) is not None

    @staticmethod
    def _named(text: str, match: re.Match[str]) -> bool:
        """Whether the figure is part of a name: a span of time joined to the number as an adjective before a name
        or a financial instrument (``the 10-year Treasury note``, ``a 30-year mortgage``: the instrument's term, not
        a period stated), a model written between figure and noun (``737 MAX jets``), or an aircraft model number
        (``its 737 aircraft``: Boeing's 7x7 series)."""
        joined = "-" in text[match.end("n") : match.start("noun")]
        after = _INSTRUMENT_AFTER.match(text, match.end())
        if joined and after and (after.group("instrument") or _LOWER_BEFORE.search(text, 0, match.start())):
            return True  # a capitalised name after it counts only outside a Title Case headline
        if any(word.isupper() and len(word) > 1 for word in match.group("mods").split()):
            return True
        return match.group("noun").lower() in _AIRCRAFT and _AIRCRAFT_MODEL.match(match.group("n")) is not None

    @staticmethod
    def _period(ctx: Context, sentence: Sentence, start: int) -> bool:
        """Whether ``over`` before a span of time at sentence offset ``start`` names the period an amount is spread
        over (``over the next five years``, ``$631 billion over 10 years``) rather than "more than"."""
        before = _OVER_A_PERIOD.search(sentence.text[max(0, start - 30) : start])
        if before is None:
            return False
        if before.group("the"):
            return True
        over_at = sentence.start + start - len(before.group())
        return any(0 <= over_at - c.end <= 3 for c in ctx.in_sentence(sentence, "money"))

    def _value(self, match: re.Match[str]) -> float | None:
        written = match.group("n")
        value = self._spelled(written) if written[:1].isalpha() else parse_number(written)

        if match.group("m"):
            magnitude = match.group("m")
            if len(magnitude) == 1 and magnitude.islower():
                return None  # "15m" is fifteen minutes more often than fifteen million
            value *= self.lex.magnitudes_en[magnitude.lower()]
        return value

    def _spelled(self, written: str) -> float:
        """A number in words: ``twenty-five`` 25, ``two hundred`` 200, ``three dozen`` 36 (units and tens add up,
        ``hundred`` and ``dozen`` multiply what came before)."""
        value = 0.0
        for word in re.split(r"[\s-]+(?:and\s+)?", written.lower()):
            number = self.lex.number_words[word]
            value = (value or 1) * number if word in _MULTIPLIERS else value + number
        return value

    def _countable(self, text: str, match: re.Match[str]) -> bool:
        """Whether the number may count an unlisted noun: not a year, ``one`` or an identifier."""
        written = match.group("n")
        if written.lower() == "one" or (_YEAR.match(written) and not match.group("m")):
            return False
        return not (self._identifier(text, match) or self._reference(text, match))

    @staticmethod
    def _reference(text: str, match: re.Match[str], listed: bool = False) -> bool:
        """Whether the count refers back to things already counted rather than stating a count: after
        ``these``/``those``/``both`` (``these 2 issues``), or a spelled-out number of an unlisted noun after
        ``the`` or a possessive (``the two businesses``, ``its three brands``). A listed noun after ``the`` may be
        where the count is stated (``among the four conglomerates``), and so may figures (``the 155 passengers``)."""
        before = _REFERENCE_BEFORE.search(text[max(0, match.start() - 12) : match.start()])
        if before is None:
            return False
        if before.group("det").lower() in _ALWAYS_REFERENCE:
            return True
        return not listed and match.group("n")[:1].isalpha()

    def _identifier(self, text: str, match: re.Match[str]) -> bool:
        """Whether the number names rather than counts: a time of day (``7:24``), part of a name (``Covid-19``,
        ``#5``), or after a capitalised word inside the sentence and before a lower-case one (``Flight 8501 carrying``,
        ``Boeing 737 jets``; in a Title Case headline, ``Buy 100 New Boeing Planes``, every word is capitalised)."""
        start, end = match.start(), match.end("n")
        if text[start - 1 : start] in {":", "#", "/"} or text[end : end + 1] in {":", "/"} or _NAME_HYPHEN.search(text[:start]):
            return True
        if _LABEL_BEFORE.search(text[max(0, start - 12) : start]):
            return True  # "page 12", "room 101", "No. 5": the number names one of a series
        if match.group("n")[:1].isdigit() and _NAME_BEFORE.search(text[max(0, start - 12) : start]):
            return True  # "any new 365 stores", "the latest 737 jets": an adjective before the figure makes it a name
        counted = match.groupdict().get("noun") or match.groupdict().get("w1") or ""
        before = _CAPITALISED_BEFORE.search(text[max(0, start - 30) : start])
        if before and before.start(1) + max(0, start - 30) > 0 and counted[:1].islower():
            word = before.group(1).rstrip(".").lower()
            return word not in self.lex.qualifiers and word not in self.lex.months
        return False

    @staticmethod
    def _open_noun(match: re.Match[str]) -> tuple[str, int] | None:
        """The counted noun: a plural right after the number (``40 lifeboats``), else a plural after one
        modifier or noun (``12 new helicopters``, ``three airline officials``); a singular only after 1."""
        if match.group(0)[len(match.group("n")) :][:1] == "-":
            return None  # "500-metre-wide", "three-day": listed units are read by the known-noun pattern
        first, second = match.group("w1"), match.group("w2")
        if not first.islower() and first.lower() not in MODIFIERS:
            return None
        if first.islower() and is_open_noun(first) and (is_plural(first) or match.group("n") == "1"):
            return first, match.end("w1")
        if first.lower() in _FUNCTION_WORDS:
            return None  # "page 12 and pages 14-16": a function word ends the phrase
        if second and second.islower() and is_open_noun(second) and is_plural(second):
            return second, match.end("w2")
        return None

    def _add(self, ctx: Context, sentence: Sentence, start: int, end: int, value: float, unit: str, rule: str) -> None:
        if unit in TIME_UNITS and _AGO.match(sentence.text[end:]):
            return  # "21 hours ago" is when a page was posted, not a fact
        attrs: dict[str, object] = {}
        low = _RANGE_LOW.search(sentence.text[max(0, start - 16) : start])
        if low and value and rule != "quantity.fraction":  # "10-15 people": both ends, from the low one
            low_value = parse_number(low.group("low"))
            if low_value < value:
                attrs["range"], value = [low_value, value], low_value
                start -= len(low.group()) - (low.start("low") - low.start())
        elif sentence.text[start - 1 : start] in {"-", "−"} and sentence.text[start - 2 : start - 1] in {"", " ", "("}:
            value, start = -value, start - 1  # "fell to -5 degrees"
        qualifier = amount_qualifier(ctx, sentence, sentence.start + start, sentence.start + end)
        if qualifier == "over" and unit in TIME_UNITS and self._period(ctx, sentence, start):
            qualifier = None  # "$631 billion over 10 years": the period, not "more than ten years"
        ctx.add("quantity", sentence.start + start, sentence.start + end, value, unit=unit, qualifier=qualifier,
                subject=ctx.subject_of(sentence, sentence.start + start, sentence.start + end), extractor=rule, attrs=attrs)


def _compound(mods: str) -> bool:
    """Whether the words between a number and a measure name the measure (``lane``, ``nautical``), not its amount."""
    return all(word.islower() and word.isalpha() and word not in _NOT_COMPOUND for word in mods.split())
