"""Two reviewers' screens, in two real processes, race through the same candidates pressing ``a``.

Each child runs the app headless (``tests/tui/race_reviewer.py``); both start
pressing at one signal. At the end every candidate holds exactly one
reviewer's live decision: leases keep the screens apart, a key never lands on
a candidate the other screen decided meanwhile, and nothing is left undecided.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from review_data import _article, _candidate
from sharing_checks import integrity, states_off_the_log

from curator.models import Status
from curator.store import open_store

pytestmark = pytest.mark.slow

CHILD = Path(__file__).resolve().parent / "race_reviewer.py"
ARTICLES, PER_ARTICLE = 4, 5


def build_race_db(path: Path) -> list[str]:
    """``ARTICLES`` articles of ``PER_ARTICLE`` money candidates each; returns every candidate id."""
    ids = []
    with open_store(path) as store:
        for a in range(ARTICLES):
            lines = [f"Fund {a} raised ${a}{n}1 million in round {n}." for n in range(PER_ARTICLE)]
            article = _article(f"race_{a}.txt", f"Fund {a} rounds\n" + "\n".join(lines), "en", "2026-04-13", "example.com")
            candidates = [
                _candidate(article, "money", f"${a}{n}1 million", float(f"{a}{n}1") * 1e6, "USD", statement=f"round {n} of fund {a}")
                for n in range(PER_ARTICLE)
            ]
            store.add_articles([article])
            store.save_extraction(article.id, candidates)
            ids.extend(c.id for c in candidates)
    return ids


def test_two_screens_racing_decide_every_candidate_exactly_once(tmp_path: Path) -> None:
    db = tmp_path / "race.db"
    ids = build_race_db(db)
    go = tmp_path / "go"
    children = []
    for reviewer in ("ana", "bo"):
        ready = tmp_path / f"{reviewer}.ready"
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(db), reviewer, str(ready), str(go)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
        )
        children.append((proc, ready))
    deadline = time.monotonic() + 60
    while not all(ready.exists() or proc.poll() is not None for proc, ready in children):
        assert time.monotonic() < deadline, "the screens never came up"
        time.sleep(0.01)
    go.touch()
    reports = []
    for proc, _ in children:
        out, err = proc.communicate(timeout=90)
        assert proc.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))

    with open_store(db) as store:
        decisions = store.decisions()
        states = {cid: store.state(cid) for cid in ids}
        leftover = store.leased_by_others("nobody", ids)
    deciders: dict[str, set[str]] = defaultdict(set)
    for d in decisions:
        assert d.action.value == "accept", d
        deciders[d.candidate_id].add(d.reviewer)
    doubled = {cid: who for cid, who in deciders.items() if len(who) > 1}
    assert doubled == {}, f"decided by both screens: {doubled} ({reports})"
    assert sorted(deciders) == sorted(ids), f"left undecided: {sorted(set(ids) - set(deciders))} ({reports})"
    assert all(s is not None and s.status is Status.ACCEPTED and not s.disputed for s in states.values())
    assert leftover == {}, "quitting released every lease"
    assert states_off_the_log(db) == [] and integrity(db) == "ok"
    decided = {r["reviewer"]: sum(1 for who in deciders.values() if r["reviewer"] in who) for r in reports}
    for report in reports:
        assert f"{report['reviewer']} this session: {decided[report['reviewer']]} decided" in report["summary"], report
