"""Scale figures: extraction memory across corpus sizes, saving against the same rows stored bare, status on 1M.

Every figure is a ratio to a baseline doing the same work in the same run,
each pair measured interleaved (ours, baseline, ours, baseline, ...) and the
minimum of the repeats kept, so a burst of load from another process hits
both sides alike.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from make_corpus import write_corpus


def interleaved(fns: list[Callable[[], object]], repeat: int) -> list[float]:
    """The fastest of ``repeat`` rounds for each function, the functions taking turns within a round (seconds)."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def _fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def tree_peak(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, the process's own peak (``VmHWM``, MB) and the peak of its resident memory summed with its
    worker processes' (``VmRSS`` of the tree, polled every 5 ms, MB) for one command."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    own = tree = 0
    while child.poll() is None:
        own = max(own, _status_kb(child.pid, "VmHWM:"))
        tree = max(tree, sum(_status_kb(pid, "VmRSS:") for pid in _tree(child.pid)))
        time.sleep(0.005)
    if child.returncode != 0:
        raise RuntimeError(f"{args} failed: {child.stderr.read().decode() if child.stderr else ''}")
    return time.perf_counter() - start, own / 1024, tree / 1024


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return pids


def bench_memory(work: Path, sizes: tuple[int, ...], repeat: int, env: dict[str, str], figure: Callable[..., Any]) -> list[Any]:
    """Peak resident memory of ``curator extract`` on generated corpora of each size: the main process's own
    (``VmHWM``, where matching runs) and the whole tree's with its extraction workers.

    Each size is ingested into its own database; extraction runs ``repeat`` times per size on a copy in
    which no article is extracted, the sizes taking turns. The baseline is the smallest size's peak:
    flat memory means a ratio near 1 however large the corpus.
    """
    peaks: dict[int, float] = {}
    trees: dict[int, float] = {}
    secs: dict[int, float] = {}
    ingested: dict[int, Path] = {}
    for n in sizes:
        corpus = write_corpus(n, work / f"mem-corpus-{n}.jsonl")
        ingested[n] = _fresh(work / f"mem-{n}.db")
        subprocess.run([sys.executable, "-m", "curator", "--db", str(ingested[n]), "ingest", str(corpus)], check=True,
                       capture_output=True, env=env)
    for _ in range(repeat):
        for n in sizes:
            db = _fresh(work / f"mem-run-{n}.db")
            source = sqlite3.connect(ingested[n])
            target = sqlite3.connect(db)
            source.backup(target)
            source.close()
            target.close()
            elapsed, peak, tree = tree_peak([sys.executable, "-m", "curator", "--db", str(db), "extract"], env)
            peaks[n] = min(peaks.get(n, float("inf")), peak)
            trees[n] = min(trees.get(n, float("inf")), tree)
            secs[n] = min(secs.get(n, float("inf")), elapsed)
    base = sizes[0]
    figures = []
    for n in sizes[1:]:
        figures.append(figure(f"extract peak memory, {n:,} articles ({secs[n]:,.0f} s; {base:,}: {secs[base]:,.0f} s)",
                              peaks[n], peaks[base], "MB", "≤ 1.5x and < 500 MB",
                              peaks[n] <= 1.5 * peaks[base] and peaks[n] < 500,
                              f"baseline: the same command on {base:,} articles; the main process (VmHWM), which matches"))
        figures.append(figure(f"extract peak memory with its workers, {n:,} articles", trees[n], trees[base], "MB",
                              "≤ 1.5x", trees[n] <= 1.5 * trees[base],
                              f"baseline: the same on {base:,} articles; VmRSS of the process tree, polled"))
    return figures


