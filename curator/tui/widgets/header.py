"""The header line: database, reviewer, a stacked progress bar (yours █, others' ▓, to do ░), decided and skipped apart.

A skip is not a decision: it is counted on its own and leaves its cell of the bar to do.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from curator.store.review_records import ReviewCounts
from curator.textsafety import visible_line


def bar_cells(counts: ReviewCounts, width: int) -> tuple[int, int, int]:
    """(mine, others', left) cells of a bar ``width`` wide; a share above zero always shows at least one cell."""
    if counts.total <= 0 or width <= 0:
        return 0, 0, max(width, 0)
    decided = max(round(width * counts.decided / counts.total), 1 if counts.decided else 0)
    mine = min(max(round(width * counts.mine / counts.total), 1 if counts.mine else 0), decided)
    return mine, decided - mine, width - decided


class ReviewHeader(Widget):
    """No clock and nothing that changes by itself, so screenshots are repeatable."""

    DEFAULT_CSS = """
    ReviewHeader { height: 1; dock: top; }
    """

    def __init__(self, database: str, reviewer: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.database = database
        self.reviewer = reviewer
        self.counts: ReviewCounts | None = None

    def set_counts(self, counts: ReviewCounts) -> None:
        self.counts = counts
        self.refresh()

    def render(self) -> Content:
        width = self.size.width
        left = Content.assemble(
            (" curator ", "bold $accent"), (visible_line(self.database), ""), (" · ", "$text-muted"), (visible_line(self.reviewer), "bold")
        )
        counts = self.counts
        if counts is None:
            return left
        share = f"{100 * counts.decided / counts.total:.0f}%" if counts.total else "–"
        skipped = f" · {counts.skipped:,} skipped" if counts.skipped else ""
        text = f" {counts.decided:,}/{counts.total:,} decided {share}{skipped} · {visible_line(self.reviewer)} {counts.mine:,} "
        room = width - cell_len(left.plain) - cell_len(text) - 3
        bar_width = max(min(room, 40), 0)
        mine, others, rest = bar_cells(counts, bar_width)
        gap = max(width - cell_len(left.plain) - bar_width - cell_len(text), 1)
        return Content.assemble(
            left, (" " * gap, ""),
            ("█" * mine, "$success"), ("▓" * others, "$primary"), ("░" * rest, "$text-muted"),
            (text, ""),
        )
