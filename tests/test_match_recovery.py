"""A process killed with SIGKILL in the middle of matching: a plain ``extract`` finishes the matching it left."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sharing_checks import ROOT

from curator.cli import cli
from curator.pipeline import extract, ingest
from curator.store import Store, open_store

pytestmark = pytest.mark.slow

NEWS = ROOT / "tests" / "data" / "news"

KILLED_WHILE_MATCHING = """
import sys
import curator.match.incremental as incremental
from curator.pipeline import extract, ingest
from curator.store import open_store

def halt(*args, **kwargs):
    print("matching", flush=True)  # the candidates are committed and matching has begun: wait to be killed
    sys.stdin.read()
    raise SystemExit("not killed")

setattr(incremental, sys.argv[3], halt)
with open_store(sys.argv[1]) as store:
    ingest(store, [sys.argv[2]])
    extract(store)
"""


def claims(store: Store) -> dict[str, tuple[object, ...]]:
    found: dict[str, tuple[object, ...]] = {}
    for c in store.candidates():
        assert c.claim_id is not None, f"{c.id} is in no claim"
        claim = store.claim(c.claim_id)
        assert claim is not None
        found[claim.id] = (claim.statement, claim.value, claim.corroboration, claim.sources, claim.article_count,
                           tuple(sorted(claim.candidate_ids)), claim.conflicts_with)
    return found


def halves(tmp_path: Path) -> tuple[Path, Path]:
    """The seeds in two folders: the first six files, then the rest."""
    files = sorted(p for p in NEWS.iterdir() if p.name != "SOURCES.tsv")
    parts = (tmp_path / "first", tmp_path / "second")
    for part, chosen in zip(parts, (files[:6], files[6:])):
        part.mkdir()
        for f in chosen:
            shutil.copy(f, part / f.name)
    return parts


@pytest.mark.parametrize(
    ("step", "matched_before"),
    [("rematch_blockwise", False), ("_cluster", True)],  # the first (full) match; a later, incremental one
)
def test_a_plain_extract_repairs_matching_killed_with_sigkill(tmp_path: Path, step: str, matched_before: bool) -> None:
    first, second = halves(tmp_path)
    killed, whole = tmp_path / "killed.db", tmp_path / "whole.db"
    with open_store(whole) as store:
        for part in (first, second):
            ingest(store, [part])
            extract(store)
        expected = claims(store)
    if matched_before:
        with open_store(killed) as store:
            ingest(store, [first])
            extract(store)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WHILE_MATCHING, str(killed), str(second if matched_before else NEWS), step],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "matching\n"
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=60) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    with open_store(killed) as store:
        assert store.matching_pending() and store.unextracted_article_ids() == []
        if not matched_before:
            assert store.claim_counts() == (0, 0)  # what the issue saw: candidates, and no claims at all
    result = CliRunner().invoke(cli, ["--db", str(killed), "extract"])
    assert result.exit_code == 0, result.output
    assert f"{len(expected)} claim(s)" in result.output
    with open_store(killed) as store:
        assert not store.matching_pending()
        assert claims(store) == expected
