"""Export memory for one huge fact (issue 15): peak RSS of ``curator export`` in a child process.

    python benchmarks/run.py --only factmem                  the figures (make bench runs them too)

A database holds one claim of LINES evidence lines (100 per article, each with
its sentence, context and an accept), built straight through the store. The
baseline is the same number of lines spread over claims of three (the shape of
a normal sheet), measured in the same run: export memory should follow the
largest fact no more than the number of lines, so the ratio stays near 1 and
the 200k-line fact costs about what the 20k-line one does.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from curator.extract.base import candidate_id  # noqa: E402
from curator.ingest import make_article  # noqa: E402
from curator.models import Action, Claim, Candidate, Corroboration  # noqa: E402
from curator.store import open_store  # noqa: E402

FORMATS = ("json", "csv", "md")
TARGET = 1.25
"""Peak memory exporting one fact of N lines may be at most this times that of N lines in facts of three."""

SENTENCE = "The venture will receive $6.7 billion in government funding over the next five years, officials said. "
PER_ARTICLE = 100
CHUNK = 20_000


def build(path: Path, lines: int, per_claim: int) -> None:
    """``lines`` evidence lines of $6.7 billion, 100 per article, in claims of ``per_claim`` lines (0: one claim)."""
    with open_store(path) as store:
        members: list[str] = []
        articles, candidates = [], []
        for n in range((lines + PER_ARTICLE - 1) // PER_ARTICLE):
            article = make_article(f"Report {n}\n" + SENTENCE * PER_ARTICLE, source=f"fact-{n:06d}.txt")
            assert article is not None
            articles.append(article)
            base = len(f"Report {n}\n")
            for i in range(min(PER_ARTICLE, lines - n * PER_ARTICLE)):
                offset = base + i * len(SENTENCE)
                start, end = offset + 25, offset + 37
                cid = candidate_id(article.id, "money", start, end)
                candidates.append(Candidate(
                    id=cid, article_id=article.id, kind="money", text=article.text[start:end], start=start, end=end,
                    quote=SENTENCE.strip(), quote_start=offset, subject="venture", statement="venture: $6.7 billion",
                    value=6.7e9, unit="USD", extractor="bench",
                ))
                members.append(cid)
            if len(candidates) >= CHUNK:
                store.add_articles(articles)
                store.add_candidates(candidates)
                articles, candidates = [], []
        if articles:
            store.add_articles(articles)
            store.add_candidates(candidates)
        size = per_claim or len(members)
        store.replace_claims([
            Claim(id=f"c{k:08d}", kind="money", subject="venture", statement="venture: $6.7 billion", value=6.7e9,
                  unit="USD", qualifier=None, corroboration=Corroboration.CORROBORATED, sources=2,
                  candidate_ids=tuple(members[k:k + size]))
            for k in range(0, len(members), size)
        ])
        store.decide(members[0], "bench", Action.ACCEPT)


CHILD = """
import sys
from pathlib import Path
from curator.export import ExportOptions, write_export
from curator.store import open_store
with open_store(Path(sys.argv[1])) as store:
    write_export(store, ExportOptions.parse(fmt=sys.argv[2], statuses="all"), sys.argv[3], force=True)
status = Path("/proc/self/status").read_text().splitlines()
print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024)
"""
"""The export in a fresh process importing only what ``curator export`` does. Its peak is the kernel's VmHWM
(KiB), which starts afresh at exec; ``ru_maxrss`` would keep the forking parent's size."""


def peak_mb(db: Path, fmt: str, out: Path) -> float:
    """Peak resident memory (MB) of a child process exporting ``db`` as ``fmt``."""
    result = subprocess.run([sys.executable, "-c", CHILD, str(db), fmt, str(out)], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parent.parent)
    return float(result.stdout.strip())


def measure(lines: int, formats: tuple[str, ...] = FORMATS) -> dict[str, tuple[float, float]]:
    """{format: (peak MB for one fact of ``lines`` lines, peak MB for the same lines in facts of three)}."""
    with tempfile.TemporaryDirectory() as folder:
        huge, spread = Path(folder) / "huge.db", Path(folder) / "spread.db"
        build(huge, lines, 0)
        build(spread, lines, 3)
        return {fmt: (peak_mb(huge, fmt, Path(folder) / f"h.{fmt}"), peak_mb(spread, fmt, Path(folder) / f"s.{fmt}"))
                for fmt in formats}


def bench_fact_memory(sizes: tuple[int, int], figure: Callable[..., Any]) -> list[Any]:
    """Figures: per size and format, the peak of one huge fact against the same lines in facts of three; and the
    peak's growth from the smaller huge fact to the larger (10x the lines)."""
    figures = []
    peaks: dict[int, dict[str, tuple[float, float]]] = {n: measure(n) for n in sizes}
    for n in sizes:
        for fmt, (huge, spread) in peaks[n].items():
            figures.append(figure(f"export peak memory, one fact of {n:,} lines ({fmt})", huge, spread, "MB",
                                  f"≤ {TARGET}x", huge <= TARGET * spread,
                                  "baseline: the same lines in facts of three, exported in the same run"))
    small, large = sizes
    for fmt in FORMATS:
        grown, base = peaks[large][fmt][0], peaks[small][fmt][0]
        figures.append(figure(f"export peak memory growth, one fact of {large:,} vs {small:,} lines ({fmt})", grown, base,
                              "MB", f"≤ {TARGET}x", grown <= TARGET * base))
    return figures
