"""Keypress to painted screen through a real terminal: the review screen in tmux, against a bare ``cat`` in tmux.

The in-process benchmark times a decision inside the app; a reviewer feels
the whole trip: the key through the terminal to the app, the commit, the
repaint, and the terminal drawing it. Here ``curator review`` runs in a tmux
pane (a real pseudo-terminal); each sample sends one key with ``tmux
send-keys`` and polls ``tmux capture-pane`` until the screen shows its effect
(the candidate table's "Candidates N of M" title: ``j`` moves the cursor,
``a`` commits and moves it to the next undecided candidate; the header's
counts are left out, they follow 0.3 s later by design). The baseline is the same round trip with ``cat``
in the pane: send a character, poll until it is echoed, so tmux's and the
polling's own cost is measured in the same run and shown beside ours. A
second bound, ``BARE_APP``: a Textual app with one line that says
"Candidates N of M" and moves it on ``j``, through the same harness, is what
Textual's input handling, frame timer and repaint cost with no work at all.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SESSION = "curator-bench-terminal"
WHERE = re.compile(r"Candidates (\d+ of \d+)")
TIMEOUT_S = 10.0


BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("Candidates 1 of 10", id="where")

    def on_key(self, event):
        if event.key == "j":
            self.n = getattr(self, "n", 1) % 10 + 1
            self.query_one("#where", Static).update(f"Candidates {self.n} of 10")

Bare().run()
"""
"""The bound Textual itself sets: keypress to painted screen for an app that does nothing else."""


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def _screen() -> str:
    return _tmux("capture-pane", "-p", "-t", SESSION)


def _wait(found: Callable[[str], bool], what: str) -> float:
    """Poll the pane until ``found(screen)``; the moment it was seen."""
    deadline = time.perf_counter() + TIMEOUT_S
    while time.perf_counter() < deadline:
        if found(_screen()):
            return time.perf_counter()
    raise RuntimeError(f"the terminal never showed {what}")


def _read(pattern: re.Pattern[str], screen: str) -> str | None:
    match = pattern.search(screen)
    return match.group(1) if match else None


def _start(command: str, width: int = 160, height: int = 48) -> None:
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    _tmux("new-session", "-d", "-s", SESSION, "-x", str(width), "-y", str(height), command)


def _stop() -> None:
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)


def _latencies(key: str, pattern: re.Pattern[str], count: int) -> list[float]:
    """Seconds from sending ``key`` to the pane showing a new value of ``pattern``, ``count`` times."""
    out = []
    for _ in range(count):
        before = _read(pattern, _screen())
        start = time.perf_counter()
        _tmux("send-keys", "-t", SESSION, key)
        seen = _wait(lambda screen: _read(pattern, screen) not in (None, before), f"the effect of {key}")
        out.append(seen - start)
    return out


def _echo_latencies(count: int) -> list[float]:
    """The floor: the same send-and-poll round trip with ``cat`` echoing the character."""
    _start("cat")
    try:
        _wait(lambda screen: True, "cat")
        out = []
        for i in range(count):
            mark = "xy"[i % 2]
            before = _screen().count(mark)
            start = time.perf_counter()
            _tmux("send-keys", "-t", SESSION, mark)
            out.append(_wait(lambda screen: screen.count(mark) > before, "the echo") - start)
        return out
    finally:
        _stop()


def p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98] if len(samples) >= 2 else samples[0]


def _app_latencies(command: str, keys: str, count: int) -> dict[str, list[float]]:
    """``count`` samples of each key in ``keys`` (one letter each) for the app ``command`` runs in the pane."""
    _start(command)
    try:
        _wait(lambda screen: WHERE.search(screen) is not None, "the app")
        time.sleep(1.0)  # let the first loads and frames land before timing
        return {key: _latencies(key, WHERE, count) for key in keys}
    finally:
        _stop()


KEYS = {"j": "j → next candidate painted", "k": "k → previous candidate painted",
        "a": "a → accept committed and painted", "x": "x → reject committed and painted"}


def bench_terminal(db: Path, count: int, figure: Callable[..., Any]) -> list[Any]:
    """Figures for ``j``/``k`` (moves) and ``a``/``x`` (decisions) through tmux on ``db``; none without tmux.

    Each figure's baseline is the bare Textual app's ``j`` (``BARE_APP``) measured in the same run; the
    note gives the median and the ``cat`` echo floor.
    """
    if shutil.which("tmux") is None:
        print("[terminal: tmux is not installed, skipped]", file=sys.stderr)
        return []
    floor = statistics.median(_echo_latencies(count))
    bare = _app_latencies(f"{sys.executable} -c '{BARE_APP}'", "j", count)["j"]
    ours = _app_latencies(f"{sys.executable} -m curator --db {db} review --reviewer bench-terminal", "jkax", count)

    def note(samples: list[float]) -> str:
        return (f"median {statistics.median(samples) * 1000:.0f} ms; baseline: p99 of a bare Textual app's j (median"
                f" {statistics.median(bare) * 1000:.0f} ms); tmux send-keys to cat, polled until echoed: median"
                f" {floor * 1000:.0f} ms")

    return [
        figure(f"{KEYS[key]} in tmux, p99 of {count}", p99(samples), p99(bare), "s", "p99 < 50 ms", p99(samples) < 0.05,
               note(samples))
        for key, samples in ours.items()
    ]
