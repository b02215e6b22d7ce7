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


def extract(store: Store, progress: Progress | None = None, rematch_all: bool = False) -> ExtractReport:
    """Extract candidates from every article not yet done, one transaction per article, then match claims.

    Only the new candidates are matched (against the claims they touch);
    ``rematch_all`` matches every candidate again, as after a change to the
    matching settings or the lexicon. An article whose extraction raises is
    named in ``failed`` and left unextracted; the others are extracted.
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
        try:
            candidates = extract_article(article, schema)
        except Exception as error:  # a rule's failure on one article must not block the others
            report.failed.append(f"{article.source or article_id}: extraction failed ({type(error).__name__}: {error}); skipped.")
            continue
        report.candidates += store.save_extraction(article_id, candidates)
        if progress:
            progress(done, len(pending))
    if rematch_all or pending:
        (rematch if rematch_all else match_new)(store, schema)
        report.claims, report.conflicts = store.claim_counts()
    return report
