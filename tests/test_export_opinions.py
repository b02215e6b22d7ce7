"""Every evidence line carries each reviewer's live view, so a disputed line never hides the competing one."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from curator.cli import cli
from curator.models import Action
from curator.store import open_store


def export(db: Path, fmt: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "--format", fmt, "--status", "disputed", "-o", "-"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_disputed_line_shows_every_reviewers_live_view(seeded_db: Path) -> None:
    with open_store(seeded_db) as store:
        money = next(c for c in store.candidates() if c.kind == "money" and c.value == 6.7e9 and c.unit == "USD")
        store.decide(money.id, "ana", Action.REJECT, note="first look")
        store.undo("ana")
        store.decide(money.id, "ana", Action.ACCEPT)
        store.decide(money.id, "ben", Action.EDIT, fields={"value": 6.1e9}, note="NHK says 6.1")
        store.decide(money.id, "ben", Action.EDIT, fields={"value": 6.2e9}, note="ministry PDF")
    sheet = json.loads(export(seeded_db, "json"))
    [line] = [e for f in sheet["facts"] for e in f["evidence"] if e["candidate_id"] == money.id]
    views = [(o["reviewer"], o["action"], o["value"], o["note"], o["adjudicate"]) for o in line["opinions"]]
    assert views == [("ana", "accept", 6.7e9, None, False), ("ben", "edit", 6.2e9, "ministry PDF", False)]
    assert all(o["decided_at"].endswith("Z") for o in line["opinions"])
    [row] = [r for r in csv.DictReader(io.StringIO(export(seeded_db, "csv"))) if r["candidate_id"] == money.id]
    assert [o["reviewer"] for o in json.loads(row["opinions"])] == ["ana", "ben"]
    md = export(seeded_db, "md")
    assert "views: ana accepted on " in md and "; ben edited to 6.2 billion USD (note: ministry PDF) on " in md
