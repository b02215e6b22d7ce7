"""First run of ``curator review PATH...``: ingest and extract with progress bars, then review."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, ProgressBar, Static

from curator.errors import CuratorError
from curator.tui.safe_text import notify

if TYPE_CHECKING:
    from curator.tui.app import CuratorApp


def ready_message(new_articles: int, new_candidates: int, totals: dict[str, Any]) -> str:
    """What the database holds now, and what this run added: never "0 claims" over a database full of them.

    ``totals`` is ``Store.summary()``.
    """
    return (
        f"{totals['articles']:,} article(s) ({new_articles:,} new): {totals['candidates']:,} candidate(s)"
        f" ({new_candidates:,} new), {totals['claims']:,} claim(s), {totals['conflicts']:,} in conflict."
    )


class PrepareScreen(Screen[None]):
    """Runs the same pipeline as ``curator ingest`` and ``curator extract`` in a worker thread."""

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__()
        self.paths = list(paths)

    def compose(self) -> ComposeResult:
        with Vertical(id="prepare-box"):
            yield Static(f"Preparing {len(self.paths)} path(s) for review", id="prepare-title")
            yield Label("Ingesting files")
            yield ProgressBar(id="ingest-bar", show_eta=False)
            yield Label("Extracting candidates and matching claims")
            yield ProgressBar(id="extract-bar", show_eta=False)
            yield Static("", id="prepare-notes", markup=False)

    def on_mount(self) -> None:
        self._prepare()

    def _progress(self, bar_id: str) -> Callable[[int, int], None]:
        def update(done: int, total: int) -> None:
            self.app.call_from_thread(self.query_one(f"#{bar_id}", ProgressBar).update, total=total, progress=done)

        return update

    @work(thread=True, group="prepare")
    def _prepare(self) -> None:
        from curator.pipeline import extract, ingest

        app: CuratorApp = self.app  # type: ignore[assignment]
        try:
            report = ingest(app.writer, self.paths, self._progress("ingest-bar"))
            skipped = [str(problem) for problem in report.skipped]
            self.app.call_from_thread(self.query_one("#ingest-bar", ProgressBar).update, total=1, progress=1)
            extracted = extract(app.writer, self._progress("extract-bar"), profile=app.profile)
            self.app.call_from_thread(self.query_one("#extract-bar", ProgressBar).update, total=1, progress=1)
        except CuratorError as error:
            app.failure = str(error)
            self.app.call_from_thread(self.app.exit, None, 1)
            return
        summary = ready_message(len(report.added), extracted.candidates, app.writer.summary())
        self.app.call_from_thread(self._done, summary, skipped)

    def _done(self, summary: str, skipped: list[str]) -> None:
        if skipped:
            notify(self, "Skipped: " + "; ".join(skipped), title="Some files were not ingested", severity="warning", timeout=15)
        notify(self, summary, title="Ready to review", timeout=4)
        self.dismiss()
