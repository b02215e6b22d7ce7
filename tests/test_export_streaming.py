"""Export memory stays flat for one huge fact: every format writes a fact's lines as the store streams them.

The peak-memory figures (a 20,000- and a 200,000-line fact) are in ``make bench`` (BENCHMARKS.md); here the
writers are held to reading the evidence stream lazily, which is what keeps that memory flat.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest

from curator.export import WRITERS
from curator.export.facts import Copy, Sheet, group_facts
from curator.export.options import ExportOptions
from curator.schema import load_schema
from curator.store import ExportRow, Store
from tests.test_export import build


LINES = {
    "json": lambda n, text: text.count('{"candidate_id": '),
    "csv": lambda n, text: int(n > 0),  # the csv module writes each row in one call, the header first
    "md": lambda n, text: len(re.findall(r"(?m)^\d+\. “", text)),
}
"""How many evidence lines the ``n``-th write of a format carries."""


class Recorder(io.StringIO):
    """An output that notes, at each write, how many evidence rows the export had read from the store so far."""

    def __init__(self, pulled: list[int]) -> None:
        super().__init__()
        self.pulled = pulled
        self.seen: list[tuple[int, str]] = []

    def write(self, text: str) -> int:
        self.seen.append((self.pulled[0], text))
        return super().write(text)


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_each_evidence_line_is_written_before_the_next_is_read(store: Store, fmt: str) -> None:
    build(store)
    query = ExportOptions.parse(fmt=fmt, statuses="all").store_filter(tuple(load_schema().kinds))
    pulled = [0]

    def counted(rows: Iterator[ExportRow]) -> Iterator[ExportRow]:
        for row in rows:
            pulled[0] += 1
            yield row

    out = Recorder(pulled)
    with store.read_snapshot():
        total = sum(1 for _ in store.iter_export_rows(query))
        facts = group_facts(counted(store.iter_export_rows(query)), store.iter_fact_heads(query), store.claim_conflicts(), Copy())
        sheet = Sheet("2026-04-14T09:00:00Z", "test.db", {}, store.export_articles(query), {}, facts)
        WRITERS[fmt](out, sheet)
    # Before each write, at most one row more than the lines already written has been read: the writer never
    # gathers a fact's lines (the seed's claims have up to three) before writing them.
    written = 0
    for n, (read, text) in enumerate(out.seen):
        assert read <= written + 1, f"{read} rows read when {written} lines were written"
        written += LINES[fmt](n, text)
    assert pulled[0] == total == 16


def test_fact_totals_come_before_its_lines_and_agree_with_them(store: Store) -> None:
    """The heads read beside the lines: one per fact, in the same order, with the fact's statuses and last edit."""
    build(store)
    query = ExportOptions.parse(fmt="json", statuses="all").store_filter(tuple(load_schema().kinds))
    with store.read_snapshot():
        heads = list(store.iter_fact_heads(query))
        rows = list(store.iter_export_rows(query))
    assert [h.fact_id for h in heads] == list(dict.fromkeys(r.fact_id for r in rows))
    by_fact = {h.fact_id: h for h in heads}
    for head in heads:
        lines = [r for r in rows if r.fact_id == head.fact_id]
        assert set(head.statuses.split(",")) == {r.status for r in lines}
        assert bool(head.disputed) == any(r.disputed for r in lines)
    assert by_fact["cl-usd61"].latest_edit == "a3-usd" and by_fact["cl-jpy"].latest_edit is None
