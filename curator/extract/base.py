"""What every rule shares: the article, its sentences, the lexicon, and how a candidate is made.

Rules call ``Context.add``; it fills in the quote, the statement and the id,
drops spans inside URLs, e-mail addresses and citations, drops figures (dates, money, percentages,
quantities) in page furniture (captions, author bios, rights lines, time stamps,
related links: ``curator.extract.page_lines``), and keeps the same kind and span
from being extracted twice.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from curator.display import format_value, range_end
from curator.extract.lexicon import Entity, Lexicon
from curator.extract.page_lines import furniture_spans
from curator.extract.sentences import Sentence
from curator.extract.subjects import clause_subject
from curator.models import Article, Candidate, Value

if TYPE_CHECKING:
    from curator.extract.entities import ArticleNames

FIGURE_KINDS = frozenset({"money", "percent", "date", "quantity"})
"""The kinds that state a figure; page furniture states none."""
_URL = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\((?:[\w-]+\.)+[a-z]{2,}(?:\s+\d+)?\)|\b[\w-]+\.(?:com|net|org|jp|cn|io|co)\b", re.IGNORECASE)


_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_END = re.compile(r"[，,；;、：:。！？!?\n]")
"""What ends a clause or a list item in Chinese: commas (the enumeration comma 、 too), colons, stops."""


def subject_in_clause(sentence: Sentence, names: list[Mention], at: int) -> str | None:
    """The subject of a number at article offset ``at`` in a Chinese sentence naming ``names`` (by start): the
    nearest name before it in its own clause (南玻A（11.85亿元）、长园集团（11.56亿元）: each row its own name),
    else the sentence's topic, a name in its first clause that no other name follows before the number and no
    list stands between (TCL集团今日公告，拟回购不超过7.95亿元); else none, never a name across a list item."""
    text, offset = sentence.text, at - sentence.start
    clause = max((m.end() for m in _CLAUSE_END.finditer(text, 0, offset)), default=0)
    own = [m for m in names if clause <= m.start - sentence.start and m.end <= at]
    if own:
        return own[-1].entity.name
    first = _CLAUSE_END.search(text)
    topic = names[0] if names and names[0].end - sentence.start <= (first.start() if first else len(text)) else None
    if topic is None or topic.end > at or any(topic.end <= m.start < at for m in names[1:]):
        return None
    return None if "、" in text[topic.end - sentence.start : offset] else topic.entity.name


def candidate_id(article_id: str, kind: str, start: int, end: int) -> str:
    """Stable id: the same span of the same article always gets the same id, in any database."""
    return hashlib.sha1(f"{article_id}:{kind}:{start}:{end}".encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Mention:
    """An entity found in a sentence (start/end in article offsets)."""

    start: int
    end: int
    entity: Entity


@dataclass
class Context:
    article: Article
    lex: Lexicon
    sentences: list[Sentence]
    found: dict[tuple[str, int, int], Candidate] = field(default_factory=dict)
    mentions: dict[int, list[Mention]] = field(default_factory=dict)
    blocked: list[tuple[int, int]] = field(default_factory=list)
    names_found: ArticleNames | None = None
    """The organisations and people the article names by cues (curator.extract.open_entities), on first use."""
    names: set[str] = field(default_factory=set)
    """Names given to the venture so far in the article (``naming`` values)."""
    by_sentence: dict[int, list[Candidate]] = field(default_factory=dict)
    """The candidates found so far in each sentence (by its start), in the order found."""

    def __post_init__(self) -> None:
        self.blocked = [(m.start(), m.end()) for m in _URL.finditer(self.article.text)]
        self._blocked_starts = [b[0] for b in self.blocked]
        self._starts = [s.start for s in self.sentences]
        self.furniture = furniture_spans(self.article.text)
        self._furniture_starts = [f[0] for f in self.furniture]

    def is_blocked(self, start: int, end: int) -> bool:
        """Whether the span touches a URL or citation (found left to right, so they never overlap: one bisection)."""
        index = bisect.bisect_left(self._blocked_starts, end) - 1
        return index >= 0 and self.blocked[index][1] > start

    def in_furniture(self, start: int) -> bool:
        """Whether offset ``start`` lies in a paragraph of page furniture (paragraphs never overlap: one bisection)."""
        index = bisect.bisect_right(self._furniture_starts, start) - 1
        return index >= 0 and self.furniture[index][1] > start

    def in_sentence(self, sentence: Sentence, kind: str) -> list[Candidate]:
        """Candidates of ``kind`` found so far in ``sentence``, by start."""
        return sorted((c for c in self.by_sentence.get(sentence.start, []) if c.kind == kind), key=lambda c: c.start)

    def sentence_of(self, offset: int) -> Sentence:
        return self.sentences[bisect.bisect_right(self._starts, offset) - 1]

    def found_in(self, sentence: Sentence, kind: str) -> list[Candidate]:
        """Candidates of ``kind`` found so far in ``sentence``, in order of their start."""
        return sorted((c for c in self.by_sentence.get(sentence.start, []) if c.kind == kind), key=lambda c: c.start)

    def qualifier_before(self, sentence: Sentence, start: int) -> str | None:
        """A qualifier word right before ``start`` (``up to``, ``approximately``, ``约``, ``最高``)."""
        before = sentence.text[max(0, start - sentence.start - 30) : start - sentence.start]
        match = self.lex.qualifier_re.search(before) or self.lex.qualifier_zh_re.search(before)
        if not match:
            return None
        word = (match.groupdict().get("q") or match.group()).strip()
        return self.lex.qualifiers.get(word) or self.lex.qualifiers.get(word.lower())

    def about_venture(self, sentence: Sentence) -> bool:
        """Whether the sentence speaks of the profile's venture (a cue word); never without a profile's venture."""
        return self.lex.venture_cue_re is not None and self.lex.venture_cue_re.search(sentence.text) is not None

    def subject_of(self, sentence: Sentence, start: int, end: int, in_list: bool = True) -> str | None:
        """What the figure or date at article offsets ``start``-``end`` is about: the profile's venture when the
        sentence speaks of it (a cue word or a name given to it); else, for a figure in a Chinese sentence
        (``in_list``: a date passes False), the organisation of the figure's own clause or list item, or the
        sentence's topic (``subject_in_clause``); else the
        organisation or programme that is the grammatical subject of its clause (``curator.extract.subjects``);
        else ``None``. Without a profile there is no venture, so general news never gets one story's subject."""
        if self.lex.venture and (self.about_venture(sentence) or self.in_sentence(sentence, "naming")):
            return self.lex.venture
        named = [m for m in self.mentions.get(sentence.start, []) if m.entity.type != "person"]
        if in_list and _HAN.search(sentence.text):
            found = subject_in_clause(sentence, named, start)
            if found is not None:
                return found
        spans = [(m.start - sentence.start, m.end - sentence.start) for m in named]
        index = clause_subject(sentence.text, spans, start - sentence.start, end - sentence.start)
        return None if index is None else named[index].entity.name

    def add(
        self,
        kind: str,
        start: int,
        end: int,
        value: Value,
        *,
        extractor: str,
        unit: str | None = None,
        qualifier: str | None = None,
        subject: str | None = None,
        statement: str | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> Candidate | None:
        key = (kind, start, end)
        if key in self.found or self.is_blocked(start, end) or (kind in FIGURE_KINDS and self.in_furniture(start)):
            return None
        sentence = self.sentence_of(start)
        if statement is None:
            shown = format_value(kind, value, unit, qualifier, range_end(value, attrs))
            statement = f"{subject}: {shown}" if subject else shown
        candidate = Candidate(
            id=candidate_id(self.article.id, kind, start, end),
            article_id=self.article.id,
            kind=kind,
            text=self.article.text[start:end],
            start=start,
            end=end,
            quote=sentence.text,
            quote_start=sentence.start,
            subject=subject,
            statement=statement,
            value=value,
            unit=unit,
            qualifier=qualifier,
            extractor=extractor,
            attrs=attrs or {},
        )
        self.found[key] = candidate
        self.by_sentence.setdefault(sentence.start, []).append(candidate)
        if kind == "naming" and isinstance(value, str):
            self.names.add(value)
        return candidate


_Item = TypeVar("_Item")


def join_pairs(items: Sequence[_Item], joined: Callable[[_Item, _Item], _Item | None]) -> list[_Item]:
    """``items`` (in text order) with each neighbouring pair that ``joined`` makes one (a range, a span) replaced by
    what it returns; an item is joined at most once, so ``A to B to C`` gives ``A to B`` and ``C``."""
    out: list[_Item] = []
    index = 0
    while index < len(items):
        both = joined(items[index], items[index + 1]) if index + 1 < len(items) else None
        if both is not None:
            out.append(both)
            index += 2
        else:
            out.append(items[index])
            index += 1
    return out
