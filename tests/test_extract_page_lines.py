"""Page furniture (captions, author bios, rights lines, time stamps, related links) states no date or figure."""

from __future__ import annotations

import pytest
from extract_helpers import facts
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.extract.page_lines import furniture_spans, is_furniture

STORY = "The council approved the budget on 3 March 2021.\nIt will cost $4 million, up 12% on last year."


@pytest.mark.parametrize(
    "line",
    [
        # captions closed by their picture credit, in the shapes of the wire agencies and papers
        "A flooded street in Leeds in 2015.CreditJohn Smith/The New York Times",
        "A flooded street in Leeds in 2015.CreditCreditJohn Smith/EPA, via Shutterstock",
        "Two ministers meet in Lagos in 2009. One of them has since resigned Credit: JOHN SMITH/ AFP",
        "Dock workers unload a ship at Rotterdam in 2018. (AP)",
        "A student repairs a lamp at a workshop in Ohio, in 2017. (Mary Major / AP)",
        "Firefighters at the scene in Madrid on 4 May 2020. REUTERS/Ana Lopez",
        "A ferry leaves the port in 2012 (Photo by Tom Field/Getty Images)",
        "FILE PHOTO: A ferry leaves the port on June 3, 2019.",
        "File photo taken on March 2, 2011 shows a ferry leaving the port.",
        "In this photo dated Monday, Jan. 4, 2016, a ferry leaves the port.",
        "图为2019年5月3日的开幕式现场。",
        "开幕式现场，2019年5月3日。（新华社记者 王明 摄）",
        # author bios
        "Jane Doe has covered energy for the paper since 2012.",
        "Tom Field / Tom is the Science Editor at Example News, which he joined in 2015 after ten years at a wire agency.",
        "Ann Lee is a reporter on the business desk. She joined the newsroom in 2019. @annlee",
        "（作者系某大学经济学院教授，2018年起任院长）",
        # rights lines, time stamps, related links
        "© 2024 Example News Group. All rights reserved.",
        "Copyright 2019 The Associated Press.",
        "Updated 10:35 AM ET, Mon March 16, 2015",
        "Published: 12 March 2019",
        "发布时间：2019-03-06 10:00",
        "Related: Sales fell 8% in 2019 as prices rose",
        "Read more: The 2020 budget in five charts",
        "相关阅读：2019年楼市成交量下降",
        "湘ICP备12345678号-5 地址：长沙市某路58号 电话：0731-8888 邮箱：web2016@example.com",
        "— The City Council (@CityCouncil) October 9, 2018",
        "【股市】沪指跌3.5%至三个月新低，信心不足2015/07/02",
        "Shares fall 5% as oil slides2019-07-02 10:15",
    ],
)
def test_furniture_paragraphs_state_no_figures(line: str) -> None:
    assert is_furniture(line)
    found = facts(f"{STORY}\n{STORY}\n{STORY}\n{line}\n{STORY}", "2024-05-01")
    start = 3 * (len(STORY) + 1)
    figures = {c.kind for c in found if c.kind in {"date", "money", "percent", "quantity"}}
    assert figures == {"date", "money", "percent"}  # the story's, around it
    assert [c.text for c in found if c.kind in figures and start <= c.start < start + len(line)] == []


@pytest.mark.parametrize(
    "line",
    [
        "The company was founded in 2012 and sold in 2019.",
        "Updated figures show the economy grew 3% in 2019.",
        "Credit Suisse said on Monday it would cut 500 jobs by 2025.",
        "The copyright lawsuit was filed in 2021.",
        "The index fell 3.5% on 2015/07/02",
        "He posted the photo in 2019, and it went viral.",
        "Jane Doe, a reporter, was detained in 2014 and freed 544 days later.",
        "记者25日从公安部获悉，2019年共破获案件1万起。",
        "The fund lost 10% as the brand Ì©R fell in 2024.",  # a © glued inside a word is no rights line
        "© Provided by Example Inc Nintendo and Apple shocked the world this year by announcing that the game "
        "will launch on December 15, for a flat fee of $9.99, on iPhone and iPad, a first for the company.",
    ],
)
def test_story_paragraphs_are_not_furniture(line: str) -> None:
    assert not is_furniture(line, may_be_bio=False)


def test_a_bio_counts_only_where_bios_stand() -> None:
    """A paragraph in the middle of the story about a journalist is the story; at its end it is the author's bio."""
    bio = "John Roe is a correspondent who was jailed in 2014."
    middle = "\n".join([STORY, STORY, STORY, bio, STORY, STORY, STORY])
    assert furniture_spans(middle) == []
    end = "\n".join([STORY, STORY, STORY, STORY, bio])
    assert furniture_spans(end) == [(end.index(bio), len(end))]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab AZ©:/()\n.摄图为Credit20191"), max_size=300))
def test_furniture_spans_are_ordered_paragraphs_of_the_text(text: str) -> None:
    spans = furniture_spans(text)
    assert spans == sorted(spans)
    for start, end in spans:
        assert 0 <= start < end <= len(text) and "\n" not in text[start:end] and text[start:end].strip()
        assert start == 0 or text[start - 1] == "\n"
