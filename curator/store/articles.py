"""The ``articles`` table: ingested articles, their ingest order, and the article list's progress rows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from typing import Any

from curator.models import Article
from curator.store.connection import Connection, Row
from curator.store.records import ArticleProgress

ARTICLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Article))
"""The article columns, one per ``models.Article`` field: a field added there is read and written here."""
ARTICLE_COLUMNS = ", ".join(ARTICLE_FIELDS)
PROGRESS_SELECT = (
    "SELECT a.id, a.source, a.title, a.url, a.outlet, a.published, a.language, a.reader, a.outlet_name,"
    " CASE WHEN a.story_id != a.id THEN a.story_id END AS story_of,"
    " (SELECT count(*) FROM candidates c WHERE c.article_id = a.id) AS candidates,"
    " (SELECT count(*) FROM candidates c WHERE c.article_id = a.id AND c.status NOT IN ('pending', 'skipped')) AS decided"
    " FROM articles a"
)
"""An ``ArticleProgress`` per article ``a``; append ``WHERE``/``ORDER BY`` (both counts are indexed by article)."""


def article_columns(alias: str = "", text: str | None = None) -> str:
    """``ARTICLE_COLUMNS`` prefixed with ``alias.``, with ``text`` (an SQL expression) standing in for the text."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(f"{text} AS text" if name == "text" and text is not None else prefix + name for name in ARTICLE_FIELDS)


def to_article(row: Row) -> Article:
    """An Article from a row of ``article_columns`` (``authors`` is stored as a JSON array)."""
    values = dict(row)
    values["authors"] = tuple(json.loads(values["authors"] or "[]"))
    return Article(**values)


def article_row(a: Article) -> tuple[Any, ...]:
    """An article's column values in ``ARTICLE_FIELDS`` order, as stored."""
    return tuple(json.dumps(list(a.authors), ensure_ascii=False) if name == "authors" else getattr(a, name) for name in ARTICLE_FIELDS)


def to_progress(row: Row) -> ArticleProgress:
    return ArticleProgress(**dict(row))


class Articles(Connection):
    """Articles: ingest, look-up by id or file name, ingest order, the article list."""

    def add_articles(self, articles: Sequence[Article]) -> list[str]:
        """Insert articles in one transaction; returns the ids that were new."""
        marks = ", ".join("?" * (len(ARTICLE_FIELDS) + 1))
        sql = f"INSERT INTO articles ({ARTICLE_COLUMNS}, ingested_at) VALUES ({marks}) ON CONFLICT(id) DO NOTHING"

        def work() -> list[str]:
            added = []
            now = self._utcnow()
            for a in articles:
                if self._execute(sql, (*article_row(a), now)).rowcount:
                    added.append(a.id)
            return added

        return self._write(work)

    def article(self, article_id: str) -> Article | None:
        row = self._one(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        return to_article(row) if row else None

    def article_by_source(self, source: str) -> Article | None:
        """The first article ingested from a file of that name (imports may name articles by file)."""
        row = self._one(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE source = ? ORDER BY seq LIMIT 1", (source,))
        return to_article(row) if row else None

    def articles(self) -> Iterator[Article]:
        """Every article in ingest order, streamed."""
        yield from self._stream(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY seq", (), to_article)

    def article_ranks(self, article_ids: Iterable[str] | None = None) -> dict[str, int]:
        """Ingest order (``seq``) of these articles, or of every one: matching ranks candidates by it."""
        if article_ids is None:
            return {r[0]: r[1] for r in self._rows("SELECT id, seq FROM articles")}
        return {r[0]: r[1] for r in self._rows_among("SELECT id, seq FROM articles WHERE id IN ({})", set(article_ids))}

    def article_profiles(self, article_ids: Iterable[str]) -> list[str]:
        """The distinct corpus profiles recorded on these articles, sorted."""
        rows = self._rows_among("SELECT DISTINCT profile FROM articles WHERE profile IS NOT NULL AND id IN ({})", set(article_ids))
        return sorted({r[0] for r in rows})

    def unextracted_article_ids(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM articles WHERE extracted_at IS NULL ORDER BY seq")]

    def article_progress(self, offset: int = 0, limit: int = -1) -> list[ArticleProgress]:
        """A page of the article list with candidate counts (all with ``limit=-1``): indexed, so cost follows the page."""
        return self._progress("", [], offset, limit)

    def _progress(self, where: str, params: Sequence[Any], offset: int, limit: int) -> list[ArticleProgress]:
        """A page of ``PROGRESS_SELECT`` in ingest order, keeping articles that pass ``where`` (SQL over ``a``)."""
        clause = f" WHERE {where}" if where else ""
        rows = self._rows(f"{PROGRESS_SELECT}{clause} ORDER BY a.seq LIMIT ? OFFSET ?", [*params, limit, offset])
        return [to_progress(r) for r in rows]

    def count_articles(self) -> int:
        return self._count("SELECT count(*) FROM articles")

    def known_article_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` name an article, by id or by source file name."""
        found: set[str] = set()
        batch = list(keys)
        for i in range(0, len(batch), 400):
            chunk = batch[i : i + 400]
            marks = ", ".join("?" * len(chunk))
            for article_id, source in self._rows(
                f"SELECT id, source FROM articles WHERE id IN ({marks}) OR source IN ({marks})", [*chunk, *chunk]
            ):
                found.update(k for k in (article_id, source) if k in chunk)
        return found
