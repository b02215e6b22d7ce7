"""Claim matching at scale: time ``match_candidates`` for 10k and 100k synthetic candidates.

    python benchmarks/bench_match.py            10k and 100k
    python benchmarks/bench_match.py 20000 200000
    python benchmarks/bench_match.py --incremental 100000 1000
                                                1k new candidates matched into a database of 100k
                                                (``match_new``) against a full ``rematch``
    python benchmarks/bench_match.py --growth 10000 100000
                                                growth per 10x (``time_growth``), block-wise and in memory

Growth is timed fairly on a shared machine (``time_growth``): the large
corpus against ten different small ones that hold as many candidates in all,
taking turns in one loop. A min of three runs of a short job finds a quiet
moment far more easily than a job ten times as long; timed beside the same
total work, both sizes meet the same load. Process CPU time is reported
beside wall time: it leaves out the time other processes held the cores.

The candidates look like a real extraction of a large, many-topic corpus,
built from one seeded generator so every run matches the same input: about
40 candidates per article; organisations named with a long tail (a few in
every other article, most in a handful); facts told by several articles in
their own words (shared context words, some replaced, some added, the subject
sometimes missing or another one); money converted into a second currency
now and then; a few figures told differently (within the tolerance, so they
conflict); and round values (10%, $1.5 billion, 2030) shared by many
unrelated facts, so that some blocks grow with the corpus, as they do in
real news. The number of facts grows with the candidates: a bigger corpus
covers more topics.
"""

from __future__ import annotations

import contextlib
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from curator.models import Article, Candidate  # noqa: E402
from curator.schema import load_schema  # noqa: E402

PER_ARTICLE = 40
TELLINGS = 6
"""Candidates per fact, on average: how many articles repeat a fact."""
SIZES = (10_000, 100_000)
RELATIONS = ["founded-by", "funded-by", "stake", "member-of", "naming"]
NOUNS = ["robots", "sectors", "companies", "factories", "engineers", "data centers", "years", "vehicles"]
SYLLABLES = ["ka", "to", "ri", "mo", "ne", "su", "ha", "ya", "zu", "pe", "lo", "vin", "dar", "sel", "qu", "ber"]


