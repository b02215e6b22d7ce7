"""The detail pane: the current fact in full (statement, subject, value, kind, source words, corroboration, id).

Every text shown is outside text (article words, statements, titles, notes)
and goes in as plain ``Text``, never as markup, with control characters as pictures (``visible_line``).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.text import Text

from curator.textsafety import visible_line
from curator.tui.widgets.steady import SteadyStatic


class FactGrid:
    """Labels in one column (dim, as wide as the longest) and values wrapping beside it, one cell apart.

    What rich's ``Table.grid(padding=(0, 1), expand=True)`` with a no-wrap label
    column and a folding value column draws, line for line, without the table's
    column measuring: the pane is measured and drawn on every cursor move, and
    the table was its largest cost (``BENCHMARKS.md``, section 7).
    """

    def __init__(self, rows: list[tuple[Text, Text]]) -> None:
        self.rows = rows
        self.label_width = max((cell_len(label.plain) for label, _ in rows), default=0)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(self.label_width + 2, options.max_width), options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        value_width = max(width - self.label_width - 1, 1)
        out = Text(no_wrap=True, overflow="crop")
        for label, value in self.rows:
            for i, line in enumerate(value.wrap(console, value_width, overflow="fold")):
                if out:
                    out.append("\n")
                out.append((label.plain if i == 0 else "").ljust(self.label_width + 1), style="dim")
                line.pad_right(max(value_width - line.cell_len, 0))  # in the value's own style, as the table padded it
                out.append_text(line)
        yield out


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
            content = FactGrid(
                [(Text(label), Text(visible_line(value), style="bold" if label == "Statement" else "")) for label, value in lines]
            )
        self.show_content(content)

    def plain(self) -> str:
        """What the pane says, as plain text (for tests)."""
        return "\n".join(f"{label}: {value}" for label, value in self.lines)
