"""The fact sheet as Markdown an editor can paste: facts by kind, numbered source quotes, conflicts last.

Article text is escaped so a quote cannot turn into markup or raw HTML, and
only http(s) URLs become links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TextIO
from urllib.parse import quote as percent_encode

from curator.export.facts import Fact, Sheet, opinions
from curator.models import Article
from curator.store import ExportRow
from curator.textsafety import PICTURES

MARKS = {
    "corroborated": "✔✔ corroborated",
    "single-source": "✔ single source",
    "conflict": "⚠ conflict",
    "mention": "○ mention",
}
_ESCAPES = str.maketrans(
    {
        **PICTURES,
        **{ch: "\\" + ch for ch in "\\`*_[]<>|#~!"},
        **{ch: " " for ch in "\t\n\r\v\f\x85\u2028\u2029"},
    }
)
"""Markdown and HTML specials get a backslash; line breaks become spaces; other control characters
(ESC, BEL, C1) their visible pictures, so the sheet printed to a terminal drives nothing (one translate:
this runs per quote)."""
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _flat(text: str) -> str:
    return text.translate(_ESCAPES)


def escape(text: str) -> str:
    """Plain text on one line, with every character Markdown or HTML would act on escaped."""
    return text.translate(_ESCAPES).strip()


def _plain_number(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.4f}".rstrip("0").rstrip(".")


def number(x: float) -> str:
    """``6.7e9`` -> ``6.7 billion``; ``29.0`` -> ``29``; ``1234.5`` -> ``1,234.5``."""
    for scale, word in _SCALES:
        if abs(x) >= scale:
            return f"{_plain_number(x / scale)} {word}"
    return _plain_number(x)


def value_text(value: Any, unit: str | None, qualifier: str | None, high: Any = None) -> str:
    """The value as an editor would write it: ``up to 1 trillion JPY``, ``29%``, ``SoftBank (organisation)``; a range
    with both ends (``high``, its high end): ``10% to 12%``, ``24 million to 28 million USD``."""
    if isinstance(value, float):
        shown = number(value)
        if isinstance(high, float):
            shown += ("% to " if unit == "%" else " to ") + number(high)
    else:
        shown = "(no value)" if value is None else str(value)
    if unit == "%":
        shown += "%"
    elif unit and isinstance(value, float):
        shown += f" {unit}"
    elif unit:
        shown += f" ({unit})"
    return f"{qualifier} {shown}" if qualifier else shown


def link(title: str, url: str | None) -> str:
    shown = escape(title) or "untitled"
    if url and re.match(r"^https?://", url, re.IGNORECASE):
        return f"[{shown}]({percent_encode(url, safe=':/?#[]@!$&*+,;=%~-._')})"
    return shown


def quote_text(r: ExportRow) -> str:
    """The sentence with the stated words in bold, when they lie inside it."""
    at, end = r.start - r.quote_start, r.end - r.quote_start
    if 0 <= at < end <= len(r.quote) and r.quote[at:end] == r.text and r.text.strip():
        return f"{_flat(r.quote[:at])}**{_flat(r.text)}**{_flat(r.quote[end:])}".strip()
    return escape(r.quote)


def _who(r: ExportRow) -> str:
    parts = [r.status]
    if r.reviewer:
        parts.append(f"by {escape(r.reviewer)}")
    if r.decided_at:
        parts.append(f"on {r.decided_at[:10]}")
    text = " ".join(parts)
    if r.disputed:
        text += ", disputed"
    if r.note:
        text += f"; note: {escape(r.note)}"
    if r.disputed and r.opinions:
        text += "; views: " + "; ".join(_view(o, r.unit) for o in opinions(r.opinions))
    return text


def _view(opinion: dict[str, Any], unit: str | None) -> str:
    """One reviewer's live decision on a disputed line: who, what, the value they hold, a reject's reason, their note, when."""
    action = {"accept": "accepted", "reject": "rejected", "edit": "edited", "skip": "skipped"}.get(opinion["action"], "")
    text = f"{escape(opinion['reviewer'])} {action}"
    if opinion["action"] == "edit" and opinion.get("value") is not None:
        value = opinion["value"]
        text += " to " + escape(value_text(value, unit, None))
    if opinion.get("reason"):
        text += f" as {escape(opinion['reason'])}"
    if opinion.get("adjudicate"):
        text += " (adjudicating)"
    if opinion.get("note"):
        text += f" (note: {escape(opinion['note'])})"
    return text + f" on {str(opinion.get('decided_at') or '')[:10]}"


def source_label(article: Article) -> str:
    """How a quote names its article: the linked title, its authors and the source file."""
    authors = f" by {escape(', '.join(article.authors))}" if article.authors else ""
    return f"{link(article.title, article.url)}{authors} ({escape(article.source)})"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _listed(names: list[str]) -> str:
    shown = [escape(name) for name in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def told_by(fact: Fact, undated: bool = False) -> str:
    """``told by Reuters and CNN (2 independent sources, 3 articles; also carried by Yahoo News)``: each independent
    source once, by its original teller, and the outlets that only ran a teller's copy apart; without known outlets
    only the counts. ``undated``: some article of the sheet has no publication date, so where a source was carried
    by several outlets its teller may be only the first ingested, and the line says so."""
    counts = f"{_count(fact.sources, 'independent source')}, {_count(fact.article_count, 'article')}"
    if fact.carriers:
        counts += f"; also carried by {_listed(fact.carriers)}"
        if undated:
            counts += "; without publication dates the teller is the outlet ingested first"
    if not fact.tellers:
        return counts
    return f"told by {_listed(fact.tellers)} ({counts})"


def fact_markdown(number_in_kind: int, fact: Fact, labels: dict[str, str], undated: bool = False) -> Iterator[str]:
    """The fact's heading and line, then one numbered quote per evidence line as the store streams them; ``undated``
    as ``told_by``."""
    mark = MARKS.get(fact.corroboration, fact.corroboration)
    yield (
        f"### {number_in_kind}. {escape(fact.statement)}\n\n"
        f"**{escape(value_text(fact.value, fact.unit, fact.qualifier, fact.high))}**"
        + (f" · subject: {escape(fact.subject)}" if fact.subject else "")
        + f" · {mark} · {told_by(fact, undated)} · {fact.status}"
        + (" · disputed" if fact.disputed else "")
        + f" · `{fact.id}`\n\n"
    )
    for i, r in enumerate(fact.evidence, start=1):
        copy = " · syndicated copy" if fact.syndicated(r) else ""
        yield f"{i}. “{quote_text(r)}” — {labels[r.article_id]}, {_who(r)}{copy}\n"
    yield "\n"


def write_markdown(out: TextIO, sheet: Sheet) -> None:
    filters = ", ".join(
        f"{name} {', '.join(values)}" for name, values in sheet.filters.items() if values is not None
    )
    out.write(
        f"# Fact sheet: {escape(sheet.database)}\n\n"
        f"Generated {sheet.generated_at} from `{escape(sheet.database)}` ({filters}), "
        f"{len(sheet.articles)} article(s). Marks: {MARKS['corroborated']} by two or more independent sources, "
        f"{MARKS['single-source']}, {MARKS['conflict']} (see Conflicts), {MARKS['mention']} (a name, not a checkable fact).\n"
    )
    sources = {a.id: source_label(a) for a in sheet.articles}
    undated = any(not a.published for a in sheet.articles)
    labels: dict[str, str] = {}
    pairs: dict[frozenset[str], tuple[str, str]] = {}
    kind, count, total = None, 0, 0
    for fact in sheet.facts:
        if fact.kind != kind:
            kind, count = fact.kind, 0
            out.write(f"\n## {escape(sheet.label(kind))}\n\n")
        count += 1
        total += 1
        out.writelines(fact_markdown(count, fact, sources, undated))
        if fact.conflicts_with:
            labels[fact.id] = f"{escape(value_text(fact.value, fact.unit, fact.qualifier, fact.high))} (`{fact.id}`)"
            for other in fact.conflicts_with:
                pairs.setdefault(frozenset((fact.id, other)), (fact.id, other))
    if total == 0:
        out.write("\nNo facts match these filters.\n")
    if pairs:
        out.write("\n## Conflicts\n\nThese facts give different values for the same thing; check them before publishing.\n\n")
        for a, b in pairs.values():
            out.write(f"- {labels.get(a, f'`{a}` (not in this sheet)')} vs {labels.get(b, f'`{b}` (not in this sheet)')}\n")
