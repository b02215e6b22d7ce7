"""Full-text search over articles: the ``articles_fts`` index (FTS5, trigram tokenizer; see ``schema``).

A query is FTS5 syntax: words (each found as a substring of three characters
or more, case-blind), ``"an exact phrase"``, ``OR``, ``NOT``, ``NEAR(...)``;
words side by side must all occur. The trigram index cannot look up anything
shorter than three characters, which Chinese words often are (``软银``): a
query with such a word is answered by reading every article for each of its
words and phrases (operators are then ordinary words), in ingest order.
"""

from __future__ import annotations

import re
import sqlite3

from curator.errors import CuratorError
from curator.snippet import snippet
from curator.store.connection import SQLITE_ERROR, Connection, error_code
from curator.store.records import ArticleHit

SNIPPET_TOKENS = 48
"""Tokens (trigrams, so about characters) FTS5's own snippet holds (up to 64); it is shown only when no word of the
query is found as written (``curator.snippet`` shows the match whole, which FTS5's window can cut)."""
_TERMS = re.compile(r'"([^"]*)"|(\S+)')
_OPERATORS = {"AND", "OR", "NOT"}


def short_terms(query: str) -> bool:
    """Whether some word or phrase of ``query`` is shorter than the trigram index can look up."""
    terms = [quoted or bare for quoted, bare in _TERMS.findall(query)]
    return any(0 < len(t.strip("()*^")) < 3 for t in terms if t not in _OPERATORS)


class Search(Connection):
    """Article search, best match first."""

    def search_articles(self, query: str, limit: int = 20) -> list[ArticleHit]:
        """Articles whose title or text match ``query`` (see the module docstring), at most ``limit``.

        Raises ``CuratorError`` naming the query when it is not valid FTS5
        syntax (an unclosed quote, a stray operator).
        """
        query = query.strip()
        if not query:
            return []
        if short_terms(query):
            return self._scan(query, limit)
        sql = (
            "SELECT a.id, a.source, a.title,"
            f" snippet(articles_fts, 1, '[', ']', '…', {SNIPPET_TOKENS}) AS text_snippet,"
            f" snippet(articles_fts, 0, '[', ']', '…', {SNIPPET_TOKENS}) AS title_snippet, bm25(articles_fts) AS score,"
            " a.text FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY score, a.seq LIMIT ?"
        )
        with self._lock:
            try:
                rows = self._conn.execute(sql, (query, limit)).fetchall()
            except sqlite3.Error as error:
                if error_code(error) == SQLITE_ERROR:  # the query's fault: syntax, an unknown column filter
                    raise CuratorError(
                        f"cannot search for {query!r}: it is not valid search syntax ({error});"
                        ' put words in double quotes to find them as written.'
                    ) from None
                raise self._fail(error) from None
        terms = _terms(query)
        return [
            ArticleHit(
                r[0], r[1], r[2],
                snippet(r[6], terms) or snippet(r[2], terms) or (r[3] if "[" in r[3] else r[4]),
                float(r[5]),
            )
            for r in rows
        ]

    def _scan(self, query: str, limit: int) -> list[ArticleHit]:
        """Articles with every word or phrase of ``query`` in their title or text, by reading each one."""
        terms = [quoted or bare for quoted, bare in _TERMS.findall(query)]
        terms = [t.lower() for t in terms if t]
        if not terms:
            return []
        where = " AND ".join("(instr(lower(title), ?) > 0 OR instr(lower(text), ?) > 0)" for _ in terms)
        rows = self._rows(
            f"SELECT id, source, title, text FROM articles WHERE {where} ORDER BY seq LIMIT ?",
            [*(t for term in terms for t in (term, term)), limit],
        )
        return [ArticleHit(r[0], r[1], r[2], snippet(r[3], terms[:1]) or r[2], 0.0) for r in rows]


def _terms(query: str) -> list[str]:
    """The words and phrases of an FTS5 query as written, what a snippet highlights: operators, ``NEAR(``, prefix
    and grouping marks and column filters (``title:``) left out."""
    terms = []
    for quoted, bare in _TERMS.findall(query):
        if quoted:
            terms.append(quoted)
            continue
        word = bare.removeprefix("NEAR(").strip("()*^+-,{}").rpartition(":")[2]
        if word and word not in _OPERATORS:
            terms.append(word)
    return terms
