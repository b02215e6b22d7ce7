"""A bare name is a mention, never a corroborated claim: naming something is not stating a checkable fact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from curator.cli import cli
from curator.match.claims import standing
from curator.models import Corroboration
from curator.schema import load_schema
from curator.store import Store, open_store
from curator.store.claims import MENTION_KINDS
from curator.store.schema import _MIGRATIONS, _split_sql
from tests.test_corroboration import NEWS, facts, fact_of, run


def test_only_a_name_without_a_predicate_is_a_mention() -> None:
    kinds = load_schema().kinds
    assert kinds["entity"].mention
    assert not any(kinds[k].mention for k in ("money", "percent", "quantity", "date", "role", "stake", "founded-by", "naming"))
    assert standing(3, conflict=False, mention=True) is Corroboration.MENTION
    assert standing(3, conflict=True, mention=True) is Corroboration.CONFLICT
    assert standing(2, conflict=False, mention=False) is Corroboration.CORROBORATED
    assert standing(1, conflict=False, mention=False) is Corroboration.SINGLE_SOURCE
    assert set(MENTION_KINDS) == {name for name, spec in kinds.items() if spec.mention}  # the store's unmatched names


def test_a_name_in_three_unrelated_articles_is_a_mention_and_a_shared_figure_is_corroborated(tmp_path: Path,
                                                                                            store: Store) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "yahoo.txt").write_text("Original source: Daily Ledger\nIf only Yahoo had bought Google when it could.\n"
                                      "Verizon agreed to pay $4.8 billion for Yahoo's web business.\n", encoding="utf-8")
    (folder / "deepmind.txt").write_text("Original source: Morning Wire\nDeepMind, which Google bought in 2014, built a"
                                         " computer that learns.\nVerizon will pay $4.8 billion for Yahoo's web business.\n",
                                         encoding="utf-8")
    (folder / "phones.txt").write_text("Original source: Evening Post\nSamsung sold more phones than Google did in"
                                       " the quarter.\n", encoding="utf-8")
    run(store, folder)
    found = facts(store)
    [google] = [f for f in found if f["kind"] == "entity" and f["value"] == "Google"]
    assert (google["corroboration"], google["sources"], google["article_count"]) == ("mention", 3, 3)
    [deal] = fact_of(found, 4.8e9, "money")
    assert (deal["corroboration"], deal["sources"]) == ("corroborated", 2)


def test_on_the_news_corpus_only_stated_figures_are_corroborated(store: Store) -> None:
    """Before: AirAsia (named in two stories) and Google (a Yahoo story and a DeepMind story) were corroborated."""
    run(store, NEWS)
    found = facts(store)
    corroborated = sorted((f["kind"], f["value"], f["unit"]) for f in found if f["corroboration"] == "corroborated")
    assert corroborated == [("quantity", 155.0, "passengers"), ("quantity", 162.0, "people")]
    google = [f for f in found if f["kind"] == "entity" and f["value"] == "Google"]
    assert [(f["corroboration"], f["sources"]) for f in google] == [("mention", 2)]
    assert all(f["corroboration"] in ("mention", "conflict") for f in found if f["kind"] == "entity")


def test_export_selects_mentions_and_markdown_says_what_they_are(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Google opened an office. Sales rose 12% in May.\n", encoding="utf-8")
    run(store, folder)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(store.path), "export", "--status", "all", "--corroboration", "mention",
                                 "--format", "md", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert "○ mention" in result.output and "## Percent" not in result.output and "## Entity" in result.output


def test_upgrading_restamps_names_stamped_corroborated(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    for script in _MIGRATIONS[:10]:
        for statement in _split_sql(script):
            conn.execute(statement)
    for cid, kind, value in (("c1", "entity", "Google"), ("c2", "money", 4.8e9)):
        conn.execute(
            "INSERT INTO claims (id, kind, statement, value, unit, corroboration, sources, block, slot, leader)"
            " VALUES (?, ?, 's', ?, NULL, 'corroborated', 2, 'b', 's', 'x')",
            (cid, kind, value),
        )
    conn.execute("PRAGMA user_version = 10")
    conn.commit()
    conn.close()
    with open_store(db_path) as store:
        assert store.claim("c1").corroboration is Corroboration.MENTION
        assert store.claim("c2").corroboration is Corroboration.CORROBORATED
