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
