"""Hostile and damaged files: each one named and skipped, the good ones in the same run stored."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator import safejson
from curator.cli import cli
from curator.pipeline import ingest

DEEP = "[" * 100_000 + "]" * 100_000
LONG_NUMBER = '{"text": "The fund holds ' + "x" + '", "n": ' + "9" * 5000 + "}"
SURROGATE_TITLE = '{"text": "Orbis raised $5 million.", "title": "Orbis \\ud800 fund"}'


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (DEEP, "not usable JSON (nested too deeply)"),
        ('{"a": ' * 50_000 + "1" + "}" * 50_000, "not usable JSON (nested too deeply)"),
        (LONG_NUMBER, "not usable JSON (a number has more digits than Python converts (4,300))"),
        (SURROGATE_TITLE, "'title' holds a lone surrogate (an escape such as \\ud800), which is not valid Unicode"),
    ],
    ids=["100000-deep-array", "50000-deep-object", "5000-digit-number", "lone-surrogate-title"],
)
def test_a_hostile_json_file_is_named_and_skipped_and_the_good_files_land(
    db_path: Path, seed_copy: Path, content: str, reason: str
) -> None:
    (seed_copy / "hostile.json").write_text(content, encoding="utf-8")
    (seed_copy / "good.json").write_text(json.dumps({"text": "Orbis raised $5 million in 2024.", "title": "Orbis"}))
    result = run(db_path, "ingest", str(seed_copy))
    assert result.exit_code == 1
    assert result.stderr == f"curator: skipped {seed_copy / 'hostile.json'}: {reason}\n"
    assert "Ingested 6 new article(s)" in result.stdout
    assert "Traceback" not in result.output


def test_hostile_jsonl_lines_are_named_by_line(store, tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"text": "Orbis raised $5 million in 2024."})
    path.write_text("\n".join([DEEP, LONG_NUMBER, SURROGATE_TITLE, good]) + "\n", encoding="utf-8")
    report = ingest(store, [path])
    assert [(s.source, s.reason.split(" (")[0]) for s in report.skipped] == [
        (f"{path}:1", "not usable JSON"),
        (f"{path}:2", "not usable JSON"),
        (f"{path}:3", "'title' holds a lone surrogate"),
    ]
    assert len(report.added) == 1


def test_lone_surrogates_are_found_anywhere() -> None:
    assert safejson.lone_surrogate({"a": [1, {"b": "x\udc00"}]}) == "'a[1].b'"
    assert safejson.lone_surrogate({"\ud800": 1}) == "a key"
    assert safejson.lone_surrogate({"a": ["fine", "🤖"]}) is None


def test_a_folder_that_cannot_be_listed_is_named(db_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing the folder fails as it does without permission (faked: the suite may run as root, who reads every folder)."""
    locked = seed_copy / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    result = run(db_path, "ingest", str(seed_copy))
    assert result.exit_code == 1
    assert result.stderr == f"curator: skipped {locked}: folder cannot be read (permission denied)\n"


def test_import_candidates_accepts_jsonl_starting_with_a_bom(db_path: Path, seeds: Path, tmp_path: Path) -> None:
    assert run(db_path, "ingest", str(seeds)).exit_code == 0
    source = "002_7a77fb0728a21081.txt"
    text = (seeds / source).read_text(encoding="utf-8")
    start = text.index("$6.1 billion")
    record = {"article_id": source, "kind": "money", "start": start, "end": start + 12, "text": "$6.1 billion",
              "value": 6.1e9, "unit": "USD", "extractor": "llm-v1"}
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(record).encode() + b"\n")
    result = run(db_path, "import-candidates", str(path))
    assert result.exit_code == 0, result.output
    assert "Imported 1 candidate(s)" in result.stdout
