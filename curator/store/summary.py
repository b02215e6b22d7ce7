"""``curator status``: counts over every table, a handful of indexed aggregate queries."""

from __future__ import annotations

from typing import Any

from curator.models import Status
from curator.store.decision_log import DecisionLog
from curator.store.schema import SCHEMA_VERSION


class Summary(DecisionLog):
    """The status summary."""

    def summary(self) -> dict[str, Any]:
        """Counts for ``curator status``: articles, candidates by status, claims, decisions, reviewers."""
        by_status = {s.value: 0 for s in Status}
        for status, n in self._rows("SELECT status, count(*) FROM candidates GROUP BY status"):
            by_status[status] = n
        return {
            "database": str(self.path),
            "schema_version": SCHEMA_VERSION,
            "articles": self._count("SELECT count(*) FROM articles"),
            "articles_extracted": self._count("SELECT count(*) FROM articles WHERE extracted_at IS NOT NULL"),
            "candidates": self._count("SELECT count(*) FROM candidates"),
            "claims": self._count("SELECT count(*) FROM claims"),
            "decisions": self._count("SELECT count(*) FROM decisions"),
            "by_status": by_status,
            "disputed": self._count("SELECT count(*) FROM candidates WHERE disputed = 1"),
            "adjudicated": self._count(
                "SELECT count(*) FROM candidates c JOIN decisions d ON d.id = c.decision_id WHERE d.adjudicate = 1"
            ),
            "conflicts": self._count("SELECT count(*) FROM claims WHERE corroboration = 'conflict'"),
            "reviewers": self.reviewers_summary(),
        }
