"""One reviewer's screen in a child process for the race test: headless, pressing ``a`` as fast as it can.

``python race_reviewer.py DB REVIEWER READY GO``: opens the review screen
(``App.run_test()``), touches ``READY`` once the first article is on screen,
waits for ``GO`` (so both screens start pressing at the same moment), then
presses ``a`` until its screen says nothing is left to review, quits with
``q`` and prints one JSON line: presses, the session summary, and every toast.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from review_data import settle  # noqa: E402

from curator.tui.app import make_app  # noqa: E402

DONE = "Nothing left to review"
PATIENCE_S = 60.0


async def race(db: Path, reviewer: str, ready: Path, go: Path) -> dict[str, object]:
    app = make_app(db, reviewer, cursor_blink=False, poll_interval=0.05)
    presses = 0
    async with app.run_test() as pilot:
        await settle(pilot)
        ready.touch()
        deadline = time.monotonic() + PATIENCE_S
        while not go.exists():
            assert time.monotonic() < deadline, "the race never started"
            await asyncio.sleep(0.005)
        toasts = lambda: [str(n.message) for n in app._notifications]  # noqa: E731
        while not any(DONE in t for t in toasts()):
            assert time.monotonic() < deadline, f"{reviewer}'s screen never ran out of candidates: {toasts()}"
            await pilot.press("a")
            presses += 1
        await settle(pilot)
        said = toasts()
        await pilot.press("q")
        await pilot.pause()
    return {"reviewer": reviewer, "presses": presses, "summary": app.summary, "toasts": said}


if __name__ == "__main__":
    db, reviewer, ready, go = sys.argv[1:5]
    print(json.dumps(asyncio.run(race(Path(db), reviewer, Path(ready), Path(go)))))
