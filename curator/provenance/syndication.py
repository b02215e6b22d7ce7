"""Syndicated copy: sentences that recur, verbatim or nearly, in articles of different stories.

A sentence is **syndicated** when its fingerprint (``copy_fingerprint``) is
carried by articles of two or more stories (``curator.provenance.stories``):
wire copy run by several outlets, or one outlet reusing its own background
paragraphs in a new story. "Nearly" means equal after normalisation (case,
width, punctuation, whitespace; ``curator.provenance.text``) and after
dropping a dateline at the sentence's start (``JAKARTA (Reuters) -``,
``新华社北京6月21日电``; ``curator.provenance.outlets.strip_dateline``), so a copy
that loses its credit line still matches. Only sentences long enough to mean
copy get a fingerprint (8 words, or 20 CJK characters): short formulas ("the
airline said") are written independently all the time. Articles of one story
repeat each other by definition; that is not syndication.

Persistence as plain rows: ``(fingerprint, article id)`` pairs (``rows``),
with each article's story and outlet kept where the store keeps articles.
``SyndicationIndex.load`` rebuilds the index from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from curator.provenance.outlets import strip_dateline
from curator.provenance.text import sentence_fingerprint


def copy_fingerprint(sentence: str) -> str | None:
    """The fingerprint a sentence is matched by as copy (16 hex digits), or None when too short to tell."""
    return sentence_fingerprint(strip_dateline(sentence))


@dataclass(frozen=True)
class Placement:
    """Where an article sits: its story and its canonical outlet (None when unknown)."""

    story: str
    outlet: str | None = None


class SyndicationIndex:
    """Sentence fingerprints -> the articles carrying them, built one article at a time."""

    def __init__(self) -> None:
        self._articles: dict[str, set[str]] = {}
        self._fingerprints: dict[str, set[str]] = {}
        self._placement: dict[str, Placement] = {}

    @classmethod
    def load(cls, rows: Iterable[tuple[str, str]], placements: Mapping[str, Placement]) -> SyndicationIndex:
        """Rebuild from stored ``(fingerprint, article id)`` rows and each article's placement."""
        index = cls()
        index._placement.update(placements)
        for fingerprint, article_id in rows:
            index._link(fingerprint, article_id)
        return index

    def add_article(self, article_id: str, sentences: Iterable[str], placement: Placement) -> list[str | None]:
        """Index an article's sentences; returns each sentence's fingerprint (None when too short)."""
        self._placement[article_id] = placement
        found = [copy_fingerprint(sentence) for sentence in sentences]
        for fingerprint in found:
            if fingerprint is not None:
                self._link(fingerprint, article_id)
        return found

    def place(self, article_id: str, placement: Placement) -> None:
        """Record an article's new story or outlet (after a reviewer splits a story, say)."""
        self._placement[article_id] = placement

    def is_syndicated(self, fingerprint: str | None) -> bool:
        """True when articles of two or more stories carry the sentence with this fingerprint."""
        stories = {self._story(article) for article in self._articles.get(fingerprint or "", ())}
        return len(stories) > 1

    def syndicated(self, fingerprints: Iterable[str | None]) -> list[bool]:
        """``is_syndicated`` for each fingerprint, in order."""
        return [self.is_syndicated(fingerprint) for fingerprint in fingerprints]

    def syndicated_in(self, article_id: str) -> frozenset[str]:
        """The fingerprints of an article's sentences that are syndicated."""
        return frozenset(fp for fp in self._fingerprints.get(article_id, ()) if self.is_syndicated(fp))

    def copies(self, fingerprint: str) -> tuple[str, ...]:
        """The ids of the articles carrying a sentence, sorted."""
        return tuple(sorted(self._articles.get(fingerprint, ())))

    def outlets(self, fingerprint: str) -> tuple[str, ...]:
        """The outlets that ran a sentence, sorted (articles with no outlet are not named)."""
        named = (self._placement.get(article, Placement(article)).outlet for article in self._articles.get(fingerprint, ()))
        return tuple(sorted({outlet for outlet in named if outlet}))

    def rows(self) -> list[tuple[str, str]]:
        """Every ``(fingerprint, article id)`` pair, sorted: what the store keeps."""
        return sorted((fp, article) for fp, articles in self._articles.items() for article in articles)

    def _link(self, fingerprint: str, article_id: str) -> None:
        self._articles.setdefault(fingerprint, set()).add(article_id)
        self._fingerprints.setdefault(article_id, set()).add(fingerprint)

    def _story(self, article_id: str) -> str:
        placement = self._placement.get(article_id)
        return placement.story if placement else article_id
