"""What the ``curator`` commands share: the database they open, the reviewer's name, profiles and progress bars.

Kept apart from ``curator.cli`` (the commands themselves) so that each stays small; nothing here imports
more than click and the store on first use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from curator.errors import CuratorError

if TYPE_CHECKING:
    from curator.store import Store


class Context:
    """What every command shares: the database path and how to open it."""

    def __init__(self, db: str) -> None:
        self.db = Path(db)
        self.warned = False

    def open(self, *, create: bool = False, readonly: bool = False) -> Store:
        from curator.store import network_filesystem, open_store

        fs = network_filesystem(self.db)
        if fs and not self.warned:
            self.warned = True
            click.echo(
                f"curator: warning: {self.db} is on a network filesystem ({fs}); SQLite's WAL mode needs all "
                "reviewers on one host, so share the file from a local disk.",
                err=True,
            )
        return open_store(self.db, create=create, readonly=readonly)

    def open_to_read(self) -> Store:
        """For commands that only read: a database this user cannot write (the file, or its folder, where SQLite
        keeps ``-wal`` and ``-shm``) is read without writing or creating anything (``curator.store.access``).

        Callers that do not read inside ``read_snapshot`` call ``store.check_unchanged()`` before they show anything.
        """
        from curator.store import write_refusal

        return self.open(readonly=self.db.exists() and write_refusal(self.db) is not None)


def reviewer_name(option: str | None) -> str:
    """``--reviewer``, else ``$CURATOR_REVIEWER``, else the login name."""
    name = option or os.environ.get("CURATOR_REVIEWER")
    if not name:
        import getpass  # only here: it pulls in termios, which status and export never need

        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "reviewer"
    name = name.strip()
    # isprintable() also refuses a byte that is not UTF-8 (a lone surrogate here), which SQLite cannot store.
    if not name or len(name) > 64 or not name.isprintable():
        raise CuratorError(f"reviewer name {name!r} is not usable: give 1 to 64 characters without tabs or newlines.")
    return name


def fail(message: str) -> NoReturn:
    raise CuratorError(message)


def progress_bar(label: str) -> Callable[[int, int], None] | None:
    """A progress callback drawing a bar on stderr when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)

    return update


PROFILE_HELP = "A corpus profile (YAML) for the articles extracted now, instead of the one recorded at ingest."


def check_profile(profile: str | None) -> Path | None:
    """The profile file, read and checked before any work (CuratorError naming the file and the key)."""
    if profile is None:
        return None
    from curator.extract.lexicon import lexicon_for
    from curator.schema import load_profile, load_schema

    path = Path(profile).resolve()
    lexicon_for(load_schema(), load_profile(path))
    return path
