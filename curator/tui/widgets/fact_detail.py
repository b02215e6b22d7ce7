"""The detail pane: the current fact in full (statement, subject, value, kind, source words, corroboration, id).

Every text shown is outside text (article words, statements, titles, notes)
and goes in as plain ``Text``, never as markup, with control characters as pictures (``visible_line``).
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from curator.textsafety import visible_line


class FactDetail(Static):
    """Drawn from ``curator.tui.fact_detail.detail_lines``: labels in one column, texts wrapping beside them."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.lines: list[tuple[str, str]] = []

    def show(self, lines: list[tuple[str, str]], note: str = "") -> None:
        self.lines = list(lines)
        if not lines:
            self.update(Text(visible_line(note), style="italic"))
            return
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        for label, value in lines:
            grid.add_row(Text(label), Text(visible_line(value), style="bold" if label == "Statement" else ""))
        self.update(grid)

    def plain(self) -> str:
        """What the pane says, as plain text (for tests)."""
        return "\n".join(f"{label}: {value}" for label, value in self.lines)
