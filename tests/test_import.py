"""import-candidates: valid records land once, each invalid one is reported by line and reason."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from curator.cli import cli
from curator.importer import import_candidates
from curator.pipeline import ingest

SOURCE = "002_7a77fb0728a21081.txt"


def seeded(store, seeds: Path) -> str:
    ingest(store, [seeds])
    article = store.article_by_source(SOURCE)
    assert article is not None
    return article.id


def record(article_id: str, text: str, article_text: str, **extra: object) -> dict:
    start = article_text.index(text)
    return {"article_id": article_id, "kind": "money", "start": start, "end": start + len(text), "text": text,
            "value": 6.1e9, "unit": "USD", "extractor": "llm-v1", **extra}


def test_valid_and_invalid_records(store, seeds: Path, tmp_path: Path) -> None:
    article_id = seeded(store, seeds)
    text = store.article(article_id).text
    good = record(article_id, "$6.1 billion", text, qualifier="approximately")
    lines = [
        json.dumps(good),
        json.dumps({**good, "start": 99999, "end": 100005}),
        json.dumps({**good, "text": "$9.9 billion"}),
        json.dumps({**good, "kind": "weather"}),
        json.dumps({**good, "value": "lots"}),
        "{not json",
        json.dumps({**good, "article_id": "nope"}),
        json.dumps({k: v for k, v in good.items() if k != "extractor"}),
        json.dumps(record(SOURCE, "18 sectors", text, kind="quantity", value=18, unit="sectors")),
    ]
    path = tmp_path / "cands.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_candidates(store, path)
    assert report.added == 2
    reasons = {int(p.split(":")[1]): p for p in report.problems}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7, 8]
    assert "past the end of article" in reasons[2]
    assert "does not match the article" in reasons[3]
    assert "'weather' is not defined" in reasons[4]
    assert "value" in reasons[5]
    assert "not valid JSON" in reasons[6]
    assert "no article with id or source 'nope'" in reasons[7]
    assert "'extractor' is a required property" in reasons[8]
    imported = [c for c in store.candidates() if c.extractor == "llm-v1"]
    assert {c.text for c in imported} == {"$6.1 billion", "18 sectors"}
    for c in imported:
        assert text[c.start : c.end] == c.text and c.claim_id is not None
    again = import_candidates(store, path)
    assert again.added == 0 and again.duplicates == 2


def test_yaml_import_and_cli_exit_status(db_path: Path, seeds: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db_path), "ingest", str(seeds)]).exit_code == 0
    path = tmp_path / "cands.yaml"
    path.write_text(
        "- {article_id: 002_7a77fb0728a21081.txt, kind: entity, start: 0, end: 2, text: '日本', value: Japan,"
        " unit: organisation, extractor: ner}\n"
        "- {article_id: 002_7a77fb0728a21081.txt, kind: percent, start: 0, end: 2, text: '日本', value: many, extractor: ner}\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["--db", str(db_path), "import-candidates", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2: value: 'many' is not a number" in result.stderr
    assert "Imported 1 candidate(s)" in result.stdout
    path.write_text("- {article_id: x\n", encoding="utf-8")
    result = runner.invoke(cli, ["--db", str(db_path), "import-candidates", str(path)])
    assert result.exit_code == 1 and "is not valid YAML" in result.stderr
