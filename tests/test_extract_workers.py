"""Extraction in worker processes stores exactly what one process stores, batch by batch."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator import extraction_pool, pipeline
from curator.errors import CuratorError
from curator.extraction_pool import extract_batch
from curator.pipeline import extract, ingest
from curator.store import open_store

NEWS = Path(__file__).parent / "data" / "news"


def _digest(db: Path, workers: int, seeds: Path) -> tuple[str, int]:
    with open_store(db) as store:
        ingest(store, [seeds, NEWS])
        report = extract(store, workers=workers)
        assert not report.failed
        rows = [json.dumps(asdict(c), sort_keys=True, ensure_ascii=False, default=str) for c in store.candidates()]  # in saved order
        rows.append(json.dumps(store.claim_counts()))  # each candidate names its claim (claim_id); and the totals
    return hashlib.sha256("\n".join(rows).encode()).hexdigest(), len(rows)


def test_two_workers_store_the_same_candidates_and_claims_as_one(tmp_path: Path, seeds: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "EXTRACT_BATCH", 3)  # 18 articles in 6 batches: both workers get some, out of step
    one, count = _digest(tmp_path / "one.db", 1, seeds)
    two, _ = _digest(tmp_path / "two.db", 2, seeds)
    assert count > 100
    assert one == two


def test_extract_workers_option(db_path: Path, seeds: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db_path), "ingest", str(seeds)]).exit_code == 0
    bad = runner.invoke(cli, ["--db", str(db_path), "extract", "--workers", "0"])
    assert bad.exit_code == 2 and "--workers" in bad.output
    result = runner.invoke(cli, ["--db", str(db_path), "extract", "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "from 5 article(s)" in result.output


def _die(articles: list, **_: object) -> list:
    os._exit(1)  # a worker killed (out of memory, kill -9) in the middle of a batch


def test_a_worker_that_dies_is_one_sentence_and_keeps_what_was_saved(db_path: Path, seeds: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "EXTRACT_BATCH", 2)
    monkeypatch.setattr(extraction_pool, "extract_batch", _die)
    with open_store(db_path) as store:
        ingest(store, [seeds])
        with pytest.raises(CuratorError, match=r"^an extraction worker process died .* run `curator extract` again"):
            extract(store, workers=2)
        assert len(store.unextracted_article_ids()) == 5  # nothing half-saved: no batch came back
        monkeypatch.setattr(extraction_pool, "extract_batch", extract_batch)
        assert extract(store, workers=2).articles == 5
        assert store.unextracted_article_ids() == []
