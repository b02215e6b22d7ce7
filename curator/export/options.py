"""What ``curator export`` was asked for, parsed and checked before anything is read or written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from curator.errors import CuratorError
from curator.models import Corroboration, Status
from curator.schema import load_schema
from curator.store import ExportFilter

FORMATS = ("json", "csv", "md")
STATUSES = (Status.ACCEPTED.value, Status.EDITED.value, Status.REJECTED.value, Status.SKIPPED.value, Status.PENDING.value)
"""Candidate statuses in the order filters are listed."""
DISPUTED = "disputed"
CORROBORATIONS = tuple(c.value for c in Corroboration)


def _split(text: str | None, option: str) -> list[str] | None:
    """``"a, b,,c"`` -> ``["a", "b", "c"]``; None stays None (no filter); an empty list is refused."""
    if text is None:
        return None
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise CuratorError(f"{option} needs at least one value, separated by commas.")
    return parts


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


@dataclass(frozen=True)
class ExportOptions:
    """A checked export request: format and filters (None: no filter on that field)."""

    fmt: str = "json"
    statuses: tuple[str, ...] = (Status.ACCEPTED.value, Status.EDITED.value)
    disputed: bool = False
    kinds: tuple[str, ...] | None = None
    articles: tuple[str, ...] | None = None
    corroborations: tuple[str, ...] | None = None
    bom: bool = True
    """CSV only: begin with a UTF-8 byte-order mark, so a spreadsheet opened by double-click reads UTF-8."""

    @classmethod
    def parse(
        cls,
        *,
        fmt: str = "json",
        statuses: str = "accepted,edited",
        kinds: str | None = None,
        articles: str | None = None,
        corroboration: str | None = None,
        bom: bool = True,
    ) -> ExportOptions:
        """Options from the command line's comma-separated lists, or CuratorError naming the bad value."""
        if fmt not in FORMATS:
            raise CuratorError(f"unknown export format '{fmt}'; use one of {', '.join(FORMATS)}.")
        wanted = [s.lower() for s in _split(statuses, "--status") or []]
        if "all" in wanted:
            chosen, disputed = STATUSES, False
        else:
            for status in wanted:
                if status not in STATUSES and status != DISPUTED:
                    raise CuratorError(
                        f"unknown status '{status}'; use {', '.join((*STATUSES, DISPUTED))}, or all."
                    )
            chosen = tuple(s for s in STATUSES if s in wanted)
            disputed = DISPUTED in wanted
        kind_list = _split(kinds, "--kind")
        if kind_list is not None:
            schema = load_schema()
            for kind in kind_list:
                schema.kind(kind)
            kind_list = list(_unique(kind_list))
        corroborations = _split(corroboration, "--corroboration")
        if corroborations is not None:
            for value in corroborations:
                if value not in CORROBORATIONS:
                    raise CuratorError(f"unknown corroboration '{value}'; use {', '.join(CORROBORATIONS)}.")
            corroborations = [c for c in CORROBORATIONS if c in corroborations]
        article_list = _split(articles, "--article")
        return cls(
            fmt=fmt,
            statuses=chosen,
            disputed=disputed,
            kinds=tuple(kind_list) if kind_list is not None else None,
            articles=_unique(article_list) if article_list is not None else None,
            corroborations=tuple(corroborations) if corroborations is not None else None,
            bom=bom,
        )

    def store_filter(self, kind_order: tuple[str, ...]) -> ExportFilter:
        """The store's filter; every status listed means no status filter at all."""
        every = set(self.statuses) == set(STATUSES)
        return ExportFilter(
            statuses=None if every else self.statuses,
            disputed=self.disputed,
            kinds=self.kinds,
            articles=self.articles,
            corroborations=self.corroborations,
            kind_order=kind_order,
        )

    def described(self) -> dict[str, Any]:
        """The ``filters`` object of the fact sheet: lists in a fixed order, null for no filter."""
        return {
            "status": [*self.statuses, *([DISPUTED] if self.disputed else [])],
            "kind": list(self.kinds) if self.kinds is not None else None,
            "article": list(self.articles) if self.articles is not None else None,
            "corroboration": list(self.corroborations) if self.corroborations is not None else None,
        }
