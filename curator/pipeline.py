"""Ingest and extract as steps over a Store, shared by the CLI and the review screen.

Bulk steps commit in small chunks: SQLite's write lock is not handed out
fairly, so one long transaction would make every reviewer on the same file
wait for the whole job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from curator.ingest import MAX_BYTES, Skipped, discover, iter_articles
from curator.models import Article
from curator.store import Placement, Store, StoryPrint

if TYPE_CHECKING:
    from curator.provenance.placing import Placed
    from curator.provenance.stories import StoryIndex

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
    A database with damaged pages is refused (CuratorError) before anything is read or written.
    """
    from curator.ingest.fetch import is_url, read_url

    store.check_intact()
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
    place_articles(store)
    return report


def place_articles(store: Store) -> int:
    """Give every article not placed yet its outlet and story (``curator.provenance.placing``), committed every
    ``INGEST_CHUNK`` articles; returns how many were placed.

    The story index is rebuilt from the stored fingerprints once per call, so adding articles costs their own
    placing plus one load; an article placed once keeps its story until a reviewer splits it.
    """
    from curator.provenance.placing import place

    index = None
    batch: list[Placed] = []
    placed = 0
    for article in store.unplaced_articles():
        if index is None:
            index = _story_index(store)
        batch.append(place(article, index))
        if len(batch) >= INGEST_CHUNK:
            placed += _save_placed(store, batch)
    return placed + _save_placed(store, batch)


def _story_index(store: Store) -> StoryIndex:
    from curator.provenance.stories import Fingerprint, StoryIndex

    prints = (Fingerprint(p.article_id, p.signature, p.shingles) for p in store.story_prints())
    return StoryIndex.load(prints, store.story_splits())


def _save_placed(store: Store, batch: list[Placed]) -> int:
    store.save_placements([
        (StoryPrint(p.fingerprint.article_id, p.fingerprint.signature, p.fingerprint.size), Placement(p.story, p.outlet))
        for p in batch
    ])
    done = len(batch)
    batch.clear()
    return done


def split_story(store: Store, a: str, b: str, reviewer: str) -> dict[str, str]:
    """Record that articles ``a`` and ``b`` (ids or file names) are not one story, move the articles whose story
    changes, and restamp the claims' counts by matching again. Returns {article id: new story id}.

    CuratorError (one sentence) for an unknown article or an article split from itself.
    """
    from curator.errors import CuratorError
    from curator.match import rematch
    from curator.schema import load_schema

    place_articles(store)
    ids = []
    for key in (a, b):
        article = store.article(key) or store.article_by_source(key)
        if article is None:
            raise CuratorError(f"there is no article {key!r} (give an article id or a file name).")
        ids.append(article.id)
    moved = _story_index(store).split(ids[0], ids[1])
    store.record_story_split(ids[0], ids[1], reviewer, moved)
    if moved and store.claim_counts()[0]:
        rematch(store, load_schema())
    return moved


def extract(
    store: Store, progress: Progress | None = None, rematch_all: bool = False, profile: Path | None = None,
    ner: str | None = None, workers: int = 1,
) -> ExtractReport:
    """Extract candidates from every article not yet done, ``EXTRACT_BATCH`` articles per transaction, then match claims.

    Articles are read from the store a batch at a time and extracted in ``workers`` processes (one: in this
    one), their candidates saved in ingest order, so memory follows the batch and the stored candidates are
    the same for any number of workers. A killed run keeps every batch it committed; the next one goes on
    from there, first finishing the matching a killed run left undone (``curator.match.finish_matching``).
    ``profile`` (a corpus profile file) applies to every article of this run; without it each article uses the
    profile recorded at ingest, if any. Every profile is read and checked before any article
    is touched (CuratorError naming the file and the key). ``ner`` names a spaCy pipeline whose people and
    organisations are added (curator.extract.ner); it is checked once here, before any article. Only the new
    candidates are matched (against the claims they touch); ``rematch_all`` matches every candidate again, as
    after a change to the matching settings or the lexicon. An article whose extraction raises is named in
    ``failed`` and left unextracted; the others are extracted. Raises ``CuratorError`` when a worker process
    dies.
    """
    from curator.extract.lexicon import lexicon_for
    from curator.extraction_pool import extract_batches, ner_pipeline
    from curator.match import finish_matching, match_new, rematch
    from curator.schema import load_profile, load_schema

    schema = load_schema()
    if ner:
        ner_pipeline(ner)
    given = load_profile(profile.resolve()) if profile else None
    lexicon_for(schema, given)
    place_articles(store)
    report = ExtractReport()
    if not rematch_all and finish_matching(store, schema):
        report.claims, report.conflicts = store.claim_counts()
    pending = store.unextracted_article_ids()
    if given is None:
        for recorded in store.article_profiles(pending):
            lexicon_for(schema, load_profile(Path(recorded)))
    report.articles = len(pending)
    batches = (
        [a for a in map(store.article, pending[i : i + EXTRACT_BATCH]) if a is not None]
        for i in range(0, len(pending), EXTRACT_BATCH)
    )
    done = 0
    workers = min(workers, -(-len(pending) // EXTRACT_BATCH))  # no process started for a batch it would not get
    for outcomes in extract_batches(batches, workers, profile.resolve() if profile else None, ner):
        report.failed.extend(o.failure for o in outcomes if o.failure)
        report.candidates += store.save_extractions([(o.article_id, o.candidates, o.copies) for o in outcomes if not o.failure])
        done += len(outcomes)
        if progress:
            progress(done, len(pending))
    if rematch_all or pending:
        (rematch if rematch_all else match_new)(store, schema)
        report.claims, report.conflicts = store.claim_counts()
    return report
