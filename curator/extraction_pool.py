"""Extraction of batches of articles, in this process or in worker processes on every core, results in order.

Extraction is pure computation on one article (no store, no shared state), so
batches can go to a ``concurrent.futures.ProcessPoolExecutor`` and come back
in the order they went: the caller saves them exactly as one process would,
and the stored candidates are the same whatever the number of workers. At
most two batches per worker are in flight, so memory follows the batch size,
not the corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from curator.errors import CuratorError
from curator.models import Article, Candidate


@dataclass(frozen=True)
class Outcome:
    """One article's extraction: its candidates, or ``failure`` (one sentence naming it) when a rule raised."""

    article_id: str
    candidates: tuple[Candidate, ...] = ()
    failure: str | None = None


def extract_batches(batches: Iterable[list[Article]], workers: int = 1) -> Iterator[list[Outcome]]:
    """Each batch's outcomes, in the order the batches come; ``workers`` > 1 extracts in that many processes.

    Raises ``CuratorError`` (one sentence) when a worker process dies (killed, out of memory); the batches
    yielded before stay the caller's to keep.
    """
    if workers <= 1:
        yield from map(extract_batch, batches)
        return
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            window: deque[Future[list[Outcome]]] = deque()
            for batch in batches:
                window.append(pool.submit(extract_batch, batch))
                if len(window) >= 2 * workers:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
    except BrokenProcessPool:
        raise CuratorError(
            "an extraction worker process died (killed or out of memory); the articles saved so far are kept:"
            " run `curator extract` again, with fewer --workers if memory is short."
        ) from None


def extract_batch(articles: list[Article]) -> list[Outcome]:
    """The outcome of each article, in order; a rule's failure on one article is its outcome, never raised."""
    from curator.extract import extract_article
    from curator.schema import load_schema

    schema = load_schema()
    outcomes = []
    for article in articles:
        try:
            outcomes.append(Outcome(article.id, tuple(extract_article(article, schema))))
        except Exception as error:  # a rule's failure on one article must not block the others
            reason = f"{article.source or article.id}: extraction failed ({type(error).__name__}: {error}); skipped."
            outcomes.append(Outcome(article.id, failure=reason))
    return outcomes
