"""An export killed mid-write (kill -9) leaves a temporary file; the next export to that file removes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from test_export import build

from curator.cli import cli
from curator.store import open_store

WRITER = """
import sys, time
from pathlib import Path
from curator.export.output import open_output
with open_output(sys.argv[1], Path(sys.argv[2]), force=False, create_folder=False) as out:
    out.write("{" * 100000)
    out.flush()
    print("writing", flush=True)
    time.sleep(60)
"""


def test_a_temporary_left_by_kill_9_is_swept_by_the_next_export(db_path: Path, tmp_path: Path) -> None:
    with open_store(db_path) as store:
        build(store)
    target = tmp_path / "sheet.json"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
        left = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(left) == 1 and left[0].startswith(f".sheet.json.{writer.pid}.")
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    assert not target.exists()
    alive = tmp_path / f".sheet.json.{os.getpid()}.abcdefgh.tmp"
    alive.write_text("another export, still running")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "export", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == [alive.name]


def test_a_full_disk_under_standard_output_is_one_sentence(db_path: Path) -> None:
    with open_store(db_path) as store:
        build(store)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "curator", "--db", str(db_path), "export", "--status", "all", "-o", "-"],
            stdout=full, stderr=subprocess.PIPE, text=True, check=False,
        )
    assert done.returncode == 1
    assert done.stderr == "curator: cannot write the export to standard output: the disk is full (no space left on device).\n"
