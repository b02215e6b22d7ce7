"""The filter dialog (f): status, kind, corroboration, who decided, disputed only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList

from curator.models import Corroboration, Status
from curator.tui.review_filter import ReviewFilter
from curator.tui.safe_text import plain
from curator.tui.widgets.ticks import TickBox, TickList

if TYPE_CHECKING:
    from curator.tui.app import CuratorApp


class FilterScreen(ModalScreen[ReviewFilter | None]):
    """Nothing ticked in a group means any; groups combine with AND."""

    BINDINGS = [
        Binding("escape", "cancel", "cancel"),
        Binding("ctrl+s", "apply", "apply"),
        Binding("ctrl+r", "clear", "clear"),
    ]

    def __init__(self, current: ReviewFilter) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        app: CuratorApp = self.app  # type: ignore[assignment]
        f = self.current
        with Vertical(id="filter-box"):
            with Horizontal(id="filter-groups"):
                yield self._group("Status", "filter-status", [s.value for s in Status], f.status)
                yield self._group("Kind", "filter-kind", list(app.schema.kinds), f.kind)
                yield self._group("Corroboration", "filter-corroboration", [c.value for c in Corroboration], f.corroboration)
                yield self._group("Decided by", "filter-reviewer", list(f.reviewer), f.reviewer)
            yield TickBox("disputed only (reviewers disagree)", f.disputed, id="filter-disputed")
            with Horizontal(id="filter-buttons"):
                yield Button("Apply  ctrl+s", id="filter-apply", compact=True)
                yield Button("Clear  ctrl+r", id="filter-clear", compact=True)
                yield Button("Cancel  esc", id="filter-cancel", compact=True)

    @staticmethod
    def _group(title: str, id: str, values: list[str], chosen: tuple[str, ...]) -> Vertical:
        return Vertical(
            Label(title, classes="filter-title"),
            TickList(*[(plain(v), v, v in chosen) for v in values], id=id, compact=True),
            classes="filter-group",
        )

    def on_mount(self) -> None:
        self.query_one("#filter-box").border_title = "Filter · space ticks · ctrl+s applies"
        self.query_one("#filter-status", SelectionList).focus()
        self._load_reviewers()

    @work(thread=True, exit_on_error=False)
    def _load_reviewers(self) -> None:
        app: CuratorApp = self.app  # type: ignore[assignment]
        names = app.bg.reviewer_names()
        self.app.call_from_thread(self._show_reviewers, names)

    def _show_reviewers(self, names: list[str]) -> None:
        reviewers = self.query_one("#filter-reviewer", SelectionList)
        chosen = set(reviewers.selected)
        reviewers.clear_options()
        reviewers.add_options([(plain(n), n, n in chosen) for n in sorted(set(names) | chosen)])

    def _chosen(self, id: str) -> tuple[str, ...]:
        return tuple(self.query_one(f"#{id}", SelectionList).selected)

    def action_apply(self) -> None:
        self.dismiss(
            ReviewFilter(
                status=self._chosen("filter-status"),
                kind=self._chosen("filter-kind"),
                corroboration=self._chosen("filter-corroboration"),
                reviewer=self._chosen("filter-reviewer"),
                disputed=self.query_one("#filter-disputed", TickBox).value,
            )
        )

    def action_clear(self) -> None:
        """Clear applies at once: every candidate again, no second key needed."""
        self.dismiss(ReviewFilter())

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#filter-apply")
    def _apply_pressed(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#filter-clear")
    def _clear_pressed(self) -> None:
        self.action_clear()

    @on(Button.Pressed, "#filter-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
