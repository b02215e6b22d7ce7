"""Chinese counts with their measure word and noun: ``搭载230名乘客``, ``相当于8块显卡``, ``1000万台机器人``,
``18个工业领域``, ``5.8英寸``, ``9.6万次``, ``2.5倍``, ``4.6个百分点``, ``300多人``, durations ``一年半`` (1.5
years) and ``为期14年``, fractions ``三分之二`` (share 0.6667) and ``一半`` (0.5, ``fractions`` in facts.yaml).

A listed noun after the number and measure word gives its canonical unit
(``乘客`` -> passengers); else a measure word (量词, ``measures`` in
facts.yaml) with a unit of its own is the unit (``死亡162人`` -> people,
``9.6万次`` -> times, ``4名男子`` -> people: 次 counts occurrences of a verb,
名 and 位 people); else, after a measure word such as 个 or 块, the unit is
the noun that follows as written: the run of characters up to a function
character (的, 了, 被, ...), whole when it is two or three long (显卡,
住宅楼), its last two when four (a noun phrase ends in its head: 新冠疫苗
counts 疫苗), and its first two when longer (a noun before a verb). A count
after a demonstrative (这两种物质, "these two substances") refers back and
states nothing; 八十年代 is a decade, not eighty years. 几十张 and 数十家 are over
ten (as money's 数千万元), 七八岁 about seven (two neighbouring numerals).
Without a measure word only a listed unit of measure counts (162人, 631公里),
or a listed noun after 万/亿 or 多/余 (320多万用户): 波音737客机 names a model. A
four-digit number before 年 is a year (a date), a number after 第 an
ordinal, 周年 an anniversary, ``21小时前`` ("21 hours ago") a time stamp; a lone 一 ("a", "one") is no claim and a lone
二 is "second" (二次整改; a count is written 两).
"""

from __future__ import annotations

import re

from curator.extract.base import Context
from curator.extract.lexicon import Lexicon
from curator.extract.numbers import ZH_NUMBER, try_number
from curator.extract.numbers import several as several_value
from curator.extract.qualify import TIME_UNITS, amount_qualifier
from curator.extract.sentences import Sentence

_STOP = set("的了在和与及、是将被从向对为中上下等也都就而或并其该此这那些年月日时分秒多余第不没有已还又再很最更共约近以到至于把让给均仍获皆即吗呢吧啊")
_NEIGHBOURS = re.compile(r"^([一二三四五六七八])([二三四五六七八九])$")
"""Two neighbouring numerals (七八岁, 三四个): "seven or eight", not 78."""
_REFERENCE_BEFORE = re.compile(r"(?:这|那|此|该|上述|前述|这些|那些)$")
_DECADE_AFTER = "代"
_MEASUREMENTS = TIME_UNITS | {
    "people", "deaths", "injured", "missing", "cases", "votes", "seats", "times", "fold", "percentage points",
    "basis points", "inches", "kilometres", "square kilometres", "square metres", "metres", "centimetres",
    "millimetres", "miles", "tonnes", "kilograms", "pounds", "hectares", "years of age", "degrees Celsius"}
"""Listed units that follow a Chinese number with no measure word (162人, 5天, 631公里); any other listed noun
(客机, 乘客, 公司) is counted with a measure word (21架飞机) or after 万/亿 (320万用户)."""
_RANGE_LOW = re.compile(r"(?<![\d.])(?P<low>\d+(?:\.\d+)?)\s?[～~至到\-–]\s?$")
_TENTHS_AFTER = re.compile(r"(\d)(?![\d.%])")
_ESTABLISHMENT = "家"
"""The measure word of establishments of any kind: the noun after it says which (医院, 银行); alone it is companies."""
_VERBS = frozenset(
    """开工 开业 开通 开展 开放 参与 参加 进行 进入 发生 发布 出现 出台 获得 获批 完成 实现 建成 投产 上线 落地 入选 签约
    签署 达成 通过 表示 认为 宣布 加入 合并 停运 停工 停业 停航 取消 关停 死亡 遇难 受伤 失踪 被捕 涉及 涉嫌 存在 位于 包括 成为 需要 得到 受到 遭到 正在
    已经 共计 合计 同时 分别 相继 陆续 均已 出售 售出 停产 关闭 倒闭 上市 退市""".split()
)
"""Common two-character verbs and adverbs: after a measure word and a noun they start the predicate (5个项目开工),
so they are never the head of the counted noun phrase."""
_CJK = re.compile(r"[\u4e00-\u9fff]")
_HALF_UNITS = {"年半": "years", "个半月": "months", "个半小时": "hours", "天半": "days", "周半": "weeks"}


