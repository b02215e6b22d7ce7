"""Lone agents of a reporting verb, organisations listed with one, organisation words in lower case, middle initials
and sentence adverbs before a name: each kind of failure found in real news, in short sentences of the same kind."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curator.extract.entities import article_names
from curator.extract.name_shapes import Found
from curator.extract.open_entities import english
from curator.extract.open_entities_kinds import coordinated, settle_agents, with_kinds
from tests.test_entities_kinds import entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lone surname before a reporting verb is a person when a pronoun after it says so, never an organisation
        ("Stocks fell on Tuesday. On Tuesday, Trump announced new tariffs. He said jobs would come back.",
         [("Trump", "person")]),
        ("The bill passed. Later Trump said he would sign it.", [("Trump", "person")]),
        # with no cue at all a lone word is no entity: a surname and a brand look alike
        ("In a statement, Rachel said the plan would work.", []),
        ("The market opened, and Falcone announced a review.", []),
        # a name the article gives with a title is that person wherever it stands alone
        ("Mr. Grady spoke first. Later, Grady said the deal was done.", [("Grady", "person"), ("Grady", "person")]),
        # an organisation by "its", or by an acronym
        ("Shares rose after Globex said its profit doubled.", [("Globex", "organisation")]),
        ("The launch slipped, and NASA said the crew was safe.", [("NASA", "organisation")]),
    ],
)
def test_a_lone_agent_is_told_by_its_cues_or_not_at_all(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # listed with an organisation the lexicon knows
        ("Analysts were surprised when Sony and Nintendo announced a joint venture.",
         [("Sony Group", "organisation"), ("Nintendo", "organisation")]),
        ("Globex or Sony will win the contract, Acme Holdings said.",
         [("Globex", "organisation"), ("Sony Group", "organisation"), ("Acme Holdings", "organisation")]),
        # a bare comma after an organisation opens an apposition, and a person listed is no organisation
        ("He studied at Harvard University, Cambridge, for a year.", [("Harvard University", "organisation")]),
        ("Mr. Tanaka met Sony executives. Sony and Tanaka agreed.",
         [("Tanaka", "person"), ("Sony Group", "organisation"), ("Sony Group", "organisation"), ("Tanaka", "person")]),
        # no organisation named: nothing to be listed with
        ("On Monday Nintendo and Apple shocked the market.", []),
    ],
)
def test_a_word_listed_with_an_organisation_is_one(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A woman died. West Mercia police said the pills were sold online.", [("West Mercia Police", "organisation")]),
        ("A spokesman for the Met police said a man was arrested.", [("Met Police", "organisation")]),
        ("Leeds city council and Kent council met.", [("Kent Council", "organisation")]),
        # a people's adjective before police names no body
        ("Chinese police and British police said nothing.", []),
        ("Shares fell after Globex's board approved the deal.", [("Globex", "organisation")]),
    ],
)
def test_organisation_words_in_lower_case(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


def test_a_middle_initial_and_a_possessive_inside_a_run_of_names() -> None:
    text = "The work came from Columbia University's Mortimer B. Zuckerman Mind Brain Behavior Institute in New York."
    assert entities(text) == [("Columbia University", "organisation"),
                              ("Mortimer B. Zuckerman Mind Brain Behavior Institute", "organisation")]


def test_settle_agents_keeps_what_is_no_agent() -> None:
    found = [Found(0, 5, "Acme", "organisation", "kind"), Found(10, 15, "Grady", "agent", "org-speech")]
    assert settle_agents(found, "Acme and Grady said", "", {"Grady"}) == found[:1]


words = st.text(alphabet=st.sampled_from("AaBbSoyn ,.&'’-\n"), max_size=60)


@given(words, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=3))
def test_coordinated_names_lie_inside_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    for f in coordinated(text, [(min(a, b), max(a, b)) for a, b in spans]):
        assert text[f.start : f.end] == f.name and f.type == "organisation"


@given(st.lists(st.text(alphabet=st.sampled_from("Trump said he its Uber NASA and Sony .,'’\n"), max_size=50),
                max_size=4))
def test_article_names_give_only_people_and_organisations(sentences: list[str]) -> None:
    pairs, at = [], 0
    for s in sentences:
        pairs.append((at, s))
        at += len(s) + 1
    names = article_names(pairs)
    for start, text in pairs:
        for f in names.in_sentence(start, text):
            assert f.type in {"person", "organisation"} and 0 <= f.start <= f.end <= len(text)


@given(st.text(alphabet=st.sampled_from("AWMpolice Mercia Met council B. Institute's "), max_size=80))
def test_english_names_lie_inside_the_sentence(text: str) -> None:
    for f in with_kinds(text, english(text, {})):
        assert 0 <= f.start <= f.end <= len(text) and f.type in {"person", "organisation", "agent"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "It" as the subject of what a body does, in the same sentence or the next
        ("The craft burned up, Globex said in a statement. It said nobody was hurt.", [("Globex", "organisation")]),
        ("Markets rose, and Globex said it plans to hire.", [("Globex", "organisation")]),
        # "it was" is anyone's
        ("Markets rose, and Grady said it was a good day.", []),
        # a news outlet the outlet table lists, and a word listed with an acronym that reports
        ("The attack spread fear, as Reuters reported at the time.", [("Reuters", "organisation")]),
        ("But both Roscosmos and NASA said the crash was minor.", [("Roscosmos", "organisation"), ("NASA", "organisation")]),
    ],
)
def test_an_agent_that_is_a_body(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place after a preposition is no agent, and "they" tells no kind (a later "she" is someone else)
        ("Doctors at a clinic in Leeds said they saw more cases. Jolie said she was glad.", []),
        ("Rivals were slow, yet Nissan says it will offer a cheaper model.", [("Nissan", "organisation")]),
        # a lone word after "a spokeswoman for" that the article names as a person is that person
        ("Adam Neumann, who founded the firm, left. A spokeswoman for Neumann declined to comment.",
         [("Adam Neumann", "person"), ("Adam Neumann", "person")]),
        # a common word opening the sentence before "police", and an event named after a body
        ("Military police were sent to the border.", []),
        ("He spoke at the Vox Media's Code Media conference in Hollywood.", [("Vox Media", "organisation")]),
    ],
)
def test_agents_places_and_events(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb, an adverb, a day or a count of bodies before a generic body is no part of a name
        ("数据显示中投公司的收益率下滑。", [("中投公司", "organisation")]),
        ("目前在2800余家A股上市公司中，有26家公司停牌。", []),
        ("今日公司发布公告，TCL集团回购股份。", [("TCL集团", "organisation")]),
        ("指导意见鼓励民营银行发展，这考验着政府的能力。", []),
        # names with 公司, 集团, 大学 stay whole
        ("山西金兰化工有限公司与巴西佛罗伊特国际公司签约。",
         [("山西金兰化工有限公司", "organisation"), ("巴西佛罗伊特国际公司", "organisation")]),
        ("复旦大学中国经济研究中心主任寇宗来说，市场很大。",
         [("复旦大学中国经济研究中心", "organisation"), ("寇宗来", "person")]),
    ],
)
def test_chinese_bodies_start_after_verbs_and_counts(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("银监会主席尚福林提出要求。", [("尚福林", "person")]),
        ("周五，甲骨文股价下跌。", []),
        ("政策研究室副主任徐成光曾公开表示支持。", [("徐成光", "person")]),
        ("百货类上市公司和上述银行都受影响。", []),
        ("刘益谦现任新理益集团董事长。", [("刘益谦", "person"), ("新理益集团", "organisation")]),
    ],
)
def test_chinese_weekdays_adverbs_and_quantifiers_are_no_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Latin name glued together in Chinese text, after a role or between 的 and a speech verb, is a person
        ("汇丰银行亚洲经济研究部联合主管FredericNeumann表示，市场很大。",
         [("汇丰银行亚洲经济研究部", "organisation"), ("Frederic Neumann", "person")]),
        ("RhinoTradingPartners的MichaelBlock向CNBC表示：市场很大。",
         [("RhinoTradingPartners", "organisation"), ("Michael Block", "person")]),
        ("DeepMind表示，这款模型很强。", [("DeepMind", "organisation")]),
        # "为公司" is "is the company"; 华为 has one character before 为
        ("资金来源为公司自有资金。华为公司表示支持。", [("华为公司", "organisation")]),
    ],
)
def test_glued_latin_names_and_wei(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected
