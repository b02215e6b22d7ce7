"""The review keys: one table that the main screen binds and the footer, the help screen (?) and the command
palette (ctrl+p) all read, so they never disagree and no screen imports another to learn them.

Decisions share one action with a parameter (``decide('accept')``,
``decide('reject', adjudicate=True)``), as do moves (``move(1)``, ``go_article(-1)``).
"""

from __future__ import annotations

from textual.binding import Binding

REVIEW_BINDINGS = [
    Binding("a", "decide('accept')", "accept", tooltip="Accept the current candidate and move to the next undecided one."),
    Binding("r", "decide('reject')", "reject", tooltip="Reject the current candidate and move on."),
    Binding("e", "edit", "edit", tooltip="Correct statement, subject, value, unit or qualifier, with a note."),
    Binding("s", "decide('skip')", "skip", tooltip="Leave the candidate for later and move on."),
    Binding("u", "undo", "undo", tooltip="Take back your last decision (a new entry in the log) and go to it."),
    Binding("question_mark", "help", "help", key_display="?", tooltip="All keys and marks."),
    Binding("q", "quit", "quit", tooltip="Save your place, release your leases and leave."),
    Binding("j,down", "move(1)", "next", show=False, priority=True, tooltip="Next candidate (into the next article at the end)."),
    Binding("k,up", "move(-1)", "previous", show=False, priority=True, tooltip="Previous candidate."),
    Binding("tab", "go_article(1)", "next article", show=False, tooltip="Next article in the list."),
    Binding("shift+tab", "go_article(-1)", "previous article", show=False, tooltip="Previous article in the list."),
    Binding("slash", "search", "find", key_display="/", tooltip="Search article text and candidates."),
    Binding("f", "filter", "filter", tooltip="Show only some candidates: status, kind, corroboration, reviewer, disputed."),
    Binding("c", "next_conflict", "conflict", tooltip="Jump to the next candidate whose claim conflicts with another source."),
    Binding(
        "A", "decide('accept', True)", "adjudicate accept", show=False, key_display="A",
        tooltip="Accept and settle a dispute between reviewers; it stays settled until you undo it (u).",
    ),
    Binding(
        "R", "decide('reject', True)", "adjudicate reject", show=False, key_display="R",
        tooltip="Reject and settle a dispute between reviewers; it stays settled until you undo it (u).",
    ),
    Binding("pagedown,space", "scroll_article(1)", "scroll text", show=False, tooltip="Scroll the article text down a page."),
    Binding("pageup", "scroll_article(-1)", "scroll text up", show=False, tooltip="Scroll the article text up a page."),
]

PALETTE_ONLY = [
    ("clear_filter", "Clear filter", "Show every candidate again."),
    ("filter_disputed", "Filter: disputed only", "Only candidates reviewers disagree on, to adjudicate with A or R."),
]
"""Actions offered by name in the command palette only: (action, name, help)."""
