"""The history dialog (h): every decision on the candidate under the cursor, and the live opinions side by side."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from curator.models import Candidate, Decision
from curator.textsafety import visible_line
from curator.tui.history_view import history_rows, live_opinions
from curator.tui.safe_text import plain_line


class HistoryScreen(ModalScreen[None]):
    """Read-only; escape, q or h closes. A decision an undo took back is struck through."""

    BINDINGS = [Binding("escape,q,h", "close", "close")]

    def __init__(self, fact: str, candidate: Candidate, decisions: list[Decision]) -> None:
        super().__init__()
        self.fact = fact
        self.candidate = candidate
        self.decisions = decisions

    def compose(self) -> ComposeResult:
        opinions = live_opinions(self.candidate, self.decisions)
        with Vertical(id="history-box"):
            yield Static(Text(visible_line(self.fact), style="bold"), id="history-fact")
            summary = Text("Live opinions: ", style="dim")
            summary.append(
                visible_line(" · ".join(opinions)) if opinions else "none (nobody has decided it, or every decision was undone)"
            )
            yield Static(summary, id="history-opinions")
            table: DataTable[Text] = DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
            yield table

    def on_mount(self) -> None:
        self.query_one("#history-box").border_title = plain_line(f"History of {self.candidate.id} · esc closes")
        table = self.query_one("#history-table", DataTable)
        for name in ("time (UTC)", "reviewer", "action", "value", "reason", "note"):
            table.add_column(name, key=name)
        rows = history_rows(self.candidate, self.decisions)
        for row in rows:
            style = "strike dim" if row.undone else ""
            cells = (row.when, row.reviewer, row.action, row.value, row.reason, row.note)
            table.add_row(*(Text(visible_line(cell), style=style) for cell in cells))
        if not rows:
            table.add_row(*(Text(cell, style="italic") for cell in ("", "", "no decision yet", "", "", "")))
        table.focus()

    def action_close(self) -> None:
        self.dismiss()
