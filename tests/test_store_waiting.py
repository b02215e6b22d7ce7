"""The write path the review screen uses with a busy database: try briefly, wait in a worker, stop when told.

Another connection's ``BEGIN IMMEDIATE`` holds the real write lock in each test.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from curator.errors import CuratorError
from curator.models import Action, Article, Candidate
from curator.store import Store
from curator.store import connection
from curator.store.connection import WriteBusy
from curator.tui import patient_write
from curator.tui.patient_write import Stopped, write_patiently


@pytest.fixture
def one_candidate(store: Store) -> str:
    text = "Fund raised $5 million."
    store.add_articles([Article(id="a1", sha256="0" * 64, source="a.txt", text=text, title="Fund")])
    store.save_extraction("a1", [Candidate(
        id="c1", article_id="a1", kind="money", text="$5 million", start=12, end=22, quote=text, quote_start=0,
        subject="the fund", statement="the fund raised $5 million", value=5e6, unit="USD",
    )])
    return "c1"


def hold_lock(path: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(path, isolation_level=None, timeout=0, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_without_waiting_gives_up_after_its_patience_with_nothing_written_and_then_waits_as_usual(
    store: Store, db_path: Path, one_candidate: str
) -> None:
    holder = hold_lock(db_path)
    started = time.monotonic()
    with pytest.raises(WriteBusy), store.without_waiting(0.1):
        store.decide(one_candidate, "ana", Action.ACCEPT)
    assert time.monotonic() - started < 1.0
    assert store.decisions() == []
    threading.Timer(0.3, lambda: holder.execute("ROLLBACK")).start()
    store.decide(one_candidate, "ana", Action.ACCEPT)  # the ordinary busy timeout again: it waits for the rollback
    assert [d.reviewer for d in store.decisions()] == ["ana"]
    holder.close()


def test_without_waiting_counts_our_own_thread_holding_the_connection_as_the_lock(store: Store, one_candidate: str) -> None:
    with store.without_waiting(1.0):
        failed: list[BaseException] = []

        def other_thread() -> None:
            try:
                with store.without_waiting(0.05):
                    store.decide(one_candidate, "bo", Action.ACCEPT)
            except WriteBusy as error:
                failed.append(error)

        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
    assert len(failed) == 1 and store.decisions() == []


def test_turn_to_decide_takes_the_lease_and_reports_a_holder_or_a_state_that_moved(store: Store, one_candidate: str) -> None:
    assert store.turn_to_decide(one_candidate, "ana", 60, seen_version=0).clear
    turn = store.turn_to_decide(one_candidate, "bo", 60, seen_version=0)
    assert turn.holder == "ana" and not turn.clear
    store.decide(one_candidate, "ana", Action.ACCEPT)  # ends ana's lease, version 0 -> 1
    turn = store.turn_to_decide(one_candidate, "bo", 60, seen_version=0)
    assert turn.holder is None and turn.moved, "bo saw version 0: ana decided since"
    assert store.leased_by_others("nobody", [one_candidate]) == {one_candidate: "bo"}
    assert store.turn_to_decide(one_candidate, "bo", 60, seen_version=1).clear


def test_write_patiently_lands_once_the_lock_is_free(store: Store, db_path: Path, one_candidate: str) -> None:
    holder = hold_lock(db_path)
    threading.Timer(0.6, lambda: holder.execute("ROLLBACK")).start()
    state = write_patiently(store, lambda: store.decide(one_candidate, "ana", Action.ACCEPT), threading.Event())
    assert state.version == 1 and len(store.decisions()) == 1
    holder.close()


def test_write_patiently_stops_when_told_and_gives_up_in_one_sentence(
    store: Store, db_path: Path, one_candidate: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = hold_lock(db_path)
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    started = time.monotonic()
    with pytest.raises(Stopped):
        write_patiently(store, lambda: store.decide(one_candidate, "ana", Action.ACCEPT), stop)
    assert time.monotonic() - started < 0.3 + 2 * patient_write.ATTEMPT_S + 0.5
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_S", 0.1)
    monkeypatch.setattr(connection, "WRITE_RETRIES", 5)
    started = time.monotonic()
    with pytest.raises(CuratorError) as error:
        write_patiently(store, lambda: store.decide(one_candidate, "ana", Action.ACCEPT), threading.Event())
    assert time.monotonic() - started >= 0.5
    assert str(error.value) == (
        f"{db_path} stayed locked by another process for over 0.5 s with nobody committing; nothing was written"
        " (is a transaction open in another program?)."
    )
    assert store.decisions() == []
    holder.execute("ROLLBACK")
    holder.close()


def test_the_screen_waits_on_a_held_lock_as_long_as_every_write_may(
    store: Store, db_path: Path, one_candidate: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One patience for all: the screen's write gives up when ``WRITE_PATIENCE_S`` (the store's) runs out, not before."""
    monkeypatch.setattr(connection, "WRITE_PATIENCE_S", 1.5)
    holder = hold_lock(db_path)
    started = time.monotonic()
    with pytest.raises(CuratorError, match=r"stayed locked by other writers for over 1.5 s in all; nothing was written"):
        write_patiently(store, lambda: store.decide(one_candidate, "ana", Action.ACCEPT), threading.Event())
    assert 1.5 <= time.monotonic() - started < 1.5 + 2 * patient_write.ATTEMPT_S + 1.0
    threading.Timer(1.0, lambda: holder.execute("ROLLBACK")).start()
    state = write_patiently(store, lambda: store.decide(one_candidate, "ana", Action.ACCEPT), threading.Event())
    assert state.version == 1 and [d.reviewer for d in store.decisions()] == ["ana"]
    holder.close()