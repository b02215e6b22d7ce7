"""Names read whole and of the right kind in real-news shapes: an institution's name joined by "and"/"of" before
its organisation word, a nationality before a person's name, words run together, a role's organisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curator.extract import extract_article
from curator.extract.places import demonym_length
from curator.ingest import make_article
from curator.schema import load_schema


def entities(text: str) -> list[tuple[str, str]]:
    article = make_article(text, source="t.txt")
    assert article is not None
    return [(str(c.value), str(c.unit)) for c in extract_article(article, load_schema()) if c.kind == "entity"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of Oil and Natural Gas Corp ended down 1.5 percent on Tuesday.",
         [("Oil and Natural Gas Corp", "organisation")]),
        ("The firm faces scrutiny from the U.S. Securities and Exchange Commission over its filings.",
         [("U.S. Securities and Exchange Commission", "organisation")]),
        ("Shares of Bank of America Corp fell 2 percent.", [("Bank of America Corp", "organisation")]),
        ("The Food and Drug Administration approved the drug.", [("Food and Drug Administration", "organisation")]),
        # a firm's name before "and" is a list, not the first half of one name
        ("Globex and Initech Co said they would cut prices.",
         [("Globex", "organisation"), ("Initech Co", "organisation")]),
    ],
)
def test_an_institution_joined_by_and_or_of_is_named_whole(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Breast Cancer Care said the figures were striking.",  # a charity named with common nouns is no person
        "Smog is thick in the air that the National Capital is breathing.",  # the capital city, not a firm
    ],
)
def test_common_noun_names_are_no_person_or_firm(text: str) -> None:
    assert entities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Honduran Ana Zuniga, 23, said she saw the fence open.", [("Ana Zuniga", "person")]),
        ("Spanish Rafael Nadal said he was tired after the match.", [("Rafael Nadal", "person")]),
        ("Mexican Juan Perez's wife was at the border.", [("Juan Perez", "person")]),
        ("South Korean Kim Min-jun, 40, said the launch was a threat.", [("Kim Min-jun", "person")]),
        # given names that end like nationalities are kept; a nationality in a body's name is part of it
        ("Brian Smith said the talks went well.", [("Brian Smith", "person")]),
        ("Christian Bale said he was pleased.", [("Christian Bale", "person")]),
        ("Malaysian Airlines said it would resume flights.", [("Malaysian Airlines", "organisation")]),
    ],
)
def test_a_nationality_before_a_person_is_not_part_of_the_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title glued to a name, or a role before a name written without its space: a person
        ("Homeland Security SecretaryJaneDoerr said the border would stay shut.", [("Jane Doerr", "person")]),
        ("Market analyst PeterKowalski said stocks would recover.", [("Peter Kowalski", "person")]),
        ("美国投资者中的MichaelBlock向CNBC表示，市场稳定。", [("Michael Block", "person")]),
        # inner capitals with a body's cue: an organisation
        ("Yields rose, according to data from BondTrax on Monday.", [("BondTrax", "organisation")]),
        ("The founder of the SkyJet group spoke on Monday.", [("SkyJet", "organisation")]),
        ("Shares fell at SpaceX and GlobeBank last year.", [("SpaceX", "organisation"), ("GlobeBank", "organisation")]),
        # inner capitals with no cue: a product, no organisation
        ("Rather than leather, the seats use AppleSkin, a fabric made from apple waste.", []),
        ("The car has more AppleSkin trim inside.", []),
    ],
)
def test_words_run_together_are_a_person_a_body_or_nothing(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ann Lowe, a defense analyst at the Center for Strategic and International Studies, urged caution.",
         [("Ann Lowe", "defense analyst at Center for Strategic and International Studies")]),
        ("Tom Forte, an analyst at D.A. Davidson, said the deal made sense.", [("Tom Forte", "analyst at D.A. Davidson")]),
        ("Ann Lowe, a senior analyst at the Bureau of Arms Control Policy, said so.",
         [("Ann Lowe", "senior analyst at Bureau of Arms Control Policy")]),
        # a lone organisation word is half a name: the person gets no role
        ("John Doe, a researcher at Center, said so.", []),
    ],
)
def test_a_roles_organisation_is_a_whole_name(text: str, expected: list[tuple[str, str]]) -> None:
    article = make_article(text, source="t.txt")
    assert article is not None
    claims = extract_article(article, load_schema())
    assert [(c.subject, str(c.value)) for c in claims if c.kind == "role"] == expected


@given(st.lists(st.sampled_from(["Honduran", "South", "Korean", "Spanish", "Ana", "Brian", "Zuniga", "Lee"]), max_size=5))
def test_a_nationality_cut_leaves_a_name_behind(words: list[str]) -> None:
    name = " ".join(words)
    cut = demonym_length(name)
    assert cut == 0 or (0 < cut < len(name) and name[cut - 1] == " " and name[cut:].strip())
