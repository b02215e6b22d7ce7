"""Ingest and extract as steps over a Store, shared by the CLI and the review screen.

Bulk steps commit in small chunks: SQLite's write lock is not handed out
fairly, so one long transaction would make every reviewer on the same file
wait for the whole job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from curator.ingest import MAX_BYTES, Skipped, discover, read_articles
from curator.models import Article
from curator.store import Store

Progress = Callable[[int, int], None]
"""Called with (done, total) after each unit of work."""

INGEST_CHUNK = 50


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


def ingest(store: Store, paths: Iterable[str | Path], progress: Progress | None = None, max_bytes: int = MAX_BYTES) -> IngestReport:
    """Read files and store their articles; bad files are reported in the result, never raised.

    A database with damaged pages is refused (CuratorError) before anything is read or written.
    """
    store.check_intact()
    files, problems = discover(paths)
    report = IngestReport(skipped=list(problems))
    batch: list[Article] = []

    def flush() -> None:
        if batch:
            added = store.add_articles(batch)
            report.added.extend(added)
            report.duplicates += len(batch) - len(added)
            batch.clear()

    for done, path in enumerate(files, start=1):
        articles, skipped = read_articles(path, max_bytes)
        batch.extend(articles)
        report.skipped.extend(skipped)
        if len(batch) >= INGEST_CHUNK:
            flush()
        if progress:
            progress(done, len(files))
    flush()
    return report


def extract(store: Store, progress: Progress | None = None, rematch_all: bool = False) -> ExtractReport:
    """Extract candidates from every article not yet done, one transaction per article, then match claims.

    Only the new candidates are matched (against the claims they touch);
    ``rematch_all`` matches every candidate again, as after a change to the
    matching settings or the lexicon.
    """
    from curator.extract import extract_article
    from curator.match import match_new, rematch
    from curator.schema import load_schema

    schema = load_schema()
    pending = store.unextracted_article_ids()
    report = ExtractReport(articles=len(pending))
    for done, article_id in enumerate(pending, start=1):
        article = store.article(article_id)
        if article is None:
            continue
        report.candidates += store.save_extraction(article_id, extract_article(article, schema))
        if progress:
            progress(done, len(pending))
    if rematch_all or pending:
        (rematch if rematch_all else match_new)(store, schema)
        report.claims, report.conflicts = store.claim_counts()
    return report
