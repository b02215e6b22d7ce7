"""Search (/): article titles and text, candidates' text, statement and value; results open on enter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from curator.store.review_records import SearchHit
from curator.tui.safe_text import styled

if TYPE_CHECKING:
    from curator.tui.app import CuratorApp

DEBOUNCE_S = 0.2
LIMIT = 50


class SearchScreen(ModalScreen[tuple[str, str | None] | None]):
    """Returns (article id, candidate id or None) for the chosen hit."""

    BINDINGS = [
        Binding("escape", "cancel", "cancel"),
        Binding("down", "into_results", "results", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []
        self.searched: str | None = None
        """The words the hits on show are for."""
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(placeholder="words in an article or a candidate…", id="search-input")
            yield Static("Type to search; enter opens the first hit, ↓ goes to the list.", id="search-status")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search"
        field = self.query_one("#search-input", Input)
        field.cursor_blink = self.app.cursor_blink  # type: ignore[attr-defined]
        field.focus()

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.query_one("#search-status", Static).update("Searching…" if event.value.strip() else "")
        self._timer = self.set_timer(DEBOUNCE_S, lambda: self._search(event.value))

    @work(thread=True, group="search", exclusive=True, exit_on_error=False)
    def _search(self, words: str) -> None:
        app: CuratorApp = self.app  # type: ignore[assignment]
        hits = app.bg.search_review(words, LIMIT)
        self.app.call_from_thread(self._show, words, hits)

    def _show(self, words: str, hits: list[SearchHit]) -> None:
        if words != self.query_one("#search-input", Input).value:
            return
        self.hits, self.searched = hits, words
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options([Option(self._prompt(hit), id=str(i)) for i, hit in enumerate(hits)])
        if hits:
            results.highlighted = 0
        more = " (first 50 of each)" if len(hits) >= LIMIT else ""
        self.query_one("#search-status", Static).update(f"{len(hits)} hit(s){more}" if words.strip() else "")

    @staticmethod
    def _prompt(hit: SearchHit) -> Content:
        snippet = " ".join(hit.snippet.split())
        if hit.candidate_id is None:
            head = Content.assemble(("article ", "$text-muted"), styled(hit.title, "bold"))
        else:
            head = Content.assemble(styled(f"{hit.kind} ", "$accent"), styled(hit.title, ""))
        return Content.assemble(head, "\n", styled(f"  {snippet}", "$text-muted"))

    def _open(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.hits):
            hit = self.hits[index]
            self.dismiss((hit.article_id, hit.candidate_id))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        self._open(self.query_one("#search-results", OptionList).highlighted)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_index)

    def action_into_results(self) -> None:
        self.query_one("#search-results", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
