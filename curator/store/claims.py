"""The ``claims`` and ``claim_conflicts`` tables, the candidates' claim links, and the claims' generation counter."""

from __future__ import annotations

import json

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from curator.models import EDITABLE, Candidate, Claim, ClaimKey, Corroboration
from curator.store.candidates import TOLD_COLUMNS, Candidates
from curator.store.connection import Row
from curator.store.records import Neighbourhood, UnmatchedBatch

CLAIM_COLUMNS = (
    "id, kind, subject, statement, value, unit, qualifier, corroboration, sources, block, slot, leader, article_count, outlets,"
    " tellers, carriers, high"
)
_CLAIM_MARKS = ", ".join("?" * len(CLAIM_COLUMNS.split(", ")))


class StaleClaims(Exception):
    """Claims were written by someone else between reading for a match and writing its result."""


def _claim_params(c: Claim) -> tuple[Any, ...]:
    key = (c.key.block, c.key.slot, c.key.leader) if c.key else (None, None, None)
    high = c.key.high if c.key else None
    outlets = json.dumps(list(c.outlets), ensure_ascii=False)
    tellers = None if c.tellers is None else json.dumps(list(c.tellers), ensure_ascii=False)
    return (c.id, c.kind, c.subject, c.statement, c.value, c.unit, c.qualifier, c.corroboration.value, c.sources, *key,
            c.article_count, outlets, tellers, json.dumps(list(c.carriers), ensure_ascii=False), high)


def to_claim(row: Row, conflicts: Sequence[str]) -> Claim:
    data = dict(row)
    data["corroboration"] = Corroboration(data["corroboration"])
    block, slot, leader, high = data.pop("block"), data.pop("slot"), data.pop("leader"), data.pop("high")
    data["outlets"] = tuple(json.loads(data["outlets"] or "[]"))
    data["tellers"] = None if data["tellers"] is None else tuple(json.loads(data["tellers"]))
    data["carriers"] = tuple(json.loads(data["carriers"] or "[]"))
    key = ClaimKey(block, slot, leader, high) if block is not None else None
    return Claim(**data, conflicts_with=tuple(conflicts), key=key)


