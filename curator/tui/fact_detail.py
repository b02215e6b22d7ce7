"""The current fact in words, for the detail pane: what it says, where it comes from, who else tells it.

Plain functions of records, no Textual, so each sentence is unit-tested:
``detail_lines`` gives (label, text) pairs, ``corroboration_words`` the
sentence about the claim ("Told by 3 articles (Reuters, CNN, NHK); conflicts
with $6.1 billion in “Japan backs …” — both convert ¥1 trillion.").
"""

from __future__ import annotations

from collections.abc import Mapping

from curator.display import format_value, range_end
from curator.models import Candidate, CandidateState, Corroboration, Status
from curator.store.review_records import ClaimView

OUTLETS_NAMED = 3
"""At most this many outlets are named in the corroboration sentence; the rest are counted."""


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _named(items: list[str]) -> str:
    shown = ", ".join(items[:OUTLETS_NAMED])
    return shown + (f" and {len(items) - OUTLETS_NAMED} more" if len(items) > OUTLETS_NAMED else "")


def corroboration_words(view: ClaimView | None, current: str, conversions: Mapping[str, str]) -> str:
    """The claim in one or two sentences: how many articles tell it, by whom, and what contradicts it.

    Articles are the claim's ``article_count`` (distinct articles, as the
    exports' ``article_count``), never its evidence lines: one article naming
    a person twice is one article. Independent sources (the exports'
    ``sources``) are added when they differ from the articles.

    ``conversions`` maps a candidate id to the value it is a conversion of
    (the other side of ``attrs.equivalents``: ``¥1 trillion`` for ``$6.7
    billion``); when the current candidate and a conflicting one convert the
    same amount, the sentence says so: the conflict is about the exchange rate.
    """
    if view is None:
        return "Told by this article only; it matched no claim."
    claim = view.claim
    outlets = list(dict.fromkeys(m.outlet for m in view.members if m.outlet))
    articles = claim.article_count
    told = f"{'Named' if claim.corroboration is Corroboration.MENTION else 'Told'} by {_plural(articles, 'article')}"
    if outlets:
        told += f" ({_named(outlets)})"
    if claim.sources != articles:
        told += f", {_plural(claim.sources, 'independent source')}"
    parts = [told]
    mine = conversions.get(current)
    for other, members in view.conflicts:
        high = members[0].high if members and members[0].value == other.value else None  # a claim keeps no range
        value = format_value(other.kind, other.value, other.unit, other.qualifier, high)
        text = f"conflicts with {value}"
        if members:
            text += f" in “{_one_line(members[0].title)}”"
            if len(members) > 1:
                text += f" and {_plural(len(members) - 1, 'other')}"
        same = next((conversions[m.candidate_id] for m in members if mine and conversions.get(m.candidate_id) == mine), None)
        if same:
            text += f" (both convert {same})"
        parts.append(text)
    return "; ".join(parts) + "."


def shown_fields(candidate: Candidate, state: CandidateState | None) -> dict[str, object]:
    """The candidate's statement, subject, value, unit and qualifier, with the deciding edit applied."""
    fields = state.fields if state is not None and state.status is Status.EDITED else {}
    return {
        name: fields.get(name, getattr(candidate, name))
        for name in ("statement", "subject", "value", "unit", "qualifier")
    }


def status_words(state: CandidateState | None) -> str:
    """``accepted by ana`` (``, disputed``) (``: note``), or ``pending``."""
    if state is None or state.status is Status.PENDING:
        return "pending"
    text = state.status.value + (f" by {state.reviewer}" if state.reviewer else "")
    if state.disputed:
        text += ", disputed"
    return text + (f" — {_one_line(state.note)}" if state.note else "")


def detail_lines(candidate: Candidate, state: CandidateState | None, corroboration: str) -> list[tuple[str, str]]:
    """(label, text) pairs for the detail pane, in reading order; the texts are outside text, never markup."""
    shown = shown_fields(candidate, state)
    value = format_value(candidate.kind, shown["value"], shown["unit"], shown["qualifier"],  # type: ignore[arg-type]
                         range_end(shown["value"], candidate.attrs))
    if shown["unit"] and str(shown["unit"]) not in value:
        value += f" ({shown['unit']})"
    return [
        ("Statement", _one_line(str(shown["statement"]))),
        ("Subject", _one_line(str(shown["subject"])) if shown["subject"] else "—"),
        ("Value", value),
        ("Kind", f"{candidate.kind} · found by {candidate.extractor}"),
        ("Words", f"“{_one_line(candidate.text)}”"),
        ("Sources", corroboration),
        ("Status", status_words(state)),
        ("Id", f"{candidate.id}  (y copies it)"),
    ]
