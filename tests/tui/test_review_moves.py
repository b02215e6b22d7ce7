"""The claim panel, the row's claim mark and the detail pane follow an edit: the edited line shows under the claim of
its new value, not its old one, whether the edit was made here or on another screen."""

from __future__ import annotations

from pathlib import Path

from review_data import pilot_test, settle, until
from textual.widgets import Input

from curator.decisions import record_decisions
from curator.pipeline import extract, ingest
from curator.store import open_store
from curator.tui.app import CuratorApp, make_app
from curator.tui.screens.edit import EditScreen
from curator.tui.widgets.candidate_table import CandidateTable
from curator.tui.widgets.claim_panel import ClaimPanel
from curator.tui.widgets.fact_detail import FactDetail

ARTICLES = {
    "ap.txt": "TOKYO (AP) — Rapidus will get $6.7 billion of government funding for the chip plant.\n",
    "cnn.txt": "(CNN) -- Rapidus is to receive $6.7 billion in government funding for a new chip plant."
    " The plant will employ 1,500 people.\n",
    "reuters.txt": "TOKYO (Reuters) - Rapidus will receive $6.7 billion in government funding for its chip plant, officials said.\n",
}


def three_articles(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, str]]:
    """The database, and by source the article id and its money candidate's id."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "m.db"
    with open_store(db) as store:
        ingest(store, [folder])
        extract(store)
        articles, money = {}, {}
        for name in ARTICLES:
            article = store.article_by_source(name)
            assert article is not None
            articles[name] = article.id
            [money[name]] = [c.id for c in store.candidates_for_article(article.id) if c.kind == "money"]
    return db, articles, money


def src_mark(app: CuratorApp, candidate_id: str) -> str:
    """The claim mark and number of sources the row of ``candidate_id`` shows (``◆3``)."""
    return app.screen.query_one(CandidateTable).get_cell(candidate_id, "src").plain


@pilot_test
async def test_the_claim_panel_shows_an_edited_line_under_its_new_claim(tmp_path: Path) -> None:
    db, articles, ids = three_articles(tmp_path)
    cnn, money = articles["cnn.txt"], ids["cnn.txt"]
    app = make_app(db, "alice", cursor_blink=False, poll_interval=0.05)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None
        await pilot.press("tab")
        await settle(pilot)
        assert main.review.article is not None and main.review.article.id == cnn
        main._set_current(money)
        await settle(pilot)
        panel = main.query_one(ClaimPanel)
        assert "3 independent sources, 3 articles" in panel.text() and src_mark(app, money) == "◆3"
        with open_store(db) as other:  # another reviewer's edit, seen through the change poll
            assert record_decisions(other, "edit", [money], "ben", {"value": "6.6 billion"}).problems == []
        await until(pilot, lambda: "1 independent source, 1 article" in panel.text(), "the panel to show the new claim")
        assert "$6.6 billion" in panel.text() and "Reuters" not in panel.text()
        assert src_mark(app, money) == "◇1"
        assert dict(main.query_one(FactDetail).lines)["Sources"] == "Told by 1 article (CNN)."


@pilot_test
async def test_an_edit_here_or_elsewhere_updates_the_claim_mark_of_every_row_it_touches(tmp_path: Path) -> None:
    db, articles, ids = three_articles(tmp_path)
    app = make_app(db, "alice", cursor_blink=False, poll_interval=0.05)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None
        main.go_to(articles["cnn.txt"], ids["cnn.txt"])
        await settle(pilot)
        assert main.review.current == ids["cnn.txt"] and src_mark(app, ids["cnn.txt"]) == "◆3"
        with open_store(db) as other:  # another screen's edit of the AP line leaves CNN's claim with two sources
            assert record_decisions(other, "edit", [ids["ap.txt"]], "ben", {"value": "6.6 billion"}).problems == []
        await until(pilot, lambda: src_mark(app, ids["cnn.txt"]) == "◆2", "the poll to show the claim's new standing")
        await until(pilot, lambda: "2 independent sources, 2 articles" in main.query_one(ClaimPanel).text(), "the panel")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditScreen)
        form.query_one("#edit-value", Input).value = "6.5 billion"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert main.review.current != ids["cnn.txt"], "the cursor moves on to the article's next candidate"
        assert main.review.article is not None and main.review.article.id == articles["cnn.txt"]
        assert src_mark(app, ids["cnn.txt"]) == "◇1"
        main._set_current(ids["cnn.txt"])
        await settle(pilot)
        assert "1 independent source, 1 article" in main.query_one(ClaimPanel).text()
        assert dict(main.query_one(FactDetail).lines)["Sources"] == "Told by 1 article (CNN)."