def bench_save(work: Path, articles: int, repeat: int, figure: Callable[..., Any]) -> list[Any]:
    """Saving extracted candidates: batches of 50 articles per transaction against one per article, and against
    a bare ``executemany`` of the same rows into the same tables, indexes and triggers (a database curator made)."""
    from curator.extract import extract_article
    from curator.ingest import make_article
    from curator.pipeline import EXTRACT_BATCH
    from curator.schema import load_schema
    from curator.store import open_store
    from curator.store.candidates import CANDIDATE_COLUMNS
    from make_corpus import generate

    schema = load_schema()
    docs = [make_article(d["text"], source=d["source"]) for d in generate(articles)]
    extracted = [(a.id, extract_article(a, schema)) for a in docs if a is not None]
    batches = [extracted[i : i + EXTRACT_BATCH] for i in range(0, len(extracted), EXTRACT_BATCH)]

    def prepared(name: str) -> Path:
        db = _fresh(work / name)
        with open_store(db) as store:
            store.add_articles([a for a in docs if a is not None])
        return db

    def batched() -> None:
        with open_store(prepared("save-batched.db")) as store:
            for batch in batches:
                store.save_extractions(batch)

    def per_article() -> None:
        with open_store(prepared("save-each.db")) as store:
            for article_id, candidates in extracted:
                store.save_extraction(article_id, candidates)

    def bare() -> None:
        conn = sqlite3.connect(prepared("save-bare.db"), isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        insert = f"INSERT INTO candidates ({CANDIDATE_COLUMNS}) VALUES ({', '.join('?' * 16)}) ON CONFLICT(id) DO NOTHING"
        for batch in batches:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(insert, [
                (c.id, c.article_id, c.kind, c.text, c.start, c.end, c.quote, c.quote_start, c.subject, c.statement,
                 c.value, c.unit, c.qualifier, c.extractor, None, None)
                for _, candidates in batch for c in candidates
            ])
            conn.executemany("UPDATE articles SET extracted_at = 'now' WHERE id = ?", [(a,) for a, _ in batch])
            conn.execute("COMMIT")
        conn.close()

    rows = sum(len(c) for _, c in extracted)
    ours, each, floor = interleaved([batched, per_article, bare], repeat)
    name = f"save {rows:,} candidates of {articles:,} articles, {EXTRACT_BATCH} per transaction"
    return [
        figure(name, ours, floor, "s", "≤ 1.5x", ours <= 1.5 * floor,
               "baseline: bare executemany of the same rows into the same tables, indexes and triggers, same batches"),
        figure("save, one transaction per article (before)", each, ours, "s", "(for scale)", True,
               "baseline: the batched save above"),
    ]


def bench_status(db: Path, repeat: int, command_time: Callable[[list[str], int], float], figure: Callable[..., Any],
                 bare_status: str) -> list[Any]:
    """Plain ``curator status`` on the 1M-candidate database against ``curator --help`` and a bare counting script."""
    help_args = [sys.executable, "-m", "curator", "--help"]
    status_args = [sys.executable, "-m", "curator", "--db", str(db), "status"]
    bare_args = [sys.executable, "-c", bare_status, str(db)]
    best = {"help": float("inf"), "status": float("inf"), "bare": float("inf")}
    for _ in range(repeat):
        for name, args in (("help", help_args), ("status", status_args), ("bare", bare_args)):
            best[name] = min(best[name], command_time(args, 1))
    return [
        figure("curator status, 1,000,000 candidates", best["status"], best["help"], "s", "≤ 2x", best["status"] <= 2 * best["help"],
               "baseline: curator --help in the same rounds"),
        figure("curator status vs a bare count, 1,000,000 candidates", best["status"], best["bare"], "s", "(for scale)", True,
               "baseline: bare click + sqlite3 counting candidates by status (a scan: no counters)"),
    ]


def bench_workers(work: Path, articles: int, repeat: int, env: dict[str, str], figure: Callable[..., Any]) -> list[Any]:
    """``curator extract`` with one worker per core against ``--workers 1`` on the same ingested corpus, interleaved."""
    cores = os.cpu_count() or 1
    corpus = write_corpus(articles, work / f"workers-corpus-{articles}.jsonl")
    ingested = _fresh(work / f"workers-{articles}.db")
    subprocess.run([sys.executable, "-m", "curator", "--db", str(ingested), "ingest", str(corpus)], check=True,
                   capture_output=True, env=env)

    def run(workers: int) -> Callable[[], None]:
        def extract() -> None:
            db = _fresh(work / "workers-run.db")
            source, target = sqlite3.connect(ingested), sqlite3.connect(db)
            source.backup(target)
            source.close()
            target.close()
            subprocess.run([sys.executable, "-m", "curator", "--db", str(db), "extract", "--workers", str(workers)],
                           check=True, capture_output=True, env=env)

        return extract

    many, one = interleaved([run(cores), run(1)], repeat)
    return [figure(f"extract {articles:,} articles, {cores} workers", many, one, "s", "< 1x (faster)", many < one,
                   "baseline: --workers 1; both include the database copy and matching, which one process does,"
                   " and share the cores with whatever else runs")]
