"""What ingest learns of an article survives the store: schema v6's authors, reader and controls_removed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from curator.cli import cli
from curator.ingest import make_article
from curator.store import open_store
from curator.store.schema import _MIGRATIONS, _split_sql

NEWS = Path(__file__).parent / "data" / "news"


def test_a_version_3_database_gains_the_new_article_fields(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    for script in _MIGRATIONS[:3]:
        for statement in _split_sql(script):
            conn.execute(statement)
    conn.execute(
        "INSERT INTO articles (id, sha256, source, title, language, text, ingested_at)"
        " VALUES ('old', 'f00', 'old.txt', 'Old', 'en', 'Old text.', '2026-01-01')"
    )
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    with open_store(db_path) as store:
        old = store.article("old")
        assert old is not None and (old.authors, old.reader, old.controls_removed) == ((), "plain", 0)
        new = make_article("Body\x1b[31m text.", source="n.json", authors=("Ana Sato", "李华"), reader="json")
        assert new is not None
        store.add_articles([new])
        assert store.article(new.id) == new
        assert [a.reader for a in store.article_progress()] == ["plain", "json"]


def test_status_shows_the_readers(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "ingest", str(NEWS / "en_nature_telescope.html"), str(NEWS / "zh_airasia_caption.txt")])
    assert result.exit_code == 0, result.output
    status = runner.invoke(cli, ["--db", str(db), "status"])
    assert "read by: plain 1 · trafilatura 1" in status.output
    listed = runner.invoke(cli, ["--db", str(db), "status", "--json"])
    assert '"reader": "trafilatura"' in listed.output
