"""What the sharing, concurrency and fault tests check after the fact: the file is sound and the log explains it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar

from curator.models import Action, Decision
from curator.store import derive_state, open_store

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def candidate_ids(db: Path) -> list[str]:
    with open_store(db) as store:
        return [c.id for c in store.candidates()]


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def states_off_the_log(db: Path) -> list[str]:
    """Candidates whose state columns differ from what their live decisions derive: a half-written decision shows here."""
    with open_store(db) as store:
        decisions = store.decisions()
        undone = {d.undoes for d in decisions if d.undoes is not None}
        live: dict[str, list[Decision]] = defaultdict(list)
        for d in decisions:
            if d.action is not Action.UNDO and d.id not in undone:
                live[d.candidate_id].append(d)
        off = []
        for candidate_id in (c.id for c in store.candidates()):
            want, have = derive_state(candidate_id, live[candidate_id]), store.state(candidate_id)
            assert have is not None
            if (want.status, want.disputed, want.reviewer, want.fields) != (have.status, have.disputed, have.reviewer, have.fields):
                off.append(candidate_id)
        return off


def curator_process(db: Path, *args: str) -> subprocess.Popen[str]:
    """``curator --db DB ARGS...`` as its own process, as a reviewer's terminal would run it."""
    return subprocess.Popen(
        [sys.executable, "-m", "curator", "--db", str(db), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )


def run_together(target: Callable[..., T], calls: list[tuple[Any, ...]], timeout: float = 60) -> list[T]:
    """``target(start, *args)`` for each ``args`` in its own process; results in order.

    Each target opens what it needs, then calls ``start()``, a barrier that
    lets all go at once. Started one after another, a fast worker could
    finish before a slow one begins, and the race a test is about would
    never happen.
    """
    ctx = get_context("spawn")
    barrier = ctx.Barrier(len(calls))
    results = ctx.Queue()
    procs = [ctx.Process(target=_released, args=(barrier, results, n, target, args)) for n, args in enumerate(calls)]
    for proc in procs:
        proc.start()
    try:
        answers = dict((n, (ok, value)) for n, ok, value in (results.get(timeout=timeout) for _ in procs))
    finally:
        for proc in procs:
            proc.join(timeout)
            if proc.is_alive():
                proc.kill()
    failed = {n: value for n, (ok, value) in answers.items() if not ok}
    assert not failed, f"worker(s) failed: {failed}"
    return [answers[n][1] for n in range(len(calls))]


def _released(barrier: Any, results: Any, n: int, target: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        results.put((n, True, target(lambda: barrier.wait(timeout=60), *args)))
    except BaseException as error:  # noqa: BLE001 - reported to the parent, which fails the test
        results.put((n, False, repr(error)))
