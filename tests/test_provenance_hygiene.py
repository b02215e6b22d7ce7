"""The provenance modules are pure: no SQL, no terminal UI, each small."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "curator" / "provenance"
MODULES = sorted(f"curator.provenance.{path.stem}" for path in PACKAGE.glob("*.py") if path.stem != "__init__")


def test_importing_every_provenance_module_loads_no_ui_and_no_sql() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in MODULES)
        + "print(sorted(m for m in ('textual', 'rich', 'click', 'sqlite3', 'sqlite_utils') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert "curator.provenance.stories" in MODULES and "curator.provenance.slots" in MODULES


def test_each_module_stays_under_400_lines() -> None:
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in PACKAGE.glob("*.py")}
    assert max(sizes.values()) < 400, sizes
