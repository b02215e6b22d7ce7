"""The layout's rules, checked: import contracts, no import cycle, small modules, SQL only in ``curator/store``."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import grimp

PACKAGE = Path(__file__).resolve().parent.parent / "curator"
MAX_LINES = 400
SQL = re.compile(
    r"\b(SELECT\b.+\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
    r"(CREATE|DROP|ALTER)\s+(TEMP\s+)?(TABLE|INDEX|VIEW|TRIGGER)|PRAGMA\s+\w+|BEGIN\s+(IMMEDIATE|EXCLUSIVE))\b",
    re.DOTALL,
)


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_import_contracts_are_kept() -> None:
    """``pyproject.toml``'s import-linter contracts: the core never imports the UI; the layers point downwards."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_import_cycle() -> None:
    """No module reaches itself through imports (imports made only for type checking aside)."""
    graph = grimp.build_graph("curator", exclude_type_checking_imports=True)
    edges = {m: graph.find_modules_directly_imported_by(m) & graph.modules for m in graph.modules}
    cycles = []
    for start in sorted(edges):
        seen, frontier = set(), set(edges[start])
        while frontier:
            module = frontier.pop()
            if module == start:
                cycles.append(start)
                break
            if module not in seen:
                seen.add(module)
                frontier |= edges[module]
    assert cycles == []


def test_no_module_is_over_400_lines() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_only_the_store_speaks_sql() -> None:
    """No SQL statement in a string (docstrings may name one), and no ``sqlite3``, outside ``curator/store``."""
    found = []
    for path in modules():
        if path.is_relative_to(PACKAGE / "store"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        prose = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose and SQL.search(node.value):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                if any(name.split(".")[0] == "sqlite3" for name in names):
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} imports sqlite3")
    assert found == []


def test_the_sql_check_sees_sql() -> None:
    """The pattern above finds the statements it is there to find, and not prose."""
    assert all(SQL.search(s) for s in ("SELECT id FROM articles", "INSERT OR IGNORE INTO x", "UPDATE candidates SET a = 1",
                                       "DELETE FROM leases", "CREATE VIEW v AS", "PRAGMA user_version"))
    assert not any(SQL.search(s) for s in ("Select the claims to export.", "update the list", "selected from the text"))
