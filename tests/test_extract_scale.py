"""Extraction stays linear in the length of an article, and one failing article does not stop the others."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import curator.extract as extract_module
from curator.cli import cli
from curator.extract import extract_article
from curator.extract.bounds import MAX_SENTENCE, bound_sentences
from curator.extract.sentences import Sentence, split_sentences
from curator.ingest import make_article
from curator.pipeline import extract, ingest
from curator.schema import load_schema
from curator.store import open_store

_CLAUSE = (
    "officials said the 40 vessels and 12 helicopters searched 2,500 square kilometres for 162 people , "
    "while revenue rose 12% to $3.4 billion by March 2019 and about 5 million robots shipped on April 12 , "
)


def _cpu_seconds(size: int, separator: str) -> float:
    clause = _CLAUSE.replace(" , ", separator)
    text = (clause * (size // len(clause) + 1))[:size]
    article = make_article(text, source="long.txt", published="2026-04-13")
    assert article is not None
    started = time.process_time()
    candidates = extract_article(article, load_schema())
    spent = time.process_time() - started
    assert candidates and all(len(c.quote) <= MAX_SENTENCE for c in candidates)
    return spent


@pytest.mark.slow
@pytest.mark.parametrize("separator", [" , ", ". "], ids=["one-line-no-full-stop", "sentences"])
def test_a_1mb_article_costs_about_ten_times_a_100kb_one(separator: str) -> None:
    """CPU time, not wall time, so other work on the machine does not count; quadratic work would be ~100x."""
    _cpu_seconds(20_000, separator)  # warm the compiled patterns
    small = min(_cpu_seconds(100_000, separator) for _ in range(2))
    large = _cpu_seconds(1_000_000, separator)
    assert large / small < 25, f"100 KB: {small:.2f}s, 1 MB: {large:.2f}s"


def test_long_sentences_are_cut_at_a_break_with_offsets_kept() -> None:
    text = "word, " * 500
    [sentence] = split_sentences(text)
    pieces = bound_sentences([sentence], max_chars=100)
    assert all(len(p.text) <= 100 for p in pieces)
    assert all(text[p.start : p.end] == p.text for p in pieces)
    assert all(p.text.endswith(",") for p in pieces[:-1])
    assert " ".join(p.text for p in pieces) == text.strip()


def test_a_sentence_with_no_break_is_cut_hard() -> None:
    sentence = Sentence(10, 10 + 250, "x" * 250)
    assert [(p.start, p.end) for p in bound_sentences([sentence], max_chars=100)] == [(10, 110), (110, 210), (210, 260)]


def _two_articles_one_breaking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """good.txt extracts; extracting bad.txt raises, as a bug in a rule would."""
    (tmp_path / "good.txt").write_text("The fund holds $5 million.", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("This one breaks the extractor: 12%.", encoding="utf-8")
    real = extract_module.extract_article

    def flaky(article, schema, *rest):
        if "breaks" in article.text:
            raise ValueError("a rule failed")
        return real(article, schema, *rest)

    monkeypatch.setattr(extract_module, "extract_article", flaky)


def test_an_article_that_fails_is_named_and_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _two_articles_one_breaking(tmp_path, monkeypatch)
    with open_store(tmp_path / "c.db") as store:
        ingest(store, [tmp_path])
        report = extract(store)
        assert report.candidates == 1
        assert report.failed == ["bad.txt: extraction failed (ValueError: a rule failed); skipped."]
        assert len(store.unextracted_article_ids()) == 1


def test_the_cli_names_the_failed_article_and_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _two_articles_one_breaking(tmp_path, monkeypatch)
    db = str(tmp_path / "c.db")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(tmp_path)]).exit_code == 0
    result = CliRunner().invoke(cli, ["--db", db, "extract"])
    assert result.exit_code == 1
    assert "bad.txt: extraction failed (ValueError: a rule failed); skipped." in result.stderr
    assert "Extracted 1 candidate(s) from 1 article(s)" in result.stdout
    assert "Traceback" not in result.output
