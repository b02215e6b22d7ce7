"""The review app: stores, theme, screens. Everything else lives in screens/ and widgets/.

Three connections to one database, so slow reads never stand in front of a
decision: ``reader`` for the small indexed reads the UI thread makes,
``bg`` for worker-thread reads (counts, pages, search), ``writer`` for every
write (decisions, leases, the saved position), also used from workers.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual import events
from textual.app import App
from textual.theme import Theme

from curator.decisions import lease_seconds as lease_seconds_setting
from curator.errors import CuratorError
from curator.schema import Schema, load_schema
from curator.store import Store, open_store
from curator.tui.commands import ReviewCommands
from curator.tui.idle_gc import CHECK_S as IDLE_CHECK_S
from curator.tui.idle_gc import IdleCollector
from curator.tui.screens.main import MainScreen
from curator.tui.screens.prepare import PrepareScreen
from curator.tui.safe_text import notify
from curator.tui.session import SessionTally

THEME_PATIENCE_S = 0.5
"""How long saving a picked theme may hold up the screen when another process is writing; then it is said and dropped."""
POLL_SECONDS = 1.0
"""How often the screen asks SQLite whether another reviewer committed (``PRAGMA data_version``)."""

CURATOR_THEME = Theme(
    name="curator",
    primary="#5AA9E6",
    secondary="#8D9AAE",
    accent="#C3A6FF",
    warning="#FFB347",
    error="#FF6B6B",
    success="#6BD68A",
    foreground="#E6E9EE",
    background="#0F1419",
    surface="#161C24",
    panel="#1F2833",
    dark=True,
)


@dataclass(frozen=True)
class ReviewStores:
    """The app's three connections to one database (see the module docstring); the app closes them as it ends."""

    writer: Store
    reader: Store
    bg: Store

    @classmethod
    def open(cls, db_path: Path) -> ReviewStores:
        """Three stores on an existing database; ``CuratorError`` (one sentence) when it cannot be opened."""
        opened: list[Store] = []
        try:
            for _ in range(3):
                opened.append(open_store(db_path, create=False))
        except CuratorError:
            for store in opened:
                store.close()
            raise
        return cls(*opened)

    def close(self) -> None:
        for store in (self.writer, self.reader, self.bg):
            store.close()


class CuratorApp(App[None]):
    """``make_app`` builds one; ``run`` runs one for ``curator review``."""

    CSS_PATH = "curator.tcss"
    TITLE = "curator"
    COMMANDS = App.COMMANDS | {ReviewCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(
        self,
        db_path: Path,
        reviewer: str,
        stores: ReviewStores,
        schema: Schema,
        paths: Sequence[Path] = (),
        *,
        poll_interval: float = POLL_SECONDS,
        lease_seconds: float | None = None,
        cursor_blink: bool = True,
        profile: Path | None = None,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.reviewer = reviewer
        self.paths = list(paths)
        self.profile = profile
        self.poll_interval = poll_interval
        self.lease_seconds = lease_seconds_setting() if lease_seconds is None else lease_seconds
        self.cursor_blink = cursor_blink
        self.failure: str | None = None
        self.schema = schema
        self.stores = stores
        self.writer, self.reader, self.bg = stores.writer, stores.reader, stores.bg
        self.tally = SessionTally()
        self.summary: str | None = None
        """What the session did, set as the review screen closes and printed by ``run`` after the app exits."""
        self.closing = threading.Event()
        """Set as the review screen closes: workers still waiting for the write lock stop (``patient_write``)."""
        self.register_theme(CURATOR_THEME)
        self.theme = "curator"
        self.idle_gc = IdleCollector()
        """Python's full garbage-collection passes, run while the reviewer rests (``idle_gc``)."""

    def on_mount(self) -> None:
        self.call_after_refresh(self.idle_gc.start)
        self.set_interval(IDLE_CHECK_S, self.idle_gc.tick)
        saved = self.reader.preferred_theme(self.reviewer)
        if saved is not None and saved in self.available_themes:
            self.theme = saved
        self._saved_theme = self.theme
        self.theme_changed_signal.subscribe(self, self._save_theme)
        if self.paths:
            self.push_screen(PrepareScreen(self.paths), lambda _: self.push_screen(MainScreen()))
        else:
            self.push_screen(MainScreen())

    def _save_theme(self, theme: Theme) -> None:
        """The theme picked (ctrl+p, "Change theme") is this reviewer's from now on, in any terminal."""
        if theme.name == self._saved_theme:
            return
        self._saved_theme = theme.name
        try:
            with self.writer.without_waiting(THEME_PATIENCE_S):
                self.writer.save_theme(self.reviewer, theme.name)
        except CuratorError as error:
            notify(self, str(error), severity="error")

    def main_screen(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    def action_quit(self) -> None:
        """ctrl+q waits for decisions in flight, like q."""
        main = self.main_screen()
        if main is not None:
            main.action_quit()
        else:
            self.exit()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.idle_gc.input()
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.idle_gc.stop()
        self.closing.set()
        self.stores.close()


def make_app(
    db_path: Path,
    reviewer: str,
    paths: Sequence[Path] = (),
    *,
    stores: ReviewStores | None = None,
    schema: Schema | None = None,
    **options: float | bool | Path | None,
) -> CuratorApp:
    """The app for one database and reviewer.

    ``stores`` and ``schema`` default to three new connections to ``db_path``
    and ``schema/facts.yaml``; tests may hand in their own, and pass
    ``cursor_blink=False`` and a short ``poll_interval``. Raises
    ``CuratorError`` when the database or the schema cannot be opened.
    """
    schema = load_schema() if schema is None else schema
    stores = ReviewStores.open(Path(db_path)) if stores is None else stores
    return CuratorApp(db_path, reviewer, stores, schema, paths, **options)  # type: ignore[arg-type]


def run(db_path: Path, reviewer: str, paths: list[Path], profile: Path | None = None) -> int:
    """``curator review``: ingest and extract ``paths`` (with ``profile``, if given, for them), then review.

    Prints the session summary and returns the exit status: 1 when a decision could not be saved (the summary
    says how many), else 0.
    """
    app = make_app(db_path, reviewer, paths, profile=profile)
    app.run()
    if app.return_code:
        raise CuratorError(app.failure or "the review screen stopped with an error.")
    if app.summary:
        print(app.summary)
    return 1 if app.tally.unsaved else 0
