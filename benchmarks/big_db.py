"""A large curator database built straight through the store, for the screen and export benchmarks.

    python benchmarks/big_db.py ARTICLES CANDIDATES_PER_ARTICLE OUT.db

Extracting 100k articles would take minutes and measure the extractor, not
the screen; here each article gets evenly spaced candidates of every kind,
grouped into claims of three (some in conflict), committed in chunks through
``Store.add_articles``/``add_candidates``/``replace_claims``, so the file has
the same tables and indexes a real one has.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from curator.extract.base import candidate_id  # noqa: E402
from curator.ingest import make_article  # noqa: E402
from curator.models import Article, Candidate, Claim, Corroboration  # noqa: E402
from curator.store import open_store  # noqa: E402

SENTENCE = "SoftBank and NEC committed $6.7 billion to the venture by 2040, about 29% of the plan for 18 sectors. "
KINDS = [("money", 6.7e9, "USD", 30, 42), ("date", "2040", None, 61, 65), ("percent", 29.0, "%", 73, 76),
         ("quantity", 18.0, "sectors", 93, 103), ("entity", "SoftBank", "organisation", 0, 8)]
CHUNK = 2000


def build(path: Path, articles: int, per_article: int) -> None:
    repeats = max(1, (per_article + len(KINDS) - 1) // len(KINDS))
    with open_store(path) as store:
        claims: dict[str, list[str]] = {}
        batch_articles: list[Article] = []
        batch_candidates: list[Candidate] = []
        for n in range(articles):
            article = make_article(f"Report {n}\n" + SENTENCE * repeats, source=f"big-{n:07d}.txt")
            assert article is not None
            batch_articles.append(article)
            base = len(f"Report {n}\n")
            for i in range(per_article):
                kind, value, unit, start, end = KINDS[i % len(KINDS)]
                offset = base + (i // len(KINDS)) * len(SENTENCE)
                cid = candidate_id(article.id, kind, offset + start, offset + end)
                text = article.text[offset + start : offset + end]
                batch_candidates.append(Candidate(
                    id=cid, article_id=article.id, kind=kind, text=text, start=offset + start, end=offset + end,
                    quote=SENTENCE.strip(), quote_start=offset, subject="SoftBank", statement=f"SoftBank: {text}",
                    value=value, unit=unit, extractor="bench",
                ))
                claims.setdefault(f"c{(n * per_article + i) // 3:08d}", []).append(cid)
            if len(batch_articles) >= CHUNK:
                store.add_articles(batch_articles)
                store.add_candidates(batch_candidates)
                batch_articles, batch_candidates = [], []
        if batch_articles:
            store.add_articles(batch_articles)
            store.add_candidates(batch_candidates)
        keys = sorted(claims)
        store.replace_claims([
            Claim(
                id=key, kind="money", subject="SoftBank", statement="SoftBank: $6.7 billion", value=6.7e9, unit="USD",
                qualifier=None, corroboration=Corroboration.CONFLICT if i % 50 == 0 else Corroboration.SINGLE_SOURCE,
                sources=1, candidate_ids=tuple(claims[key]),
                conflicts_with=(keys[i + 1],) if i % 50 == 0 and i + 1 < len(keys) else (),
            )
            for i, key in enumerate(keys)
        ])


if __name__ == "__main__":
    build(Path(sys.argv[3]), int(sys.argv[1]), int(sys.argv[2]))
