"""Corroboration end to end: stories, outlets and syndicated copy counted as independent sources; claims by slot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from curator.cli import cli
from curator.pipeline import extract, ingest
from curator.store import Store, open_store

NEWS = Path(__file__).resolve().parent / "data" / "news"
AIRLINER = (
    "Rescuers found 40 bodies off Borneo on Tuesday after the AirAsia plane carrying 162 people vanished from radar.\n"
    "The search widened to 30 ships and 21 aircraft, officials from the national search agency said on Tuesday.\n"
)


def facts(store: Store) -> list[dict[str, Any]]:
    """The JSON fact sheet's facts (every status), with each evidence line's source file as ``file``."""
    result = CliRunner().invoke(cli, ["--db", str(store.path), "export", "--status", "all", "-o", "-"])
    assert result.exit_code == 0, result.output
    sheet = json.loads(result.output)
    files = {a["id"]: a["source"] for a in sheet["articles"]}
    for fact in sheet["facts"]:
        for line in fact["evidence"]:
            line["file"] = files[line["article_id"]]
    return sheet["facts"]


def fact_of(found: list[dict[str, Any]], value: float, kind: str = "quantity") -> list[dict[str, Any]]:
    return [f for f in found if f["kind"] == kind and f["value"] == value]


def run(store: Store, *paths: Path) -> None:
    ingest(store, paths)
    extract(store)


def test_four_copies_of_one_text_are_one_story_and_one_source(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    (folder / "a.txt").write_text(AIRLINER, encoding="utf-8")
    (folder / "b.txt").write_text(AIRLINER + "\n", encoding="utf-8")
    (folder / "c.txt").write_text(AIRLINER.replace("\n", " \n"), encoding="utf-8")
    (folder / "e.html").write_text(f"<html><body><p>{AIRLINER}</p></body></html>", encoding="utf-8")
    run(store, folder)
    assert store.count_articles() == 4
    links = {link.source: link.story_source for link in store.story_links()}
    assert links == {"b.txt": "a.txt", "c.txt": "a.txt", "e.html": "a.txt"}
    [people] = fact_of(facts(store), 162.0)
    assert (people["sources"], people["article_count"], people["corroboration"]) == (1, 4, "single-source")


def test_the_two_bbc_captures_are_one_story(store: Store) -> None:
    run(store, NEWS / "zh_bbc_hk_leung.html", NEWS / "zh_bbc_hk_leung_copy2.html")
    placements = store.placements()
    assert len({p.story_id for p in placements.values()}) == 1
    assert {p.outlet for p in placements.values()} == {"BBC"}


def test_162_people_in_reuters_and_cnn_is_one_claim_from_two_sources(store: Store) -> None:
    run(store, NEWS / "en_reuters_airasia_bodies.html", NEWS / "en_cnn_airasia_breaking.txt", NEWS / "zh_airasia_caption.txt")
    found = facts(store)
    [people] = fact_of(found, 162.0)
    assert people["corroboration"] == "corroborated"
    assert (people["sources"], people["article_count"], people["outlets"]) == (2, 2, ["CNN", "Reuters"])
    assert [line["syndicated"] for line in people["evidence"]] == [False, False]
    [passengers] = fact_of(found, 155.0)  # "155 passengers" (CNN) and "155名乘客" (a Chinese report)
    assert sorted(line["file"] for line in passengers["evidence"]) == ["en_cnn_airasia_breaking.txt", "zh_airasia_caption.txt"]
    assert passengers["sources"] == 2


def test_a_paraphrased_deal_is_one_claim_and_a_shared_value_is_not(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "deal"
    folder.mkdir()
    (folder / "reuters.txt").write_text(
        "NEW YORK (Reuters) - Northwind Systems agreed to buy Contoso Labs for $4.2 billion, the companies said.\n"
        "Contoso Labs reported a 10% rise in revenue last year, the filing showed.\n", encoding="utf-8")
    (folder / "cnn.txt").write_text(
        "(CNN) -- Contoso Labs was sold to Northwind Systems in a deal worth $4.2 billion, people familiar with it said.\n"
        "Northwind Systems already holds a 10% stake in a smaller rival.\n", encoding="utf-8")
    (folder / "xinhua.txt").write_text("新华社纽约6月21日电 Northwind Systems收购Contoso Labs，交易价值42亿美元。\n", encoding="utf-8")
    run(store, folder)
    found = facts(store)
    [deal] = fact_of(found, 4.2e9, "money")
    assert (deal["article_count"], deal["sources"], deal["outlets"]) == (3, 3, ["CNN", "Reuters", "Xinhua"])
    shares = fact_of(found, 10.0, "percent")
    assert sorted(line["file"] for f in shares for line in f["evidence"]) == ["cnn.txt", "reuters.txt"]
    assert len(shares) == 2 and all(f["sources"] == 1 for f in shares)


def test_reused_background_sentences_count_once(tmp_path: Path, store: Store) -> None:
    """Two Reuters stories repeat a background sentence word for word; a CNN story runs it as wire copy."""
    background = "The aircraft was carrying 162 people, most of them Indonesians, including 16 children and one infant.\n"
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "r1.txt").write_text(
        "JAKARTA (Reuters) - Divers reached the tail of the lost airliner on Saturday after days of rough seas.\n"
        + background, encoding="utf-8")
    (folder / "r2.txt").write_text(
        "SURABAYA (Reuters) - Families gathered at the airport crisis centre as the first victims were named.\n"
        + background, encoding="utf-8")
    (folder / "cnn.txt").write_text(
        "(CNN) -- Investigators said the flight recorders would be flown to Jakarta for analysis next week.\n"
        + background, encoding="utf-8")
    run(store, folder)
    assert store.story_links() == []  # three stories
    [people] = fact_of(facts(store), 162.0)
    assert (people["sources"], people["article_count"], people["corroboration"]) == (1, 3, "single-source")
    assert people["outlets"] == ["CNN", "Reuters"]
    assert [line["syndicated"] for line in people["evidence"]] == [True, True, True]


def test_one_outlet_counts_once_and_markdown_says_who_told_it(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "outlets"
    folder.mkdir()
    (folder / "r1.txt").write_text("JAKARTA (Reuters) - The plane carried 162 people.\n", encoding="utf-8")
    (folder / "r2.txt").write_text("SINGAPORE (Reuters) - Rescuers fear for 162 people on board.\n", encoding="utf-8")
    (folder / "cnn.txt").write_text("(CNN) -- There were 162 people aboard.\n", encoding="utf-8")
    run(store, folder)
    [people] = fact_of(facts(store), 162.0)
    assert (people["sources"], people["article_count"], people["corroboration"]) == (2, 3, "corroborated")
    result = CliRunner().invoke(cli, ["--db", str(store.path), "export", "--format", "md", "--status", "all", "-o", "-"])
    assert "✔✔ corroborated · told by CNN and Reuters (2 independent sources, 3 articles)" in result.output


def test_split_story_makes_two_sources_and_is_recorded(tmp_path: Path, db_path: Path) -> None:
    lines = [f"Line {i}: the crew checked {i} crates." for i in range(1, 40)]
    folder = tmp_path / "split"
    folder.mkdir()
    (folder / "one.txt").write_text("\n".join(lines) + "\nThe ship carried 162 people.\n", encoding="utf-8")
    (folder / "two.txt").write_text("\n".join(lines[:-1]) + "\nThe ship carried 162 people.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db_path), "ingest", str(folder)]).exit_code == 0
    assert runner.invoke(cli, ["--db", str(db_path), "extract"]).exit_code == 0
    status = runner.invoke(cli, ["--db", str(db_path), "status"]).output
    assert "two.txt" in status and "same story as one.txt" in status
    with open_store(db_path) as store:
        assert fact_of(facts(store), 162.0)[0]["sources"] == 1
    result = runner.invoke(cli, ["--db", str(db_path), "split-story", "one.txt", "two.txt", "--reviewer", "ana"])
    assert result.exit_code == 0, result.output
    with open_store(db_path) as store:
        [people] = fact_of(facts(store), 162.0)
        assert (people["sources"], people["corroboration"]) == (2, "corroborated")
        assert store.story_links() == []
        assert len(store.story_splits()) == 1
    report = json.loads(runner.invoke(cli, ["--db", str(db_path), "status", "--json"]).output)
    assert report["stories"] == 2 and report["story_links"] == []
    assert {a["story_of"] for a in report["article_list"]} == {None}
    again = runner.invoke(cli, ["--db", str(db_path), "ingest", str(folder)])  # re-ingest: nothing moves back
    assert again.exit_code == 0 and runner.invoke(cli, ["--db", str(db_path), "status", "--json"]).output.count('"story_of": null') == 2
    bad = runner.invoke(cli, ["--db", str(db_path), "split-story", "one.txt", "nowhere.txt"])
    assert bad.exit_code == 1
    assert bad.output.strip() == "curator: there is no article 'nowhere.txt' (give an article id or a file name)."


def test_the_news_in_batches_match_as_one_full_rematch(tmp_path: Path, store: Store) -> None:
    """Incremental matching stamps the same claims, counts and outlets as ``extract --rematch``."""
    from tests.test_match import full_rematch_of, stored_claims

    files = sorted(NEWS.glob("*.*"))
    files = [f for f in files if f.suffix in {".txt", ".html"}]
    for number, batch in enumerate([files[::3], files[1::3], files[2::3]]):
        run(store, *batch)
        incremental = stored_claims(store)
        assert incremental == full_rematch_of(store), f"batch {number}"
    corroborated = {claim[3]: claim[7] for claim in incremental.values() if claim[6].value == "corroborated"}
    assert corroborated.get(162.0) == 2


def test_a_schema_6_database_is_placed_and_matched_again(tmp_path: Path, db_path: Path) -> None:
    """Upgrading: old articles get their outlet and story on the next ingest; old claims, keyed by raw units, lose
    their keys so the next extract matches everything again."""
    import sqlite3

    from curator.store.schema import _MIGRATIONS, _split_sql

    conn = sqlite3.connect(db_path)
    for script in _MIGRATIONS[:6]:
        for statement in _split_sql(script):
            conn.execute(statement)
    conn.execute(
        "INSERT INTO articles (id, sha256, source, title, outlet, language, text, ingested_at)"
        " VALUES ('old1', 'x', 'old.txt', 'Old', 'reuters.com', 'en', ?, '2026-01-01')",
        (AIRLINER,),
    )
    conn.execute(
        "INSERT INTO claims (id, kind, statement, value, unit, corroboration, sources, block, slot, leader)"
        " VALUES ('c1', 'quantity', '162 people', 162.0, 'people', 'single-source', 1, '[\"quantity\", \"people\", 162.0]',"
        " '[\"quantity\", \"people\"]', 'x')"
    )
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    with open_store(db_path) as store:
        assert not store.claims_are_keyed()
        before = store.placements()
        assert set(before) == {"old1"} and before["old1"].story_id is None and before["old1"].outlet is None
        folder = tmp_path / "new"
        folder.mkdir()
        (folder / "copy.txt").write_text(AIRLINER + "\n", encoding="utf-8")
        ingest(store, [folder])
        placed = store.placements()
        assert placed["old1"].outlet == "Reuters" and placed["old1"].story_id == "old1"
        assert {link.source for link in store.story_links()} == {"copy.txt"}


def test_one_subjects_10_percent_stake_and_10_percent_growth_stay_apart() -> None:
    from curator.match import match_candidates
    from curator.models import Candidate
    from curator.schema import load_schema

    def figure(cid: str, article: str, quote: str) -> Candidate:
        start = quote.index("10%")
        return Candidate(id=cid, article_id=article, kind="percent", text="10%", start=start, end=start + 3, quote=quote,
                         quote_start=0, subject="Northwind", statement=quote, value=10.0, unit="%")

    claims = match_candidates([
        figure("s1", "A", "Northwind holds a 10% stake in Contoso."),
        figure("g1", "B", "Northwind said its revenue grew 10% last year."),
        figure("s2", "C", "Northwind owns a 10% stake in Contoso, filings show."),
        figure("g2", "D", "Revenue at Northwind rose 10% in the year."),
    ], load_schema())
    assert sorted(sorted(c.candidate_ids) for c in claims) == [["g1", "g2"], ["s1", "s2"]]


def test_imported_candidates_count_syndicated_copy_too(tmp_path: Path, store: Store) -> None:
    """Candidates from elsewhere (an NER model, say) keep the copy rows of their sentences, so wire copy is told."""
    from curator.importer import import_candidates

    wire = "The carrier agreed to pay 2,300 former employees a total of 12 million dollars in back wages."
    folder = tmp_path / "import"
    folder.mkdir()
    (folder / "ap.txt").write_text(
        "WASHINGTON (AP) — Federal regulators closed their case against the regional airline on Friday, ending an "
        f"inquiry that began when pilots complained about unpaid overtime at two hubs.\n{wire}\n", encoding="utf-8")
    (folder / "reuters.txt").write_text(
        "LONDON (Reuters) - Shares in the budget carrier rose sharply in early trading as investors welcomed news "
        f"that a long legal fight with its own staff was finally over.\n{wire}\n", encoding="utf-8")
    ingest(store, [folder])
    assert store.story_links() == []
    lines = []
    for source in ("ap.txt", "reuters.txt"):
        article = store.article_by_source(source)
        assert article is not None
        start = article.text.index("2,300 former employees")
        lines.append(json.dumps({"article_id": article.id, "kind": "quantity", "start": start, "end": start + 22,
                                 "text": "2,300 former employees", "value": 2300, "unit": "employees", "extractor": "ner-v2"}))
    (tmp_path / "found.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_candidates(store, tmp_path / "found.jsonl")
    assert report.added == 2 and not report.problems
    [workers] = fact_of(facts(store), 2300.0)
    assert (workers["sources"], workers["article_count"], workers["outlets"]) == (1, 2, ["Associated Press", "Reuters"])
    assert [line["syndicated"] for line in workers["evidence"]] == [True, True]


def test_one_deal_told_at_two_prices_is_a_conflict(tmp_path: Path, store: Store) -> None:
    """The same buyer and target under one predicate: close values contradict, whatever the wording."""
    folder = tmp_path / "prices"
    folder.mkdir()
    (folder / "reuters.txt").write_text(
        "NEW YORK (Reuters) - Northwind Systems agreed to buy Contoso Labs for $4.2 billion, the companies said.\n",
        encoding="utf-8")
    (folder / "cnn.txt").write_text(
        "(CNN) -- Contoso Labs was sold to Northwind Systems in a deal worth $4.5 billion, people familiar with it said.\n",
        encoding="utf-8")
    (folder / "other.txt").write_text(
        "(CNN) -- Fabrikam agreed to buy Tailspin Toys for $4.4 billion in cash.\n", encoding="utf-8")
    run(store, folder)
    found = facts(store)
    [low] = fact_of(found, 4.2e9, "money")
    [high] = fact_of(found, 4.5e9, "money")
    [other] = fact_of(found, 4.4e9, "money")
    assert low["conflicts_with"] == [high["id"]] and high["conflicts_with"] == [low["id"]]
    assert low["corroboration"] == high["corroboration"] == "conflict"
    assert other["conflicts_with"] == [] and other["corroboration"] == "single-source"


def test_markdown_names_the_original_teller_once_and_the_copies_apart(tmp_path: Path, store: Store) -> None:
    """Reuters' wire sentence run word for word a day later by two other outlets is one source, told by Reuters."""
    sentence = "The aircraft was carrying 162 people, most of them Indonesians, including 16 children and one infant.\n"
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "r1.txt").write_text("Published: 2014-12-30\nJAKARTA (Reuters) - Divers reached the tail of the lost"
                                   " airliner on Saturday.\n" + sentence, encoding="utf-8")
    (folder / "y1.txt").write_text("Original source: Yahoo News\nPublished: 2014-12-31\nFamilies gathered at the airport"
                                   " crisis centre today.\n" + sentence, encoding="utf-8")
    (folder / "d1.txt").write_text("Original source: EXAMPLE DAILY\nPublished: 2014-12-31\nThe search resumed at dawn"
                                   " with more ships.\n" + sentence, encoding="utf-8")
    run(store, folder)
    [people] = fact_of(facts(store), 162.0)
    assert (people["told_by"], people["also_carried_by"]) == (["Reuters"], ["EXAMPLE DAILY", "Yahoo News"])
    result = CliRunner().invoke(cli, ["--db", str(store.path), "export", "--format", "md", "--status", "all", "-o", "-"])
    assert ("told by Reuters (1 independent source, 3 articles; also carried by EXAMPLE DAILY and Yahoo News)"
            in result.output)


def test_markdown_says_when_the_teller_is_only_the_first_ingested(tmp_path: Path, store: Store) -> None:
    """The same wire copy without publication dates: the teller is whichever outlet was ingested first, and the
    Markdown line says so rather than naming it as the original."""
    sentence = "The aircraft was carrying 162 people, most of them Indonesians, including 16 children and one infant.\n"
    folder = tmp_path / "undated"
    folder.mkdir()
    (folder / "a.txt").write_text("Original source: Yahoo News\nFamilies gathered at the airport crisis centre today.\n"
                                  + sentence, encoding="utf-8")
    (folder / "b.txt").write_text("JAKARTA (Reuters) - Divers reached the tail of the lost airliner on Saturday.\n"
                                  + sentence, encoding="utf-8")
    run(store, folder)
    result = CliRunner().invoke(cli, ["--db", str(store.path), "export", "--format", "md", "--status", "all", "-o", "-"])
    assert "also carried by Reuters; without publication dates the teller is the outlet ingested first)" in result.output
