"""curator benchmarks: each figure beside a baseline measured in the same run.

    python benchmarks/run.py            full run (make bench)
    python benchmarks/run.py --quick    CI-sized inputs
    python benchmarks/run.py --only pipeline,startup

These machines are shared and noisy, so every figure is the best of a few
repeats and is reported as a ratio to a baseline taken moments before it:
absolute times alone mean little here.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_export_memory import bench_fact_memory  # noqa: E402
from bench_pages import bench_pages  # noqa: E402
from bench_scale import bench_memory, bench_save, bench_status, bench_workers, interleaved  # noqa: E402
from bench_peers import bench_peers  # noqa: E402
from bench_terminal import bench_terminal  # noqa: E402
from make_corpus import write_corpus  # noqa: E402


@dataclass
class Figure:
    name: str
    ours: float
    baseline: float
    unit: str
    target: str
    passed: bool
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Fastest of ``repeat`` runs, in seconds (the least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


# -- 1. ingest + extract + match --------------------------------------------------

FLOOR_PATTERN = re.compile(r"[$¥€£]?\d[\d,.]*\s*(?:%|billion|million|trillion|万亿|亿|万)?")


def floor_pipeline(corpus: Path, db: Path) -> int:
    """The floor: read the files, one regular expression, the articles and spans stored as article and candidate
    rows in a database curator made (the same tables, indexes, triggers and full-text index), 50 files per commit."""
    import hashlib

    from curator.store import open_store

    open_store(db).close()
    conn = sqlite3.connect(db, isolation_level=None)
    spans = 0
    files = sorted(corpus.iterdir())
    for start in range(0, len(files), 50):
        conn.execute("BEGIN IMMEDIATE")
        for path in files[start : start + 50]:
            text = path.read_text(encoding="utf-8")
            digest = hashlib.sha256(text.encode()).hexdigest()
            conn.execute(
                "INSERT INTO articles (id, sha256, source, title, language, text, ingested_at, extracted_at)"
                " VALUES (?, ?, ?, ?, 'en', ?, 'now', 'now') ON CONFLICT(id) DO NOTHING",
                (digest[:16], digest, path.name, text.split("\n", 1)[0], text),
            )
            rows = [
                (hashlib.sha256(f"{digest}:{m.start()}".encode()).hexdigest()[:16], digest[:16], m.group(), m.start(),
                 m.end(), m.group())
                for m in FLOOR_PATTERN.finditer(text)
            ]
            conn.executemany(
                "INSERT INTO candidates (id, article_id, kind, text, span_start, span_end, quote, quote_start, statement,"
                " extractor) VALUES (?, ?, 'number', ?, ?, ?, '', 0, ?, 'floor') ON CONFLICT(id) DO NOTHING",
                rows,
            )
            spans += len(rows)
        conn.execute("COMMIT")
    conn.close()
    return spans


def curator_pipeline(corpus: Path, db: Path) -> int:
    from curator.pipeline import extract, ingest
    from curator.store import open_store

    with open_store(db) as store:
        ingest(store, [corpus])
        return extract(store).candidates


def fresh_db(folder: Path, name: str) -> Path:
    path = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def bench_pipeline(work: Path, n: int, repeat: int) -> list[Figure]:
    """The pipeline against the regex floor, and its growth: both sizes run in one loop, interleaved."""
    small = write_corpus(n, work / f"corpus-{n}")
    large = write_corpus(4 * n, work / f"corpus-{4 * n}")
    floor, ours, ours_large = interleaved([
        lambda: floor_pipeline(small, fresh_db(work, "floor.db")),
        lambda: curator_pipeline(small, fresh_db(work, "ours.db")),
        lambda: curator_pipeline(large, fresh_db(work, "ours4.db")),
    ], repeat)
    return [
        Figure(f"ingest+extract+match, {n} articles", ours, floor, "s", "≤ 5x floor", ours <= 5 * floor,
               "floor: read + one regex, articles and spans stored into curator's tables and indexes, 50 files per commit"),
        Figure(f"growth: {4 * n} vs {n} articles", ours_large, ours, "s", "≤ 4.5x", ours_large <= 4.5 * ours),
    ]


# -- 2. matching ------------------------------------------------------------------------


def bench_match(work: Path, sizes: tuple[int, int], repeat: int, in_memory: bool = True) -> list[Figure]:
    """Matching at scale, and its growth per 10x candidates, timed fairly (``bench_match.time_growth``).

    The block-wise full match from the store (``rematch``) is what ``curator
    extract`` runs on a corpus it has not matched and ``extract --rematch``
    always: those figures carry the targets. The in-memory
    ``match_candidates`` (the tests' reference for it) is reported beside
    when ``in_memory`` (not in ``--quick``, to keep that quick).
    """
    from bench_match import time_growth

    folder = work / "match-growth"
    folder.mkdir(exist_ok=True)
    growth = sizes[1] / sizes[0]
    target = 1.2 * growth
    ten = f"the mean of {sizes[1] // sizes[0]} corpora of {sizes[0]:,}, in turn with it, fastest of {repeat} rounds"
    figures = []
    for blockwise in (True, False) if in_memory else (True,):
        g = time_growth(sizes, repeat, folder, blockwise)
        how = "block-wise from the store (extract's full match)" if blockwise else "in memory (match_candidates)"
        if blockwise:
            figures.append(Figure(f"matching {sizes[1]:,} candidates, {how}", g.large.wall, 10.0, "s", "< 10 s",
                                  g.large.wall < 10.0, "baseline column: the 10 s target itself"))
        for clock, ours, base in (("wall", g.large.wall, g.small.wall), ("CPU", g.large.cpu, g.small.cpu)):
            figures.append(Figure(
                f"matching growth, {how}: {sizes[1]:,} vs {sizes[0]:,} candidates ({growth:.0f}x), {clock} time",
                ours, base, "s", f"≤ {target:.0f}x", ours <= target * base, f"baseline: {ten}",
            ))
    return figures


# -- 6. start-up ------------------------------------------------------------------


CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""Children may write bytecode: a user's Python caches it, so compiling our modules on every start is not what they see."""

BARE_HELP = """
import click
@click.group()
def cli():
    "A bare click CLI with one command."
@cli.command()
def status():
    "Print counts."
cli()
"""
BARE_STATUS = """
import json, sqlite3, sys
import click
@click.command()
@click.argument("db")
def status(db):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "candidates", "decisions")}
    counts["by_status"] = dict(conn.execute("SELECT status, count(*) FROM candidates GROUP BY status").fetchall())
    click.echo(json.dumps(counts))
status()
"""


def command_time(args: list[str], repeat: int) -> float:
    subprocess.run(args, check=True, capture_output=True, env=CHILD_ENV)  # warm the bytecode cache first
    return best_of(lambda: subprocess.run(args, check=True, capture_output=True, env=CHILD_ENV), repeat)


def bench_startup(work: Path, repeat: int) -> list[Figure]:
    db = fresh_db(work, "startup.db")
    seeds = HERE.parent / "seeds"
    subprocess.run([sys.executable, "-m", "curator", "--db", str(db), "ingest", str(seeds)], check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "curator", "--db", str(db), "extract"], check=True, capture_output=True)
    figures = []
    for name, ours_args, bare_args, note in (
        ("curator --help", ["--help"], [sys.executable, "-c", BARE_HELP, "--help"],
         "baseline: a bare click group printing its help"),
        ("curator status", ["--db", str(db), "status"], [sys.executable, "-c", BARE_STATUS, str(db)],
         "baseline: a bare click command opening the file read-only and printing four counts"),
    ):
        bare = command_time(bare_args, repeat)
        ours = command_time([sys.executable, "-m", "curator", *ours_args], repeat)
        figures.append(Figure(f"start-up: {name}", ours, bare, "s", "≤ 1.3x", ours <= 1.3 * bare, note))
    python = command_time([sys.executable, "-c", "import click, sqlite3, json"], repeat)
    status = command_time([sys.executable, "-m", "curator", "--db", str(db), "status"], repeat)
    figures.append(Figure("start-up: curator status vs imports only", status, python, "s", "(for scale)", True,
                          "baseline: python -c 'import click, sqlite3, json'"))
    return figures