class Corpus:
    """A seeded generator of facts and the candidates that tell them."""

    def __init__(self, n: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = sorted({self._word() for _ in range(4000)})
        self.entities = [f"{self._word().title()} {self._word().title()}" for _ in range(max(50, n // 60))]
        self.facts = [self._fact() for _ in range(max(20, n // TELLINGS))]

    def _word(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4)))

    def entity(self) -> str:
        """A long tail: a few organisations are named everywhere, most rarely."""
        return self.entities[int(len(self.entities) * self.rng.random() ** 4)]

    def _fact(self) -> tuple[str, str, object, str | None, list[str]]:
        r = self.rng
        kind = r.choices(["money", "percent", "quantity", "date", "relation"], weights=[3, 2, 2, 2, 3])[0]
        subject = self.entity()
        words = r.sample(self.words, 7)
        if kind == "money":
            round_value = r.random() < 0.2
            mantissa = r.choice([1, 1.5, 2, 5]) if round_value else round(r.uniform(1, 10), 2)
            return kind, subject, mantissa * 10 ** r.randint(6, 12), r.choice(["USD", "USD", "JPY", "EUR"]), words
        if kind == "percent":
            return kind, subject, float(r.choice([5, 10, 20, 50]) if r.random() < 0.3 else r.randint(1, 99)), "%", words
        if kind == "quantity":
            return kind, subject, float(r.randint(2, 5000)), r.choice(NOUNS), words
        if kind == "date":
            return kind, subject, str(r.randint(2020, 2045)) if r.random() < 0.5 else f"{r.randint(1990, 2045)}-{r.randint(1, 12):02d}", None, words
        relation = r.choice(RELATIONS)
        if relation == "naming":  # what is named is a venture of its own, as the extractor makes a naming's subject
            return relation, f"{subject} {self._word()} venture", self._word().title(), None, words
        return relation, subject, self.entity(), None, words

    def telling(self, fact: tuple[str, str, object, str | None, list[str]]) -> tuple[str, str | None, object, str | None, str]:
        """One article's wording of a fact: (kind, subject, value, unit, context sentence)."""
        r = self.rng
        kind, subject, value, unit, words = fact
        told = [w if r.random() < 0.8 else r.choice(self.words) for w in words] + r.sample(self.words, r.randint(0, 3))
        r.shuffle(told)
        roll = r.random()
        who: str | None = subject if roll < 0.75 else None if roll < 0.9 or kind == "naming" else self.entity()
        if isinstance(value, float) and r.random() < 0.03:
            value = float(f"{value * r.choice([0.92, 0.95, 1.05, 1.08]):.3g}")
        return kind, who, value, unit, " ".join(told)


def synthetic_candidates(n: int, seed: int = 7) -> list[Candidate]:
    """``n`` candidates over ``n / 40`` articles, the same ones for the same ``n`` and ``seed``."""
    corpus = Corpus(n, seed)
    r = corpus.rng
    out: list[Candidate] = []
    article = 0
    while len(out) < n:
        article_id = f"a{article:07d}"
        for slot in range(PER_ARTICLE):
            if len(out) >= n:
                break
            cid = f"c{len(out):08d}"
            if r.random() < 0.35:
                name = corpus.entity()
                out.append(_candidate(cid, article_id, slot, "entity", name, "organisation", name, f"{name} said"))
                continue
            kind, subject, value, unit, context = corpus.telling(r.choice(corpus.facts))
            text = f"{value}" if not isinstance(value, float) else f"{value:g}"
            attrs: dict[str, object] = {}
            if kind == "money" and r.random() < 0.15 and len(out) + 1 < n:
                other = f"c{len(out) + 1:08d}"
                attrs = {"equivalents": [other]}
                rate, currency = (150.0, "JPY") if unit == "USD" else (1 / 150.0, "USD")
                out.append(_candidate(cid, article_id, slot, kind, value, unit, subject, context, text, attrs))
                converted = float(f"{float(value) * rate:.2g}")  # type: ignore[arg-type]
                out.append(_candidate(other, article_id, slot, kind, converted, currency, subject, context, f"{converted:g}",
                                      {"equivalents": [cid]}, offset=1))
                continue
            out.append(_candidate(cid, article_id, slot, kind, value, unit, subject, context, text, attrs))
        article += 1
    return out


def _candidate(
    cid: str, article_id: str, slot: int, kind: str, value: object, unit: str | None, subject: str | None, context: str,
    text: str | None = None, attrs: dict[str, object] | None = None, offset: int = 0,
) -> Candidate:
    """A candidate whose quote is ``context`` with the value's text in the middle."""
    text = text or str(value)
    words = context.split(" ")
    before, after = " ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])
    quote = f"{before} {text} {after}"
    base = slot * 1000 + offset * 500
    start = base + len(before) + 1
    return Candidate(
        id=cid, article_id=article_id, kind=kind, text=text, start=start, end=start + len(text), quote=quote,
        quote_start=base, subject=subject, statement=f"{subject}: {text}", value=value,  # type: ignore[arg-type]
        unit=unit, attrs=attrs or {},
    )


def time_match(n: int, repeat: int = 1) -> float:
    """Seconds ``match_candidates`` takes for ``n`` synthetic candidates (fastest of ``repeat``)."""
    from curator.match import match_candidates

    candidates = synthetic_candidates(n)
    schema = load_schema()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        match_candidates(candidates, schema)
        best = min(best, time.perf_counter() - start)
    return best


@dataclass(frozen=True)
class Timing:
    wall: float
    """Seconds on the clock."""
    cpu: float
    """Seconds of this process's CPU time (user and system): what it computed, whatever else held the cores."""


@dataclass(frozen=True)
class Growth:
    large: Timing
    """One match of the large corpus (fastest round)."""
    small: Timing
    """One match of a small corpus: the fastest round's time for all of them, over their number (taking each
    corpus's own fastest would let the short runs pick their quiet moments again)."""

    @property
    def wall(self) -> float:
        return self.large.wall / self.small.wall

    @property
    def cpu(self) -> float:
        return self.large.cpu / self.small.cpu


def _articles(batch: list[Candidate]) -> list[Article]:
    ids = dict.fromkeys(c.article_id for c in batch)
    return [Article(id=a, sha256=a, source=f"{a}.txt", text="", title=a) for a in ids]


def time_growth(sizes: tuple[int, int], repeat: int, folder: Path, blockwise: bool = True) -> Growth:
    """How matching ``sizes[1]`` candidates compares with matching ``sizes[0]``, timed fairly (module docstring).

    ``blockwise``: a full ``rematch`` from a store, what the first ``curator
    extract`` and ``extract --rematch`` run (each store built and matched once
    first, not timed, so every timed run replaces stored claims); else the
    in-memory ``match_candidates``. The small corpora are
    ``synthetic_candidates(sizes[0], seed)`` for ``sizes[1] // sizes[0]``
    seeds, the large one seed 7. Each round matches the large corpus, then
    every small one; a figure is the fastest round's.
    """
    from curator.match import match_candidates, rematch
    from curator.store import open_store

    schema = load_schema()
    copies = max(1, sizes[1] // sizes[0])
    corpora = [synthetic_candidates(sizes[1])] + [synthetic_candidates(sizes[0], seed) for seed in range(100, 100 + copies)]
    jobs: list[Callable[[], object]] = []
    with contextlib.ExitStack() as stack:
        for number, candidates in enumerate(corpora):
            if not blockwise:
                jobs.append(lambda candidates=candidates: match_candidates(candidates, schema))
                continue
            store = stack.enter_context(open_store(folder / f"growth-{number}.db"))
            store.add_articles(_articles(candidates))
            store.add_candidates(candidates)
            rematch(store, schema)
            jobs.append(lambda store=store: rematch(store, schema))
        del corpora
        large = small = Timing(float("inf"), float("inf"))
        for _ in range(repeat):
            took = [_timed(job) for job in jobs]
            large = Timing(min(large.wall, took[0].wall), min(large.cpu, took[0].cpu))
            small = Timing(min(small.wall, sum(t.wall for t in took[1:])), min(small.cpu, sum(t.cpu for t in took[1:])))
    return Growth(large, Timing(small.wall / copies, small.cpu / copies))


def _timed(job: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    job()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


@dataclass(frozen=True)
class IncrementalTiming:
    incremental: float
    """Seconds ``match_new`` took for the new candidates."""
    full: float
    """Seconds a full ``rematch`` of the same database took."""
    read: int
    """Candidates the incremental run read from the database (the new ones included)."""
    total: int
    """Candidates in the database."""


def time_incremental(n_existing: int, n_new: int, seed: int = 7) -> IncrementalTiming:
    """Match ``n_new`` synthetic candidates into a database of ``n_existing`` matched ones, incrementally and in full.

    The candidates are ``synthetic_candidates(n_existing + n_new, seed)`` cut
    at an article boundary, so the new ones come from new articles, as after
    ``curator ingest`` of more files. Times include reading and writing the
    database (a temporary file); building it is not timed.
    """
    from curator.match import match_new, rematch
    from curator.store import Store, open_store

    schema = load_schema()
    candidates = synthetic_candidates(n_existing + n_new, seed)
    cut = n_existing
    while 0 < cut < len(candidates) and candidates[cut].article_id == candidates[cut - 1].article_id:
        cut += 1
    old, new = candidates[:cut], candidates[cut:]

    read = 0
    to_candidate = Store._candidate

    def counting(row: object) -> Candidate:
        nonlocal read
        read += 1
        return to_candidate(row)  # type: ignore[arg-type]

    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "bench.db") as store:
        store.add_articles(_articles(old))
        store.add_candidates(old)
        rematch(store, schema)
        store.add_articles(_articles(new))
        store.add_candidates(new)
        Store._candidate = staticmethod(counting)  # type: ignore[method-assign]
        try:
            start = time.perf_counter()
            match_new(store, schema)
            incremental = time.perf_counter() - start
        finally:
            Store._candidate = staticmethod(to_candidate)  # type: ignore[method-assign]
        counts = store.claim_counts()
        start = time.perf_counter()
        rematch(store, schema)
        full = time.perf_counter() - start
        assert store.claim_counts() == counts, "matching only what is new must give the claims of a full rematch"
    return IncrementalTiming(incremental, full, read, len(candidates))


def main(sizes: list[int]) -> None:
    times = {n: time_match(n) for n in sizes}
    for n, seconds in times.items():
        print(f"match_candidates, {n:>9,} candidates: {seconds:7.3f} s ({n / seconds:,.0f}/s)")
    small, large = min(sizes), max(sizes)
    if small != large:
        print(f"growth: {large // small}x the candidates took {times[large] / times[small]:.1f}x the time")


def main_incremental(n_existing: int, n_new: int) -> None:
    t = time_incremental(n_existing, n_new)
    print(
        f"{n_new:,} new into {n_existing:,} matched candidates: match_new {t.incremental:.3f} s"
        f" (read {t.read:,} of {t.total:,} candidates), full rematch {t.full:.3f} s ({t.full / t.incremental:.0f}x)"
    )


def main_growth(sizes: tuple[int, int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for blockwise in (True, False):
            g = time_growth(sizes, 3, Path(folder), blockwise)
            print(
                f"{'block-wise rematch' if blockwise else 'match_candidates  '}: {sizes[1]:,} {g.large.wall:.3f} s"
                f" ({g.large.cpu:.3f} s CPU), {sizes[0]:,} {g.small.wall:.3f} s ({g.small.cpu:.3f} s CPU):"
                f" growth {g.wall:.2f}x wall, {g.cpu:.2f}x CPU"
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--growth"]:
        small, large = (int(a) for a in sys.argv[2:4]) if len(sys.argv) >= 4 else SIZES
        main_growth((small, large))
    elif sys.argv[1:2] == ["--incremental"]:
        existing, new = (int(a) for a in sys.argv[2:4]) if len(sys.argv) >= 4 else (100_000, 1_000)
        main_incremental(existing, new)
    else:
        main([int(a) for a in sys.argv[1:]] or list(SIZES))
