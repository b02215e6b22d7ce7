"""An article placed: its canonical outlet, story fingerprint and story; the copy fingerprints of its evidence.

The outlet is the canonical name (``outlets.canonical_outlet``) of the site
name ingest found, else of its URL, else of the outlet its dateline names
(``outlets.outlet_from_dateline``: ``(CNN) --``, ``JAKARTA (Reuters) -``,
``新华社北京6月21日电``), else None. The story comes from a ``StoryIndex``
holding every article placed before, in ingest order. Pure: the caller reads
and writes the store (``curator.pipeline``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from curator.models import Article
from curator.provenance.outlets import canonical_outlet, outlet_from_dateline
from curator.provenance.stories import Fingerprint, StoryIndex, fingerprint
from curator.provenance.syndication import copy_fingerprint


@dataclass(frozen=True)
class Placed:
    """What the store keeps of one placed article."""

    fingerprint: Fingerprint
    story: str
    outlet: str | None


def article_outlet(article: Article) -> str | None:
    """The article's canonical outlet: site name, else URL, else dateline (see the module docstring)."""
    return canonical_outlet(article.outlet) or canonical_outlet(article.url) or outlet_from_dateline(article.text)


def place(article: Article, index: StoryIndex) -> Placed:
    """Place ``article`` in ``index`` (stories built from every article placed before), adding it there."""
    fp = fingerprint(article.id, article.text)
    return Placed(fp, index.add_fingerprint(fp), article_outlet(article))


def copy_rows(article_id: str, quotes: Iterable[str]) -> list[tuple[str, str]]:
    """``(copy fingerprint, article id)`` for each distinct long sentence among ``quotes`` (the sentences the
    article's candidates were found in: the only sentences a fact sheet shows)."""
    found = {f for f in (copy_fingerprint(q) for q in set(quotes)) if f is not None}
    return [(f, article_id) for f in sorted(found)]
