"""Chinese organisation and person names in news: where a name starts, and what is no name at all."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.extract.open_entities_zh import chinese
from extract_helpers import facts


def _names(text: str) -> list[tuple[str, str]]:
    return [(f.name, f.type) for f in chinese(text, {})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare descriptor (公司, 政府, 党) after a verb, adverb, time or number is no name
        ("昨日公司发布公告，称将回购股份。", []),
        ("回购价格上限为公司净资产的两倍。", []),
        ("此举可以维护公司形象，也显示公司经营稳健。", []),
        ("全市共有3000余家上市公司和近百家银行。", []),
        ("我们要坚决贯彻党的方针，也要相信政府。", []),
        ("部分企业占上市公司总数的一成。", []),
        ("一些出租车公司表示不满。", []),
        ("当地政府表示支持。", []),
        # a name does not swallow the verb, adverb or person before it, nor lose its own first characters
        ("此举将直接提升TCL集团的利润。", [("TCL集团", "organisation")]),
        ("上海自动化仪表股份有限公司今日停牌。", [("上海自动化仪表股份有限公司", "organisation")]),
        ("监管层决定中国证券金融股份有限公司增资。", [("中国证券金融股份有限公司", "organisation")]),
        ("据悉，北京协和医院与华为技术有限公司签约。",
         [("北京协和医院", "organisation"), ("华为技术有限公司", "organisation")]),
        ("山西省商务厅与巴西华人协会签约。", [("山西省商务厅", "organisation"), ("巴西华人协会", "organisation")]),
        ("山西金兰化工有限公司与巴西佛罗伊特国际公司签约。",
         [("山西金兰化工有限公司", "organisation"), ("巴西佛罗伊特国际公司", "organisation")]),
        ("河南省立眼科医院派出医生。", [("河南省立眼科医院", "organisation")]),
        # what an institution does may be in its name; an ordinal too
        ("他在法国里昂国立应用科学院读书。", [("法国里昂国立应用科学院", "organisation")]),
        ("湖南中医药大学附属第一医院举办比赛。", [("湖南中医药大学附属第一医院", "organisation")]),
        # an abbreviation, a party and a government named by the dictionary or a place
        ("世卫组织发布报告，英国政府回应，民主党反对。",
         [("世卫组织", "organisation"), ("英国政府", "organisation"), ("民主党", "organisation")]),
        # a stock short name ending in 股份 wins a bid
        ("天奇股份中标一个汽车项目。", [("天奇股份", "organisation")]),
        ("回购公司发行的股份。", []),
    ],
)
def test_chinese_organisations_start_at_their_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


_VERBS = ["显示", "提升", "维护", "回购", "贯彻", "推动", "增强", "相信", "发布", "要做"]
_COUNTED = re.compile(r"^[\d一二三四五六七八九十百千万几数多余]+[家个位名]")
_FILLER = st.sampled_from(["今日", "直接", "，", "已经", "3家", "近百家", "这些", "其", "并", "可以", "上限为", "5亿元"])
_NAME = st.sampled_from(["TCL集团", "上海自动化仪表股份有限公司", "中投公司", "浙江网商银行", "公司", "政府", "党", "上市公司"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_FILLER, st.sampled_from(_VERBS), _NAME), min_size=1, max_size=8))
def test_no_organisation_starts_with_a_verb_or_a_count(parts: list[str]) -> None:
    """Whatever stands before it, an organisation's name never starts with a listed verb or a number and 量词,
    and is never a bare descriptor."""
    text = "".join(parts) + "。"
    for name, kind in _names(text):
        if kind != "organisation":
            continue
        assert not name.startswith(tuple(_VERBS)), (text, name)
        assert not _COUNTED.match(name), (text, name)
        assert name not in {"公司", "政府", "党", "上市公司"}, (text, name)
        assert name in text


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="公司集团银行政府党的了在是今日上市直接提升3家亿元，。TCL李王说表示", max_size=40))
def test_chinese_names_are_spans_of_the_text(text: str) -> None:
    """Any text: every name found is written in it, as found."""
    for f in chinese(text, {}):
        assert text[f.start : f.end] == f.name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stock short names as exchanges print them: before a code, with a share class, marked for risk
        ("增持最多的是：南玻A（8.5亿元）、零七股份(000007)（2.1亿元）、华信科技(300100)（1.2亿元）。",
         [("南玻A", "organisation"), ("零七股份", "organisation"), ("华信科技", "organisation")]),
        ("昨日已有雪莱特(002076)、永新股份(002014)、通葡股份(600365)宣布停牌。",
         [("雪莱特", "organisation"), ("永新股份", "organisation"), ("通葡股份", "organisation")]),
        ("*ST华光今日复牌，ST东源继续停牌。", [("*ST华光", "organisation"), ("ST东源", "organisation")]),
        ("新华富时A50指数下跌，维生素A很重要。", []),
        # people: a title or office cut off, no adverb, time or verb taken for a name
        ("会上，银监会主席尚福林提及民营银行。", [("尚福林", "person")]),
        ("刘益谦现任新理益集团董事长。", [("刘益谦", "person"), ("新理益集团", "organisation")]),
        ("王建华出席国务院会议。", [("王建华", "person"), ("国务院", "organisation")]),
        ("局长也曾公开表示支持，书记曾多次强调，发言人周五表示反对。", []),
        ("主任徐成光在会上发言。", [("徐成光", "person")]),
    ],
)
def test_chinese_stock_names_and_people(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


def _subjects(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.subject) for c in facts(text) if c.kind in {"money", "percent"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each item of a ranked list takes its own name, never its neighbour's; an item without one takes none
        ("增持最多的是：南玻A（8.5亿元）、长江集团（6.2亿元）、某企业（3.1亿元）。",
         [("8.5亿元", "南玻A"), ("6.2亿元", "长江集团"), ("3.1亿元", None)]),
        # the sentence's topic in its first clause names the figures after it
        ("东华集团今日公告，拟以不超过5亿元回购股份，占总股本的3%。", [("5亿元", "东华集团"), ("3%", "东华集团")]),
        # a descriptor is no subject: the number has none
        ("今日公司发布公告，回购上限为公司净资产的20%。", [("20%", None)]),
        # a name later in the sentence is not the subject of a number before it
        ("营收增长12%，其中华兴银行贡献最多。", [("12%", None)]),
    ],
)
def test_chinese_number_claims_take_the_subject_of_their_clause(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _subjects(text) == expected


def _entities(text: str) -> list[object]:
    return [c.value for c in facts(text) if c.kind == "entity"]


def test_a_partner_inside_a_joint_venture_name_is_not_the_partner() -> None:
    """广汽丰田 is GAC Toyota, a joint venture: no mention of Toyota; 丰田 alone or after a country still is."""
    assert "Toyota" not in _entities("天奇股份中标广汽丰田的项目。")
    assert "Toyota" in _entities("据丰田称，销量增长。")
    assert "Toyota" in _entities("日本丰田宣布召回。")
