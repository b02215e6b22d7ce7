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
polling's own cost is measured in the same run and shown beside ours.
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


def bench_terminal(db: Path, count: int, figure: Callable[..., Any]) -> list[Any]:
    """Figures for ``j`` (move) and ``a`` (accept) through tmux on ``db``; none when tmux is not installed."""
    if shutil.which("tmux") is None:
        print("[terminal: tmux is not installed, skipped]", file=sys.stderr)
        return []
    floor = _echo_latencies(count)
    _start(f"{sys.executable} -m curator --db {db} review --reviewer bench-terminal")
    try:
        _wait(lambda screen: WHERE.search(screen) is not None and " decided " in screen, "the review screen")
        moves = _latencies("j", WHERE, count)
        accepts = _latencies("a", WHERE, count)
    finally:
        _stop()
    base = statistics.median(floor)

    def note(samples: list[float]) -> str:
        return (f"median {statistics.median(samples) * 1000:.0f} ms; baseline: tmux send-keys to cat,"
                " polling capture-pane until the echo shows (median)")

    return [
        figure(f"j → next candidate painted in tmux, p99 of {count}", p99(moves), base, "s", "p99 < 50 ms",
               p99(moves) < 0.05, note(moves)),
        figure(f"a → decision committed and painted in tmux, p99 of {count}", p99(accepts), base, "s", "p99 < 50 ms",
               p99(accepts) < 0.05, note(accepts)),
    ]
