"""Review-screen fixtures: the hand-made database and a deterministic app factory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from review_data import ReviewData, build_review_db

from curator.tui.app import CuratorApp, make_app


@pytest.fixture
def review_data(tmp_path: Path) -> ReviewData:
    return build_review_db(tmp_path / "review.db")


@pytest.fixture
def make_review_app(review_data: ReviewData) -> Callable[..., CuratorApp]:
    """Deterministic apps on the hand-made database: no blinking cursor, fast polling."""

    def factory(reviewer: str = "alice", path: Path | None = None) -> CuratorApp:
        return make_app(path or review_data.path, reviewer, cursor_blink=False, poll_interval=0.05)

    return factory
