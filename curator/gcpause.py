"""Pausing Python's cyclic garbage collector around bulk work on many small objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, as it was before afterwards.

    Matching and exports make millions of short-lived tuples, dicts and
    strings that form no cycles; reference counting frees them all. The
    collector's full passes walk every live object, so with a large database
    in memory they cost more the larger it is: matching 100,000 candidates
    took 1.5x as long with them, and grew faster than linearly.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
