"""The ner extra: a spaCy pipeline the test builds itself (blank, with an EntityRuler), loaded by path as a user's model is."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.errors import CuratorError
from curator.extract import extract_article
from curator.extract.ner import load_ner
from curator.ingest import make_article
from curator.schema import load_schema
from curator.store import open_store


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> str:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "ORG", "pattern": "Zephyr"},
        {"label": "PERSON", "pattern": [{"LOWER": "ana"}, {"LOWER": "lima"}]},
        {"label": "ORG", "pattern": "SoftBank"},
        {"label": "GPE", "pattern": "Lisbon"},
    ])
    path = tmp_path_factory.mktemp("ner") / "tiny"
    nlp.to_disk(path)
    return str(path)


def test_model_people_and_organisations_join_the_rules(model: str) -> None:
    text = "Zephyr hired Ana Lima's team in Lisbon. SoftBank said Zephyr will raise $5 million."
    article = make_article(text, source="t.txt")
    found = extract_article(article, load_schema(), ner=load_ner(model))
    entities = [(c.text, c.value, c.unit, c.extractor) for c in found if c.kind == "entity"]
    assert entities == [
        ("Zephyr", "Zephyr", "organisation", f"ner:{model}"),
        ("Ana Lima", "Ana Lima", "person", f"ner:{model}"),
        ("SoftBank", "SoftBank", "organisation", "entity.lexicon"),  # the rules named it first
        ("Zephyr", "Zephyr", "organisation", f"ner:{model}"),
    ]
    [money] = [c for c in found if c.kind == "money"]
    assert money.subject == "Zephyr"  # the model's name is the reported clause's subject; SoftBank only said it
    without = [c for c in extract_article(article, load_schema()) if c.kind == "entity"]
    assert [c.value for c in without] == ["SoftBank"]


def test_cli_extract_with_ner(model: str, db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Zephyr hired Ana Lima.", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db_path), "ingest", str(tmp_path / "a.txt")]).exit_code == 0
    result = runner.invoke(cli, ["--db", str(db_path), "extract", "--ner", model])
    assert result.exit_code == 0, result.output
    with open_store(db_path) as store:
        assert {(c.value, c.extractor) for c in store.candidates(["entity"])} == {("Zephyr", f"ner:{model}"), ("Ana Lima", f"ner:{model}")}


def test_a_model_that_cannot_be_loaded_is_one_sentence(tmp_path: Path, db_path: Path) -> None:
    with pytest.raises(CuratorError, match=r"^the NER pipeline 'no_such_model' cannot be loaded \("):
        load_ner("no_such_model")
    (tmp_path / "a.txt").write_text("Zephyr hired Ana Lima.", encoding="utf-8")
    CliRunner().invoke(cli, ["--db", str(db_path), "ingest", str(tmp_path / "a.txt")])
    result = CliRunner().invoke(cli, ["--db", str(db_path), "extract", "--ner", str(tmp_path / "missing")])
    assert result.exit_code != 0 and "cannot be loaded" in result.stderr and "Traceback" not in result.output
    with open_store(db_path) as store:
        assert len(store.unextracted_article_ids()) == 1


def test_without_spacy_the_option_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "spacy", None)
    with pytest.raises(CuratorError, match=r"--ner needs spaCy: install curator with the ner extra"):
        load_ner("en_core_web_sm")
