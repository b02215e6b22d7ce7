"""The review screen shows provenance: which story an article is, and who told the current claim."""

from __future__ import annotations

from pathlib import Path

from review_data import pilot_test, settle
from textual.widgets import Static

from curator.pipeline import extract, ingest
from curator.store import open_store
from curator.tui.app import make_app
from curator.tui.widgets.claim_panel import ClaimPanel

COPY = (
    "JAKARTA (Reuters) - Rescuers found 40 bodies off Borneo on Tuesday after the AirAsia plane vanished from radar.\n"
    "The search widened to 30 ships and 21 aircraft, officials from the national search agency said on Tuesday.\n"
)


@pilot_test
async def test_article_line_names_its_story_and_the_claim_panel_its_outlets(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(COPY, encoding="utf-8")
    (folder / "b.txt").write_text(COPY + "\nCorrection: an earlier version misspelt Borneo.\n", encoding="utf-8")
    (folder / "c.txt").write_text("(CNN) -- Rescuers found 40 bodies.\n", encoding="utf-8")
    db = tmp_path / "p.db"
    with open_store(db) as store:
        ingest(store, [folder])
        extract(store)
        second = store.article_by_source("b.txt")
    assert second is not None
    app = make_app(db, "alice", cursor_blink=False, poll_interval=0.05)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None
        assert main.review.article is not None and main.review.article.source == "a.txt"
        await pilot.press("tab")
        await settle(pilot)
        assert main.review.article.id == second.id
        meta = str(main.query_one("#article-meta", Static).render())
        assert "same story as a.txt" in meta
        panel = main.query_one(ClaimPanel).text()
        assert "2 independent sources, 3 articles" in panel and "told by CNN, Reuters" in panel


@pilot_test
async def test_the_claim_panel_names_the_original_teller_and_the_copies_apart(tmp_path: Path) -> None:
    sentence = "The aircraft was carrying 162 people, most of them Indonesians, including 16 children and one infant.\n"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Published: 2014-12-30\nJAKARTA (Reuters) - Divers reached the tail of the lost"
                                  " airliner on Saturday.\n" + sentence, encoding="utf-8")
    (folder / "b.txt").write_text("Original source: Yahoo News\nPublished: 2014-12-31\nFamilies gathered at the"
                                  " airport crisis centre today.\n" + sentence, encoding="utf-8")
    db = tmp_path / "p.db"
    with open_store(db) as store:
        ingest(store, [folder])
        extract(store)
    app = make_app(db, "alice", cursor_blink=False, poll_interval=0.05)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None
        for _ in range(12):
            panel = main.query_one(ClaimPanel).text()
            if "162" in panel:
                break
            await pilot.press("j")
            await settle(pilot)
        assert "1 independent source, 2 articles" in panel
        assert "told by Reuters; also carried by Yahoo News" in panel
