"""Which inputs ingest reads: a link loop walked once, an address of another scheme named as such."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.ingest import discover


def test_a_link_back_up_the_tree_is_named_once_and_not_walked(tmp_path: Path) -> None:
    folder = tmp_path / "dir"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text("SoftBank paid $6.7 billion.", encoding="utf-8")
    os.symlink("..", folder / "sub" / "loop")
    files, problems = discover([str(folder)])
    assert files == [folder / "sub" / "a.txt"]
    assert [p.source for p in problems] == [str(folder / "sub" / "loop")]
    assert problems[0].reason == "links back to a folder above it (a loop); not walked"


def test_a_folder_given_twice_or_through_a_link_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("One.", encoding="utf-8")
    os.symlink(tmp_path / "real", tmp_path / "alias")
    files, problems = discover([str(tmp_path / "real"), str(tmp_path / "alias"), str(tmp_path / "real")])
    assert files == [tmp_path / "real" / "a.txt"] and problems == []
    os.symlink(tmp_path / "real", tmp_path / "real" / "self")
    (tmp_path / "top").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "top" / "sideways")
    files, problems = discover([str(tmp_path)])
    assert files == [tmp_path / "alias" / "a.txt"]
    assert [p.source for p in problems] == [str(tmp_path / "alias" / "self")]


@pytest.mark.parametrize("address", ["ftp://example.com/x", "file:///etc/passwd", "gopher://example.com:70/1", "S3://bucket/key"])
def test_an_address_of_another_scheme_is_named_with_its_scheme(tmp_path: Path, address: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "ingest", address])
    assert result.exit_code != 0
    assert f"skipped {address}: only http and https addresses can be fetched" in result.output
    assert "no such file" not in result.output


def test_a_dangling_link_a_pipe_and_a_folder_with_nothing_to_read_are_each_named(tmp_path: Path) -> None:
    (tmp_path / "links").mkdir()
    os.symlink(tmp_path / "gone.txt", tmp_path / "links" / "x.txt")
    (tmp_path / "pipes").mkdir()
    os.mkfifo(tmp_path / "pipes" / "f.txt")
    (tmp_path / "pdfs").mkdir()
    (tmp_path / "pdfs" / "report.pdf").write_bytes(b"%PDF-1.4")
    files, problems = discover([str(tmp_path / "links"), str(tmp_path / "pipes"), str(tmp_path / "pdfs")])
    assert files == []
    assert [(p.source, p.reason) for p in problems] == [
        (str(tmp_path / "links" / "x.txt"), f"a link to {tmp_path / 'gone.txt'}, which does not exist"),
        (str(tmp_path / "pipes" / "f.txt"), "not a regular file (a device, pipe or socket)"),
        (str(tmp_path / "pdfs"), "holds no article files (.htm, .html, .json, .jsonl, .markdown, .md, .txt)"),
    ]
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "ingest", str(tmp_path / "links")])
    assert result.exit_code == 1
    assert f"skipped {tmp_path / 'links' / 'x.txt'}: a link to" in result.output


def test_review_of_a_path_that_does_not_exist_says_so_before_any_screen_opens(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "review", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.output == f"curator: {tmp_path / 'nope.txt'}: no such file or folder; the review screen was not opened.\n"
    assert not (tmp_path / "c.db").exists()
