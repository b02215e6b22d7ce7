"""The current article's candidates: status mark, kind, value as read, corroboration mark.

Rows are updated in place (never rebuilt for a decision), so the cursor and
the scroll position survive every change, including other reviewers' ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.geometry import Region
from textual.widgets import DataTable

from curator.display import CORROBORATION_MARKS, DISPUTED_MARK, LEASED_MARK, STATUS_MARKS
from curator.textsafety import visible_line

VALUE_WIDTH = 26
COMPACT_BELOW = 40
SHORT_KINDS = {
    "money": "money", "percent": "pct", "quantity": "qty", "date": "date", "entity": "ent", "naming": "name",
    "founded-by": "fndr", "funded-by": "fund", "stake": "stake", "member-of": "memb", "role": "role",
}
"""Kinds in five cells for a narrow table (80 columns), so two rows of one value still tell their kinds apart."""


def short_kind(kind: str) -> str:
    return SHORT_KINDS.get(kind, kind[:5])


@dataclass(frozen=True)
class CandidateRow:
    """What one row shows; built by the main screen from a candidate, its state and its claim."""

    candidate_id: str
    kind: str
    value: str
    status: str
    corroboration: str
    sources: int
    disputed: bool = False
    leased_by: str | None = None


def _clip(text: str, width: int) -> str:
    """One line of outside text (controls as pictures), cut to ``width`` characters."""
    text = visible_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


class CandidateTable(DataTable[Text]):
    """One row per candidate of the article; the row cursor is the review cursor.

    The value comes last so that a narrow screen cuts values, never the marks.
    """

    _border_only = False
    """True while ``set_titles`` sets the border's texts: their repaint is the border's lines only."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, cursor_foreground_priority="renderable")
        self._shown: list[CandidateRow] = []
        self.compact = False
        self._titles: tuple[str, Content] | None = None
        self._add_columns()

    def set_titles(self, title: str, subtitle: Content) -> None:
        """The border's title and subtitle (``Candidates 2 of 5``, the filter), repainting only the border lines.

        Setting ``border_title`` repaints the whole widget, and every row of a
        DataTable is drawn afresh once its cursor moved: a new title on each
        cursor move cost more than the two rows the move changes.
        """
        if (title, subtitle) == self._titles:
            return
        self._titles = (title, subtitle)
        self._border_only = True
        try:
            self.border_title, self.border_subtitle = title, subtitle
        finally:
            self._border_only = False

    def refresh(self, *regions: Region, **options: bool) -> DataTable[Text]:
        if self._border_only and not regions and not options:
            # The top and bottom lines of the widget (its border), given in content coordinates.
            (width, height), (x, y) = self.outer_size, self.content_offset
            return super().refresh(Region(-x, -y, width, 1), Region(-x, height - 1 - y, width, 1))
        return super().refresh(*regions, **options)

    def _add_columns(self) -> None:
        self.add_column("", key="status", width=2)
        self.add_column("src", key="src", width=3)
        self.add_column("kind", key="kind")
        self.add_column("value", key="value")

    def _cells(self, row: CandidateRow) -> list[Text]:
        theme = self.app.current_theme
        if row.leased_by:
            status = Text(LEASED_MARK, style="italic", end="")
        else:
            colour = {"accepted": theme.success, "edited": theme.success, "rejected": theme.error}.get(row.status)
            mark = STATUS_MARKS.get(row.status, "?") + (DISPUTED_MARK if row.disputed else "")
            status = Text(mark, style=f"bold {colour}" if colour else "", end="")
        conflict = row.corroboration == "conflict"
        src = Text(
            f"{CORROBORATION_MARKS.get(row.corroboration, '?')}{row.sources}",
            style=f"bold {theme.warning}" if conflict and theme.warning else "",
            end="",
        )
        value = Text(_clip(row.value, VALUE_WIDTH), style="strike" if row.status == "rejected" else "", end="")
        return [status, src, Text(visible_line(short_kind(row.kind) if self.compact else row.kind), end=""), value]

    def on_resize(self) -> None:
        """Below COMPACT_BELOW cells the kind column shows short names (``pct``, ``memb``; the detail pane names it in full)."""
        compact = self.size.width < COMPACT_BELOW
        if compact != self.compact:
            self.compact = compact
            current = self.candidate_at(self.cursor_row)
            with self.prevent(DataTable.RowHighlighted):
                self.clear(columns=True)
                self._add_columns()
            self.show_rows(self._shown)
            self.select(current)

    def _widths(self, rows: list[CandidateRow]) -> dict[str, int]:
        return {
            "kind": max([cell_len(short_kind(r.kind) if self.compact else r.kind) for r in rows] + [4]),
            "value": max([cell_len(_clip(r.value, VALUE_WIDTH)) for r in rows] + [5]),
        }

    def show_rows(self, rows: list[CandidateRow]) -> None:
        """A new article (or filter): replace every row; the caller moves the cursor.

        Column widths are set from the rows before they are added, rather than
        measured later on idle, so no row is ever drawn (and cached) too narrow.
        """
        self._shown = list(rows)
        with self.prevent(DataTable.RowHighlighted):
            self.clear()
            for key, width in self._widths(rows).items():
                for column in self.columns.values():
                    if column.key.value == key:
                        column.width, column.auto_width = width, False
            for row in rows:
                self.add_row(*self._cells(row), key=row.candidate_id)

    def update_row(self, row: CandidateRow) -> None:
        if row.candidate_id not in self.rows:
            return
        self._shown = [row if r.candidate_id == row.candidate_id else r for r in self._shown]
        value_column = next(c for c in self.columns.values() if c.key.value == "value")
        if cell_len(_clip(row.value, VALUE_WIDTH)) > value_column.width:
            current = self.candidate_at(self.cursor_row)
            self.show_rows(self._shown)
            self.select(current)
            return
        for key, cell in zip(("status", "src", "kind", "value"), self._cells(row)):
            self.update_cell(row.candidate_id, key, cell)

    def select(self, candidate_id: str | None) -> None:
        """Put the cursor on ``candidate_id`` without posting RowHighlighted (the screen already knows)."""
        if candidate_id is None or candidate_id not in self.rows:
            return
        with self.prevent(DataTable.RowHighlighted):
            self.move_cursor(row=self.get_row_index(candidate_id), animate=False)

    def candidate_at(self, row_index: int) -> str | None:
        if not 0 <= row_index < self.row_count:
            return None
        return str(self.coordinate_to_cell_key((row_index, 0)).row_key.value)
