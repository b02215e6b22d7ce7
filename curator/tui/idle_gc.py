"""Python's full garbage-collection passes while the reviewer rests, never between a key and its painted screen.

CPython's cyclic collector runs a full pass (over every tracked object) when
enough objects have survived its young passes, wherever that happens to be.
A review screen keeps some 80,000 tracked objects (each Textual ``Strip``
carries seven small caches), so a full pass took 40 ms on a quiet machine
and 100–200 ms on a loaded one, and through tmux it was behind each of the
slowest keys (``BENCHMARKS.md``, section 7). ``IdleCollector`` moves those
passes to moments without input: it freezes what start-up built (``gc.freeze``:
modules, classes, functions, never garbage, never scanned again), raises the
third threshold so the collector starts no full pass by itself, and runs one
from a timer when one is due and no key or click came for ``REST_S``.
Young passes stay automatic (a fraction of a millisecond each). A reviewer
who never rests gets the pass anyway once ``OVERDUE`` are due, so cyclic
garbage cannot pile up. Source: the ``gc`` module's documentation (thresholds,
``get_count``, ``freeze``).
"""

from __future__ import annotations

import gc
from time import monotonic

REST_S = 0.5
"""Seconds without input after which a due full pass runs (a key arriving during it waits for it)."""
CHECK_S = 0.25
"""How often the timer looks."""
NEVER = 1_000_000
"""A third threshold the collector never reaches by itself (young passes between two full ones)."""
OVERDUE = 40
"""Full passes due, in units of Python's own third threshold, after which one runs even while keys keep coming.

A key makes about half a middle pass and some 250 objects of cyclic garbage
(measured on the 1M-candidate database), so this is some 800 keys without a
half-second rest, and that garbage is a few tens of MB at most until then. At
10 the benchmark's 400 back-to-back keys met a forced pass (150–250 ms under
load) among its last hundred."""


class IdleCollector:
    """Full passes at rest for one running app: ``start`` when its first screen is up, ``input`` on each key or click,
    ``tick`` from a timer, ``stop`` when it closes (the process's collector settings as they were)."""

    def __init__(self) -> None:
        self._thresholds: tuple[int, int, int] | None = None
        self._last_input = monotonic()

    @property
    def running(self) -> bool:
        return self._thresholds is not None

    def start(self) -> None:
        if self.running:
            return
        self._thresholds = gc.get_threshold()
        gc.collect()
        gc.freeze()
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, NEVER)

    def input(self) -> None:
        self._last_input = monotonic()

    def tick(self) -> bool:
        """Run a full pass if one is due and the reviewer rests (or it is long overdue); whether it ran."""
        if self._thresholds is None or not gc.isenabled():
            return False
        due = gc.get_count()[2] / max(self._thresholds[2], 1)
        resting = monotonic() - self._last_input >= REST_S
        if due >= OVERDUE or (due >= 1 and resting):
            gc.collect()
            return True
        return False

    def stop(self) -> None:
        if self._thresholds is None:
            return
        gc.set_threshold(*self._thresholds)
        self._thresholds = None
        gc.unfreeze()
