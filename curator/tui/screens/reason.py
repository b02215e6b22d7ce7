"""The reason dialog (R): reject with one of the schema's ``reject_reasons`` and a free note.

The reasons come from ``schema/facts.yaml`` (``Schema.reject_reasons``), the
same list ``curator decide reject --reason`` checks, so the screen and the
command line can never store different words. On a disputed candidate a
tick box (on by default) makes the reject settle the dispute, as ``A`` does
for an accept.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static

from curator.textsafety import visible_line
from curator.tui.widgets.ticks import TickBox


@dataclass(frozen=True)
class Rejection:
    """What the dialog hands back: the reason, the note (None when empty), and whether it settles a dispute."""

    reason: str
    note: str | None
    adjudicate: bool = False


class ReasonScreen(ModalScreen[Rejection | None]):
    """Enter on a reason (or ctrl+s) rejects; escape cancels. Digits 1–9 pick a reason."""

    BINDINGS = [
        Binding("escape", "cancel", "cancel"),
        Binding("ctrl+s", "save", "reject"),
    ]

    def __init__(self, fact: str, reasons: tuple[str, ...], disputed: bool = False) -> None:
        super().__init__()
        self.fact = fact
        self.reasons = reasons
        self.disputed = disputed

    def compose(self) -> ComposeResult:
        with Vertical(id="reason-box"):
            yield Static(Text(visible_line(self.fact), style="bold"), id="reason-fact")
            yield Label("Why is it wrong?", classes="filter-title")
            yield OptionList(
                *[Text(visible_line(f"{i}  {reason}")) for i, reason in enumerate(self.reasons, 1)], id="reason-list", compact=True
            )
            yield Label("Note (optional)", classes="filter-title")
            yield Input(placeholder="what the source says, where it went wrong …", id="reason-note", compact=True)
            if self.disputed:
                yield TickBox("settle the dispute (adjudicate)", True, id="reason-adjudicate")
            with Horizontal(id="reason-buttons"):
                yield Button("Reject  ctrl+s", id="reason-reject", variant="error", compact=True)
                yield Button("Cancel  esc", id="reason-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#reason-box").border_title = "Reject with a reason · enter or ctrl+s rejects"
        options = self.query_one("#reason-list", OptionList)
        options.highlighted = 0
        options.focus()

    def on_key(self, event: events.Key) -> None:
        key = event.character
        if key and key.isdigit() and 1 <= int(key) <= len(self.reasons) and not self.query_one("#reason-note", Input).has_focus:
            self.query_one("#reason-list", OptionList).highlighted = int(key) - 1
            event.stop()

    def action_save(self) -> None:
        index = self.query_one("#reason-list", OptionList).highlighted
        if index is None:
            self.app.bell()
            return
        note = self.query_one("#reason-note", Input).value.strip() or None
        settle = self.disputed and self.query_one("#reason-adjudicate", TickBox).value
        self.dismiss(Rejection(self.reasons[index], note, settle))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#reason-list")
    def _reason_chosen(self) -> None:
        self.action_save()

    @on(Input.Submitted, "#reason-note")
    def _note_done(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#reason-reject")
    def _reject_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#reason-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
