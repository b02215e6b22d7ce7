"""What one review session did, for the line printed after the screen closes (no Textual)."""

from __future__ import annotations

from dataclasses import dataclass

from curator.store.review_records import ReviewCounts


@dataclass
class SessionTally:
    """Counted by the review screen as it records: decisions (a skip is not one), skips, undos, disputes opened,
    and decisions the database never took (``unsaved``: the screen said why, and the summary counts them)."""

    decided: int = 0
    skipped: int = 0
    undone: int = 0
    disputes: int = 0
    unsaved: int = 0

    def summary(self, reviewer: str, counts: ReviewCounts | None) -> str:
        """``ana this session: 12 decided (1 undone), 3 skipped, 1 dispute opened; 209 of 221 left to decide.``"""
        text = f"{reviewer} this session: {self.decided:,} decided"
        if self.undone:
            text += f" ({self.undone:,} undone)"
        text += f", {self.skipped:,} skipped, {self.disputes:,} dispute{'' if self.disputes == 1 else 's'} opened"
        if counts is not None:
            left = counts.total - counts.decided
            text += f"; {left:,} of {counts.total:,} left to decide"
            if counts.skipped:
                text += f" ({counts.skipped:,} of them skipped)"
        if self.unsaved:
            text += f"; {self.unsaved:,} decision{' was' if self.unsaved == 1 else 's were'} NOT saved (the screen said why)"
        return text + "."
