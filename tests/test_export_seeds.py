"""End to end on the seed corpus: ingest, extract, a few decisions (one an edit), export in every format."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.export.csv_sheet import COLUMNS, FORMULA_STARTS
from curator.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schema" / "factsheet.schema.json").read_text(encoding="utf-8"))


def curator(db: Path, *args: str):
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The seeds ingested and extracted once per module, with an accept, an edit, a reject and a skip."""
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    curator(db, "ingest", str(ROOT / "seeds"))
    curator(db, "extract")
    with open_store(db) as store:
        money = [c for c in store.candidates(["money"]) if c.claim_id]
        entities = [c for c in store.candidates(["entity"]) if c.claim_id]
        chinese = next(c for c in money if any("\u4e00" <= ch <= "\u9fff" for ch in c.text))
    usd = next(c for c in money if c.unit == "USD" and c.id != chinese.id)
    chosen = {"edit": usd.id, "accept": chinese.id, "reject": entities[0].id, "skip": entities[1].id, "edited text": usd.text}
    curator(db, "decide", "edit", chosen["edit"], "--value", "6.5 billion", "--note", "checked against the ministry", "--reviewer", "ana")
    curator(db, "decide", "accept", chosen["accept"], "--reviewer", "ben")
    curator(db, "decide", "reject", chosen["reject"], "--reviewer", "ana", "--note", "=not a fact")
    curator(db, "decide", "skip", chosen["skip"], "--reviewer", "ana")
    return db, chosen


@pytest.fixture
def db(decided: tuple[Path, dict[str, str]], tmp_path: Path) -> Path:
    copy = tmp_path / "seeds.db"
    shutil.copy(decided[0], copy)
    return copy


def export(db: Path, *args: str) -> bytes:
    target = db.parent / f"sheet-{len(list(db.parent.iterdir()))}"
    curator(db, "export", "-o", str(target), *args)
    return target.read_bytes()


def test_default_json_holds_the_decided_facts_and_validates(db: Path, decided: tuple[Path, dict[str, str]]) -> None:
    chosen = decided[1]
    sheet = json.loads(export(db))
    jsonschema.validate(sheet, SCHEMA)
    lines = {e["candidate_id"]: (f, e) for f in sheet["facts"] for e in f["evidence"]}
    assert set(lines) == {chosen["edit"], chosen["accept"]}
    assert lines[chosen["accept"]][1]["status"] == "accepted" and lines[chosen["accept"]][1]["reviewer"] == "ben"
    fact, line = lines[chosen["edit"]]
    assert (fact["status"], fact["edited"], fact["value"], fact["unit"]) == ("edited", True, 6.5e9, "USD")
    assert line["edited"] == {"value": 6.5e9, "statement": "SoftBank-NEC-Sony-Honda AI venture: $6.5 billion"} and line["note"] == "checked against the ministry" and line["reviewer"] == "ana"
    assert line["text"] == chosen["edited text"] and line["value"] != 6.5e9
    assert {a["id"] for a in sheet["articles"]} == {e["article_id"] for _, e in lines.values()}


def test_every_anchor_points_into_the_stored_article(db: Path) -> None:
    sheet = json.loads(export(db, "--status", "all"))
    jsonschema.validate(sheet, SCHEMA)
    with open_store(db) as store:
        texts = {a.id: a.text for a in store.articles()}
        total = sum(1 for _ in store.candidates())
    lines = [e for f in sheet["facts"] for e in f["evidence"]]
    assert len(lines) == total > 100
    for e in lines:
        text, sel = texts[e["article_id"]], e["selector"]
        assert text[e["start"]:e["end"]] == e["text"] == sel["exact"]
        assert text[e["quote_start"]:e["quote_start"] + len(e["quote"])] == e["quote"]
        assert text[e["start"] - len(sel["prefix"]):e["start"]] == sel["prefix"] and len(sel["prefix"]) == min(32, e["start"])
        assert text[e["end"]:e["end"] + len(sel["suffix"])] == sel["suffix"]
    assert any(f["corroboration"] == "conflict" and f["conflicts_with"] for f in sheet["facts"])


def test_csv_reads_back_with_no_formula_cells(db: Path) -> None:
    raw = export(db, "--status", "all", "--format", "csv").decode("utf-8")
    assert raw.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(raw[1:], newline="")))
    assert list(rows[0]) == list(COLUMNS) and len(rows) > 100
    numeric = {"fact_value", "value", "sources", "start", "end", "quote_start"}
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(FORMULA_STARTS) or (column in numeric and float(cell) < 0), (column, cell)
    assert any("日元" in row["quote"] for row in rows)
    assert any(row["note"] == "'=not a fact" for row in rows)


def test_markdown_has_kinds_sources_and_conflicts(db: Path) -> None:
    text = export(db, "--status", "all", "--format", "md").decode("utf-8")
    assert text.startswith("# Fact sheet: seeds.db\n")
    for heading in ("## Money", "## Entity", "## Conflicts"):
        assert f"\n{heading}\n" in text
    assert "https://www.zerohedge.com/" in text and "⚠ conflict" in text and "✔✔ corroborated" in text


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_the_same_command_twice_gives_the_same_bytes(db: Path, fmt: str) -> None:
    first, second = (export(db, "--status", "all", "--format", fmt) for _ in range(2))
    strip = lambda raw: b"\n".join(line for line in raw.split(b"\n") if b"generated_at" not in line and not line.startswith(b"Generated "))  # noqa: E731
    assert strip(first) == strip(second)
    if fmt == "csv":
        assert first == second
