"""Edits keep only what they change, compared as values; the statement follows the value it states."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.edits import NoChange, settle_edit
from curator.match import match_candidates
from curator.models import Action, Candidate, Status
from curator.schema import load_schema
from curator.store import open_store


def money(value: float = 6.7e9, text: str = "$6.7 billion", statement: str | None = None, qualifier: str | None = None) -> Candidate:
    return Candidate(
        id="m1", article_id="a", kind="money", text=text, start=0, end=len(text), quote=text, quote_start=0,
        subject="the venture", statement=statement or f"the venture: {text}", value=value, unit="USD", qualifier=qualifier,
    )


def clean(candidate: Candidate, **typed: str) -> dict[str, object]:
    fields, errors = load_schema().validate_fields(candidate.kind, typed)
    assert errors == {}
    return fields


@pytest.mark.parametrize(("value", "typed"), [(6.7e9, "6.7bn"), (6.7e9, "6,700,000,000"), (5e6, "5,000,000"), (5e6, "5 million")])
def test_an_edit_restating_the_extracted_value_changes_nothing(value: float, typed: str) -> None:
    candidate = money(value)
    with pytest.raises(NoChange):
        settle_edit(candidate, clean(candidate, value=typed, unit="usd"))


def test_editing_only_the_value_makes_the_generated_statement_follow() -> None:
    candidate = money(5e6, "$5 million")
    assert settle_edit(candidate, clean(candidate, value="6 million")) == {"value": 6e6, "statement": "the venture: $6 million"}


def test_a_written_statement_naming_the_value_gets_the_new_value_and_one_naming_none_is_kept() -> None:
    named = money(5e6, "$5 million", statement="Orbis raised $5 million in 2024.")
    assert settle_edit(named, clean(named, value="6 million"))["statement"] == "Orbis raised $6 million in 2024."
    plain = money(5e6, "$5 million", statement="Funding for the venture")
    assert settle_edit(plain, clean(plain, value="6 million")) == {"value": 6e6}


def test_a_statement_the_reviewer_writes_is_kept_as_written() -> None:
    candidate = money(5e6, "$5 million")
    fields = settle_edit(candidate, clean(candidate, value="6 million", statement="Six, says the ministry."))
    assert fields == {"value": 6e6, "statement": "Six, says the ministry."}


def test_a_qualifier_change_reaches_the_statement() -> None:
    candidate = money()
    assert settle_edit(candidate, clean(candidate, qualifier="around"))["statement"] == "the venture: approximately $6.7 billion"


def test_the_claim_statement_agrees_with_the_claim_qualifier() -> None:
    base = money(1e12, "1 trillion yen", qualifier="approximately")
    members = [
        Candidate(**{**base.__dict__, "id": "x1", "article_id": "A", "unit": "JPY", "statement": "the venture: approximately ¥1 trillion"}),
        Candidate(**{**base.__dict__, "id": "x2", "article_id": "B", "unit": "JPY", "qualifier": "up to", "statement": "the venture: up to ¥1 trillion"}),
        Candidate(**{**base.__dict__, "id": "x3", "article_id": "C", "unit": "JPY", "qualifier": "up to", "statement": "the venture: up to ¥1 trillion"}),
    ]
    [claim] = match_candidates(members, load_schema())
    assert claim.qualifier == "up to" and claim.statement == "the venture: up to ¥1 trillion"


def test_decide_refuses_an_edit_that_restates_the_value(seeded_db: Path) -> None:
    with open_store(seeded_db) as store:
        candidate = next(c for c in store.candidates() if c.kind == "money" and c.value == 6.7e9 and c.unit == "USD")
        store.decide(candidate.id, "ana", Action.ACCEPT)
    result = CliRunner().invoke(cli, ["--db", str(seeded_db), "decide", "edit", candidate.id, "--value", "6.7bn", "--reviewer", "ben"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"curator: {candidate.id}: the edit changes nothing:")
    with open_store(seeded_db) as store:
        state = store.state(candidate.id)
        assert state is not None and (state.status, state.disputed) == (Status.ACCEPTED, False)
        assert [d.reviewer for d in store.decisions()] == ["ana"]
