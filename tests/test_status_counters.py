"""`curator status` on counters kept on write: they equal a recount after any decisions, and plain status lists no article."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curator.cli import cli
from curator.ingest import make_article
from curator.models import Action, Candidate
from curator.store import open_store

REVIEWERS = ("ann", "bo", "cy")
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("decide"), st.integers(0, 3), st.sampled_from(REVIEWERS),
                  st.sampled_from([Action.ACCEPT, Action.REJECT, Action.EDIT, Action.SKIP]), st.booleans()),
        st.tuples(st.just("undo"), st.just(0), st.sampled_from(REVIEWERS), st.just(Action.UNDO), st.just(False)),
    ),
    max_size=25,
)


def _recount(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    counts = dict(conn.execute("SELECT status, count(*) FROM candidates GROUP BY status").fetchall())
    counts["disputed"] = conn.execute("SELECT count(*) FROM candidates WHERE disputed").fetchone()[0]
    counts["adjudicated"] = conn.execute(
        "SELECT count(*) FROM candidates c JOIN decisions d ON d.id = c.decision_id WHERE d.adjudicate = 1"
    ).fetchone()[0]
    conn.close()
    return counts


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_counters_equal_a_recount_after_decisions_undos_and_adjudications(tmp_path_factory, steps) -> None:
    db = tmp_path_factory.mktemp("counters") / "c.db"
    article = make_article("SoftBank committed $6.7 billion, 29% of the plan, by 2040 with 18 partners.", source="a.txt")
    assert article is not None
    with open_store(db) as store:
        store.add_articles([article])
        candidates = [
            Candidate(
                id=f"c{n}", article_id=article.id, kind="money", text=article.text[start:end], start=start, end=end,
                quote=article.text, quote_start=0, subject="SoftBank", statement="s", value=float(n), unit="USD",
                extractor="test",
            )
            for n, (start, end) in enumerate([(18, 30), (32, 35), (52, 56), (62, 64)])
        ]
        store.save_extraction(article.id, candidates)
        ids = [c.id for c in candidates]
        for kind, index, reviewer, action, adjudicate in steps:
            if kind == "undo":
                store.undo(reviewer)
            else:
                fields = {"value": "7"} if action is Action.EDIT else None
                store.decide(ids[index], reviewer, action, fields=fields, adjudicate=adjudicate)
            counts = store.candidate_counts()
            recount = _recount(db)
            assert {k: v for k, v in counts.items() if v} == {k: v for k, v in recount.items() if v}
            summary = store.summary()
            assert summary["candidates"] == 4 and summary["disputed"] == recount["disputed"]


def test_plain_status_lists_no_article_and_articles_or_json_do(db_path: Path, seeds: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db_path), "ingest", str(seeds)]).exit_code == 0
    plain = runner.invoke(cli, ["--db", str(db_path), "status"])
    assert plain.exit_code == 0 and "articles (id" not in plain.output and "read by: plain 5" in plain.output
    listed = runner.invoke(cli, ["--db", str(db_path), "status", "--articles"])
    assert listed.exit_code == 0
    rows = [line for line in listed.output.splitlines() if "0/0 decided" in line]
    assert len(rows) == 5 and any("000" in row for row in rows)
    report = json.loads(runner.invoke(cli, ["--db", str(db_path), "status", "--json"]).output)
    assert len(report["article_list"]) == 5 and report["readers"] == {"plain": 5}
