"""Ingest and extract as steps over a Store, shared by the CLI and the review screen.

Bulk steps commit in small chunks: SQLite's write lock is not handed out
fairly, so one long transaction would make every reviewer on the same file
wait for the whole job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from curator.ingest import MAX_BYTES, Skipped, discover, iter_articles
from curator.models import Article
from curator.store import Store

Progress = Callable[[int, int], None]
"""Called with (done, total) after each unit of work."""

INGEST_CHUNK = 50
EXTRACT_BATCH = 50
"""Articles extracted per batch and saved per transaction: a measured 1.7x over one transaction per article."""


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)


@dataclass
class ExtractReport:
    articles: int = 0
    candidates: int = 0
    claims: int = 0
    conflicts: int = 0
    failed: list[str] = field(default_factory=list)
    """One sentence per article whose extraction failed: its source and the reason. It stays unextracted."""


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    progress: Progress | None = None,
    max_bytes: int = MAX_BYTES,
    encoding: str | None = None,
) -> IngestReport:
    """Read files and http(s) URLs and store their articles; bad ones are reported in the result, never raised.

    Streams: each file or page is read, parsed and batched (a JSONL file record by record, ``max_bytes``
    capping each record), and every ``INGEST_CHUNK`` articles are committed, so memory stays flat however
    many files or records come. ``encoding`` names the codec of inputs that are not UTF-8.
    """
    from curator.ingest.fetch import is_url, read_url

    paths = list(paths)
    urls = [str(p) for p in paths if isinstance(p, str) and is_url(p)]
    files, problems = discover(p for p in paths if not (isinstance(p, str) and is_url(p)))
    sources: list[Path | str] = [*files, *urls]
    report = IngestReport(skipped=list(problems))
    batch: list[Article] = []

    def flush() -> None:
        if batch:
            added = store.add_articles(batch)
            report.added.extend(added)
            report.duplicates += len(batch) - len(added)
            batch.clear()

    for done, source in enumerate(sources, start=1):
        if isinstance(source, Path):
            items = iter_articles(source, max_bytes, encoding)
        else:
            articles, skipped = read_url(source, max_bytes, encoding)
            items = iter([*skipped, *articles])
        for item in items:
            if isinstance(item, Skipped):
                report.skipped.append(item)
                continue
            batch.append(item)
            if len(batch) >= INGEST_CHUNK:
                flush()
        if progress:
            progress(done, len(sources))
    flush()
    return report


def extract(
    store: Store, progress: Progress | None = None, rematch_all: bool = False, workers: int = 1
) -> ExtractReport:
    """Extract candidates from every article not yet done, ``EXTRACT_BATCH`` articles per transaction, then match claims.

    Articles are read from the store a batch at a time and extracted in ``workers`` processes (one: in this
    one), their candidates saved in ingest order, so memory follows the batch and the stored candidates are
    the same for any number of workers. A killed run keeps every batch it committed; the next one goes on
    from there. Only the new candidates are matched (against the claims they touch); ``rematch_all``
    matches every candidate again, as after a change to the matching settings or the lexicon. An article
    whose extraction raises is named in ``failed`` and left unextracted; the others are extracted. Raises
    ``CuratorError`` when a worker process dies.
    """
    from curator.extraction_pool import extract_batches
    from curator.match import match_new, rematch
    from curator.schema import load_schema

    schema = load_schema()
    pending = store.unextracted_article_ids()
    report = ExtractReport(articles=len(pending))
    batches = (
        [a for a in map(store.article, pending[i : i + EXTRACT_BATCH]) if a is not None]
        for i in range(0, len(pending), EXTRACT_BATCH)
    )
    done = 0
    workers = min(workers, -(-len(pending) // EXTRACT_BATCH))  # no process started for a batch it would not get
    for outcomes in extract_batches(batches, workers):
        report.failed.extend(o.failure for o in outcomes if o.failure)
        report.candidates += store.save_extractions([(o.article_id, o.candidates) for o in outcomes if not o.failure])
        done += len(outcomes)
        if progress:
            progress(done, len(pending))
    if rematch_all or pending:
        (rematch if rematch_all else match_new)(store, schema)
        report.claims, report.conflicts = store.claim_counts()
    return report
