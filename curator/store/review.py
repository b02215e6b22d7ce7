"""The queries only the review screen asks: filtered article pages, "next" targets, counts, claim panels, search.

Filters (``CandidateFilter``) become SQL over ``candidates c LEFT JOIN claims
cl`` that mirrors ``curator.tui.review_filter.ReviewFilter.matches``. The
records returned are defined in ``review_records`` and imported where built.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from curator.display import range_end
from curator.models import Status
from curator.store.articles import Articles
from curator.store.claims import FACT_CORROBORATION, FACT_SOURCES, Claims
from curator.store.decision_log import DecisionLog
from curator.store.records import ArticleProgress
from curator.store.search import Search

if TYPE_CHECKING:
    from curator.store.review_records import CandidateFilter, ClaimMember, ClaimView, ReviewCounts, SearchHit


def _review_conditions(f: CandidateFilter) -> tuple[list[str], list[Any]]:
    """Conditions (to AND) over ``candidates c LEFT JOIN claims cl`` that keep the candidates ``f`` keeps."""
    conditions: list[str] = []
    params: list[Any] = []
    for expression, values in (
        ("c.status", f.status),
        ("c.kind", f.kind),
        (FACT_CORROBORATION, f.corroboration),
        ("c.decided_by", f.reviewer),
    ):
        if values:
            conditions.append(f"{expression} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    if f.disputed:
        conditions.append("c.disputed = 1")
    return conditions, params


def _review_exists(f: CandidateFilter, extra: Sequence[str] = ()) -> tuple[str, list[Any]]:
    """``EXISTS (...)`` for an article ``a`` having a candidate that passes ``f`` (indexed by article)."""
    conditions, params = _review_conditions(f)
    where = " AND ".join(["c.article_id = a.id", *conditions, *extra])
    # INDEXED BY: on its own the planner may pick candidates_status and scan every pending candidate per article.
    return (
        f"EXISTS (SELECT 1 FROM candidates c INDEXED BY candidates_article LEFT JOIN claims cl ON cl.id = c.claim_id"
        f" WHERE {where})",
        params,
    )


class ReviewQueries(Articles, Claims, DecisionLog, Search):
    """Reads for the review screen; every one indexed so its cost follows the page or the distance walked."""

    def review_counts(self, reviewer: str) -> ReviewCounts:
        counts = self.candidate_counts()
        total = sum(counts[s.value] for s in Status)
        skipped = counts[Status.SKIPPED.value]
        from curator.store.review_records import ReviewCounts

        mine = self._count(
            "SELECT count(DISTINCT d.candidate_id) FROM live_decisions d WHERE d.reviewer = ? AND d.action != 'skip'", (reviewer,)
        )
        return ReviewCounts(total=total, decided=total - counts[Status.PENDING.value] - skipped, mine=mine, skipped=skipped)

    def article_page(self, f: CandidateFilter, offset: int, limit: int) -> list[ArticleProgress]:
        """A page of the article list, keeping only articles with a candidate that passes ``f``."""
        if not f.active:
            return self.article_progress(offset, limit)
        exists, params = _review_exists(f)
        return self._progress(exists, params, offset, limit)

    def count_review_articles(self, f: CandidateFilter) -> int:
        if not f.active:
            return self.count_articles()
        exists, params = _review_exists(f)
        return self._count(f"SELECT count(*) FROM articles a WHERE {exists}", params)

    def article_rank(self, article_id: str, f: CandidateFilter) -> int | None:
        """Where ``article_id`` sits in the (filtered) article list; None when the filter leaves it out."""
        row = self._one("SELECT seq FROM articles WHERE id = ?", (article_id,))
        if row is None:
            return None
        exists, params = _review_exists(f) if f.active else ("1", [])
        if f.active and not self._one(f"SELECT 1 FROM articles a WHERE a.id = ? AND {exists}", [article_id, *params]):
            return None
        return self._count(f"SELECT count(*) FROM articles a WHERE a.seq < ? AND {exists}", [row[0], *params])

    def next_review_article(self, after: str | None, reviewer: str, f: CandidateFilter, now: float | None = None) -> str | None:
        """The next article after ``after`` (wrapping round) with a candidate to review for ``reviewer``.

        To review: passes ``f``, is pending when ``f`` wants pending ones, and
        is not leased by another reviewer. Articles are walked in ingest order
        by primary key, so the cost follows the distance to the answer.
        """
        now = time.time() if now is None else now
        extra = ["NOT EXISTS (SELECT 1 FROM leases l WHERE l.candidate_id = c.id AND l.reviewer != ? AND l.expires_at >= ?)"]
        if f.wants_pending:
            extra.append("c.status = 'pending'")
        exists, params = _review_exists(f, extra)
        params = [*params, reviewer, now]
        row = self._one("SELECT seq FROM articles WHERE id = ?", (after,)) if after else None
        seq = row[0] if row else 0
        for where, bound in (("a.seq > ?", seq), ("a.seq <= ?", seq)):
            found = self._one(f"SELECT a.id FROM articles a WHERE {where} AND {exists} ORDER BY a.seq LIMIT 1", [bound, *params])
            if found:
                return str(found[0])
        return None

    def next_conflict(self, after: str | None, f: CandidateFilter) -> tuple[str, str] | None:
        """(article id, candidate id) of the first candidate in conflict in an article after ``after``, wrapping round."""
        conditions, params = _review_conditions(f)
        where = " AND ".join(["c.article_id = a.id", "cl.id = c.claim_id", "cl.corroboration = 'conflict'", *conditions])
        row = self._one("SELECT seq FROM articles WHERE id = ?", (after,)) if after else None
        seq = row[0] if row else 0
        for bound in ("a.seq > ?", "a.seq <= ?"):
            found = self._one(
                "SELECT c.article_id, c.id FROM articles a CROSS JOIN candidates c INDEXED BY candidates_article"
                " CROSS JOIN claims cl"
                f" WHERE {bound} AND {where} ORDER BY a.seq, c.span_start, c.span_end, c.kind LIMIT 1",
                [seq, *params],
            )
            if found:
                return str(found[0]), str(found[1])
        return None

    def corroboration_for_article(self, article_id: str) -> dict[str, tuple[str, int]]:
        """Each candidate's claim standing and number of sources (a candidate without a claim stands alone)."""
        rows = self._rows(
            f"SELECT c.id, {FACT_CORROBORATION}, {FACT_SOURCES}"
            " FROM candidates c LEFT JOIN claims cl ON cl.id = c.claim_id WHERE c.article_id = ?",
            (article_id,),
        )
        return {r[0]: (r[1], int(r[2])) for r in rows}

    def _claim_members(self, claim_id: str, limit: int) -> tuple[ClaimMember, ...]:
        rows = self._rows(
            "SELECT c.id AS candidate_id, c.claim_id, c.article_id, a.title, a.source, c.kind, c.text, c.quote,"
            " c.value, c.unit, c.qualifier, c.status, coalesce(a.outlet_name, a.outlet) AS outlet, c.attrs"
            " FROM candidates c JOIN articles a ON a.id = c.article_id"
            " WHERE c.claim_id = ? ORDER BY c.seq LIMIT ?",
            (claim_id, limit),
        )
        from curator.store.review_records import ClaimMember

        members = []
        for r in rows:
            fields = dict(r)
            attrs = fields.pop("attrs")
            members.append(ClaimMember(**fields, high=range_end(fields["value"], json.loads(attrs) if attrs else {})))
        return tuple(members)

    def claim_view(self, claim_id: str, limit: int = 12) -> ClaimView | None:
        """A claim for the claim panel: its first ``limit`` members and those of each conflicting claim.

        Unlike ``claim()`` it never reads every member id (an entity claim can
        span 100,000 articles): members come by index with a limit, the total
        by an index-only count.
        """
        claim = self._claim_head(claim_id)
        if claim is None:
            return None
        total = self._count("SELECT count(*) FROM candidates WHERE claim_id = ?", (claim_id,))
        conflicts = []
        for other_id in claim.conflicts_with:
            other = self._claim_head(other_id)
            if other is not None:
                conflicts.append((other, self._claim_members(other_id, limit)))
        from curator.store.review_records import ClaimView

        return ClaimView(claim, self._claim_members(claim_id, limit), total, tuple(conflicts))

    def search_review(self, words: str, limit: int = 50) -> list[SearchHit]:
        """Articles (title or text, through the full-text index) and candidates (text, statement, value) containing
        ``words`` as written, case-blind; at most ``limit`` of each, articles best match first.

        The candidate part is a scan: the review screen runs it in a worker.
        """
        needle = words.strip().lower()
        if not needle:
            return []
        articles = self.search_articles('"' + needle.replace('"', '""') + '"', limit)
        candidates = self._rows(
            "SELECT c.id, c.article_id, c.kind, c.quote, a.title FROM candidates c JOIN articles a ON a.id = c.article_id"
            " WHERE instr(lower(c.text), :n) > 0 OR instr(lower(c.statement), :n) > 0"
            " OR instr(lower(CAST(c.value AS TEXT)), :n) > 0 ORDER BY c.seq LIMIT :limit",
            {"n": needle, "limit": limit},
        )
        from curator.store.review_records import SearchHit

        return [SearchHit(h.article_id, None, h.title, h.snippet) for h in articles] + [
            SearchHit(r["article_id"], r["id"], r["title"], r["quote"], r["kind"]) for r in candidates
        ]
