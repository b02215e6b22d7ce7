"""The detail pane: the current fact in full (statement, subject, value, kind, source words, corroboration, id).

Every text shown is outside text (article words, statements, titles, notes)
and goes in as plain ``Text``, never as markup, with control characters as pictures (``visible_line``).
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.visual import visualize
from textual.widgets import Static

from curator.textsafety import visible_line


class FactDetail(Static):
    """Drawn from ``curator.tui.fact_detail.detail_lines``: labels in one column, texts wrapping beside them.

    The pane's height follows its text (``height: auto``), so a new fact
    could need a screen layout pass; most facts wrap to as many lines as the
    one before, and then only the pane is repainted (a layout pass on every
    cursor move cost more than the rest of the move).
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.lines: list[tuple[str, str]] = []
        self._note: str | None = None
        self._height: tuple[int, int] | None = None
        """(width, content height) of what is drawn, as Textual measures it; None before the first show."""

    def show(self, lines: list[tuple[str, str]], note: str = "") -> None:
        if lines == self.lines and (lines or note == self._note):
            return
        self.lines, self._note = list(lines), note
        if not lines:
            content: RenderableType = Text(visible_line(note), style="italic")
        else:
            grid = Table.grid(padding=(0, 1), expand=True)
            grid.add_column(style="dim", no_wrap=True)
            grid.add_column(ratio=1, overflow="fold")
            for label, value in lines:
                grid.add_row(Text(label), Text(visible_line(value), style="bold" if label == "Statement" else ""))
            content = grid
        width = self.content_region.width  # what Textual's layout measures the text at (scrollbar included)
        height = (width, visualize(self, content, markup=False).get_height(self.styles, width)) if width > 0 else None
        self.update(content, layout=height is None or height != self._height)
        self._height = height

    def plain(self) -> str:
        """What the pane says, as plain text (for tests)."""
        return "\n".join(f"{label}: {value}" for label, value in self.lines)
