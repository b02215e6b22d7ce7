"""Provenance columns and tables: each article's outlet, story fingerprint and story, story splits, copy rows.

What ``curator.provenance`` computes is kept here as plain values (the store
knows no MinHash): ``articles.outlet_name`` (canonical outlet),
``articles.signature``/``shingles`` (a story fingerprint), ``articles.story_id``,
``story_splits`` (pairs a reviewer said are not one story, with who and when)
and ``syndication`` (``(copy fingerprint, article id)`` per long sentence).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from curator.models import Article
from curator.store.articles import ARTICLE_COLUMNS, to_article
from curator.store.connection import Connection
from curator.store.records import Placement, StoryLink, StoryPrint


class Provenance(Connection):
    """Stories, outlets and syndicated copy of articles as stored."""

    def unplaced_articles(self) -> Iterator[Article]:
        """Articles without a story fingerprint yet, in ingest order, streamed."""
        yield from self._stream(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE signature IS NULL ORDER BY seq", (), to_article
        )

    def story_prints(self) -> list[StoryPrint]:
        """Every stored story fingerprint in ingest order: what rebuilds the story index."""
        rows = self._rows("SELECT id, signature, shingles FROM articles WHERE signature IS NOT NULL ORDER BY seq")
        return [StoryPrint(r[0], bytes(r[1]), int(r[2])) for r in rows]

    def story_splits(self) -> list[tuple[str, str]]:
        """The recorded split pairs (each once, smaller id first)."""
        return [(r[0], r[1]) for r in self._rows("SELECT article_id, other_id FROM story_splits ORDER BY article_id, other_id")]

    def save_placements(self, placed: Sequence[tuple[StoryPrint, Placement]]) -> None:
        """Write articles' fingerprints, stories and outlets in one transaction (placing again overwrites)."""
        self._write(lambda: self._executemany(
            "UPDATE articles SET signature = ?, shingles = ?, story_id = ?, outlet_name = ? WHERE id = ?",
            [(p.signature, p.shingles, where.story_id, where.outlet, p.article_id) for p, where in placed],
        ))

    def record_story_split(self, a: str, b: str, reviewer: str, moved: Mapping[str, str]) -> None:
        """Record that ``a`` and ``b`` are not one story and move the articles in ``moved`` to their new stories."""
        low, high = sorted((a, b))

        def work() -> None:
            self._execute(
                "INSERT OR IGNORE INTO story_splits (article_id, other_id, split_by, split_at) VALUES (?, ?, ?, ?)",
                (low, high, reviewer, self._utcnow()),
            )
            self._executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(s, aid) for aid, s in moved.items()])

        self._write(work)

    def placements(self, article_ids: Iterable[str] | None = None) -> dict[str, Placement]:
        """{article id: its story, canonical outlet and publication date} for these articles, or every one."""
        if article_ids is None:
            rows = self._rows("SELECT id, story_id, outlet_name, published FROM articles")
        else:
            rows = self._rows_among("SELECT id, story_id, outlet_name, published FROM articles WHERE id IN ({})",
                                    set(article_ids))
        return {r[0]: Placement(r[1], r[2], r[3]) for r in rows}

    def syndicated_copy(self) -> tuple[set[str], set[str]]:
        """(copy fingerprints carried by articles of two or more stories, the ids of the articles carrying them)."""
        rows = self._rows(
            "SELECT s.fingerprint, group_concat(s.article_id, ' ') FROM syndication s JOIN articles a ON a.id = s.article_id"
            " WHERE s.fingerprint IN (SELECT fingerprint FROM syndication GROUP BY fingerprint HAVING count(*) >= 2)"
            " GROUP BY s.fingerprint HAVING count(DISTINCT coalesce(a.story_id, a.id)) >= 2"
        )
        return {r[0] for r in rows}, {article for r in rows for article in r[1].split(" ")}

    def story_links(self) -> list[StoryLink]:
        """Each article that joined an earlier article's story: (article, source, story, the story's first source)."""
        rows = self._rows(
            "SELECT a.id, a.source, a.story_id, s.source FROM articles a JOIN articles s ON s.id = a.story_id"
            " WHERE a.story_id IS NOT NULL AND a.story_id != a.id ORDER BY a.seq"
        )
        return [StoryLink(*r) for r in rows]

    def story_link(self, article_id: str) -> StoryLink | None:
        """The article's link to the earlier article whose story it is, None when it is its own story."""
        row = self._one(
            "SELECT a.id, a.source, a.story_id, s.source FROM articles a JOIN articles s ON s.id = a.story_id"
            " WHERE a.id = ? AND a.story_id != a.id",
            (article_id,),
        )
        return StoryLink(*row) if row else None

    def story_count(self) -> int:
        """Distinct stories among placed articles."""
        return self._count("SELECT count(DISTINCT story_id) FROM articles WHERE story_id IS NOT NULL")
