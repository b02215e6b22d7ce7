"""Web-page ingest speed: `curator ingest` of real pages against a bare `trafilatura.extract` loop.

The pages are the committed corpus (tests/data/news/*.html), each copied
``copies`` times under its own name so every file is read and parsed (the
copies are duplicates, so the store adds each article once). Reported as
pages per second, with the bare loop as the baseline.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

NEWS = Path(__file__).resolve().parent.parent / "tests" / "data" / "news"


def page_corpus(folder: Path, copies: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    pages = []
    for i in range(copies):
        for page in sorted(NEWS.glob("*.html")):
            target = folder / f"{i:03d}_{page.name}"
            shutil.copyfile(page, target)
            pages.append(target)
    return pages


def bare_extract(pages: list[Path]) -> int:
    """The floor: trafilatura.extract on each file's bytes, nothing stored."""
    import trafilatura

    return sum(len(trafilatura.extract(p.read_bytes()) or "") for p in pages)


def curator_ingest(folder: Path, db: Path) -> int:
    from curator.pipeline import ingest
    from curator.store import open_store

    with open_store(db) as store:
        report = ingest(store, [folder])
    return len(report.added) + report.duplicates


def bench_pages(work: Path, copies: int, repeat: int, best_of: Callable[..., float], figure: Callable[..., object]) -> list:
    pages = page_corpus(work / "pages", copies)
    n = len(pages)
    bare_extract(pages[:1])  # imports and trafilatura's first-call set-up outside the timing
    bare = best_of(lambda: bare_extract(pages), repeat)

    def ours() -> None:
        db = work / "pages.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        curator_ingest(work / "pages", db)

    ours_s = best_of(ours, repeat)
    return [
        figure(f"web pages: curator ingest, {n} pages ({n / ours_s:.0f} pages/s)", ours_s, bare, "s", "≤ 3x",
               ours_s <= 3 * bare, f"baseline: a bare trafilatura.extract loop ({n / bare:.0f} pages/s); ours adds metadata"
               " (htmldate, JSON-LD), decoding and the store"),
    ]
