"""The review keys: one table that the main screen binds and the footer, the help screen (?) and the command
palette (ctrl+p) all read, so they never disagree and no screen imports another to learn them.

Decisions share one action with a parameter (``decide('accept')``,
``decide('reject', adjudicate=True)``), as do moves (``move(1)``, ``go_article(-1)``).
"""

from __future__ import annotations

from textual.binding import Binding

REVIEW_BINDINGS = [
    Binding("a", "decide('accept')", "accept", tooltip="Accept the current candidate and move to the next undecided one."),
    Binding("r,x", "decide('reject')", "reject", tooltip="Reject the current candidate at once and move on (x as in Prodigy)."),
    Binding(
        "R", "reject_with_reason", "why", key_display="R",
        tooltip="Reject with a reason from the schema's list and a note; on a disputed candidate it can settle the dispute.",
    ),
    Binding("e", "edit", "edit", tooltip="Correct statement, subject, value, unit or qualifier, with a note."),
    Binding("s", "decide('skip')", "skip", tooltip="Leave the candidate for later and move on (counted apart from decisions)."),
    Binding(
        "u,backspace", "undo", "undo", key_display="u",
        tooltip="Take back your last decision (a new entry in the log) and go to it (backspace as in Prodigy).",
    ),
    Binding("h", "history", "history", tooltip="Every decision on the candidate: who, what, value, reason, note, when; undos too."),
    Binding("question_mark", "help", "help", key_display="?", tooltip="All keys and marks."),
    Binding("q", "quit", "quit", tooltip="Save your place, release your leases, leave, and print what this session did."),
    Binding("j,down", "move(1)", "next", show=False, priority=True, tooltip="Next candidate (into the next article at the end)."),
    Binding("k,up", "move(-1)", "previous", show=False, priority=True, tooltip="Previous candidate."),
    Binding("g", "edge('first')", "first", show=False, tooltip="First candidate of the article."),
    Binding("G", "edge('last')", "last", show=False, key_display="G", tooltip="Last candidate of the article."),
    Binding("n", "next_undecided", "next undecided", show=False, tooltip="Next undecided candidate, in this article or the next."),
    Binding("tab", "go_article(1)", "next article", show=False, tooltip="Next article in the list."),
    Binding("shift+tab", "go_article(-1)", "previous article", show=False, tooltip="Previous article in the list."),
    Binding("y", "copy_id", "copy id", show=False, tooltip="Copy the candidate's id to the clipboard (for curator decide)."),
    Binding("slash", "search", "find", show=False, key_display="/", tooltip="Search article text and candidates."),
    Binding("f", "filter", "filter", show=False, tooltip="Show only some candidates: status, kind, corroboration, reviewer, disputed."),
    Binding("c", "next_conflict", "conflict", show=False, tooltip="Jump to the next candidate whose claim conflicts with another source."),
    Binding(
        "A", "decide('accept', True)", "adjudicate accept", show=False, key_display="A",
        tooltip="Accept and settle a dispute between reviewers; it stays settled until you undo it (u). To reject and settle one: R.",
    ),
    Binding(
        "pagedown,space", "scroll_article(1)", "scroll text", show=False, priority=True,
        tooltip="Scroll the article text down a page. Space scrolls, as in a pager, rather than accept as in Prodigy:"
        " a reader paging through the text must never accept a fact by it.",
    ),
    Binding("pageup", "scroll_article(-1)", "scroll text up", show=False, priority=True, tooltip="Scroll the article text up a page."),
]

PALETTE_ONLY = [
    ("clear_filter", "Clear filter", "Show every candidate again."),
    ("filter_my_skips", "Filter: revisit my skips", "Only the candidates you skipped, to decide them now."),
    ("decide('reject', True)", "Adjudicate: reject", "Reject and settle a dispute between reviewers, without a reason."),
    ("filter_disputed", "Filter: disputed only", "Only candidates reviewers disagree on, to adjudicate with A or R."),
]
"""Actions offered by name in the command palette only: (action, name, help)."""
