"""Corpus profiles: the seeds' story lives in seeds/curator.yaml, recorded at ingest; other news never sees it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from curator.cli import cli
from curator.errors import CuratorError
from curator.extract import extract_article
from curator.extract.lexicon import build_lexicon, lexicon_for
from curator.ingest import make_article, read_articles
from curator.models import Candidate
from curator.pipeline import extract, ingest
from curator.schema import PROFILE_FILE, load_profile, load_schema

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PROFILE = SEEDS / PROFILE_FILE
VENTURE = "SoftBank-NEC-Sony-Honda AI venture"
STORY = {VENTURE, "Government of Japan", "Noetra", "Sakura AI Nexus", "GENIAC"}

# Stories that share a word with the seeds' story and must not borrow it.
HOUSING = "香港房屋委员会表示，该项目将于2027年落成，提供3000个单位。The project will add 3,000 flats, the authority said."
BUDGET = "The bill funds the federal government through September 30 and adds $1.2 billion for border security."
AGENCY = "政府计划投资50亿元人民币，该项目由国家发展和改革委员会负责。"


def extract_text(text: str, profile=None) -> list[Candidate]:
    article = make_article(text, source="other.txt")
    assert article is not None
    return extract_article(article, load_schema(), profile)


def story_leaks(candidates: list[Candidate]) -> list[Candidate]:
    return [c for c in candidates if c.subject in STORY or c.value in STORY]


def test_the_default_schema_knows_no_story() -> None:
    lex = lexicon_for(load_schema())
    assert lex.venture is None and lex.venture_cue_re is None and not lex.funders and lex.government is None
    assert not {"Noetra", "Sakura AI Nexus", "GENIAC", "Ryosei Akazawa"} & {e.name for e in lex.entities.values()}
    assert "venture" not in load_schema().raw


@pytest.mark.parametrize("text", [HOUSING, BUDGET, AGENCY])
def test_other_news_never_gets_the_seeds_venture_or_funder(text: str) -> None:
    candidates = extract_text(text)
    assert candidates
    assert story_leaks(candidates) == []
    assert not [c for c in candidates if c.kind == "funded-by"]


def test_the_housing_project_takes_its_own_subject() -> None:
    dates = [c for c in extract_text(HOUSING) if c.kind == "date"]
    # 该项目 ("the project") is the subject of its own clause: the authority only said it, and the project has no
    # name, so no subject rather than the speaker's; never the seeds' venture
    assert [(c.value, c.subject) for c in dates] == [("2027", None)]


def test_the_profile_given_brings_the_venture() -> None:
    """The same words with the seeds' profile do mean the venture: the profile, not the word, decides."""
    candidates = extract_text(AGENCY, load_profile(PROFILE.resolve()))
    assert {c.subject for c in candidates if c.kind == "money"} == {VENTURE}
    assert ("funded-by", "Government of Japan") in {(c.kind, c.value) for c in candidates}


def test_seed_files_record_their_profile_at_ingest(store, tmp_path: Path) -> None:
    [article], _ = read_articles(next(SEEDS.glob("000_*.txt")))
    assert article.profile == str(PROFILE.resolve())
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "a.txt").write_text(HOUSING, encoding="utf-8")
    assert read_articles(loose / "a.txt")[0][0].profile is None
    ingest(store, [SEEDS, loose])
    profiles = {a.source: store.article(a.id).profile for a in store.articles()}
    assert profiles["a.txt"] is None
    assert {v for k, v in profiles.items() if k != "a.txt"} == {str(PROFILE.resolve())}
    assert store.article_profiles(store.unextracted_article_ids()) == [str(PROFILE.resolve())]


def test_seeds_keep_their_story_and_a_neighbour_folder_does_not_get_it(store, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "budget.txt").write_text(BUDGET + "\n" + HOUSING, encoding="utf-8")
    ingest(store, [SEEDS, other])
    extract(store)
    by_source = {a.id: a.source for a in store.articles()}
    mine = [c for c in store.candidates() if by_source[c.article_id] == "budget.txt"]
    seeds = [c for c in store.candidates() if by_source[c.article_id] != "budget.txt"]
    assert mine and story_leaks(mine) == []
    assert {"naming", "founded-by", "funded-by", "stake", "member-of"} <= {c.kind for c in seeds}
    assert {c.subject for c in seeds if c.kind == "naming"} == {VENTURE}


