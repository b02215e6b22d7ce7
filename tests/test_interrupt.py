"""Ctrl-C (SIGINT) during a long command: one sentence, exit status 130, every committed chunk whole."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from curator.pipeline import INGEST_CHUNK

ARTICLES = 1000


def _corpus(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(ARTICLES):
            text = (f"Company {i} Holdings said on Monday it raised ${i + 1} million from {i % 7 + 2} investors. "
                    f"Its revenue grew {i % 50 + 1}% in the year to March, the company said in statement number {i}.")
            out.write(json.dumps({"title": f"Report {i}", "text": text}) + "\n")
    return path


def _articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_ctrl_c_mid_ingest_says_what_is_kept_and_a_second_run_goes_on(tmp_path: Path) -> None:
    corpus, db = _corpus(tmp_path / "many.jsonl"), tmp_path / "c.db"
    command = [sys.executable, "-m", "curator", "--db", str(db), "ingest", str(corpus)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while _articles(db) == 0 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=120)
    kept = _articles(db)
    assert child.returncode == 130, (out, err)
    assert err == ("curator: interrupted; everything committed before it is kept and nothing is half-written "
                   "(run the same command again to go on).\n")
    assert 0 < kept < ARTICLES and kept % INGEST_CHUNK == 0
    again = subprocess.run(command, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
    assert f"({kept} already there, 0 skipped)" in again.stdout
    assert _articles(db) == ARTICLES
