"""`curator review --profile FILE PATH...`: the profile reaches the extraction the review screen runs first."""

from __future__ import annotations

from pathlib import Path

from review_data import pilot_test, settle

from curator.store import open_store
from curator.tui.app import make_app

SEEDS_PROFILE = Path(__file__).resolve().parents[2] / "seeds" / "curator.yaml"
VENTURE = "SoftBank-NEC-Sony-Honda AI venture"


@pilot_test
async def test_review_extracts_with_the_profile_given(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Venture funding\nThe consortium will receive $6.7 billion.\n", encoding="utf-8")
    db = tmp_path / "fresh.db"
    open_store(db).close()
    app = make_app(db, "alice", [corpus], cursor_blink=False, poll_interval=0.05, profile=SEEDS_PROFILE)
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None and main.review.candidates
    with open_store(db) as store:
        assert [c.subject for c in store.candidates(["money"])] == [VENTURE]
