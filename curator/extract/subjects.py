"""Which organisation named in a sentence a figure or date is about: the grammatical subject of its clause.

A name is the subject of a clause when it opens it and a verb follows (``In 2009, Congress passed ...``,
``NEDO committed $6.7 billion``, ``1985年，美国联邦航空管理局开展了一项研究``, ``中央气象台25日继续发布``). A name
after a preposition or inside a noun phrase is not (``according to the Budget Office``, ``his address to the
United Nations``, ``immigrants from the former Soviet Union``, ``在西南大学举行``, ``经河南电视台曝光``), nor one that
qualifies a person (``浙江大学副院长程晓敢``, ``Senate majority leader``), nor the speaker of reported speech for a
date inside what was reported (``The Budget Office estimates that the yield will climb in 2021``, ``教体局通报称，
9月28日……``). With no such name there is no subject: a wrong subject would join claims that are not one.

The rule reads the sentence's surface (no parser): English clauses are opened by the sentence start, a comma,
a colon, a dash or a conjunction; Chinese clauses are cut at ``，；：``, and a clause holding only a time
(``2007年，``) is the adverbial of the clause after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from curator.extract.relative_dates import PAST, REPORTED_CLAUSE

_OPENER = re.compile(
    r"(?:^|[,;:(—–]|\b(?i:and|but|when|while|after|before|because|since|until|that|which|if|though|although|as|where"
    r"|once|then|also|so|however|meanwhile|said|says|announced|added|stated))\s*(?:(?i:the|a|an)\s+)?"
    r"(?:(?!(?i:of|with|from|to|for|in|on|at|by|about|against|between|into|over|under|than|like|via|his|her|its|their"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|all|most|both)\b)"
    r"[A-Za-z][\w-]*\s+){0,3}$"
)
"""What stands right before a clause's subject: the sentence start, a comma, a conjunction (``when Congress``), a
verb of saying that opens reported speech (``SoftBank said Zephyr will raise``), and
up to three words that describe the name (``The startup Acme``, ``Japanese carmaker Toyota``) but no preposition
or possessive (``the former Soviet Union`` after ``immigrants from``, ``his address to the United Nations``)."""
_VERB_AFTER = re.compile(
    r"^(?:\s*\([^()]{0,60}\))?(?:,[^,]{1,60},)?\s+(?:[a-z]+ly\s+)?"
    r"(?:(?:is|was|were|are|has|have|had|will|would|could|can|may|might|should|must|did|does|do|plans?|wants?)\b"
    r"|says|plans|expects|estimates|owns|operates|employs|makes|sells|reports|holds|controls|runs|spends|pays|raises"
    r"|invests|needs|wants|aims|intends|hopes|seeks|faces|gets|takes|gives|accounts|produces|earns|posts|loses|buys"
    r"|acquires|offers|charges|provides|launches|opens|closes|cuts|adds|leads|serves|keeps|shows|predicts|forecasts"
    r"|projects|receives|remains|becomes|continues|announces|reveals|hires|builds|ships|agrees|approves|signs|wins"
    r"|[a-z]+ed\b|(?=" + PAST.pattern + r"))"
)
"""A verb after the name (``Congress passed``, ``the Office estimates``, ``Google (Alphabet) said``,
``Google, the search firm, said``), possibly after an adverb (``quickly``). Present tense is a list of verbs, as
a word in ``-s`` after a name is as often a noun (``two NASA astronauts``)."""
_SAYING = re.compile(r"^\S*\s+(?:(?:has|have|had)\s+)?(?i:said|says|told|tells|reported|reports|added|noted|stated|wrote)\b")
"""A name after the figure followed by a verb of saying is the source of the sentence (``..., Roscosmos said``)."""
_LEADING = re.compile(r"^[^;]*?,\s*(?:(?i:however|meanwhile|then),\s*)?(?:(?i:when|as|after|before)\s+)?(?:(?i:the)\s+)?$")
"""What may stand between a leading figure and the subject after it: the rest of its adverbial and a comma (``In
2009, however, when Congress passed``), no verb or conjunction of another clause (``…, but Congress has not``)."""
_ZH_CLAUSE = re.compile(r"[，,；;：:]")
_ZH_TIME = re.compile(
    r"^(?:[\s\d年月日号时分秒上下午晚早中夜间当地时间点半今昨明前后本周星期〇一二三四五六七八九十、]"
    r"|[至到~～\-–—](?=[\d〇一二三四五六七八九十])"
    r"|然而|但是?|而|同时|另外|此外|此前|日前|近日|目前|随后|其中)*$"
)
"""Text of a Chinese clause that is only a time or a linking word (``当地时间9月16日下午``, ``然而，``)."""
_ZH_TIME_LEAD = re.compile(_ZH_TIME.pattern[:-1])
"""The time or linking words a Chinese clause opens with (possibly none)."""
_ZH_NOT_SUBJECT_AFTER = re.compile(r"^(?:的|、|和|与|及|同|》|」|”)")
"""What right after a Chinese name makes it no subject: a possessive (``的``), a list (``、``, ``和``), or the end of
a title or quotation."""
_ZH_TITLE = re.compile(
    r"^[^，。；：,;:]{0,6}?(?:院长|局长|处长|科长|所长|校长|会长|秘书长|主任|主席|总裁|总经理|经理|董事|部长|教授|书记|发言人"
    r"|负责人|记者|专家|医生|医师|工作人员|官员|人士|员工|研究员|代表|成员|学生|研究生|博士|硕士|学者|老师|总监|主编|委员)"
)
"""A title within a few characters after a name (``副院长程晓敢``, ``陈伊芬秘书长``): the subject is the person."""
_ZH_SAYING = re.compile(r"(?:表示|宣布|称|透露|说|公告)[，,：:]$")
"""A clause that ends with a verb of saying (``法国航空公司表示，``): its subject may own the clause after it."""
_ZH_BACK = re.compile(r"\s*(?:将|已|拟|计划|会|也|还|其|该公司|本公司|公司)")
"""What opens a reported clause whose subject is the speaker (``表示，10日将取消航班``, ``宣布，公司将于…``), as
``Acme said it will`` does in English; a clause with a subject of its own (``该项目将…``) keeps it."""
_ZH_PARENTHESIS = re.compile(r"^\s*[（(][^（）()]{0,40}[）)]")


def clause_subject(text: str, names: Sequence[tuple[int, int]], at: int, end: int) -> int | None:
    """The index in ``names`` (spans of organisation names in ``text``, one sentence, by start) of the grammatical
    subject of the clause holding ``text[at:end]`` (a figure or date), or ``None``."""
    names = [(s, e) if e <= at or s >= end else (-1, -1) for s, e in names]  # a name holding the figure is no subject
    if re.search(r"[\u4e00-\u9fff]", text[max(0, at - 10) : end + 10]):
        return _chinese(text, names, at, end)
    return _english(text, names, at, end)


def _english(text: str, names: Sequence[tuple[int, int]], at: int, end: int) -> int | None:
    subjects = [i for i, (s, e) in enumerate(names)
                if s >= 0 and _OPENER.search(text, 0, s) and _VERB_AFTER.match(text[e : e + 200])]
    before = [i for i in subjects if names[i][1] <= at and _same_clause(text, names[i][1], at)]
    if before:
        return before[-1]
    after = [i for i in subjects if names[i][0] >= end and _LEADING.match(text[end : names[i][0]])]
    return after[0] if after and not _SAYING.match(text[names[after[0]][1] - 1 :]) else None


_BACK = re.compile(r"\s*(?:that\s+)?(?i:it|its)\b")
"""``it`` opening reported speech refers back to the sayer (``Acme said it raised``): the same subject. ``they``
is as often the thing reported on (``the Office estimated that they would add``)."""


def _same_clause(text: str, left: int, right: int) -> bool:
    """Whether nothing between ``left`` and ``right`` starts another clause of its own: a ``;`` or reported speech
    whose subject is not the sayer."""
    between = text[left:right]
    return ";" not in between and not any(
        not _BACK.match(between, m.end()) for m in REPORTED_CLAUSE.finditer(between))


def _chinese(text: str, names: Sequence[tuple[int, int]], at: int, end: int) -> int | None:
    cuts = [0, *(m.end() for m in _ZH_CLAUSE.finditer(text)), len(text) + 1]
    index = max(i for i, c in enumerate(cuts[:-1]) if c <= at)
    begin, stop = cuts[index], cuts[index + 1]
    if _ZH_TIME.match(text[begin:at].strip() + text[end : stop - 1].strip()) and stop <= len(text):
        begin, stop = stop, cuts[index + 2] if index + 2 < len(cuts) else len(text) + 1  # "2007年，NASA成立了…"
    own = _zh_clause_subject(text, names, begin, stop)
    if own is not None or index == 0:
        return own
    speaker = _zh_clause_subject(text, names, cuts[index - 1], cuts[index])
    said = speaker is not None and _ZH_SAYING.search(text, cuts[index - 1], cuts[index])
    clause = text[cuts[index] : stop]
    return speaker if said and _ZH_BACK.match(clause, _ZH_TIME_LEAD.match(clause).end()) else None


def _zh_clause_subject(text: str, names: Sequence[tuple[int, int]], begin: int, stop: int) -> int | None:
    """The name opening the clause ``text[begin:stop]`` (after a time at most) and followed by no possessive,
    list or title, if any."""
    for i, (s, e) in enumerate(names):
        if begin <= s < stop and _ZH_TIME.match(text[begin:s].strip()):
            after = _ZH_PARENTHESIS.sub("", text[e:stop])
            after = after.lstrip()
            return None if not after or _ZH_NOT_SUBJECT_AFTER.match(after) or _ZH_TITLE.match(after) else i
    return None
