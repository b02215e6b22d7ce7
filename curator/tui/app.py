"""The review app: stores, theme, screens. Everything else lives in screens/ and widgets/.

Three connections to one database, so slow reads never stand in front of a
decision: ``reader`` for the small indexed reads the UI thread makes,
``bg`` for worker-thread reads (counts, pages, search), ``writer`` for every
write (decisions, leases, the saved position), also used from workers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import App
from textual.theme import Theme

from curator.decisions import lease_seconds as lease_seconds_setting
from curator.errors import CuratorError
from curator.schema import load_schema
from curator.store import open_store
from curator.tui.commands import ReviewCommands
from curator.tui.screens.main import MainScreen
from curator.tui.screens.prepare import PrepareScreen

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
        self.schema = load_schema()
        self.writer = open_store(self.db_path, create=False)
        self.reader = open_store(self.db_path, create=False)
        self.bg = open_store(self.db_path, create=False)
        self.register_theme(CURATOR_THEME)
        self.theme = "curator"

    def on_mount(self) -> None:
        if self.paths:
            self.push_screen(PrepareScreen(self.paths), lambda _: self.push_screen(MainScreen()))
        else:
            self.push_screen(MainScreen())

    def main_screen(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    def action_quit(self) -> None:
        """ctrl+q waits for decisions in flight, like q."""
        main = self.main_screen()
        if main is not None:
            main.action_quit()
        else:
            self.exit()

    def on_unmount(self) -> None:
        for store in (self.writer, self.reader, self.bg):
            store.close()


def make_app(db_path: Path, reviewer: str, paths: Sequence[Path] = (), **options: float | bool | Path | None) -> CuratorApp:
    """The app for one database and reviewer; tests pass ``cursor_blink=False`` and a short ``poll_interval``."""
    return CuratorApp(db_path, reviewer, paths, **options)  # type: ignore[arg-type]


def run(db_path: Path, reviewer: str, paths: list[Path], profile: Path | None = None) -> None:
    """``curator review``: ingest and extract ``paths`` (with ``profile``, if given, for them), then review."""
    app = make_app(db_path, reviewer, paths, profile=profile)
    app.run()
    if app.return_code:
        raise CuratorError(app.failure or "the review screen stopped with an error.")
