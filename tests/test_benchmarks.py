"""The benchmark script still runs and reports figures beside their baselines (a quick subset; the full run is make bench)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmarks_print_each_figure_with_its_baseline_and_ratio(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--only", "match,decide", "--json", str(out)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert result.returncode in (0, 1), result.stderr  # 1: a target missed, which BENCHMARKS.md explains
    figures = json.loads(out.read_text())
    names = [f["name"] for f in figures]
    assert any(n.startswith("matching 10,000 candidates") for n in names)
    assert any(n.startswith("curator decide: 300 decisions") for n in names)
    for figure in figures:
        assert figure["ours"] > 0 and figure["baseline"] > 0
        assert abs(figure["ratio"] - figure["ours"] / figure["baseline"]) < 1e-9
        assert f"| {figure['name']} |" in result.stdout
