"""The reason dialog (R): reject with one of the schema's ``reject_reasons`` and a free note.

The reasons come from ``schema/facts.yaml`` (``Schema.reject_reasons``), the
same list ``curator decide reject --reason`` checks, so the screen and the
command line can never store different words. On a disputed candidate a
tick box (on by default) makes the reject settle the dispute, as ``A`` does
for an accept.

No reason is chosen for the reviewer: Enter with neither a reason (a digit,
the arrows, a click) nor a note says so in the dialog and records nothing. A
note alone rejects with the schema's ``other`` reason (none when the schema
has no ``other``).
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
    """What the dialog hands back: the reason (None for a note alone where the schema has no ``other``), the note
    (None when empty), and whether it settles a dispute."""

    reason: str | None
    note: str | None
    adjudicate: bool = False


class ReasonScreen(ModalScreen[Rejection | None]):
    """Enter on a reason (or ctrl+s) rejects; escape cancels. Digits 1–9 pick a reason."""

    BINDINGS = [
        Binding("escape", "cancel", "cancel"),
        Binding("ctrl+s", "save", "reject"),
    ]

    def __init__(self, fact: str, reasons: tuple[str, ...], disputed: bool = False, draft: Rejection | None = None) -> None:
        """``draft``: a rejection written before and not recorded, whose reason, note and box the dialog opens with."""
        super().__init__()
        self.fact = fact
        self.reasons = reasons
        self.disputed = disputed
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(id="reason-box"):
            yield Static(Text(visible_line(self.fact), style="bold"), id="reason-fact")
            yield Label("Why is it wrong?", classes="filter-title")
            yield OptionList(
                *[Text(visible_line(f"{i}  {reason}")) for i, reason in enumerate(self.reasons, 1)], id="reason-list", compact=True
            )
            yield Label("Note (optional)", classes="filter-title")
            yield Input(placeholder="what the source says, where it went wrong …", id="reason-note", compact=True)
            yield Static("", id="reason-hint", classes="edit-hint", markup=False)
            if self.disputed:
                yield TickBox("settle the dispute (adjudicate)", True, id="reason-adjudicate")
            with Horizontal(id="reason-buttons"):
                yield Button("Reject  ctrl+s", id="reason-reject", variant="error", compact=True)
                yield Button("Cancel  esc", id="reason-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#reason-box").border_title = "Reject with a reason · enter or ctrl+s rejects"
        options = self.query_one("#reason-list", OptionList)
        options.highlighted = None
        if self.draft is not None:
            options.highlighted = self.reasons.index(self.draft.reason) if self.draft.reason in self.reasons else None
            self.query_one("#reason-note", Input).value = self.draft.note or ""
            if self.disputed:
                self.query_one("#reason-adjudicate", TickBox).value = self.draft.adjudicate
        options.focus()

    def on_key(self, event: events.Key) -> None:
        key = event.character
        options = self.query_one("#reason-list", OptionList)
        if key and key.isdigit() and 1 <= int(key) <= len(self.reasons) and not self.query_one("#reason-note", Input).has_focus:
            options.highlighted = int(key) - 1
            event.stop()
        elif event.key == "enter" and options.has_focus and options.highlighted is None:
            event.stop()
            self.action_save()

    def action_save(self) -> None:
        index = self.query_one("#reason-list", OptionList).highlighted
        note = self.query_one("#reason-note", Input).value.strip() or None
        if index is None and note is None:
            self.app.bell()
            hint = self.query_one("#reason-hint", Static)
            hint.update(f"Choose a reason (1–{len(self.reasons)}) or write a note.")
            hint.add_class("-error")
            return
        other = next((r for r in self.reasons if r.lower() == "other"), None)
        settle = self.disputed and self.query_one("#reason-adjudicate", TickBox).value
        self.dismiss(Rejection(other if index is None else self.reasons[index], note, settle))

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
