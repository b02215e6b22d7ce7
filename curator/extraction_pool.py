"""Extraction of batches of articles, in this process or in worker processes on every core, results in order.

Extraction is pure computation on one article (no store, no shared state), so
batches can go to a ``concurrent.futures.ProcessPoolExecutor`` and come back
in the order they went: the caller saves them exactly as one process would,
and the stored candidates are the same whatever the number of workers. At
most two batches per worker are in flight, so memory follows the batch size,
not the corpus.
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from typing import Any

from curator.errors import CuratorError
from curator.models import Article, Candidate


@dataclass(frozen=True)
class Outcome:
    """One article's extraction: its candidates, or ``failure`` (one sentence naming it) when a rule raised."""

    article_id: str
    candidates: tuple[Candidate, ...] = ()
    copies: tuple[tuple[str, str], ...] = ()
    """``(copy fingerprint, article id)`` of the sentences its candidates were found in (syndication)."""
    failure: str | None = None


def extract_batches(
    batches: Iterable[list[Article]], workers: int = 1, profile: Path | None = None, ner: str | None = None
) -> Iterator[list[Outcome]]:
    """Each batch's outcomes, in the order the batches come; ``workers`` > 1 extracts in that many processes.

    ``profile`` (a corpus profile file) and ``ner`` (a spaCy pipeline name) go to ``extract_batch`` by name, so
    each process loads them once (cached) rather than receiving them pickled.

    Raises ``CuratorError`` (one sentence) when a worker process dies (killed, out of memory); the batches
    yielded before stay the caller's to keep.
    """
    work = functools.partial(extract_batch, profile=profile, ner=ner)
    if workers <= 1:
        yield from map(work, batches)
        return
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            window: deque[Future[list[Outcome]]] = deque()
            for batch in batches:
                window.append(pool.submit(work, batch))
                if len(window) >= 2 * workers:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
    except BrokenProcessPool:
        raise CuratorError(
            "an extraction worker process died (killed or out of memory); the articles saved so far are kept:"
            " run `curator extract` again, with fewer --workers if memory is short."
        ) from None


def extract_batch(articles: list[Article], profile: Path | None = None, ner: str | None = None) -> list[Outcome]:
    """The outcome of each article, in order; a rule's failure on one article is its outcome, never raised.

    ``profile`` applies to every article (else each uses the one recorded on it); ``ner`` names a spaCy pipeline
    whose names join the rules' (see ``curator.pipeline.extract``)."""
    from curator.extract import extract_article
    from curator.provenance.placing import copy_rows
    from curator.schema import load_profile, load_schema

    schema = load_schema()
    given = load_profile(profile) if profile else None
    model = ner_pipeline(ner) if ner else None
    outcomes = []
    for article in articles:
        try:
            candidates = tuple(extract_article(article, schema, given, model))
            outcomes.append(Outcome(article.id, candidates, tuple(copy_rows(article.id, (c.quote for c in candidates)))))
        except Exception as error:  # a rule's failure on one article must not block the others
            reason = f"{article.source or article.id}: extraction failed ({type(error).__name__}: {error}); skipped."
            outcomes.append(Outcome(article.id, failure=reason))
    return outcomes


@functools.cache
def ner_pipeline(name: str) -> Any:
    """The spaCy pipeline ``name``, loaded once per process (``curator.extract.ner.load_ner``)."""
    from curator.extract.ner import load_ner

    return load_ner(name)