def test_extract_profile_option_applies_to_this_run(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(AGENCY, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db_path), "ingest", str(folder)]).exit_code == 0
    result = runner.invoke(cli, ["--db", str(db_path), "extract", "--profile", str(PROFILE)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["--db", str(db_path), "export", "--status", "all", "--format", "csv", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 0, result.output
    assert VENTURE in (tmp_path / "x.csv").read_text(encoding="utf-8")


def write_profile(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(PROFILE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / PROFILE_FILE
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(colour="red"), "colour is not a profile key"),
        (lambda d: d.update(name=""), "name must be a non-empty string"),
        (lambda d: d["venture"].update(name=5), "venture.name must be a non-empty string"),
        (lambda d: d["venture"].update(cues="venture"), "venture.cues must be a list of non-empty strings"),
        (lambda d: d.update(funders=["Nobody Inc"]), "funders names 'Nobody Inc', which is in no entities section"),
        (lambda d: d.update(government=["Japan"]), "government must be the name of an entity"),
        (lambda d: d["entities"]["Noetra"].update(type="company"), "entities.Noetra.type must be one of"),
        (lambda d: d.update(roles="Minister"), "roles must be a list of non-empty strings"),
    ],
)
def test_a_bad_profile_names_the_file_and_the_key(tmp_path: Path, change, message: str) -> None:
    path = write_profile(tmp_path, change)
    with pytest.raises(CuratorError) as error:
        build_lexicon(load_schema(), load_profile(path))
    assert str(error.value).startswith(f"{path}: ") and message in str(error.value)


@pytest.mark.parametrize("command", ["extract", "review"])
def test_cli_refuses_a_bad_profile_in_one_sentence(db_path: Path, tmp_path: Path, seeds: Path, command: str) -> None:
    path = write_profile(tmp_path, lambda d: d.update(venture=["x"]))
    CliRunner().invoke(cli, ["--db", str(db_path), "ingest", str(seeds)])
    result = CliRunner().invoke(cli, ["--db", str(db_path), command, "--profile", str(path)])
    assert result.exit_code != 0
    assert f"{path}: venture.name must be a non-empty string." in result.stderr
    assert "Traceback" not in result.output
    missing = CliRunner().invoke(cli, ["--db", str(db_path), command, "--profile", str(tmp_path / "none.yaml")])
    assert missing.exit_code != 0 and "does not exist" in missing.stderr


def test_a_recorded_profile_gone_stops_extract_before_any_article(store, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    ingest(store, [corpus])
    (corpus / PROFILE_FILE).unlink()
    load_profile.cache_clear()
    with pytest.raises(CuratorError, match=rf"the profile file {corpus.resolve() / PROFILE_FILE} does not exist"):
        extract(store)
    assert len(store.unextracted_article_ids()) == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gamma Labs, founded by Acme Corp and Beta Inc, raised $5 million.",
         [("founded-by", "Gamma Labs", "Acme Corp"), ("founded-by", "Gamma Labs", "Beta Inc")]),
        ("Acme Corp and Beta Inc founded Gamma Labs in 2019.",
         [("founded-by", "Gamma Labs", "Acme Corp"), ("founded-by", "Gamma Labs", "Beta Inc")]),
        ("Gamma Labs is funded by Sequoia Capital and Temasek Holdings.",
         [("funded-by", "Gamma Labs", "Sequoia Capital"), ("funded-by", "Gamma Labs", "Temasek Holdings")]),
        ('Acme Holdings Inc said its new unit, called "Nova", will open in May.', [("naming", "Acme Holdings Inc", "Nova")]),
        ('The telescope, called "Tianyan", opened in 2016.', []),
        ("The consortium, in which each partner holds a 10% stake, joined the project.", []),
        ("政府计划投资50亿元人民币支持该项目。", []),
    ],
)
def test_relations_without_a_profile_take_the_sentence_s_own_subject(text: str, expected: list[tuple[str, str, str]]) -> None:
    relations = {"naming", "founded-by", "funded-by", "stake", "member-of"}
    assert [(c.kind, c.subject, c.value) for c in extract_text(text) if c.kind in relations] == expected
