"""A relation names only what the entity rules found: a role's person whole (McConnell, not Mc) and never a
headline's capitalised words."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found
from tests.test_entities_kinds import entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senator Mitch McConnell of Kentucky spoke first.", [("Senator Mitch McConnell", "Senator", None, None)]),
        ("President Barack Obama's plan failed in Congress.", [("President Barack Obama", "President", None, None)]),
        ("Secretary of State Rex Tillerson said talks were open.",
         [("Secretary of State Rex Tillerson", "Secretary of State", None, None)]),
        # headline case: no person the rules found after the role word
        ("Prime Minister Vows Tax Cuts After Election Defeat", []),
    ],
)
def test_a_role_names_the_person_found(text: str, expected: list[tuple[str, object, None, None]]) -> None:
    assert found(text, "role") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme Corp founded Beta Labs in 2010.", [("Acme Corp", "Acme Corp", None, None)]),
        ("Beta Labs was founded by Acme Corp and Globex Holdings.",
         [("Acme Corp", "Acme Corp", None, None), ("Globex Holdings", "Globex Holdings", None, None)]),
        ("Kosmos Holdings, a group co-founded by Acme Corp, won the bid.", [("Acme Corp", "Acme Corp", None, None)]),
        # a product launched is no body founded, and founders far from the verb found nothing
        ("Walt Disney Co said the entertainment giant launched Disney+ last week.", []),
        ("Acme Corp staff said rivals founded Beta Labs in 2010.", []),
        # the subject of "established by" must stand right before it, not anywhere earlier in the sentence
        ("He studied at Globex Holdings and joined a corps established by the Continental Congress in 1775.", []),
    ],
)
def test_founded_by_names_what_stands_by_the_verb(text: str, expected: list[tuple[str, object, None, None]]) -> None:
    assert found(text, "founded-by") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body before "said" after an article, a preposition or a country's initials is no person
        ("Earlier, the U.S. Northern Command said the troops were ready.", []),
        ("Lester Barr, chairman of Genesis Breast Cancer Prevention, said the rise was clear.",
         [("Lester Barr", "person"), ("Genesis Breast Cancer Prevention", "organisation")]),
        ("The Border Patrol office in San Diego said the crossing was shut.", []),
        # a name ending in a common word, and a party label before a name
        ("Breast Cancer Now said that doctors were ready.", []),
        ("Democrat Ted Lieu told reporters the plan would fail.", [("Ted Lieu", "person")]),
    ],
)
def test_no_person_from_a_body_before_a_reporting_verb(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers of Customs and Border Protection said the gate was shut.", []),
        ("Friends of Earth Conservation said the river was clean.", []),
    ],
)
def test_a_name_ending_in_an_abstract_noun_is_no_person(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


def test_a_person_named_after_two_joined_roles_lends_the_surname() -> None:
    text = ("The office is examining whether Globex’s founder and former CEO, Adam Neumann, profited. "
            "A spokeswoman for Neumann declined to comment.")
    assert entities(text) == [("Globex", "organisation"), ("Adam Neumann", "person"), ("Adam Neumann", "person")]
    assert [c[1] for c in found(text, "role")] == ["founder and former CEO of Globex"]
