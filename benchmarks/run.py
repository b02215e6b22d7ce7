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
    """The floor: read the files, one regular expression, spans inserted in one transaction."""
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE IF NOT EXISTS spans (file TEXT, start INTEGER, end INTEGER, text TEXT)")
    rows = []
    for path in sorted(corpus.iterdir()):
        text = path.read_text(encoding="utf-8")
        rows.extend((path.name, m.start(), m.end(), m.group()) for m in FLOOR_PATTERN.finditer(text))
    with conn:
        conn.executemany("INSERT INTO spans VALUES (?, ?, ?, ?)", rows)
    conn.close()
    return len(rows)


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
    small = write_corpus(n, work / f"corpus-{n}")
    large = write_corpus(4 * n, work / f"corpus-{4 * n}")
    floor = best_of(lambda: floor_pipeline(small, fresh_db(work, "floor.db")), repeat)
    ours = best_of(lambda: curator_pipeline(small, fresh_db(work, "ours.db")), repeat)
    ours_large = best_of(lambda: curator_pipeline(large, fresh_db(work, "ours4.db")), max(1, repeat - 1))
    return [
        Figure(f"ingest+extract+match, {n} articles", ours, floor, "s", "≤ 5x floor", ours <= 5 * floor,
               "floor: read + one regex + one-transaction insert"),
        Figure(f"growth: {4 * n} vs {n} articles", ours_large, ours, "s", "≤ 4.5x", ours_large <= 4.5 * ours),
    ]


# -- 6. start-up ------------------------------------------------------------------


def command_time(args: list[str], repeat: int) -> float:
    subprocess.run(args, check=True, capture_output=True)  # warm the bytecode cache first
    return best_of(lambda: subprocess.run(args, check=True, capture_output=True), repeat)


def bench_startup(work: Path, repeat: int) -> list[Figure]:
    db = fresh_db(work, "startup.db")
    seeds = HERE.parent / "seeds"
    subprocess.run([sys.executable, "-m", "curator", "--db", str(db), "ingest", str(seeds)], check=True, capture_output=True)
    baseline = command_time([sys.executable, "-c", "import click, sqlite3, json"], repeat)
    help_time = command_time([sys.executable, "-m", "curator", "--help"], repeat)
    status_time = command_time([sys.executable, "-m", "curator", "--db", str(db), "status"], repeat)
    note = "baseline: python -c 'import click, sqlite3, json'"
    return [
        Figure("start-up: curator --help", help_time, baseline, "s", "≤ 1.3x", help_time <= 1.3 * baseline, note),
        Figure("start-up: curator status", status_time, baseline, "s", "≤ 1.3x", status_time <= 1.3 * baseline, note),
    ]


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


BENCHES: dict[str, Callable[[Path, bool], list[Figure]]] = {
    "pipeline": lambda work, quick: bench_pipeline(work, 50 if quick else 500, 2 if quick else 3),
    "decide": lambda work, quick: bench_decide_cli(work, 300 if quick else 3000, 2 if quick else 3),
    "startup": lambda work, quick: bench_startup(work, 5 if quick else 15),
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
    args = parser.parse_args()
    chosen = args.only.split(",") if args.only else list(BENCHES)
    unknown = [c for c in chosen if c not in BENCHES]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="curator-bench-") as tmp:
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
