"""Full garbage-collection passes run while the reviewer rests, and the process's collector settings come back."""

from __future__ import annotations

import gc

import pytest

from curator.tui import idle_gc
from curator.tui.idle_gc import IdleCollector


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [1000.0]
    monkeypatch.setattr(idle_gc, "monotonic", lambda: now[0])
    return now


def _make_due(collector: IdleCollector, times: int = 1) -> None:
    """Enough middle passes for ``times`` of Python's own full passes to be due (its third threshold each)."""
    assert collector._thresholds is not None
    for _ in range(collector._thresholds[2] * times):
        gc.collect(1)


def test_start_stops_automatic_full_passes_and_stop_restores(clock: list[float]) -> None:
    before = gc.get_threshold()
    collector = IdleCollector()
    collector.start()
    try:
        assert gc.get_threshold()[:2] == before[:2]
        assert gc.get_threshold()[2] == idle_gc.NEVER
        assert gc.get_freeze_count() > 0
    finally:
        collector.stop()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_due_pass_waits_for_rest(clock: list[float]) -> None:
    collector = IdleCollector()
    collector.start()
    try:
        collector.input()
        assert not collector.tick()  # nothing due yet
        _make_due(collector)
        clock[0] += idle_gc.REST_S / 2
        assert not collector.tick()  # due, but a key came a moment ago
        clock[0] += idle_gc.REST_S
        assert collector.tick()
        assert gc.get_count()[2] == 0
    finally:
        collector.stop()


def test_an_overdue_pass_runs_while_keys_keep_coming(clock: list[float]) -> None:
    collector = IdleCollector()
    collector.start()
    try:
        _make_due(collector, idle_gc.OVERDUE - 1)
        collector.input()
        assert not collector.tick()
        _make_due(collector)
        assert collector.tick()
    finally:
        collector.stop()
