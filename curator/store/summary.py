"""``curator status``: counts over every table, from counters kept on write and a handful of indexed counts."""

from __future__ import annotations

from typing import Any

from curator.models import Status
from curator.store.candidates import Candidates
from curator.store.decision_log import DecisionLog
from curator.store.schema import SCHEMA_VERSION


class Summary(Candidates, DecisionLog):
    """The status summary."""

    def summary(self) -> dict[str, Any]:
        """Counts for ``curator status``: articles, candidates by status, claims, decisions, reviewers.

        No query here visits a row per candidate: candidates are counted by the counters kept on write
        (``candidate_counts``), claims in conflict through their partial index.
        """
        counts = self.candidate_counts()
        by_status = {s.value: counts[s.value] for s in Status}
        articles = self._count("SELECT count(*) FROM articles")
        return {
            "database": str(self.path),
            "schema_version": SCHEMA_VERSION,
            "articles": articles,
            "articles_extracted": articles - self._count("SELECT count(*) FROM articles WHERE extracted_at IS NULL"),
            "candidates": sum(by_status.values()),
            "claims": self._count("SELECT count(*) FROM claims"),
            "decisions": self._count("SELECT count(*) FROM decisions"),
            "by_status": by_status,
            "disputed": counts["disputed"],
            "adjudicated": counts["adjudicated"],
            "conflicts": self._count("SELECT count(*) FROM claims WHERE corroboration = 'conflict'"),
            "reviewers": self.reviewers_summary(),
        }

    def readers_summary(self) -> dict[str, int]:
        """How many articles each reader (trafilatura, json-ld, plain, ...) made, by reader name."""
        return dict(self._rows("SELECT reader, count(*) FROM articles GROUP BY reader ORDER BY reader"))
