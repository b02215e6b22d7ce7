"""Shared fixtures: isolated environment, temporary stores, the seed corpus."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from curator.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the user's database, reviewer name and terminal settings out of every test."""
    for name in ("CURATOR_DB", "CURATOR_REVIEWER", "CURATOR_LEASE_SECONDS", "NO_COLOR", "TEXTUAL_THEME", "TEXTUAL_ANIMATIONS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("USER", "tester")
    monkeypatch.setenv("LOGNAME", "tester")
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with open_store(db_path) as s:
        yield s


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds ingested and extracted once per session; closed, so the file alone is the whole database."""
    from curator.pipeline import extract, ingest

    path = tmp_path_factory.mktemp("seeded") / "seeded.db"
    with open_store(path) as store:
        ingest(store, [SEEDS])
        extract(store)
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture
def seeded_db(seeded_template: Path, db_path: Path) -> Path:
    """A private database holding the seeds, ingested and extracted."""
    shutil.copyfile(seeded_template, db_path)
    return db_path


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A private copy of seeds/ that a test may add bad files to."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target
