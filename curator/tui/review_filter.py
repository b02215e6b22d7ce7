"""The review screen's filter: the store's ``CandidateFilter`` plus what the screen does with it.

The screen tests a candidate against it in memory after each decision
(``matches``, which mirrors the SQL of ``curator.store.review``) and saves it
with the reviewer's position as a JSON object (``to_dict``/``from_dict``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from curator.models import CandidateState
from curator.store.review_records import CandidateFilter


@dataclass(frozen=True)
class ReviewFilter(CandidateFilter):
    """Which candidates a reviewer walks through; an empty group means any, groups are ANDed."""

    def matches(self, kind: str, state: CandidateState, corroboration: str) -> bool:
        return (
            (not self.status or state.status.value in self.status)
            and (not self.kind or kind in self.kind)
            and (not self.corroboration or corroboration in self.corroboration)
            and (not self.reviewer or state.reviewer in self.reviewer)
            and (not self.disputed or state.disputed)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": list(self.status), "kind": list(self.kind), "corroboration": list(self.corroboration),
            "reviewer": list(self.reviewer), "disputed": self.disputed,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReviewFilter:
        """Tolerant of a hand-edited or older ``reviewers.filters``: unknown keys and bad types are dropped."""
        groups = {
            key: tuple(str(v) for v in data.get(key, ()) if isinstance(v, str))
            for key in ("status", "kind", "corroboration", "reviewer")
            if isinstance(data.get(key, ()), list)
        }
        return cls(**groups, disputed=data.get("disputed") is True)
