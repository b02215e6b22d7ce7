"""The CLI contract: commands, exit codes, one-sentence errors, no UI import where none is needed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli


def run(*args: str, db: Path | None = None):
    base = ["--db", str(db)] if db else []
    return CliRunner().invoke(cli, [*base, *args], catch_exceptions=False)


def test_help_lists_every_contract_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("ingest", "extract", "import-candidates", "review", "decide", "undo", "export", "status"):
        assert command in result.output


def test_every_command_has_help_text() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"


def test_ingest_then_status_json(db_path: Path, seeds: Path) -> None:
    result = run("ingest", str(seeds), db=db_path)
    assert result.exit_code == 0, result.output
    assert "Ingested 5 new article(s)" in result.output
    status = json.loads(run("status", "--json", db=db_path).output)
    assert status["articles"] == 5
    for key in ("candidates", "claims", "decisions", "by_status", "reviewers", "conflicts"):
        assert key in status
    assert set(status["by_status"]) == {"pending", "accepted", "edited", "rejected", "skipped"}
    listed = {a["source"]: a for a in status["article_list"]}
    assert listed["002_7a77fb0728a21081.txt"]["url"].startswith("https://www.zerohedge.com/ai/")
    assert listed["000_af1c5658460e74c8.txt"]["title"].startswith("Japan's $6.7B Physical AI")
    assert {a["language"] for a in listed.values()} == {"en", "mixed"}


def test_ingest_reports_bad_files_and_exits_nonzero(db_path: Path, seed_copy: Path) -> None:
    (seed_copy / "photo.txt").write_bytes(b"\x00\x01\x02binary")
    (seed_copy / "old.txt").write_bytes("r\xe9sum\xe9".encode("latin-1"))
    result = CliRunner().invoke(cli, ["--db", str(db_path), "ingest", str(seed_copy)])
    assert result.exit_code == 1
    assert "photo.txt: binary file, not text" in result.stderr
    assert "old.txt: not UTF-8" in result.stderr
    assert "Ingested 5 new article(s)" in result.stdout
    assert "Traceback" not in result.output


def test_status_without_database_is_one_sentence(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "status"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"curator: there is no database at {db_path}; run `curator ingest PATH` first."
    assert not db_path.exists()


def test_db_from_environment(tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURATOR_DB", str(tmp_path / "env.db"))
    assert CliRunner().invoke(cli, ["ingest", str(seeds)]).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_not_a_database_via_console_script(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("hello" * 200)
    proc = subprocess.run(
        [sys.executable, "-m", "curator", "--db", str(bogus), "status"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"curator: {bogus} is not a curator database: it is not an SQLite file."
    assert proc.stdout == ""


HYGIENE = """
import sys
from click.testing import CliRunner
from curator.cli import cli
result = CliRunner().invoke(cli, {args!r})
heavy = sorted(m for m in ("textual", "rapidfuzz", "curator.extract", "curator.tui", "curator.store.review_records") if m in sys.modules)
print(result.exit_code, ",".join(heavy))
"""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["status"], ["ingest", "SEEDS"], ["export", "--status", "all", "-o", "-"]],
    ids=["help", "status", "ingest", "export"],
)
def test_commands_do_not_import_the_ui(tmp_path: Path, seeds: Path, args: list[str]) -> None:
    db = tmp_path / "h.db"
    subprocess.run([sys.executable, "-m", "curator", "--db", str(db), "ingest", str(seeds)], check=True, capture_output=True)
    full = ["--db", str(db), *[str(seeds) if a == "SEEDS" else a for a in args]]
    proc = subprocess.run(
        [sys.executable, "-c", HYGIENE.format(args=full)], capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    code, heavy = proc.stdout.strip().split(" ") if " " in proc.stdout.strip() else (proc.stdout.strip(), "")
    assert proc.returncode == 0, proc.stderr
    assert code == "0", proc.stdout
    assert heavy == "", f"{args} imported {heavy}"


@pytest.mark.parametrize("args", [("status",), ("status", "--articles"), ("status", "--json")])
def test_status_writes_no_control_character_from_stored_titles(tmp_path: Path, args: tuple[str, ...]) -> None:
    """A title stored by another program with C1 and ESC bytes (CSI ``\\x9b``) reaches the terminal as nothing that acts."""
    from curator.ingest import make_article
    from curator.store import open_store

    db = tmp_path / "c.db"
    article = make_article("Body text.", source="evil\x1b]0;x\x07.txt", title="Title \x9b31m red \x1b[2J")
    assert article is not None
    with open_store(db) as store:
        store.add_articles([article])
    result = run(*args, db=db)
    assert result.exit_code == 0
    assert not [ch for ch in result.output if ord(ch) < 0x20 and ch != "\n" or 0x7F <= ord(ch) < 0xA0]
    if "--json" in args:
        [listed] = json.loads(result.output)["article_list"]
        assert listed["title"] == article.title  # escaped, not changed
