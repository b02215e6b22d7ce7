"""Writing fact sheets safely: no half files, no silent overwrite, no writing over the database, flat memory."""

from __future__ import annotations

import errno
import json
import os
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_export import build

from curator.cli import cli
from curator.errors import CuratorError
from curator.export import ExportOptions, write_export
from curator.ingest import make_article
from curator.models import Action, Candidate
from curator.store import ExportFilter, ExportRow, Store, open_store


@pytest.fixture
def db(db_path: Path) -> Path:
    with open_store(db_path) as store:
        build(store)
    return db_path


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), "export", *args])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_default_target_is_built_from_the_database_stem(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    moved = nested / "my..db.db"
    db.rename(moved)
    monkeypatch.chdir(nested)
    result = CliRunner().invoke(cli, ["--db", "../b/my..db.db", "export", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert (nested / "exports" / "factsheet-my..db.csv").exists()
    assert result.stderr.strip() == "Wrote 5 fact(s) with 6 evidence line(s) to exports/factsheet-my..db.csv."


def test_existing_file_is_not_overwritten_without_force(tmp_path: Path, db: Path) -> None:
    target = tmp_path / "sheet.json"
    target.write_text("keep me")
    result = run(db, "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"curator: {target} exists; use --force to overwrite it."
    assert target.read_text() == "keep me" and leftovers(tmp_path) == []
    result = run(db, "-o", str(target), "--force")
    assert result.exit_code == 0, result.output
    assert len(json.loads(target.read_text())["facts"]) == 5


def test_new_file_gets_ordinary_permissions(tmp_path: Path, db: Path) -> None:
    old = os.umask(0o022)
    try:
        assert run(db, "-o", str(tmp_path / "sheet.md"), "--format", "md").exit_code == 0
    finally:
        os.umask(old)
    assert (tmp_path / "sheet.md").stat().st_mode & 0o777 == 0o644


def _crash_halfway(monkeypatch: pytest.MonkeyPatch) -> None:
    real = Store.iter_export_rows

    def crashing(self: Store, f: ExportFilter) -> Iterator[ExportRow]:
        rows = list(real(self, f))
        yield from rows[: len(rows) // 2]
        raise RuntimeError("simulated crash in the middle of the export")

    monkeypatch.setattr(Store, "iter_export_rows", crashing)


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_a_crash_mid_export_leaves_the_target_untouched(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    existing, fresh = tmp_path / f"old.{fmt}", tmp_path / f"new.{fmt}"
    existing.write_text("the previous fact sheet")
    _crash_halfway(monkeypatch)
    with open_store(db) as store:
        for target in (existing, fresh):
            with pytest.raises(RuntimeError, match="simulated crash"):
                write_export(store, ExportOptions.parse(fmt=fmt, statuses="all"), str(target), force=True)
    assert existing.read_text() == "the previous fact sheet"
    assert not fresh.exists()
    assert leftovers(tmp_path) == []


def test_disk_full_while_writing_a_file(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "sheet.json"
    result = run(db, "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"curator: cannot write {target}: the disk is full (no space left on device); nothing was written."
    )
    assert not target.exists() and leftovers(tmp_path) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_writing_to_dev_full_is_one_sentence(db: Path) -> None:
    before = sorted(os.listdir("/dev"))
    result = run(db, "-o", "/dev/full", "--status", "all")
    assert result.exit_code == 1
    assert result.stderr.strip() == "curator: cannot write /dev/full: the disk is full (no space left on device)."
    assert sorted(os.listdir("/dev")) == before


def test_devices_are_written_directly_without_force(db: Path) -> None:
    before = sorted(os.listdir("/dev"))
    assert run(db, "-o", "/dev/null").exit_code == 0
    assert sorted(os.listdir("/dev")) == before


def test_stdout(db: Path) -> None:
    result = run(db, "-o", "-", "--status", "all", "--format", "json")
    assert result.exit_code == 0, result.output
    sheet = json.loads(result.stdout)
    assert len(sheet["facts"]) == 10 and "最高1万亿日元" in result.stdout
    assert result.stderr == ""
    csv_result = run(db, "-o", "-", "--format", "csv")
    assert csv_result.stdout_bytes.startswith(b"\xef\xbb\xbffact_id,fact_kind,") and b"\r\n" in csv_result.stdout_bytes
    plain = run(db, "-o", "-", "--format", "csv", "--no-bom")
    assert plain.stdout_bytes == csv_result.stdout_bytes[3:]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_database_itself_is_refused_even_with_force(tmp_path: Path, db: Path, suffix: str) -> None:
    with open_store(db):
        before = db.read_bytes()
    target = Path(str(db) + suffix)
    result = run(db, "-o", str(target), "--force")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"curator: {target} is the database itself; choose another file to export to."
    assert db.read_bytes() == before and leftovers(tmp_path) == []


def test_the_database_through_another_path_is_refused(tmp_path: Path, db: Path) -> None:
    link = tmp_path / "alias.json"
    link.symlink_to(db)
    result = run(db, "-o", str(link), "--force")
    assert result.exit_code == 1 and "is the database itself" in result.stderr


def test_missing_folder_is_one_sentence(tmp_path: Path, db: Path) -> None:
    target = tmp_path / "nowhere" / "sheet.json"
    result = run(db, "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"curator: cannot write {target}: the folder {target.parent} does not exist."
    assert not target.parent.exists()


def test_a_folder_is_not_a_target(tmp_path: Path, db: Path) -> None:
    result = run(db, "-o", str(tmp_path), "--force")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"curator: {tmp_path} is a folder; give a file name to export to."


def test_a_relative_path_upwards_is_written_where_asked(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inner = tmp_path / "x" / "y"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    assert run(db, "-o", "../../up.csv", "--format", "csv").exit_code == 0
    assert (tmp_path / "up.csv").read_text(encoding="utf-8").startswith("\ufefffact_id,")


def test_a_file_created_meanwhile_is_not_replaced(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "race.json"
    real = Store.iter_export_rows

    def racing(self: Store, f: ExportFilter) -> Iterator[ExportRow]:
        target.write_text("someone else's file")
        yield from real(self, f)

    monkeypatch.setattr(Store, "iter_export_rows", racing)
    result = run(db, "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"curator: {target} exists; use --force to overwrite it."
    assert target.read_text() == "someone else's file" and leftovers(tmp_path) == []


def test_unknown_status_on_the_command_line(db: Path, tmp_path: Path) -> None:
    result = run(db, "--status", "verified", "-o", str(tmp_path / "s.json"))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "curator: unknown status 'verified'; use accepted, edited, rejected, skipped, pending, disputed, or all."
    )
    assert not (tmp_path / "s.json").exists()


def test_bad_source_date_epoch_writes_nothing(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with open_store(db) as store, pytest.raises(CuratorError, match="SOURCE_DATE_EPOCH must be whole seconds"):
        write_export(store, ExportOptions.parse(), str(tmp_path / "s.json"))
    assert list(tmp_path.glob("s.json*")) == [] and leftovers(tmp_path) == []


def _export_peak(folder: Path, articles: int) -> tuple[int, int]:
    """Peak traced memory while exporting ``articles`` articles of 100 candidates each, and the sheet's size."""
    sentence = "The government will provide up to ¥1 trillion ($6.7 billion) over five years, 政府将提供资金。 "
    with open_store(folder / f"big{articles}.db") as store:
        for a in range(articles):
            article = make_article(f"Article {a}\n" + sentence * 100, source=f"{a:04}.txt", title=f"Article {a}")
            assert article is not None
            first, step = article.text.index("$6.7"), len(sentence)
            store.add_articles([article])
            store.save_extraction(article.id, [
                Candidate(
                    id=f"{a}-{i}", article_id=article.id, kind="money", text="$6.7 billion",
                    start=first + i * step, end=first + i * step + 12, quote=sentence.strip(),
                    quote_start=first + i * step - 48, subject="government", statement="The government gives $6.7 billion.",
                    value=6.7e9, unit="USD",
                )
                for i in range(100)
            ])
        target = folder / f"big{articles}.json"
        tracemalloc.start()
        try:
            written = write_export(store, ExportOptions.parse(statuses="all"), str(target))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert written.evidence == articles * 100
    return peak, target.stat().st_size


def test_memory_stays_flat_however_many_candidates(tmp_path: Path) -> None:
    """Five times the candidates, about the same peak: the exporter holds a fact at a time, not the sheet."""
    small_peak, small_size = _export_peak(tmp_path, 20)
    big_peak, big_size = _export_peak(tmp_path, 100)
    assert big_size > 5 * small_size > 10_000_000
    assert big_peak < small_peak * 1.25, (small_peak, big_peak)
    assert big_peak < big_size / 3


def test_a_decision_made_during_the_export_does_not_tear_it(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles, conflicts and rows come from one snapshot, whatever reviewers commit meanwhile."""
    real = Store.export_articles

    def then_someone_decides(self: Store, f: ExportFilter) -> list:
        articles = real(self, f)
        with open_store(db) as other:
            other.decide("a1-2040", "carol", Action.ACCEPT)
        return articles

    monkeypatch.setattr(Store, "export_articles", then_someone_decides)
    with open_store(db) as store:
        written = write_export(store, ExportOptions.parse(kinds="date"), str(tmp_path / "during.json"))
        assert written.facts == 0
        assert json.loads((tmp_path / "during.json").read_text())["articles"] == []
        assert store.state("a1-2040").status.value == "accepted"


def test_markdown_is_another_name_for_md(tmp_path: Path, db: Path) -> None:
    assert run(db, "-o", str(tmp_path / "a.md"), "--format", "md").exit_code == 0
    assert run(db, "-o", str(tmp_path / "b.md"), "--format", "markdown").exit_code == 0
    first, second = ((tmp_path / name).read_text(encoding="utf-8") for name in ("a.md", "b.md"))
    assert first.startswith("# Fact sheet") and first.splitlines()[3:] == second.splitlines()[3:]