# -- 4b. curator decide throughput -----------------------------------------------------


def bench_decide_cli(work: Path, n: int, repeat: int) -> list[Figure]:
    """``curator decide accept`` over n candidates in one process, one transaction each, against bare sqlite3 doing the same commits."""
    from curator.store import open_store

    db = fresh_db(work, "decide.db")
    corpus = write_corpus(max(10, n // 8), work / f"decide-corpus-{n}")
    curator_pipeline(corpus, db)
    with open_store(db) as store:
        ids = [c.id for c in store.candidates()][:n]

    def ours() -> None:
        subprocess.run(
            [sys.executable, "-m", "curator", "--db", str(db), "decide", "accept", *ids, "--reviewer", "bench"],
            check=True, capture_output=True,
        )

    def bare() -> None:
        conn = sqlite3.connect(work / "bare.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("CREATE TABLE IF NOT EXISTS d (id INTEGER PRIMARY KEY, candidate TEXT, reviewer TEXT, action TEXT)")
        for cid in ids:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO d (candidate, reviewer, action) VALUES (?, 'bench', 'accept')", (cid,))
            conn.execute("COMMIT")
        conn.close()

    ours_s = best_of(ours, repeat)
    bare_s = best_of(bare, repeat)
    rate = len(ids) / ours_s
    return [
        Figure(f"curator decide: {len(ids)} decisions ({rate:,.0f}/s)", ours_s, bare_s, "s", "> 1,000/s",
               rate > 1000, "baseline: bare sqlite3, one BEGIN IMMEDIATE insert per id; ours includes process start"),
    ]


# -- 3 and 4a. the review screen ----------------------------------------------------------


def big_database(work: Path, articles: int, per_article: int) -> Path:
    from big_db import build

    path = work / f"big-{articles}-{per_article}.db"
    if not path.exists():
        build(path, articles, per_article)
    return path


async def _first_frame(factory: Callable[[], object], settle: bool = False) -> float:
    """Seconds from building the app (stores opened, schema read) to its first interactive frame on screen.

    Interactive: the article, its candidates and the current one are drawn, so
    a key acts on them. With ``settle``, also wait for every background load
    (header counts, list length, claim panel) to land and be drawn.
    """
    start = time.perf_counter()
    app = factory()
    async with app.run_test(size=(160, 48)) as pilot:  # type: ignore[attr-defined]
        main = getattr(app, "main_screen", None)  # the bare app has none: its first frame is the first pause
        while main is not None and ((screen := main()) is None or screen.review.current is None):
            await pilot.pause()
        if settle:
            await _settle(app, pilot)
        await pilot.pause()
        elapsed = time.perf_counter() - start
        await pilot.press("q")
    return elapsed


async def _settle(app: object, pilot: object) -> None:
    """Wait for the background loads to land (an exclusive worker replaced by a newer one counts as landed)."""
    from textual.worker import WorkerCancelled

    for _ in range(200):
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        if all(w.is_finished for w in app.workers):  # type: ignore[attr-defined]
            return


def bare_app() -> object:
    """The same widgets, stylesheet and footer keys as the review screen, with no data and no database."""
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, Vertical
    from textual.scroll_view import ScrollView
    from textual.widgets import DataTable, Footer, Static

    from curator.tui.screens.main import REVIEW_BINDINGS

    class Bare(App[None]):
        CSS_PATH = str(HERE.parent / "curator" / "tui" / "curator.tcss")
        BINDINGS = REVIEW_BINDINGS

        def compose(self) -> ComposeResult:
            yield Static("curator", id="header")
            with Horizontal(id="body"):
                yield ScrollView(id="articles")
                with Vertical(id="article-pane"):
                    yield Static("", id="article-meta")
                    yield ScrollView(id="article")
                with Vertical(id="side"):
                    yield DataTable(id="candidates")
                    yield ScrollView(id="claim")
            yield Footer(compact=True)

    return Bare()


def bench_review(work: Path, articles: int, per_article: int, repeat: int) -> list[Figure]:
    import asyncio

    from curator.tui.app import make_app

    db = big_database(work, articles, per_article)
    ours = min(asyncio.run(_first_frame(lambda: make_app(db, "bench", cursor_blink=False))) for _ in range(repeat))
    bare = min(asyncio.run(_first_frame(bare_app)) for _ in range(repeat))
    small = work / "small.db"
    if not small.exists():
        from curator.pipeline import extract, ingest
        from curator.store import open_store

        with open_store(small) as store:
            ingest(store, [HERE.parent / "seeds"])
            extract(store)
    seeds = min(asyncio.run(_first_frame(lambda: make_app(small, "bench", cursor_blink=False))) for _ in range(repeat))
    settled = min(asyncio.run(_first_frame(lambda: make_app(db, "bench", cursor_blink=False), settle=True)) for _ in range(repeat))
    latencies = asyncio.run(_decision_latencies(make_app(db, "bench", cursor_blink=False), 200))
    p99 = statistics.quantiles(latencies, n=100)[98]
    median = statistics.median(latencies)
    return [
        Figure(f"review screen first frame, {articles:,} articles / {articles * per_article:,} candidates", ours, bare,
               "s", "≤ 1.5x bare app", ours <= 1.5 * bare, "baseline: the same widgets, stylesheet and footer keys, no data"),
        Figure("review screen first frame, 5 seed articles", seeds, bare, "s", "(for scale)", True),
        Figure("review screen settled (counts, list, claim panel loaded), large database", settled, bare, "s", "(for scale)",
               True),
        Figure(f"keypress → committed decision → next candidate, p99 of {len(latencies)}", p99, median, "s",
               "p99 < 16 ms", p99 < 0.016, "baseline column: the median; measured on the large database"),
    ]


async def _decision_latencies(app: object, count: int) -> list[float]:
    """From the accept action to the cursor on the next candidate, the commit included."""
    import asyncio

    latencies = []
    async with app.run_test(size=(160, 48)) as pilot:  # type: ignore[attr-defined]
        await _settle(app, pilot)
        screen = app.screen  # type: ignore[attr-defined]
        for _ in range(count):
            before = screen.review.current
            start = time.perf_counter()
            screen.action_decide("accept")
            while screen.review.current == before and time.perf_counter() - start < 2:
                await asyncio.sleep(0)  # a move to the next article arrives from a worker
            latencies.append(time.perf_counter() - start)
            await pilot.pause()
        await pilot.press("q")
    return latencies


# -- 5. export ---------------------------------------------------------------------------

BARE_EXPORT = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for row in conn.execute("SELECT * FROM candidates"):
        out.write(json.dumps(list(row), ensure_ascii=False))
        out.write("\\n")
"""


def timed_child(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one child process.

    The peak is the child's own ``VmHWM``, polled until it exits: ``ru_maxrss``
    from ``wait4`` would also count the parent's memory the child had before
    ``exec`` (Linux carries the high-water mark across it).
    """
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=CHILD_ENV)
    status, peak_kb = Path(f"/proc/{child.pid}/status"), 0
    while child.poll() is None:
        try:
            peak_kb = max(peak_kb, *(int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmHWM:")))
        except (OSError, ValueError, TypeError):
            pass
        time.sleep(0.005)
    elapsed = time.perf_counter() - start
    if child.returncode != 0:
        raise RuntimeError(f"{args} failed: {child.stderr.read().decode() if child.stderr else ''}")
    return elapsed, peak_kb / 1024


def bench_export(work: Path, articles: int, per_article: int, repeat: int) -> list[Figure]:
    """``curator export --status all`` of every candidate against json.dumps of the same rows from a bare cursor."""
    db = big_database(work, articles, per_article)
    out = work / "sheet.json"
    ours = [
        timed_child([sys.executable, "-m", "curator", "--db", str(db), "export", "--status", "all", "-o", str(out), "--force"])
        for _ in range(repeat)
    ]
    bare = [timed_child([sys.executable, "-c", BARE_EXPORT, str(db), str(work / "bare.jsonl")]) for _ in range(repeat)]
    ours_s, bare_s = min(t for t, _ in ours), min(t for t, _ in bare)
    peak = max(m for _, m in ours)
    size = out.stat().st_size / 1e6
    total = articles * per_article
    return [
        Figure(f"export --status all, {total:,} candidates ({size:,.0f} MB JSON)", ours_s, bare_s, "s", "≤ 3x",
               ours_s <= 3 * bare_s, "baseline: json.dumps of each candidates row from a bare sqlite3 cursor"),
        Figure(f"export peak memory, {total:,} candidates", peak, max(m for _, m in bare), "MB", "< 300 MB", peak < 300,
               "baseline column: the bare cursor's peak"),
    ]


BENCHES: dict[str, Callable[[Path, bool], list[Figure]]] = {
    "pipeline": lambda work, quick: bench_pipeline(work, 50 if quick else 500, 2 if quick else 3),
    "decide": lambda work, quick: bench_decide_cli(work, 300 if quick else 3000, 2 if quick else 3),
    "startup": lambda work, quick: bench_startup(work, 5 if quick else 15),
    "match": lambda work, quick: bench_match(work, (1_000, 10_000) if quick else (10_000, 100_000), 2 if quick else 3,
                                             in_memory=not quick),
    "review": lambda work, quick: bench_review(work, 2000 if quick else 100_000, 10, 2 if quick else 3),
    "export": lambda work, quick: bench_export(work, 2000 if quick else 100_000, 10, 2 if quick else 3),
    "pages": lambda work, quick: bench_pages(work, 2 if quick else 10, 2 if quick else 3, best_of, Figure),
    "status": lambda work, quick: bench_status(big_database(work, 2000 if quick else 100_000, 10), 3 if quick else 5,
                                               command_time, Figure, BARE_STATUS),
    "save": lambda work, quick: bench_save(work, 100 if quick else 1000, 3, Figure),
    "workers": lambda work, quick: bench_workers(work, 100 if quick else 1000, 2 if quick else 3, CHILD_ENV, Figure),
    "memory": lambda work, quick: bench_memory(work, (100, 400) if quick else (1000, 4000, 16000), 1 if quick else 3,
                                               CHILD_ENV, Figure),
    "factmem": lambda work, quick: bench_fact_memory((2_000, 20_000) if quick else (20_000, 200_000), Figure),
    "peers": lambda work, quick: bench_peers(work, 30 if quick else 300, 1 if quick else 3, Figure),
    "terminal": lambda work, quick: bench_terminal(
        big_database(work, 2000 if quick else 100_000, 10), 20 if quick else 100, Figure
    ),
}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"


def table(figures: list[Figure]) -> str:
    lines = [
        "| figure | ours | baseline | ratio | target | met |",
        "|---|---:|---:|---:|---|---|",
    ]
    for f in figures:
        lines.append(
            f"| {f.name} | {f.ours:.3f} {f.unit} | {f.baseline:.3f} {f.unit} | {f.ratio:.2f}x | {f.target} | "
            f"{'yes' if f.passed else 'NO'} |"
        )
    notes = [f"- {f.name}: {f.note}" for f in figures if f.note]
    return "\n".join(lines + ([""] + notes if notes else []))


def main() -> int:
    parser = argparse.ArgumentParser(description="curator benchmarks")
    parser.add_argument("--quick", action="store_true", help="CI-sized inputs")
    parser.add_argument("--only", help="comma-separated subset of: " + ", ".join(BENCHES))
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--work", type=Path, help="keep inputs (the 1M-candidate database, corpora) in this folder across runs")
    args = parser.parse_args()
    chosen = args.only.split(",") if args.only else list(BENCHES)
    unknown = [c for c in chosen if c not in BENCHES]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="curator-bench-") as scratch:
        tmp = args.work or scratch
        Path(tmp).mkdir(parents=True, exist_ok=True)
        for name in chosen:
            start = time.perf_counter()
            figures.extend(BENCHES[name](Path(tmp), args.quick))
            print(f"[{name} done in {time.perf_counter() - start:.1f} s]", file=sys.stderr)
    print(f"Machine: {machine()}")
    print(f"Run: {'quick' if args.quick else 'full'}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
    print(table(figures))
    if args.json:
        args.json.write_text(json.dumps([{**f.__dict__, "ratio": f.ratio} for f in figures], indent=2))
    return 0 if all(f.passed for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
