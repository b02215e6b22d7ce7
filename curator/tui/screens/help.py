"""The help screen (?): every key and every mark, drawn from the same bindings the footer shows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from curator.display import CORROBORATION_MARKS, DISPUTED_MARK, LEASED_MARK, STATUS_MARKS
from curator.tui.keys import PALETTE_ONLY, REVIEW_BINDINGS

KEY_NAMES = {"slash": "/", "question_mark": "?"}
"""Keys whose binding name is not what is printed on the key."""

OTHER_KEYS = [
    ("ctrl+p", "Command palette: every action by name."),
    ("escape", "Close a dialog; in the edit form, cancel without saving."),
    ("ctrl+s", "Save the edit form or the reason dialog, or apply the filter."),
    ("mouse", "Click an article, a candidate row or a marked span in the text; the wheel scrolls."),
]

MARKS = [
    (STATUS_MARKS["pending"], "pending: nobody decided it yet"),
    (STATUS_MARKS["accepted"], "accepted"),
    (STATUS_MARKS["edited"], "edited (accepted with corrections)"),
    (STATUS_MARKS["rejected"], "rejected (struck through)"),
    (STATUS_MARKS["skipped"], "skipped, left for later"),
    (DISPUTED_MARK, "disputed: reviewers disagree (settle with A, or R and its box)"),
    (LEASED_MARK, "open on another reviewer's screen; your queue passes over it"),
    (CORROBORATION_MARKS["corroborated"] + "3", "corroborated by 3 articles"),
    (CORROBORATION_MARKS["single-source"] + "1", "stated by this article only"),
    (CORROBORATION_MARKS["conflict"] + "2", "conflict: another article gives a different value"),
    (CORROBORATION_MARKS["mention"] + "2", "a name mentioned by 2 sources: not a checkable fact"),
]


def help_text() -> Content:
    lines = [Content.styled("Keys", "bold $accent")]
    for binding in REVIEW_BINDINGS:
        keys = " ".join(KEY_NAMES.get(k, k) for k in binding.key.split(","))
        lines.append(Content.assemble((f"  {keys:<15}", "bold"), binding.tooltip))
    for keys, text in OTHER_KEYS:
        lines.append(Content.assemble((f"  {keys:<15}", "bold"), text))
    lines += [Content(""), Content.styled("In the command palette only (ctrl+p)", "bold $accent")]
    for _, name, text in PALETTE_ONLY:
        lines.append(Content.assemble("  ", (name, "bold"), f": {text}"))
    lines += [Content(""), Content.styled("Marks", "bold $accent")]
    for mark, text in MARKS:
        lines.append(Content.assemble((f"  {mark:<15}", "bold"), text))
    lines += [
        Content(""),
        Content.styled("In the text", "bold $accent"),
        Content.assemble("  ", ("current candidate", "reverse bold"), " · ", ("others", "underline"), " · ",
                         ("rejected", "strike"), " · colours follow the status"),
        Content(""),
        Content.styled("Every decision is saved at once; reopening puts you back where you were.", "$text-muted"),
    ]
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "close", "close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(help_text(), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Help · esc closes"

    def action_close(self) -> None:
        self.dismiss()
