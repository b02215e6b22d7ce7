"""Names with no cue inside them: told by the kind of body the story says they are, a reporting verb, what a person
owns; names whose parts are listed with commas or joined fields; the kinds of sentence that must give none."""

from __future__ import annotations

import pytest

from curator.extract import extract_article
from curator.ingest import make_article
from curator.schema import load_schema


def entities(text: str) -> list[tuple[str, str]]:
    article = make_article(text, source="t.txt")
    assert article is not None
    return [(str(c.value), str(c.unit)) for c in extract_article(article, load_schema()) if c.kind == "entity"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kind noun before or in an apposition after the name
        ("The startup Globex said on Monday it raised $5 million.", [("Globex", "organisation")]),
        ("Initech, a startup, said on Monday it raised $5 million.", [("Initech", "organisation")]),
        ("Vandelay, a Boston-based maker of robots, said it would hire.", [("Vandelay", "organisation")]),
        ("Fares rose at the taxi service Uber. Uber’s surge pricing was criticised.",
         [("Uber", "organisation"), ("Uber", "organisation")]),
        ("Shares of the bank Goldman Sachs said to be weak fell.", [("Goldman Sachs", "organisation")]),
        # one capitalised word before a reporting verb in mid-sentence, told an organisation by "its"
        ("It denied the claim, and Uber said its drivers would appeal. Later, Nintendo announced its new game.",
         [("Uber", "organisation"), ("Nintendo", "organisation")]),
        # a name with an apostrophe and one letter in it, before a possessive and what only a person has
        ("Lupita Nyong'o's now-famous Oscar dress was stolen.", [("Lupita Nyong'o", "person")]),
        ("Actor Tom Hanks’s publicist declined to comment.", [("Tom Hanks", "person")]),
        # a kind a person may be too names an organisation only by one word
        ("He told Minecraft developer Mojang. The software developer John Smith agreed.",
         [("Mojang", "organisation"), ("John Smith", "person")]),
        # a degree after a name, then the surname alone; a lower-case police rank before a name
        ("It was led by Michael Shadlen, Ph.D., of the lab. Dr. Shadlen said so.",
         [("Michael Shadlen", "person"), ("Michael Shadlen", "person")]),
        ("The pills were seized, said chief inspector Jennifer Mattinson from the police.",
         [("Jennifer Mattinson", "person")]),
    ],
)
def test_names_told_by_their_kind(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a place after a preposition, a weekday, a title or a surname of the story before a verb is no organisation
        "In Ohio, a startup said it would hire. On Monday, the company said sales rose.",
        "The company Chief Executive said so, and the bank President resigned.",
        "Analysts said the group Monday would know.",
        "New York's home prices rose, and the city's mayor said so.",
        "Manchester United's fans and Goldman Sachs's lawyer were there.",
        "It was Yahoo Finance reported earlier, and the University announced it.",
    ],
)
def test_no_organisation_from_a_kind_without_a_name(text: str) -> None:
    assert entities(text) == []


def test_a_surname_of_the_story_before_a_verb_is_the_person() -> None:
    text = '"We will win," said John Smith, a lawyer. Asked again, Smith said no.'
    assert entities(text) == [("John Smith", "person"), ("John Smith", "person")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fields listed with commas before the last "and" are in the name
        ("It was presented at the American Academy of Allergy, Asthma and Immunology in Houston.",
         [("American Academy of Allergy, Asthma and Immunology", "organisation")]),
        ("Many students at the University of Oxford, Cambridge and Leeds met today.", [("University of Oxford", "organisation")]),
        # 和/与 between two fields is inside one name; between two names it parts them
        ("重庆地理学学会、重庆市国土资源和房地产学会协办。",
         [("重庆地理学学会", "organisation"), ("重庆市国土资源和房地产学会", "organisation")]),
        ("街道经济和科技促进局出席。", [("街道经济和科技促进局", "organisation")]),
        ("住房和城乡建设部发布通知。", [("住房和城乡建设部", "organisation")]),
        ("科技促进局和房地产学会表示支持。", [("科技促进局", "organisation"), ("房地产学会", "organisation")]),
        # 报道 (reported) after a day or time is no newspaper: 星期日报道, 同时报道
        ("媒体星期日报道了罢工，同时报道了游行。《法国星期日报》采访了他。", [("法国星期日报", "organisation")]),
        # one character before 共 (南共体) is no name, so 共 is no conjunction there
        ("南共体市场工商协会，圣保罗商会欢迎。", [("南共体市场工商协会", "organisation")]),
    ],
)
def test_names_with_listed_or_joined_fields_are_whole(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected
