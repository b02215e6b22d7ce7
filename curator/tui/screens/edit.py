"""The edit form: statement, subject, value, unit, qualifier and a note, checked against the fact kind.

Nothing is handed back until every field is valid; each bad field gets the
schema's sentence right under it, so the reviewer sees what to fix where.
"""

from __future__ import annotations

from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from curator.display import editable_value
from curator.edits import FOLLOWED, NoChange, settle_edit
from curator.models import Candidate, CandidateState, Status
from curator.schema import Schema
from curator.textsafety import visible_on_screen
from curator.tui.safe_text import plain, styled

FIELDS = ("statement", "subject", "value", "unit", "qualifier", "note")
LINE_BREAK = "⏎"
"""How a line break in the note shows in its one-line field (a pasted note keeps every line)."""

EditResult = tuple[dict[str, Any], str | None]


class EditScreen(ModalScreen[EditResult | None]):
    """Returns (fields, note) when saved, None when cancelled with escape."""

    BINDINGS = [
        Binding("escape", "cancel", "cancel"),
        Binding("ctrl+s", "save", "save"),
    ]

    def __init__(
        self, candidate: Candidate, state: CandidateState | None, schema: Schema, draft: EditResult | None = None
    ) -> None:
        """``draft``: an edit written before and not recorded, shown (and saved as it stands) in place of the edit in force."""
        super().__init__()
        self.candidate = candidate
        self.schema = schema
        self.spec = schema.kind(candidate.kind)
        edited = state.fields if state is not None and state.status is Status.EDITED else {}
        if draft is not None:
            edited = draft[0]
        self.in_force = dict(edited)
        """The edit in force: saving it as it stands agrees with it; on the extracted values nothing would change."""
        current = {
            "statement": candidate.statement,
            "subject": candidate.subject,
            "value": candidate.value,
            "unit": candidate.unit,
            "qualifier": candidate.qualifier,
            **edited,
        }
        self.initial = {
            "statement": visible_on_screen(current["statement"] or ""),
            "subject": visible_on_screen(current["subject"] or ""),
            "value": visible_on_screen(editable_value(candidate.kind, current["value"])),
            "unit": visible_on_screen(current["unit"] or ""),
            "qualifier": current["qualifier"] or "",
            "note": visible_on_screen((draft[1] if draft else state.note if state else None) or "").replace("\n", LINE_BREAK),
        }

    def _suggestions(self, name: str) -> list[str]:
        if name == "qualifier":
            return sorted(set(self.schema.qualifiers.values()))
        if name == "unit" and self.spec.unit == "currency":
            return sorted(set(self.schema.currencies.values()))
        if name == "unit" and isinstance(self.spec.unit, tuple):
            return list(self.spec.unit)
        return []

    def _hint(self, name: str) -> str:
        if name == "value":
            return self.spec.description
        if name == "unit":
            if self.spec.unit is None:
                return f"A {self.spec.label.lower()} has no unit."
            return ", ".join(self._suggestions("unit")) or "free text"
        if name == "qualifier":
            return "empty, or " + ", ".join(self._suggestions("qualifier"))
        if name == "note":
            return f"kept with the decision in the log; a pasted line break shows as {LINE_BREAK}"
        return ""

    def compose(self) -> ComposeResult:
        c = self.candidate
        before = c.quote[: max(c.start - c.quote_start, 0)]
        after = c.quote[max(c.end - c.quote_start, 0) :]
        with Vertical(id="edit-box"):
            yield Static(Content.assemble(("Edit ", "bold"), (self.spec.label, "bold $accent"), styled(f"  {c.id}", "$text-muted")))
            yield Static(Content.assemble(styled(before, "$text-muted"), styled(c.text, "bold underline"), styled(after, "$text-muted")), id="edit-quote")
            with VerticalScroll(id="edit-fields"):
                for name in FIELDS:
                    with Horizontal(classes="edit-row"):
                        yield Label(name, classes="edit-label")
                        with Vertical(classes="edit-field"):
                            suggestions = self._suggestions(name)
                            yield (NoteInput if name == "note" else Input)(
                                self.initial[name],
                                id=f"edit-{name}",
                                compact=True,
                                disabled=name == "unit" and self.spec.unit is None,
                                suggester=SuggestFromList(suggestions, case_sensitive=False) if suggestions else None,
                            )
                            yield Static(self._hint(name), id=f"hint-{name}", classes="edit-hint", markup=False)
            with Horizontal(id="edit-buttons"):
                yield Button("Save  ctrl+s", id="edit-save", variant="primary", compact=True)
                yield Button("Cancel  esc", id="edit-cancel", compact=True)

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = self.app.cursor_blink  # type: ignore[attr-defined]
        self.query_one("#edit-value", Input).focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Only the focused field's hint shows (errors always do), so the form fits 24 lines."""
        for name in FIELDS:
            self.query_one(f"#hint-{name}").set_class(event.widget.id == f"edit-{name}", "-shown")

    def _values(self) -> dict[str, str]:
        return {name: self.query_one(f"#edit-{name}", Input).value for name in FIELDS}

    def action_save(self) -> None:
        """Hand back the fields that change the candidate (compared as values), or show why not."""
        values = self._values()
        note = values["note"].replace(LINE_BREAK, "\n")
        typed = {k: v for k, v in values.items() if k != "note" and not (k == "unit" and self.spec.unit is None)}
        clean, errors = self.schema.validate_fields(self.candidate.kind, {**typed, "note": note})
        fields: dict[str, Any] = {}
        if not errors:
            written = {k: clean[k] for k in typed if values[k] != self.initial[k]}
            kept = {k: v for k, v in self.in_force.items() if not (k == "statement" and any(f in written for f in FOLLOWED))}
            try:
                fields = settle_edit(self.candidate, {**kept, **written})
            except NoChange as nothing:
                errors["value"] = (
                    f"Nothing changed: {nothing.shown} is what was extracted; press escape and then a to accept it as it stands."
                )
        for name in FIELDS:
            self._set_hint(name, errors.get(name))
        if errors:
            self.query_one(f"#edit-{next(n for n in FIELDS if n in errors)}", Input).focus()
            self.app.bell()
            return
        self.dismiss((fields, note.strip() or None))

    def _set_hint(self, name: str, error: str | None) -> None:
        """The field's error when it has one, else its usual hint."""
        hint = self.query_one(f"#hint-{name}", Static)
        hint.update(plain(f"✗ {error}" if error else self._hint(name)))
        hint.set_class(error is not None, "-error")

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Changed)
    def _recheck(self, event: Input.Changed) -> None:
        """A field showing an error is checked again as it is typed in, so the error never outlives the value."""
        name = (event.input.id or "").removeprefix("edit-")
        if name in FIELDS and self.query_one(f"#hint-{name}", Static).has_class("-error"):
            value = event.value.replace(LINE_BREAK, "\n") if name == "note" else event.value
            _, errors = self.schema.validate_fields(self.candidate.kind, {name: value})
            self._set_hint(name, errors.get(name))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#edit-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#edit-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


class NoteInput(Input):
    """The note field: a pasted text keeps all its lines (Input keeps only the first), each break shown as ⏎."""

    def _on_paste(self, event: events.Paste) -> None:
        if event.text:
            text = visible_on_screen(event.text.replace("\r\n", "\n")).replace("\n", LINE_BREAK)
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *selection)
        event.prevent_default()
        event.stop()
