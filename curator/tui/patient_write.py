"""Writes from the review screen's worker threads: patient with a busy database, yet stoppable as the screen closes.

SQLite waits for another process's write lock inside its busy handler, which
nothing in Python can interrupt (``Connection.interrupt`` does not cut the
wait short), and the event loop joins worker threads as the app exits. So a
worker never hands SQLite a long busy timeout: it tries for ``ATTEMPT_S`` at a
time (``Connection.without_waiting``), checks whether the screen is closing,
and tries again, until the write lands or the store's own rule for every
write (``LockWait``: a stuck lock, or ``WRITE_PATIENCE_S`` in all) says to stop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from curator.store import Store
from curator.store.connection import LockWait, WriteBusy

T = TypeVar("T")

ATTEMPT_S = 0.25
"""How long one try waits for the lock: also how late a closing screen's worker notices it may stop."""


class Stopped(Exception):
    """The screen closed while the write waited for the lock; nothing was written."""


def write_patiently(store: Store, job: Callable[[], T], stop: threading.Event) -> T:
    """``job`` (writes through ``store`` only) once the lock is free; each try is all or nothing.

    Raises ``Stopped`` once ``stop`` is set, ``CuratorError`` (one sentence)
    when ``LockWait`` gives up, or whatever ``job`` raises.
    """
    wait = LockWait(store)
    while not stop.is_set():
        try:
            with store.without_waiting(ATTEMPT_S):
                return job()
        except WriteBusy:
            wait.check()
    raise Stopped
