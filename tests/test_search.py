"""Full-text search: the FTS5 index kept in step on ingest, `curator search`, and its one-sentence errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.cli import cli
from curator.errors import CuratorError
from curator.ingest import make_article
from curator.store import open_store
from curator.store.schema import _MIGRATIONS, _split_sql

NEWS = Path(__file__).parent / "data" / "news"


@pytest.fixture(scope="module")
def news_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("search") / "news.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(NEWS)])
    assert result.exit_code == 0, result.output
    return db


def search(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "search", *args])
    return result.exit_code, result.stdout, result.stderr


def test_english_words_are_found_best_match_first_with_a_snippet(news_db: Path) -> None:
    code, out, _ = search(news_db, "telescope")
    assert code == 0
    lines = out.splitlines()
    assert "en_nature_telescope.html" in lines[0]
    assert "[telescope]" in lines[1].lower()


def test_chinese_substrings_are_found_without_word_breaks(news_db: Path) -> None:
    code, out, _ = search(news_db, "航空公司")
    assert code == 0 and "zh_airasia_caption.txt" in out and "[航空公司]" in out
    code, out, _ = search(news_db, "亚航")  # two characters: shorter than a trigram, found by reading the articles
    assert code == 0 and "zh_airasia_caption.txt" in out and "[亚航]" in out


def test_phrases_not_and_limit(news_db: Path) -> None:
    both = search(news_db, "AirAsia")[1]
    assert "en_cnn_airasia_breaking.txt" in both and "en_reuters_airasia_bodies.html" in both
    without = search(news_db, "AirAsia", "NOT", "Bodies")[1]
    assert "en_cnn_airasia_breaking.txt" in without and "en_reuters_airasia_bodies.html" not in without
    assert len(search(news_db, "AirAsia", "--limit", "1")[1].splitlines()) == 2
    assert "[search and rescue]" in search(news_db, '"search and rescue"')[1].lower()


def test_bad_query_syntax_is_one_sentence_and_exit_1(news_db: Path) -> None:
    code, out, err = search(news_db, 'AirAsia"')
    assert (code, out) == (1, "")
    assert err.startswith("curator: cannot search for 'AirAsia\"': it is not valid search syntax (")
    assert err.count("\n") == 1


def test_no_match_says_so(news_db: Path) -> None:
    code, out, err = search(news_db, "zzqqxx")
    assert (code, out, err) == (0, "", "No article matches.\n")


def test_titles_and_snippets_cannot_drive_the_terminal(tmp_path: Path) -> None:
    db = tmp_path / "evil.db"
    article = make_article("Turbine \x1b[2J\x1b]0;owned\x07 output rose.\nNext line.", source="evil.txt", title="Bad\x1b[31m \u202etitle")
    with open_store(db) as store:
        store.add_articles([article])  # type: ignore[list-item]
    code, out, _ = search(db, "turbine")
    assert code == 0
    assert not any(ch in out for ch in "\x1b\x07\u202e")
    assert out.splitlines()[1].strip() == "[Turbine] output rose. Next line."  # whole escape sequences are removed at ingest


def test_the_index_follows_ingest_and_an_older_database_is_indexed_when_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for step in _MIGRATIONS[:4]:
        for statement in _split_sql(step):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    conn.execute(
        "INSERT INTO articles (id, sha256, source, title, language, text, ingested_at)"
        " VALUES ('old1', '', 'old.txt', 'Old', 'en', 'The harbour reopened in May.', '')"
    )
    conn.commit()
    conn.close()
    with open_store(db) as store:
        assert [h.article_id for h in store.search_articles("harbour")] == ["old1"]
        new = make_article("A new harbour opened.", source="new.txt")
        store.add_articles([new])  # type: ignore[list-item]
        assert {h.article_id for h in store.search_articles("harbour")} == {"old1", new.id}  # type: ignore[union-attr]


@settings(max_examples=150, deadline=None)
@given(query=st.lists(st.sampled_from([*'ab 航空"()*^:-+{},.', "AND", "OR", "NOT", "NEAR", "abc", "航空公"]), max_size=8).map("".join))
def test_any_query_gives_hits_or_one_sentence(query: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    db = tmp_path_factory.getbasetemp() / "property.db"
    with open_store(db) as store:
        if not store.count_articles():
            store.add_articles([make_article("ab 航空 NOT a (b) AND c", source="p.txt")])  # type: ignore[list-item]
        try:
            hits = store.search_articles(query)
        except CuratorError as error:
            assert str(error).startswith(f"cannot search for {query.strip()!r}:") and "\n" not in str(error)
        else:
            assert all(h.source == "p.txt" for h in hits)