class Claims(Candidates):
    """Claims as matching writes them (whole or incrementally, guarded by a generation) and reads them back."""

    def claims_generation(self) -> int:
        """How many times claims have been written: read before matching, checked when its result is written."""
        row = self._one("SELECT value FROM counters WHERE name = 'claims'")
        return int(row[0]) if row else 0

    def _next_claims_generation(self, expected: int | None) -> None:
        """Inside a claims write: refuse a result computed from claims someone has rewritten since, then count this one."""
        row = self._execute("SELECT value FROM counters WHERE name = 'claims'").fetchone()
        if expected is not None and (row[0] if row else 0) != expected:
            raise StaleClaims(f"the claims in {self.path} changed while matching")
        self._execute(
            "INSERT INTO counters (name, value) VALUES ('claims', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1"
        )

    def replace_claims(
        self, claims: Sequence[Claim], expected: int | None = None, settled: Mapping[str, int] | None = None
    ) -> None:
        """Replace every claim and each candidate's claim link in one transaction.

        ``expected`` is the ``claims_generation`` the claims were computed at:
        if another process wrote claims since, nothing is written and
        ``StaleClaims`` is raised, so the caller matches again. ``settled``
        are the ``pending_moves`` read before the candidates, now filed.
        """

        def work() -> None:
            self._clear_claims(expected, settled)
            self._executemany(
                f"INSERT INTO claims ({CLAIM_COLUMNS}) VALUES ({_CLAIM_MARKS})",
                [_claim_params(c) for c in claims],
            )
            self._executemany(
                "INSERT OR IGNORE INTO claim_conflicts (claim_id, other_id) VALUES (?, ?)",
                [(c.id, other) for c in claims for other in c.conflicts_with],
            )
            self._executemany(
                "UPDATE candidates SET claim_id = ? WHERE id = ?",
                [(c.id, cid) for c in claims for cid in c.candidate_ids],
            )

        self._write(work)

    def _clear_claims(self, expected: int | None, settled: Mapping[str, int] | None) -> None:
        """Inside a write: check and bump the claims' generation, file the ``settled`` moves, and delete every claim,
        conflict link and candidate's claim link, so that a full match can write its claims in their place."""
        self._next_claims_generation(expected)
        self._settle(settled or {})
        self._execute("DELETE FROM claim_conflicts")
        self._execute("DELETE FROM claims")
        self._execute("UPDATE candidates SET claim_id = NULL WHERE claim_id IS NOT NULL")

    def save_claims(
        self, claims: Sequence[Claim], standings: Mapping[str, Corroboration], expected: int | None = None,
        gone: Collection[str] = (), settled: Mapping[str, int] | None = None,
    ) -> None:
        """Write ``claims`` over their rows with their members, and new ``standings`` of others, in one transaction.

        Each claim's ``conflicts_with`` is complete: its links are replaced at
        both ends (a claim it no longer conflicts with loses the link too).
        ``gone`` claims are deleted with their links (their members are among
        ``claims``'). Every other claim stays as it is, so matching new
        candidates writes only what they touch. ``expected`` and ``settled``
        as for ``replace_claims``.
        """
        updates = ", ".join(f"{column} = excluded.{column}" for column in CLAIM_COLUMNS.split(", ")[1:])

        def work() -> None:
            self._next_claims_generation(expected)
            self._settle(settled or {})
            self._executemany("DELETE FROM claim_conflicts WHERE claim_id = ? OR other_id = ?", [(g, g) for g in gone])
            self._executemany("DELETE FROM claims WHERE id = ?", [(g,) for g in gone])
            self._executemany(
                f"INSERT INTO claims ({CLAIM_COLUMNS}) VALUES ({_CLAIM_MARKS}) ON CONFLICT(id) DO UPDATE SET {updates}",
                [_claim_params(c) for c in claims],
            )
            self._executemany(
                "DELETE FROM claim_conflicts WHERE (claim_id, other_id) IN"
                " (SELECT other_id, claim_id FROM claim_conflicts WHERE claim_id = ?)",
                [(c.id,) for c in claims],
            )
            self._executemany("DELETE FROM claim_conflicts WHERE claim_id = ?", [(c.id,) for c in claims])
            self._executemany(
                "INSERT OR IGNORE INTO claim_conflicts (claim_id, other_id) VALUES (?, ?)",
                [pair for c in claims for other in c.conflicts_with for pair in ((c.id, other), (other, c.id))],
            )
            self._executemany(
                "UPDATE candidates SET claim_id = ? WHERE id = ? AND claim_id IS NOT ?",
                [(c.id, cid, c.id) for c in claims for cid in c.candidate_ids],
            )
            self._executemany(
                "UPDATE claims SET corroboration = ? WHERE id = ?", [(standing.value, cid) for cid, standing in standings.items()]
            )

        self._write(work)

    def _settle(self, settled: Mapping[str, int]) -> None:
        """Inside a claims write: drop the pending moves filed, each only if no decision marked it again since."""
        self._executemany(
            "DELETE FROM match_pending WHERE candidate_id = ? AND mark = ?", list(settled.items())
        )

    def pending_moves(self) -> dict[str, int]:
        """{candidate id: mark} of the candidates whose edit in force changed since they were filed in a claim."""
        return {r[0]: r[1] for r in self._rows("SELECT candidate_id, mark FROM match_pending")}

    def matching_pending(self) -> bool:
        """Whether matching is unfinished: a candidate in no claim (extracted or imported since matching, or a
        matching killed before it wrote) or a pending move. Two index look-ups."""
        row = self._rows(
            "SELECT EXISTS (SELECT 1 FROM candidates WHERE claim_id IS NULL), EXISTS (SELECT 1 FROM match_pending)"
        )[0]
        return bool(row[0] or row[1])

    def conflict_links(self, claim_ids: Iterable[str]) -> dict[str, set[str]]:
        """The stored conflict links of these claims' partners: {partner: every claim it conflicts with}."""
        partners = {r[0] for r in self._rows_among("SELECT other_id FROM claim_conflicts WHERE claim_id IN ({})", claim_ids)}
        links: dict[str, set[str]] = {p: set() for p in partners}
        sql = "SELECT claim_id, other_id FROM claim_conflicts WHERE claim_id IN ({})"
        for claim_id, other_id in self._rows_among(sql, partners):
            links[claim_id].add(other_id)
        return links

    def claims_are_keyed(self) -> bool:
        """True when there are claims and each has a key: only then can new candidates be matched alone."""
        row = self._rows("SELECT EXISTS (SELECT 1 FROM claims), EXISTS (SELECT 1 FROM claims WHERE block IS NULL)")[0]
        return bool(row[0]) and not row[1]

    def last_matched_rank(self) -> int:
        """The ingest order (``seq``) of the newest article with a candidate in a claim, 0 if none.

        Walks back from the newest article, so it reads only those since.
        """
        row = self._one(
            "SELECT a.seq FROM articles a WHERE EXISTS"
            " (SELECT 1 FROM candidates c WHERE c.article_id = a.id AND c.claim_id IS NOT NULL)"
            " ORDER BY a.seq DESC LIMIT 1"
        )
        return int(row[0]) if row else 0

    def claims_near(
        self, blocks: Iterable[str], slots: Iterable[str], ranges: Iterable[tuple[str, float, float]]
    ) -> list[Claim]:
        """Claims in one of ``blocks`` or ``slots``, or in a slot with a value or a range's other end
        (``ClaimKey.high``) in [low, high]; each part by index.

        What new candidates can join or contradict: claims without their
        members or conflicts, which most of them do not need (see
        ``members_of_claims``).
        """
        found: dict[str, Row] = {}
        for row in self._rows_among(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE block IN ({{}})", blocks):
            found[row["id"]] = row
        for row in self._rows_among(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE slot IN ({{}})", slots):
            found[row["id"]] = row
        for slot, low, high in ranges:
            for column in ("value", "high"):
                sql = f"SELECT {CLAIM_COLUMNS} FROM claims WHERE slot = ? AND {column} BETWEEN ? AND ?"
                for row in self._rows(sql, (slot, low, high)):
                    found[row["id"]] = row
        return [to_claim(row, ()) for row in found.values()]

    def claims_by_id(self, claim_ids: Iterable[str]) -> list[Claim]:
        """These claims (those that exist), without their members or conflicts."""
        rows = self._rows_among(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE id IN ({{}})", claim_ids)
        return [to_claim(row, ()) for row in rows]

    def unmatched_batch(self) -> UnmatchedBatch | None:
        """The candidates in no claim with what ranks them; None when some claim has no key (match everything again).

        Keys are checked first: a first match reads every candidate anyway.
        """
        if not self.claims_are_keyed():
            return None
        new = self.unmatched_candidates()
        if not new:
            return UnmatchedBatch([], {}, 0)
        return UnmatchedBatch(new, self.article_ranks(c.article_id for c in new), self.last_matched_rank())

    def neighbourhood(
        self, blocks: Iterable[str], slots: Iterable[str], ranges: Iterable[tuple[str, float, float]]
    ) -> Neighbourhood:
        """The claims near new candidates (see ``claims_near``) with their leaders and converted members."""
        claims = {claim.id: claim for claim in self.claims_near(blocks, slots, ranges)}
        leader_ids = (claim.key.leader for claim in claims.values() if claim.key)
        leaders = {c.id: c for c in self.candidates_by_id(leader_ids, told=True)}
        converted = self.members_of_claims(claims, converted=True)
        return Neighbourhood(claims, leaders, converted, self.article_ranks(c.article_id for c in leaders.values()))

    def members_ranked(self, claim_ids: Iterable[str]) -> tuple[list[Candidate], dict[str, int]]:
        """Every member of these claims, and the ingest order of their articles by id."""
        members = self.members_of_claims(claim_ids)
        return members, self.article_ranks(c.article_id for c in members)

    def members_of_claims(self, claim_ids: Iterable[str], converted: bool = False) -> list[Candidate]:
        """The member candidates of these claims as edits tell them, by index; with ``converted`` only those told
        with a conversion.

        A conversion is an ``equivalents`` entry in ``attrs``: what a conflict
        test needs of a claim besides its leader.
        """
        where = "instr(attrs, '\"equivalents\"') > 0 AND " if converted else ""
        rows = self._rows_among(f"SELECT {TOLD_COLUMNS} FROM candidates WHERE {where}claim_id IN ({{}})", claim_ids)
        return [self._told(r) for r in rows]

    def claims_of_candidates(self, candidate_ids: Iterable[str]) -> dict[str, str]:
        """The claim of each of these candidates that is in one."""
        rows = self._rows_among("SELECT id, claim_id FROM candidates WHERE claim_id IS NOT NULL AND id IN ({})", candidate_ids)
        return {r[0]: r[1] for r in rows}

    def claim_counts(self) -> tuple[int, int]:
        """How many claims there are, and how many of them are in conflict."""
        row = self._rows("SELECT count(*), coalesce(sum(corroboration = 'conflict'), 0) FROM claims")[0]
        return int(row[0]), int(row[1])

    def claim(self, claim_id: str) -> Claim | None:
        head = self._claim_head(claim_id)
        if head is None:
            return None
        members = tuple(r[0] for r in self._rows("SELECT id FROM candidates WHERE claim_id = ? ORDER BY seq", (claim_id,)))
        return replace(head, candidate_ids=members)

    def _claim_head(self, claim_id: str) -> Claim | None:
        """A claim with its conflicts but without its member ids."""
        row = self._one(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?", (claim_id,))
        if row is None:
            return None
        conflicts = [
            r[0] for r in self._rows("SELECT other_id FROM claim_conflicts WHERE claim_id = ? ORDER BY other_id", (claim_id,))
        ]
        return to_claim(row, conflicts)

    def claim_conflicts(self) -> dict[str, list[str]]:
        """Every claim's conflicting claims (sorted), in one query.

        Held in memory beside the export's row stream: it grows with the
        claims in conflict, not with the candidates, and a per-row subquery
        cost a tenth of a million-candidate export.
        """
        conflicts: dict[str, list[str]] = {}
        for claim_id, other_id in self._rows("SELECT claim_id, other_id FROM claim_conflicts ORDER BY claim_id, other_id"):
            conflicts.setdefault(claim_id, []).append(other_id)
        return conflicts


def fact_field(column: str) -> str:
    """SQL over ``candidates c LEFT JOIN claims cl``: the fact's ``column``, the claim's or, without one, the
    candidate's as its edit in force tells it.

    A candidate in no claim is a fact of its own, standing alone (``FACT_CORROBORATION``, ``FACT_SOURCES``).
    A claim's fields are already what its members tell (matching reads them as edited), so no one member's
    edit relabels it. Expressions rather than a view: the export sorts on them in one pass and the
    review queries keep their ``INDEXED BY`` hints, which a view would hide.
    """
    own = f"c.{column}"
    if column in EDITABLE:
        own = f"CASE WHEN json_type(c.edited, '$.{column}') IS NULL THEN c.{column} ELSE json_extract(c.edited, '$.{column}') END"
    return f"CASE WHEN cl.id IS NULL THEN {own} ELSE cl.{column} END"


FACT_ID = "CASE WHEN cl.id IS NULL THEN 'f-' || c.id ELSE cl.id END"
MENTION_KINDS = ("entity",)
"""The kinds whose claims are mentions (``KindSpec.mention``: a bare name; schema/facts.yaml, kept in step by a test)."""
FACT_CORROBORATION = (
    "CASE WHEN cl.id IS NOT NULL THEN cl.corroboration"
    f" WHEN c.kind IN ({', '.join(repr(k) for k in MENTION_KINDS)}) THEN 'mention' ELSE 'single-source' END"
)
"""A candidate in no claim yet stands alone: single-source, or a mention for a name (a name is never corroborated
however many articles name it, ``curator.match.claims.standing``)."""
FACT_SOURCES = "CASE WHEN cl.id IS NULL THEN 1 ELSE cl.sources END"
FACT_ARTICLE_COUNT = "CASE WHEN cl.id IS NULL THEN 1 ELSE cl.article_count END"
FACT_OUTLETS = (
    "CASE WHEN cl.id IS NOT NULL THEN cl.outlets WHEN a.outlet_name IS NULL THEN '[]' ELSE json_array(a.outlet_name) END"
)
FACT_TELLERS = (
    "CASE WHEN cl.id IS NOT NULL THEN coalesce(cl.tellers, cl.outlets) WHEN a.outlet_name IS NULL THEN '[]'"
    " ELSE json_array(a.outlet_name) END"
)
FACT_CARRIERS = "CASE WHEN cl.id IS NOT NULL THEN coalesce(cl.carriers, '[]') ELSE '[]' END"
"""Over ``candidates c JOIN articles a LEFT JOIN claims cl``: a candidate in no claim has its article's outlet; a
claim counted before schema 11 names its outlets as tellers."""
