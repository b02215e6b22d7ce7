"""The fact sheet: verified facts with their evidence, as JSON, CSV or Markdown.

One query streams the evidence lines ordered by fact; ``facts`` groups them,
a format writer turns each fact into text as it arrives, and ``output``
makes the file appear whole or not at all. Memory follows the largest fact,
not the database. The same database gives the same bytes, apart from
``generated_at`` (fixed too when ``SOURCE_DATE_EPOCH`` is set).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TextIO

from curator.errors import CuratorError
from curator.gcpause import cycle_collection_paused
from curator.export.csv_sheet import write_csv
from curator.export.facts import Copy, Fact, Sheet, group_facts
from curator.export.json_sheet import write_json
from curator.export.md_sheet import write_markdown
from curator.export.options import ExportOptions
from curator.export.output import open_output
from curator.schema import load_schema
from curator.store import ExportRow, Store

__all__ = ["ExportOptions", "Written", "write_export"]

BOM = "\ufeff"
"""The UTF-8 byte-order mark a CSV begins with unless ``--no-bom``: Excel needs it to read UTF-8 (Chinese, ¥, €)."""
WRITERS: dict[str, Callable[[TextIO, Sheet], None]] = {"json": write_json, "csv": write_csv, "md": write_markdown}


@dataclass
class Written:
    """How much a fact sheet holds."""

    facts: int = 0
    evidence: int = 0

    def count(self, facts: Iterable[Fact]) -> Iterator[Fact]:
        """The facts, each counted, with its lines counted as the writer reads them."""
        for fact in facts:
            self.facts += 1
            fact.evidence = self._lines(fact.evidence)
            yield fact

    def _lines(self, rows: Iterator[ExportRow]) -> Iterator[ExportRow]:
        for row in rows:
            self.evidence += 1
            yield row


def generated_at() -> str:
    """Now in UTC to the second, or ``$SOURCE_DATE_EPOCH`` for byte-identical rebuilds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        moment = datetime.now(timezone.utc)
    else:
        try:
            moment = datetime.fromtimestamp(int(epoch), timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise CuratorError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{epoch}'.") from None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_export(store: Store, options: ExportOptions, target: str, force: bool = False, create_folder: bool = False) -> Written:
    """Write the fact sheet ``options`` select to ``target`` (``-`` for stdout), atomically.

    ``create_folder`` makes a missing folder (for the default ``exports/``);
    a folder the user named must exist.
    """
    if options.articles is not None:
        known = store.known_article_keys(options.articles)
        missing = [a for a in options.articles if a not in known]
        if missing:
            raise CuratorError(f"no article in {store.path} has the id or source file name '{missing[0]}'.")
    schema = load_schema()
    kind_order = tuple(schema.kinds)
    query = options.store_filter(kind_order)
    stamp = generated_at()
    written = Written()
    with open_output(target, store.path, force=force, create_folder=create_folder) as out, store.read_snapshot():
        sheet = Sheet(
            generated_at=stamp,
            database=store.path.name,
            filters=options.described(),
            articles=store.export_articles(query),
            kind_labels={name: spec.label for name, spec in schema.kinds.items()},
            facts=written.count(group_facts(
                store.iter_export_rows(query), store.iter_fact_heads(query), store.claim_conflicts(),
                Copy(*map(frozenset, store.syndicated_copy())),
            )),
        )
        if options.fmt == "csv" and options.bom:
            out.write(BOM)
        with cycle_collection_paused():
            WRITERS[options.fmt](out, sheet)
    return written
