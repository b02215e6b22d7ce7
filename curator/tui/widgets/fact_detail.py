"""The detail pane: the current fact in full (statement, subject, value, kind, source words, corroboration, id).

Every text shown is outside text (article words, statements, titles, notes)
and goes in as plain ``Text``, never as markup, with control characters as pictures (``visible_line``).
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from curator.textsafety import visible_line
from curator.tui.widgets.steady import SteadyStatic


class FactDetail(SteadyStatic):
    """Drawn from ``curator.tui.fact_detail.detail_lines``: labels in one column, texts wrapping beside them.

    The pane's height follows its text (``height: auto``); most facts wrap to
    as many lines as the one before, and then only the pane is repainted.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.lines: list[tuple[str, str]] = []
        self._note: str | None = None

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
        self.show_content(content)

    def plain(self) -> str:
        """What the pane says, as plain text (for tests)."""
        return "\n".join(f"{label}: {value}" for label, value in self.lines)
