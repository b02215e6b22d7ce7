"""Chinese words and their parts of speech, for where a name starts and ends.

Chinese is written without spaces, so a name's edges are word edges: jieba's
dictionary and tag set (ICTCLAS: ``n`` noun, ``nr`` person, ``ns`` place,
``nt`` organisation, ``nz`` other proper noun, ``j`` abbreviation, ``v`` verb,
``d`` adverb, ``p`` preposition, ``m`` numeral, ``q`` measure word, ``t``
time, ``r`` pronoun, ``x`` punctuation, …), read through rjieba, the Rust
port's binding. Words of a sentence are cached, since every rule of the
sentence asks for them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import rjieba


@dataclass(frozen=True)
class Word:
    """One word of a text: ``start``/``end`` offsets into it, the word as written, its jieba tag."""

    start: int
    end: int
    text: str
    tag: str


_PROPER = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng"})
"""Tags of proper nouns and abbreviations: a word a name is made of (上海, 中投, TCL)."""
_ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+")
"""An ordinal inside a name (湖南中医药大学附属第一医院): a number that does not end the name on its left."""
_NAME_VERBS = frozenset(
    "应用 促进 发展 研究 管理 监督 保护 投资 建设 规划 设计 开发 交易 服务 运输 检验 检测 终审 节能 改革 推广 评估 认证 "
    "储蓄 结算 清算 登记 监测 防治 控制 救助 援助 协调 培训 勘察 勘探 测绘 审计 仲裁 出版 广播 创新 孵化 担保 "
    "租赁 咨询 制造 供应 通信 交流 促销 进出口 质检 检疫 急救 维和".split()
)
"""Verbs that name what an institution does (应用科学院, 促进局, 终审法院): inside a name, not before it."""
_STOP_TAGS = ("d", "p", "c", "u", "m", "q", "r", "t", "x", "y", "e", "o", "i", "w")
"""Tag families that never stand inside a name: adverbs, prepositions, conjunctions, particles, numerals, measure
words, pronouns, times, punctuation, modal particles, interjections, onomatopoeia, idioms."""


@lru_cache(maxsize=2048)
def words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` in order, covering it without gaps; offsets are into ``text``."""
    found: list[Word] = []
    at = 0
    for word, tag in rjieba.tag(text):
        found.append(Word(at, at + len(word), word, tag))
        at += len(word)
    return tuple(found)


def word_at(ws: tuple[Word, ...], offset: int) -> int:
    """The index of the word holding the character at ``offset`` (-1 before the text)."""
    return bisect.bisect_right([w.start for w in ws], offset) - 1


def is_boundary(ws: tuple[Word, ...], offset: int) -> bool:
    """Whether ``offset`` falls between two words (or at either end of the text)."""
    index = word_at(ws, offset)
    return index < 0 or ws[index].start == offset or offset >= ws[-1].end


def inside_name(word: Word, after: Word | None = None) -> bool:
    """Whether a word may stand inside a name rather than end it on its left (``after`` is the word that follows
    it): no adverb, preposition, conjunction, particle, numeral (an ordinal is fine), pronoun, time, punctuation,
    and no verb but those of ``_NAME_VERBS`` and a single character before a common word (jieba splits an
    unknown name there: 长沙市住建局 is 长沙市/住/建局, while 要做TCL集团 is a verb before a proper name)."""
    if _ORDINAL.fullmatch(word.text):
        return True
    if word.tag.startswith(_STOP_TAGS) and word.tag != "eng":
        return False
    if word.tag in {"v", "vd", "vi", "vq"}:
        if len(word.text) == 1:
            return after is None or not (after.tag in _PROPER or re.search(r"[A-Za-z]", after.text))
        return word.text in _NAME_VERBS
    return True


def is_name_part(word: Word) -> bool:
    """Whether a word names something rather than describes it: a proper noun or abbreviation (上海, 中投), Latin
    letters (TCL), or a word no dictionary lists (证金, 新理益) — an unlisted word in news is most often a name."""
    if word.tag in _PROPER or re.search(r"[A-Za-z]", word.text):
        return True
    return len(word.text) >= 2 and "\u4e00" <= word.text[0] <= "\u9fff" and not rjieba.has_word(word.text)
