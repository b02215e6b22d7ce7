"""The claim panel follows an edit: the edited line shows under the claim of its new value, not its old one."""

from __future__ import annotations

from pathlib import Path

from review_data import pilot_test, settle, until

from curator.decisions import record_decisions
from curator.pipeline import extract, ingest
from curator.store import open_store
from curator.tui.app import make_app
from curator.tui.widgets.claim_panel import ClaimPanel

ARTICLES = {
    "ap.txt": "TOKYO (AP) — Rapidus will get $6.7 billion of government funding for the chip plant.\n",
    "cnn.txt": "(CNN) -- Rapidus is to receive $6.7 billion in government funding for a new chip plant.\n",
    "reuters.txt": "TOKYO (Reuters) - Rapidus will receive $6.7 billion in government funding for its chip plant, officials said.\n",
}


@pilot_test
async def test_the_claim_panel_shows_an_edited_line_under_its_new_claim(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "m.db"
    with open_store(db) as store:
        ingest(store, [folder])
        extract(store)
        cnn = store.article_by_source("cnn.txt")
        assert cnn is not None
        [money] = [c.id for c in store.candidates_for_article(cnn.id) if c.kind == "money"]
    app = make_app(db, "alice", cursor_blink=False, poll_interval=0.05)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None
        await pilot.press("tab")
        await settle(pilot)
        assert main.review.article is not None and main.review.article.id == cnn.id
        main._set_current(money)
        await settle(pilot)
        panel = main.query_one(ClaimPanel)
        assert "3 independent sources, 3 articles" in panel.text()
        with open_store(db) as other:  # another reviewer's edit, seen through the change poll
            assert record_decisions(other, "edit", [money], "ben", {"value": "6.6 billion"}).problems == []
        await until(pilot, lambda: "1 independent source, 1 article" in panel.text(), "the panel to show the new claim")
        assert "$6.6 billion" in panel.text() and "Reuters" not in panel.text()
