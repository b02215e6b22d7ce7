"""Outlet names an older curator stored case-folded are spelled as the outlet writes itself once the file is opened."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from curator.cli import cli
from curator.pipeline import extract, ingest
from curator.store import open_store

RECORDS = [
    {"title": "Acme funding", "outlet": "Example  Daily", "published": "2024-03-04",
     "text": "Acme funding\nAcme raised $5 million from investors on Monday, the company said in a statement."},
    {"title": "Acme raises money", "published": "2024-03-05",
     "text": "JAKARTA (Morning Ledger) - Acme raised $5 million from investors on Monday, the company said."},
    {"title": "Acme deal", "outlet": "Reuters", "url": "https://www.reuters.com/x", "published": "2024-03-06",
     "text": "Acme deal\nAcme raised $5 million from investors on Monday, its chief executive told Reuters."},
    {"title": "Acme money", "outlet": "news.example.co.uk", "published": "2024-03-07",
     "text": "Acme money\nStartup Acme raised $5 million from investors on Monday, a filing shows."},
]


def _as_stored(db: Path) -> tuple[dict[str, str | None], list[tuple[str, str | None, str | None]]]:
    conn = sqlite3.connect(db)
    try:
        articles = dict(conn.execute("SELECT source, outlet_name FROM articles").fetchall())
        claims = conn.execute("SELECT outlets, tellers, carriers FROM claims WHERE outlets != '[]' ORDER BY id").fetchall()
    finally:
        conn.close()
    return articles, claims


def _as_schema_12_stored_it(db: Path) -> None:
    """Names missing from outlets.yaml case-folded, in articles and in the claims' arrays, as before schema 11."""
    conn = sqlite3.connect(db)
    folded = {"Example Daily", "Morning Ledger"}
    fold = lambda array: None if array is None else json.dumps(  # noqa: E731
        [n.casefold() if n in folded else n for n in json.loads(array)], ensure_ascii=False
    )
    for source, name in conn.execute("SELECT source, outlet_name FROM articles").fetchall():
        if name in folded:
            conn.execute("UPDATE articles SET outlet_name = ? WHERE source = ?", (name.casefold(), source))
    for claim_id, *arrays in conn.execute("SELECT id, outlets, tellers, carriers FROM claims").fetchall():
        conn.execute("UPDATE claims SET outlets = ?, tellers = ?, carriers = ? WHERE id = ?", (*map(fold, arrays), claim_id))
    conn.execute("DROP INDEX claims_slot_high")  # schema 14's range ends, which schema 12 had not
    conn.execute("ALTER TABLE claims DROP COLUMN high")
    conn.execute("PRAGMA user_version = 12")
    conn.commit()
    conn.close()


def test_a_schema_12_database_shows_outlets_as_they_write_themselves(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    db = tmp_path / "old.db"
    with open_store(db) as store:
        ingest(store, [feed])
        extract(store)
    right = _as_stored(db)
    assert right[0] == {
        "feed.jsonl:1": "Example Daily", "feed.jsonl:2": "Morning Ledger", "feed.jsonl:3": "Reuters",
        "feed.jsonl:4": "example.co.uk",
    }
    assert any("Example Daily" in outlets for outlets, _, _ in right[1])
    _as_schema_12_stored_it(db)
    assert _as_stored(db)[0]["feed.jsonl:1"] == "example daily"
    result = CliRunner().invoke(cli, ["--db", str(db), "status", "--json"])
    assert result.exit_code == 0, result.output
    assert _as_stored(db) == right
    shown = {a["source"]: a["outlet_name"] for a in json.loads(result.stdout)["article_list"]}
    assert shown == right[0]
