"""The subject of a date or figure is the organisation that is its clause's grammatical subject, else none."""

from __future__ import annotations

import pytest
from extract_helpers import facts
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.extract.subjects import clause_subject


def subjects(text: str, kind: str, published: str | None = "2020-06-01") -> list[tuple[str, str | None]]:
    return [(c.text, c.subject) for c in facts(text, published) if c.kind == kind]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # the agent of the event: the clause's subject, before the date or after a leading date
        ("In 2009, Congress passed a stimulus bill.", "date", [("2009", "Congress")]),
        ("In 2009, however, when Congress passed a bill, prices rose.", "date", [("2009", "Congress")]),
        ("Google acquired the lab in 2014.", "date", [("2014", "Google")]),
        ("The startup Acme Robotics said on Monday it raised $5 million.", "money", [("$5 million", "Acme Robotics")]),
        ("Initech, a startup, said it raised $5 million.", "money", [("$5 million", "Initech")]),
        ("2007年，美国宇航局成立了一个独立小组。", "date", [("2007年", "美国宇航局")]),
        ("中央气象台25日继续发布寒潮预警。", "date", [("25日", "中央气象台")]),
        # a name after a preposition, in a noun phrase or quoted as the source is not the subject
        ("In 1991, the president held back loans to immigrants from the former Soviet Union.", "date", [("1991", None)]),
        ("In his September 2013 address to the United Nations, the president spoke of hope.", "date",
         [("September 2013", None)]),
        ("Tourism made up 15 percent of output in 2013, according to the World Travel and Tourism Council.", "date",
         [("2013", None)]),
        ("Interest will overtake Medicaid in 2020 and the Department of Defense budget in 2023.", "date",
         [("2020", None), ("2023", None)]),
        ("By 2017, as Senate majority leader, he passed the cut.", "date", [("2017", None)]),
        ("The craft broke up at an altitude of 190 kilometers, Roscosmos said.", "quantity", [("190 kilometers", None)]),
        ("He asked for $1 trillion for roads, but Congress has not taken up the idea.", "money", [("$1 trillion", None)]),
        # the speaker of reported speech is not the subject of what was reported
        ("The Congressional Budget Office estimates that the yield will climb to 4.2 percent in 2021.", "percent",
         [("4.2 percent", None)]),
        ("Prices rose, as the Budget Office estimated that they would add $250 billion from 2019 to 2024.", "date",
         [("2019 to 2024", None)]),
        ("法国航空公司表示，10日将取消四分之一的国内航班。", "date", [("10日", "法国航空公司")]),
        ("TCL集团宣布，公司将于7月1日起停牌。", "date", [("7月1日起", "TCL集团")]),
        ("香港房屋委员会表示，该项目将于2027年落成。", "date", [("2027年", None)]),
        ("SoftBank said Google will raise $5 million.", "money", [("$5 million", "Google")]),
        ("5月10日，2019年地理学年会在重庆西南大学举行。", "date", [("5月10日", None), ("2019年", None)]),
        ("11月11日，这段视频经河南电视台曝光。", "date", [("11月11日", None)]),
        ("11月12日，禹州市教育局通报称，9月28日午饭后，一名学生受伤。", "date", [("11月12日", "禹州市教育局"), ("9月28日", None)]),
        ("2020年10月，浙江大学副院长王明教授将主持会议。", "date", [("2020年10月", None)]),
    ],
)
def test_subject_is_the_clause_subject(text: str, kind: str, expected: list[tuple[str, str | None]]) -> None:
    assert subjects(text, kind) == expected


def test_a_name_that_holds_the_figure_is_no_subject() -> None:
    text = "近500家公司停牌。"
    assert clause_subject(text, [(0, 7)], 1, 6) is None


def test_a_name_inside_a_noun_phrase_is_no_subject() -> None:
    text = "The lab is home to six people, including two NASA astronauts."
    start = text.index("NASA")
    assert clause_subject(text, [(start, start + 4)], text.index("six"), text.index("six") + 10) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("Ab c,;.年月日，：的 said that in 2019 Acme 公司发布"), max_size=120), st.data())
def test_clause_subject_is_one_of_the_names_or_none(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    names = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    at = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(at, len(text)))
    index = clause_subject(text, names, at, end)
    assert index is None or 0 <= index < len(names)
