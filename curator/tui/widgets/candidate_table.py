"""The current article's candidates: status mark, kind, value as read, corroboration mark.

A line widget of its own (Textual's Line API: a ``ScrollView`` whose
``render_line`` draws one row), not Textual's ``DataTable``: a DataTable
keys its caches by an update counter, so one changed cell (a decision's
mark) made it draw every visible row again through rich, about half of a
decision's frame on the 1M-candidate database. Here each row is one
``Strip`` built from plain segments and cached by what it shows; a
decision or a cursor move refreshes only the lines of the rows it changed.
Rows are updated in place (never rebuilt for a decision), so the cursor and
the scroll position survive every change, including other reviewers' ones.
It looks as the DataTable did: a bold header line, one cell of padding each
side of a column, the row cursor, the same theme variables.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from curator.display import CORROBORATION_MARKS, DISPUTED_MARK, LEASED_MARK, STATUS_MARKS
from curator.textsafety import visible_line

VALUE_WIDTH = 26
COMPACT_BELOW = 40
SHORT_KINDS = {
    "money": "money", "percent": "pct", "quantity": "qty", "date": "date", "entity": "ent", "naming": "name",
    "founded-by": "fndr", "funded-by": "fund", "stake": "stake", "member-of": "memb", "role": "role",
}
"""Kinds in five cells for a narrow table (80 columns), so two rows of one value still tell their kinds apart."""
PADDING = 1
"""Blank cells each side of a column's text."""


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


@dataclass(frozen=True)
class Column:
    """One column: its key, its header label and its width in cells (padding not included)."""

    key: str
    label: str
    width: int


def _clip(text: str, width: int) -> str:
    """One line of outside text (controls as pictures), cut to ``width`` characters."""
    text = visible_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


class CandidateTable(ScrollView, can_focus=True):
    """One row per candidate of the article under a header line; the row cursor is the review cursor.

    The value comes last so that a narrow screen cuts values, never the marks.
    A click on a row posts ``Chosen``; keys are the screen's (``j``/``k``).
    """

    COMPONENT_CLASSES = {"candidate-table--header", "candidate-table--cursor"}

    DEFAULT_CSS = """
    CandidateTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .candidate-table--header {
                background-tint: $foreground 5%;
            }
        }
        & > .candidate-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .candidate-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    """Textual's DataTable's look; the app's stylesheet (``curator.tcss``) sets the header's and the cursor's colours."""

    @dataclass
    class Chosen(Message):
        """The reviewer clicked the row of ``candidate_id``."""

        candidate_id: str

    _border_only = False
    """True while ``set_titles`` sets the border's texts: their repaint is the border's lines only."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: list[CandidateRow] = []
        self._index: dict[str, int] = {}
        self._cursor = 0
        self.compact = False
        self._titles: tuple[str, Content] | None = None
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._styles: tuple[Style, Style, Style] = (Style(), Style(), Style())
        self.columns: dict[str, Column] = {}
        self._set_widths()

    # -- what tests and the screen read --------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._shown)

    @property
    def cursor_row(self) -> int:
        return self._cursor

    def candidate_at(self, row_index: int) -> str | None:
        return self._shown[row_index].candidate_id if 0 <= row_index < len(self._shown) else None

    def get_row_at(self, row_index: int) -> list[Text]:
        """The cells of a row as drawn (status, src, kind, value); IndexError past the end."""
        return self._cells(self._shown[row_index])

    def get_cell(self, candidate_id: str, key: str) -> Text:
        """One cell of ``candidate_id``'s row by column key; KeyError when the row or column is not shown."""
        keys = list(self.columns)
        return self._cells(self._shown[self._index[candidate_id]])[keys.index(key)]

    # -- titles ----------------------------------------------------------------

    def set_titles(self, title: str, subtitle: Content) -> None:
        """The border's title and subtitle (``Candidates 2 of 5``, the filter), repainting only the border lines.

        Setting ``border_title`` repaints the whole widget; a new title on each
        cursor move would cost more than the two rows the move changes.
        """
        if (title, subtitle) == self._titles:
            return
        self._titles = (title, subtitle)
        self._border_only = True
        try:
            self.border_title, self.border_subtitle = title, subtitle
        finally:
            self._border_only = False

    def refresh(self, *regions: Region, **options: bool) -> CandidateTable:
        if self._border_only and not regions and not options:
            # The top and bottom lines of the widget (its border), given in content coordinates.
            (width, height), (x, y) = self.outer_size, self.content_offset
            super().refresh(Region(-x, -y, width, 1), Region(-x, height - 1 - y, width, 1))
            return self
        super().refresh(*regions, **options)
        return self

    # -- rows --------------------------------------------------------------------

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

    def _set_widths(self) -> None:
        """Column widths from the rows shown (the kind and value columns fit their longest text); the virtual size."""
        rows = self._shown
        kind = max([cell_len(short_kind(r.kind) if self.compact else r.kind) for r in rows] + [4])
        value = max([cell_len(_clip(r.value, VALUE_WIDTH)) for r in rows] + [5])
        self.columns = {
            "status": Column("status", "", 2), "src": Column("src", "src", 3),
            "kind": Column("kind", "kind", kind), "value": Column("value", "value", value),
        }
        width = sum(c.width + 2 * PADDING for c in self.columns.values())
        self.virtual_size = Size(width, len(rows) + 1)

    def on_resize(self) -> None:
        """Below COMPACT_BELOW cells the kind column shows short names (``pct``, ``memb``; the detail pane names it in full)."""
        compact = self.size.width < COMPACT_BELOW
        if compact != self.compact:
            self.compact = compact
            self._set_widths()
            self.refresh()

    def show_rows(self, rows: list[CandidateRow]) -> None:
        """A new article (or filter): replace every row, cursor on the first; the caller moves the cursor."""
        self._shown = list(rows)
        self._index = {row.candidate_id: i for i, row in enumerate(self._shown)}
        self._cursor = 0
        self._set_widths()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def update_row(self, row: CandidateRow) -> None:
        """One row changed (a decision, a claim, a lease): its line is drawn again, or every line if the value column grew."""
        index = self._index.get(row.candidate_id)
        if index is None:
            return
        self._shown[index] = row
        if cell_len(_clip(row.value, VALUE_WIDTH)) > self.columns["value"].width:
            self._set_widths()
            self.refresh()
            return
        self.refresh_line(index + 1)

    def select(self, candidate_id: str | None) -> None:
        """Put the cursor on ``candidate_id`` (the screen already knows), scrolled into view; its old row and new row are drawn again."""
        if candidate_id is None or candidate_id not in self._index:
            return
        before, self._cursor = self._cursor, self._index[candidate_id]
        if before != self._cursor:
            self.refresh_line(before + 1)
            self.refresh_line(self._cursor + 1)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        rows_shown = max(self.scrollable_content_region.height - 1, 1)  # the header line stays put
        top = round(self.scroll_y)
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, immediate=True)
        elif self._cursor >= top + rows_shown:
            self.scroll_to(y=self._cursor - rows_shown + 1, animate=False, immediate=True)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        candidate_id = self.candidate_at(offset.y - 1 + round(self.scroll_y))
        if candidate_id is not None:
            self.post_message(self.Chosen(candidate_id))

    # -- drawing -------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """The styles of this frame (focus, theme), read once for all the lines it draws."""
        self._styles = (
            self.rich_style,
            self.get_component_styles("candidate-table--header").rich_style,
            self.get_component_rich_style("candidate-table--cursor"),
        )
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base, header, cursor = self._styles
        if y == 0:
            key: tuple[object, ...] = ("header", width, base, header, tuple(self.columns.values()))
            strip = self._strips.get(key)
            if strip is None:
                strip = self._strips[key] = self._line(-1, [Text(c.label) for c in self.columns.values()], header, base, width)
            return strip
        index = y - 1 + round(self.scroll_y)
        if not 0 <= index < len(self._shown):
            return Strip.blank(width, base)
        row, on_cursor = self._shown[index], index == self._cursor
        key = (index, row, on_cursor, width, base, cursor, tuple(self.columns.values()), self.app.theme)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._line(index, self._cells(row), base + cursor if on_cursor else base, base, width)
        return strip

    def _line(self, index: int, cells: list[Text], style: Style, base: Style, width: int) -> Strip:
        """Row ``index`` (-1: the header) as one line of cells, each padded and cut to its column, the row's ``style``
        carried to the right edge.

        A cell's own style (a status colour, the strike of a rejected value) covers its text, not the blank after it.
        Each cell's style carries its row and column as meta, as a DataTable's did (a screenshot's text runs end at
        cell borders).
        """
        segments = []
        for number, (column, cell) in enumerate(zip(self.columns.values(), cells)):
            text = set_cell_size(cell.plain, column.width) if cell_len(cell.plain) > column.width else cell.plain
            own = cell.style if isinstance(cell.style, Style) else Style.parse(cell.style)
            cell_style = style + Style.from_meta({"row": index, "column": number})
            segments.append(Segment(" " * PADDING, cell_style))
            segments.append(Segment(text, cell_style + own if own else cell_style))
            segments.append(Segment(" " * (column.width - cell_len(text) + PADDING), cell_style))
        used = sum(c.width + 2 * PADDING for c in self.columns.values())
        segments.append(Segment(" " * max(width - used, 0), style))
        return Strip(segments).crop(0, width).adjust_cell_length(width, base)