class ChineseQuantityRule:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        measures = "|".join(sorted(map(re.escape, lex.measures), key=len, reverse=True)) or "(?!)"
        halves = "|".join(sorted(_HALF_UNITS, key=len, reverse=True))
        self.count = re.compile(rf"(?<!第)(?P<n>{ZH_NUMBER})(?P<more>多|余)?(?P<m>万亿|亿|万)?(?P<measure>{measures})?")
        self.noun = re.compile(lex.noun_zh_re)
        self.half = re.compile(rf"(?<!第)(?P<n>{ZH_NUMBER})(?P<unit>{halves})")
        self.fraction = re.compile(rf"(?P<den>{ZH_NUMBER})分之(?P<num>{ZH_NUMBER})")
        words = sorted((w for w in lex.fractions if not w.isascii()), key=len, reverse=True)
        self.fraction_word = re.compile("|".join(map(re.escape, words)) or "(?!)")

    def run(self, ctx: Context, sentence: Sentence) -> None:
        if not _CJK.search(sentence.text):
            return
        text = sentence.text
        for match in self.half.finditer(text):
            value = try_number(match.group("n"))
            if value is not None:
                self._add(ctx, sentence, match.start(), match.end(), value + 0.5, _HALF_UNITS[match.group("unit")])
        for match in self.fraction.finditer(text):
            den, num = try_number(match.group("den")), try_number(match.group("num"))
            if match.group("den") not in {"百", "千", "万"} and den and num is not None:
                self._add(ctx, sentence, match.start(), match.end(), round(num / den, 4), "share")
        for match in self.fraction_word.finditer(text):
            if text[match.start() - 1 : match.start()] == "另":
                continue  # 另一半 is one's partner, no share
            self._add(ctx, sentence, match.start(), match.end(), self.lex.fractions[match.group()], "share")
        for match in self.count.finditer(text):
            found = self._unit(text, match)
            several = text[match.start() - 1 : match.start()] in {"几", "数"}  # 几十张, 数千公里: some tens, thousands
            value = several_value(match.group("n")) if several else try_number(match.group("n"))
            if found is None or value is None or match.group("n") in {"一", "二"}:
                continue
            if _REFERENCE_BEFORE.search(text, 0, match.start()):
                continue  # 这两种物质 ("these two substances") refers back to things already counted
            unit, end = found
            if unit == "years" and (re.fullmatch(r"(?:19|20)\d\d", match.group("n")) or text[end : end + 1] == _DECADE_AFTER):
                continue  # 2019年 is a year, 八十年代 the eighties
            if unit in TIME_UNITS and text[end : end + 1] == "前":
                continue  # 21小时前 is "21 hours ago": when a page was posted, not a fact
            value *= self.lex.magnitudes_zh[match.group("m")] if match.group("m") else 1
            qualifier = "over" if match.group("more") or several else None
            tenths = _TENTHS_AFTER.match(text, end) if unit == "metres" and "." not in match.group("n") else None
            if tenths:  # 身高1米4 is 1.4 metres
                value, end = value + int(tenths.group(1)) / 10, tenths.end()
            neighbours = _NEIGHBOURS.match(match.group("n"))
            if neighbours and "一二三四五六七八九".index(neighbours[2]) == "一二三四五六七八九".index(neighbours[1]) + 1:
                value, qualifier = float(try_number(neighbours[1]) or 0), "approximately"
            self._add(ctx, sentence, match.start() - several, end, value, unit, qualifier)

    def _unit(self, text: str, match: re.Match[str]) -> tuple[str, int] | None:
        """The unit and where the quantity ends: a listed noun, an open noun after a measure word, or the measure."""
        at = match.end()
        listed = self.noun.match(text, at)
        if match.group("measure") and not (listed and listed.group()):
            listed = self.noun.match(text, match.start("measure"))  # 个月, 个小时: a listed noun begins with 个
        if listed and listed.group():
            if text[listed.end() : listed.end() + 1] == "年" and listed.group() in {"周", "个月"}:
                return None  # 10周年 is an anniversary
            unit = self.lex.nouns[listed.group().lower()]
            scaled = match.group("m") or match.group("more") or re.search("[万亿]", match.group("n"))
            bare = not (match.group("measure") or scaled or listed.group()[0] in self.lex.measures)
            if bare and unit not in _MEASUREMENTS:
                return None  # 波音737客机: a count of things takes a measure word (21架飞机); a bare figure names
            return unit, listed.end()
        measure = match.group("measure")
        if not measure:
            return None
        unit = self.lex.measures.get(measure)
        if unit and measure == _ESTABLISHMENT:
            return self._open_noun(text, at) or (unit, at)  # 两家医院 counts hospitals; 5家 alone, companies
        if unit:
            return unit, at
        return self._open_noun(text, at)

    def _open_noun(self, text: str, at: int) -> tuple[str, int] | None:
        """An unlisted noun after a measure word (or the listed noun heading it) and where it ends."""
        run = 0
        while run < 5 and at + run < len(text) and _CJK.match(text[at + run]) and text[at + run] not in _STOP:
            run += 1
        if text[at : at + 2] in _VERBS:
            return None  # 16条线路有10条停运: the count is of the noun before, a verb follows
        verb = next((p for p in (2, 3, 4) if p < run and text[at + p : at + p + 2] in _VERBS), None)
        run = verb or run  # 42种退休制度合并: the phrase ends where a verb starts
        for offset in range(1, run - 1):  # a listed noun as the head of the phrase: 5个重点城市 counts cities
            inner = self.noun.match(text, at + offset, at + run)
            if inner and inner.group():
                return self.lex.nouns[inner.group().lower()], inner.end()
        if run in (2, 3):
            noun, end = text[at : at + run], at + run
        elif run == 4 and text[at + 2 : at + 4] not in _VERBS:  # a noun phrase ends in its head: 新冠疫苗 counts 疫苗
            noun, end = text[at + 2 : at + 4], at + 4
        elif run >= 4:  # a noun then a verb (5个项目开工): its first two characters
            noun, end = text[at : at + 2], at + 2
        else:
            return None
        return self.lex.nouns.get(noun, noun), end

    def _add(self, ctx: Context, sentence: Sentence, start: int, end: int, value: float, unit: str,
             qualifier: str | None = None) -> None:
        attrs: dict[str, object] = {}
        low = _RANGE_LOW.search(sentence.text, max(0, start - 12), start)
        low_value = try_number(low.group("low")) if low else None
        if low and low_value is not None and low_value < value:  # 降温6～12℃: both ends, from the low one
            attrs["range"], value, start = [low_value, value], low_value, low.start()
        elif sentence.text[start - 1 : start] in {"-", "−"} and not sentence.text[start - 2 : start - 1].isdigit():
            value, start = -value, start - 1  # 气温为-5℃
        elif sentence.text[max(0, start - 2) : start] == "零下":
            value = -value  # 零下5℃ is -5
        qualifier = qualifier or amount_qualifier(ctx, sentence, sentence.start + start, sentence.start + end)
        ctx.add("quantity", sentence.start + start, sentence.start + end, value, unit=unit, qualifier=qualifier,
                subject=ctx.subject_of(sentence, sentence.start + start), extractor="quantity.zh", attrs=attrs)
