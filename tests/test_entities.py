"""Organisations and people no lexicon lists, in English and Chinese: real pages, hand-written cases, junk, scale."""

from __future__ import annotations

import re
import time
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.extract import extract_article
from curator.extract.open_entities import english
from curator.extract.open_entities_zh import chinese
from curator.extract.sentences import split_sentences
from curator.ingest import make_article, read_articles
from curator.models import Candidate
from curator.schema import load_schema

NEWS = Path(__file__).resolve().parent / "data" / "news"

# The organisations and people a careful reviewer marks in the article as ingest stores it (names only in page
# furniture or metadata, such as related links and meta bylines, are not the article), that each page must give
# (a floor, not the whole list).
EXPECTED: dict[str, dict[str, set[str]]] = {
    "en_reuters_airasia_bodies.html": {
        "organisation": {"AirAsia", "CFM International", "General Electric",
                         "Malaysian Airlines"},
        "person": {"Tony Fernandes", "Fransiskus Bambang Soelistyo", "Tri Rismaharini"},
    },
    "en_seattletimes_amazon.html": {
        "organisation": {"Whole Foods", "Marine Stewardship Council", "Purdue University", "International Pacific Halibut Commission",
                         "Fishing Vessel Owners Association"},
        "person": {"Jeff Bezos", "John Mackey", "Ananth Iyer", "Bob Alverson", "Tom Forte", "Tyler Besecker"},
    },
    "en_nature_telescope.html": {
        "organisation": {"Chinese Academy of Sciences", "West Virginia University", "University of California", "Max Planck Institute for Radio Astronomy"},
        "person": {"Di Li", "Maura McLaughlin", "Laura Spitler", "Zhiqiang Shen"},
    },
    "en_reuters_parasite.html": {"organisation": set(), "person": {"Bong Joon Ho", "Donald Trump", "Alex Borstein"}},
    "en_scmp_playbook.html": {"organisation": set(), "person": {"Tsai Ing-wen", "Carrie Lam Cheng Yuet-ngor"}},
    "en_cnn_airasia_breaking.txt": {"organisation": {"AirAsia"}, "person": set()},
    "en_nytimes_yahoo_verizon.html": {"organisation": {"Alibaba Group", "Yahoo"}, "person": set()},
    "zh_bbc_hk_leung.html": {"organisation": {"民主党", "终审法院"}, "person": {"梁振英", "何俊仁", "唐英年", "黄国健", "黄毓民", "陈伟业"}},
    "zh_163_longfor.html": {"organisation": {"龙湖集团", "住建部", "长沙市住建局"}, "person": {"宋卫平"}},
    "zh_airasia_caption.txt": {"organisation": {"马来西亚亚洲航空公司", "印尼交通部"}, "person": set()},
    "zh_thepaper_lancet.html": {"organisation": {"世卫组织", "英国政府"}, "person": set()},
    "zh_qq_deepmind.html": {"organisation": {"DeepMind"}, "person": set()},
}

# Page furniture and fragments no reviewer would mark.
JUNK = {
    "Rugby Union", "Business Home", "Central Banks", "Trending On Reuters", "Get The Times", "Subscriber Services", "Reuters Summits",
    "York Times", "Department Toughened Approach", "Investment Company", "Dept", "Pick", "私·奔", "郑重", "10月14日报",
    "十年前带领龙湖集团", "违反政府", "派发上市公司", "上市公司", "突破盘局", "违约困局", "商务部称",
    # staff of the credit lines (Reporting by, Editing by): they wrote the story, they are not in it
    "Al-Zaquan Amer Hamzah", "Dean Yates", "Mike Collett-White", "Nick Macfie", "Fergus Jensen", "Steve Gorman",
    "Simon Cameron-Moore",
}
MONTHS_AND_DAYS = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"
)


@cache
def page_entities(name: str) -> tuple[Candidate, ...]:
    [article], _ = read_articles(NEWS / name)
    return tuple(c for c in extract_article(article, load_schema()) if c.kind == "entity")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pages_give_the_names_a_reviewer_marks(name: str) -> None:
    found = {(c.unit, c.value) for c in page_entities(name)}
    for kind, names in EXPECTED[name].items():
        assert {(kind, n) for n in names} <= found, sorted(n for n in names if (kind, n) not in found)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pages_give_no_junk(name: str) -> None:
    values = {str(c.value) for c in page_entities(name)}
    assert not values & JUNK
    for value in values:
        assert not MONTHS_AND_DAYS.match(value)
        assert len(value) >= 2
        assert not (value.isascii() and value.isupper() and " " in value), value  # all-caps furniture
        assert len(value) <= 12 or value.isascii(), value  # a Chinese name never swallows a clause
        assert not re.search(r"表示|指出|的|说$", value), value


def test_open_entities_in_the_whole_corpus_are_mostly_reviewable() -> None:
    """A bound on junk over every page: the expected names are at least half of the distinct open names found."""
    found = {str(c.value) for name in EXPECTED for c in page_entities(name) if c.extractor.startswith("entity.open")}
    expected = {n for kinds in EXPECTED.values() for names in kinds.values() for n in names}
    assert len(expected & found) == len(expected)
    assert len(found) <= 3 * len(expected)


def entities(text: str) -> list[tuple[str, str]]:
    article = make_article(text, source="t.txt")
    assert article is not None
    return [(str(c.value), str(c.unit)) for c in extract_article(article, load_schema()) if c.kind == "entity"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of Softbank rose after the deal.", [("SoftBank", "organisation")]),
        ('"We will keep building," said Lin Mei-hua, a spokeswoman.', [("Lin Mei-hua", "person")]),
        ("European Commission President Jean-Claude Juncker met the press.",
         [("European Commission", "organisation"), ("Jean-Claude Juncker", "person")]),
        ("Facebook chief executive Mark Zuckerberg's plan was criticised.", [("Mark Zuckerberg", "person")]),
        ("Tony Fernandes, the chief executive of AirAsia Group, said the airline would help.",
         [("Tony Fernandes", "person"), ("AirAsia Group", "organisation")]),
        ("The Bank of Japan held rates steady, Governor Kazuo Ueda said.", [("Bank of Japan", "organisation"), ("Kazuo Ueda", "person")]),
        ("Acme Holdings Inc and the Hong Kong Monetary Authority signed a deal.",
         [("Acme Holdings Inc", "organisation"), ("Hong Kong Monetary Authority", "organisation")]),
        ("Congress passed the bill on Tuesday.", [("Congress", "organisation")]),
        ("“It is a tragedy,” Maria Santos told reporters in Manila.", [("Maria Santos", "person")]),
        ("According to Dr. Anthony Fauci, cases will rise.", [("Anthony Fauci", "person")]),
        ("Seattle-based International Pacific Halibut Commission set the quota.", [("International Pacific Halibut Commission", "organisation")]),
        # The dateline names the outlet that filed the story: provenance (the article's outlet), not a claim.
        ("JAKARTA (Reuters) - Rescuers found debris.", []),
        ('"It is safe," said a spokesman for Amazon. Yahoo\'s board approved the sale to Verizon.',
         [("Amazon", "organisation"), ("Yahoo", "organisation")]),
        ("Tom Forte, an analyst at D.A. Davidson, said the deal made sense.", [("Tom Forte", "person"), ("D.A. Davidson", "organisation")]),
        ("Tyler Besecker, president of Mercer Island-based Dana F. Besecker Company, said prices rose.",
         [("Tyler Besecker", "person"), ("Dana F. Besecker Company", "organisation")]),
        ("Shareholders may stick with Yahoo’s chief executive, Marissa Mayer, and vote down the deal.",
         [("Yahoo", "organisation"), ("Marissa Mayer", "person")]),
        ("Amazon grew. Its sales rose, a spokeswoman for Amazon said. Jeff Bezos said so. Bezos smiled. China's stock market fell.",
         [("Amazon", "organisation"), ("Amazon", "organisation"), ("Jeff Bezos", "person"), ("Jeff Bezos", "person")]),
        ("Indonesia AirAsia's jet and a SpaceX rocket; DeepMind表示。", [("AirAsia", "organisation"), ("SpaceX", "organisation"),
                                                                       ("DeepMind", "organisation")]),
        ("The mayor of Surabaya, Tri Rismaharini, comforted relatives. Rismaharini said they must be strong.",
         [("Tri Rismaharini", "person"), ("Tri Rismaharini", "person")]),
        ("香港房屋委员会表示，该项目将提供3000个单位。", [("香港房屋委员会", "organisation")]),
        ("中国科学院国家天文台研究员李菂表示，望远镜已经完成调试。", [("中国科学院国家天文台", "organisation"), ("李菂", "person")]),
        ("龙湖集团董事长吴亚军在会上指出，公司将继续扩张。", [("龙湖集团", "organisation"), ("吴亚军", "person")]),
        ("中国人民银行行长易纲称，将保持稳健的货币政策。", [("中国人民银行", "organisation"), ("易纲", "person")]),
        ("外交部发言人华春莹说，中方对此表示关切。", [("外交部", "organisation"), ("华春莹", "person")]),
        ("德米斯·哈萨比斯表示，研究将继续。", [("德米斯·哈萨比斯", "person")]),
        ("北京大学与清华大学联合成立研究院。", [("北京大学", "organisation"), ("清华大学", "organisation")]),
        ("直选议员黄毓民、陈伟业和梁国雄先后被驱逐。", [("黄毓民", "person"), ("陈伟业", "person")]),
        ("据李明说，但王芳表示反对，他说不行。", [("李明", "person"), ("王芳", "person")]),
        ("上海天文台所长沈志强指出，项目进展顺利。", [("上海天文台", "organisation"), ("沈志强", "person")]),
        ("国家航天局与中国东方航空、华为技术有限公司、北京协和医院和中国医学科学院研究所签约。",
         [("国家航天局", "organisation"), ("中国东方航空", "organisation"), ("华为技术有限公司", "organisation"),
          ("北京协和医院", "organisation"), ("中国医学科学院研究所", "organisation")]),
        ("中国互联网协会主席张三表示，香港特区政府和财政部已同意。",
         [("中国互联网协会", "organisation"), ("张三", "person"), ("香港特区政府", "organisation"), ("财政部", "organisation")]),
    ],
)
def test_hand_written_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Jane Smith and Wang Lei", []),
        ("Reporting by Fergus Jensen and Wilda Asmarini in JAKARTA; Editing by Nick Macfie", []),
        ("(Additional reporting by Ana Lima; Writing by Ben Cole; Editing by Dan Grebler)", []),
        # a credit's surname is nobody's in the story: "Cole said" names no one known
        ("Writing by Ben Cole; Editing by Dan Grebler\nCole said the dam held.", []),
        ("JAKARTA (Reuters) - The plane was found, Reuters said.", []),
        ("MOSCOW (AP) — The cargo ship burned up.\n(Oleg Urusov/ Roscosmos Space Agency Press Service photo via AP)", []),
        ("The dam held. (AP Photo/Acme Holdings Inc)", []),
        ("记者王晓明报道，龙湖集团董事长吴亚军指出，公司将继续扩张。", [("龙湖集团", "organisation"), ("吴亚军", "person")]),
        ("新华社记者张伟、李强摄\n责任编辑：王芳\n来源：人民日报", []),
        # a caption's credit glued to it, a copyright line, a social-media handle
        ("Rock salt seeped into the pipes.CreditChang W. Lee/The New York Times", []),
        ("© Provided by Business Insider Inc", []),
        ("Follow the writer on Twitter: @NelsonSchwartz", []),
    ],
)
def test_staff_and_credits_are_no_claims(text: str, expected: list[tuple[str, str]]) -> None:
    """Who wrote, edited, photographed or supplied the story is provenance, not a person or organisation in it."""
    assert entities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Monday was quiet. May said nothing. The Ministry was closed.",
        "BREAKING NEWS: MARKETS FALL AS BANK GROUP REPORTS",
        "Markets Rally As Central Bank Holds Rates Steady Ahead Of Budget",
        "Business Home",
        "In March, officials said the plan would work.",
        "The company said on Tuesday that sales rose.",
        "Several people collapsed in grief and were helped away.",
        "全部内部人员都认为这是一个结局。",
        "上市公司和科技公司的股价下跌。",
        "许多西方大学和海外公司重新考虑合作。",
        "他表示，这个问题很复杂。",
        "The Investment Company Act of 1940 applies.",
        "The McLaughlin report studied SARS-CoV-2 and IoT devices; ImplicationsAI was a typo.",
    ],
)
def test_no_entity_without_a_cue(text: str) -> None:
    assert entities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title of several words before a name that a speech verb follows is no part of the name
        ("Tunisian Prime Minister Habib Essid said the attack failed.", [("Habib Essid", "person")]),
        ("In 1991, President George H.W. Bush held back the loans.", [("George H.W. Bush", "person")]),
        ("As Opposition Leader Bill Shorten said in a letter, it failed.", [("Bill Shorten", "person")]),
        # a lowercase particle joined by a hyphen; the honorific and surname alone is the same person
        ("“We acted,” said Omar Hassan al-Bashir. Mr. Bashir left.",
         [("Omar Hassan al-Bashir", "person"), ("Omar Hassan al-Bashir", "person")]),
        # letters with marks: the name as written, its surname found again as written
        ("“It was unfair,” said François Hollande. Hollande left the hall.",
         [("François Hollande", "person"), ("François Hollande", "person")]),
        ("“No,” Recep Tayyip Erdoğan said. Erdoğan relented, said Łukasz Kowalski of Škoda Group.",
         [("Recep Tayyip Erdoğan", "person"), ("Recep Tayyip Erdoğan", "person"), ("Łukasz Kowalski", "person"),
          ("Škoda Group", "organisation")]),
        ("“Yes,” said Seán O'Brien.", [("Seán O'Brien", "person")]),
        ("The dam held, said Tony\u00a0Fernandes.", [("Tony Fernandes", "person")]),
    ],
)
def test_names_as_written(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name inside a quoted title or nickname is not a person or firm of the story; quoted speech still counts
        ("The comedy “The Marvelous Mrs Maisel” won again.", []),
        ('Dubbed "DisGrace" by her critics, she stayed.', []),
        ("“Tell Mrs Maisel we won,” she said.", [("Maisel", "person")]),
        # a kind of deal named after a party, with an indefinite article: no organisation
        ("There were legal reasons for not using a Morris Trust structure.", []),
        # a country is neither a person nor an organisation
        ("South Africa said the talks would go on.", []),
        ("Charges against Sudan’s president, Omar Hassan al-Bashir, stand.", [("Omar Hassan al-Bashir", "person")]),
        # a title anywhere before the name is not part of it
        ("Zimbabwe President Robert Mugabe, his wife Grace and two aides are held.", [("Robert Mugabe", "person")]),
        # the honorific and surname, met before the full name, are the same person
        ("Mr. Reeves was blunt. Eric Reeves, one of the leading academic voices, said so.",
         [("Eric Reeves", "person"), ("Eric Reeves", "person")]),
    ],
)
def test_no_name_from_titles_kinds_or_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an institution's name goes on past "of", "for", "on", and "and" a field; a possessive ends the owner's name
        ("A report by Stanford University's Center on Poverty and Inequality came out.",
         [("Stanford University", "organisation"), ("Center on Poverty and Inequality", "organisation")]),
        ("He is a fellow at the François-Xavier Bagnoud Center for Health and Human Rights.",
         [("François-Xavier Bagnoud Center for Health and Human Rights", "organisation")]),
        ("It grew, according to the World Travel and Tourism Council, an industry body.",
         [("World Travel and Tourism Council", "organisation")]),
        ("He works at the Committee for a Responsible Federal Budget, a research group.",
         [("Committee for a Responsible Federal Budget", "organisation")]),
        ("But, as Parliament’s Joint Committee on Intelligence and Security has said, it failed.",
         [("Parliament", "organisation"), ("Joint Committee on Intelligence and Security", "organisation")]),
        # "Acme Inc for Google shares": a firm's name does not go on past "for"; "the Bank of Japan and Google" two names
        ("He sold Acme Inc for Google shares.", [("Acme Inc", "organisation"), ("Google", "organisation")]),
        ("Deals with the Bank of Japan and Google rose.", [("Bank of Japan", "organisation"), ("Google", "organisation")]),
        # an acronym after "the" that speaks or owns is an organisation; a role, a measure or a country is not
        ("In an interview with the BBC, he spoke. The FBI said so.", [("BBC", "organisation"), ("FBI", "organisation")]),
        ("The CEO said the US was fine and the GDP grew.", []),
        ("United Nations peacekeepers and the E.U. arrived.", [("United Nations", "organisation"), ("European Union", "organisation")]),
    ],
)
def test_organisation_names_whole(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people the story describes without a title or a speech verb: an apposition, an age, who, a noun before
        ("Ananta Bijoy Das, a 33-year-old blogger who advocated secularism, was attacked.", [("Ananta Bijoy Das", "person")]),
        ("The site was founded by US-based blogger Avijit Roy.", [("Avijit Roy", "person")]),
        ("His widow, Rafida Bonya Ahmed, was hurt.", [("Rafida Bonya Ahmed", "person")]),
        ("It followed the killing of Ahmed Rajib Haider, who backed the calls.", [("Ahmed Rajib Haider", "person")]),
        ("Eloise Parry, 21, was taken to hospital.", [("Eloise Parry", "person")]),
        ("He held the pipe as a co-worker, Nehemiah Dejesus, scrambled.", [("Nehemiah Dejesus", "person")]),
        # an organisation so described stays an organisation, and "which" is no person's
        ("Amnesty International, a London-based rights group, said so.", [("Amnesty International", "organisation")]),
        ("Acme Holdings, which Amazon bought, said so.", [("Acme Holdings", "organisation")]),
        # people listed after a plural role; a long description before the comma; a compound title
        ("The figures are cabinet ministers Jonathan Moyo and Saviour Kasukuwere.",
         [("Jonathan Moyo", "person"), ("Saviour Kasukuwere", "person")]),
        ("It featured the Prime Minister’s national security adviser, Andrew Shearer, and others.", [("Andrew Shearer", "person")]),
        ("Bassi advises Attorney-General George Brandis on crime.", [("George Brandis", "person")]),
    ],
)
def test_people_described_in_the_story(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit named after its parent joins two fields with 与; a long name is whole or not at all
        ("重庆师范大学地理与旅游学院承办，中国科学院地理科学与资源研究所参加。",
         [("重庆师范大学地理与旅游学院", "organisation"), ("中国科学院地理科学与资源研究所", "organisation")]),
        ("他在法国里昂国立应用科学院留学。", [("法国里昂国立应用科学院", "organisation")]),
        # verbs, adverbs, dates and descriptors before an organisation are not part of its name
        ("小花去禹州市人民医院检查，经河南电视台曝光后，下届承办单位浙江大学发言。",
         [("禹州市人民医院", "organisation"), ("河南电视台", "organisation"), ("浙江大学", "organisation")]),
        ("看不出是在哪家医院。学校还多次组织观看。她因偶尔出现眼部不适请假。", []),
        ("25日获公司总裁增持。", []),
        # 局地 (locally), 党工委, a hall (报告厅) are no organisations; a department 厅 is
        ("海南岛南部局地有大雨。街道党工委委员到金融街调研。", []),
        ("大会在西南大学圆顶报告厅举行，省商务厅出席。", [("西南大学", "organisation"), ("省商务厅", "organisation")]),
        # a role word is no name (副市长任组长: 任 "serves as"); an adverb after a name is not in it
        ("以副市长任组长的调查组成立。", []),
        ("卢宇说，卢宇还认为应该增设代表。", [("卢宇", "person"), ("卢宇", "person")]),
        # a foreign name joined by · is a run of transliteration characters: no role word, conjunction or verb in it
        ("1969年，在和尼尔·阿姆斯特朗走出登月舱后，宇航员巴兹·奥尔德林喝了酒。",
         [("尼尔·阿姆斯特朗", "person"), ("巴兹·奥尔德林", "person")]),
        ("法国总统埃马纽埃尔·马克龙说，改革将继续。", [("埃马纽埃尔·马克龙", "person")]),
        ("年会在重庆·西南大学举行。", [("西南大学", "organisation")]),
        # rights notices, disclaimers, dispatch marks and an outlet's channel line are the page's, not the story's
        ("【本文的中文相关权益归腾讯公司独家所有。】", []),
        ("声明：证券时报力求信息真实。", []),
        ("证券时报APP", []),
        ("证券时报e公司讯，当升科技竞得用地。", []),
        # a title glued before a name (国家主席习近平), a foreign name after a role in transliteration characters
        ("国家主席习近平在北京会见了来宾。", [("习近平", "person")]),
        ("国务院总理李克强表示，美国总统特朗普说，经济向好。",
         [("国务院", "organisation"), ("李克强", "person"), ("特朗普", "person")]),
        ("总统大选结果公布，部长会议召开。", []),
        # names listed before 等 and a noun saying what they are; 北京协和医院 keeps its 和
        ("参加会议的有阿里巴巴、腾讯和百度等公司。",
         [("阿里巴巴", "organisation"), ("腾讯", "organisation"), ("百度", "organisation")]),
        ("北京协和医院、华为等机构和张三、李四等人出席。",
         [("北京协和医院", "organisation"), ("华为", "organisation"), ("张三", "person"), ("李四", "person")]),
        ("北京、上海等城市下雪，人民群众出行。", []),
        # a title written after the name (李旭锋教授, 陈伊芬秘书长) where a name may start: after a role, an
        # organisation or punctuation; not after an ordinary word (他的博士导师, 王教授)
        ("西南大学党委书记李旭锋教授、学会秘书长张国友研究员出席。",
         [("西南大学", "organisation"), ("李旭锋", "person"), ("张国友", "person")]),
        ("顺德区金融业联合会陈伊芬秘书长到访。", [("顺德区金融业联合会", "organisation"), ("陈伊芬", "person")]),
        ("他的博士导师说，王教授说。", []),
    ],
)
def test_chinese_names_whole_and_only_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


def test_apposition_gives_the_role() -> None:
    article = make_article("Tony Fernandes, the chief executive of AirAsia Group, said the airline would help.", source="t.txt")
    [role] = [c for c in extract_article(article, load_schema()) if c.kind == "role"]
    assert (role.subject, role.value, role.text) == ("Tony Fernandes", "chief executive of AirAsia Group", "Tony Fernandes")
    article = make_article("Tom Forte, an analyst at D.A. Davidson, said the deal made sense.", source="t.txt")
    [role] = [c for c in extract_article(article, load_schema()) if c.kind == "role"]
    assert (role.subject, role.value) == ("Tom Forte", "analyst at D.A. Davidson")
    article = make_article("Shareholders may stick with Yahoo’s chief executive, Marissa Mayer, and vote no.", source="t.txt")
    [role] = [c for c in extract_article(article, load_schema()) if c.kind == "role"]
    assert (role.subject, role.value) == ("Marissa Mayer", "chief executive of Yahoo")


def test_citation_between_sentences_does_not_glue_them() -> None:
    text = ("Sony and Honda set up a company on April 13. (japannews.yomiuri.co.jp) (asahi.com) The new firm was established "
            "on April 12. (meti.go.jp 1) 两家公司于4月12日成立了新公司。(asahi.com) 新公司由软银领导。")
    assert [s.text for s in split_sentences(text)] == [
        "Sony and Honda set up a company on April 13. (japannews.yomiuri.co.jp) (asahi.com)",
        "The new firm was established on April 12. (meti.go.jp 1)",
        "两家公司于4月12日成立了新公司。(asahi.com)",
        "新公司由软银领导。",
    ]
    article = make_article(text, source="t.txt")
    dates = [c for c in extract_article(article, load_schema()) if c.kind == "date"]
    assert [c.quote for c in dates][:2] == [
        "Sony and Honda set up a company on April 13. (japannews.yomiuri.co.jp) (asahi.com)",
        "The new firm was established on April 12. (meti.go.jp 1)",
    ]


PIECES = list("AaBbMrDJ. ,'’-·()\n") + ["Inc", "Bank", "said", "Mr", "By ", "the ", "of ", "公司", "表示", "部长", "王", "李", "的",
                                        "局", "集团", "May", "Monday", "(a.com)", "和"]
TEXT = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(PIECES), max_size=80).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_entity_rules_never_crash_and_stay_in_the_text(text: str) -> None:
    for found in (english(text, {}), chinese(text, {})):
        for f in found:
            assert 0 <= f.start < f.end <= len(text)
            assert f.type in {"organisation", "person"}
            assert text[f.start : f.end] == f.name or f.type == "person"
    article = make_article(text, source="t.txt")
    if article is not None:
        for c in extract_article(article, load_schema()):
            assert article.text[c.start : c.end] == c.text


def test_extraction_grows_with_the_text_not_faster() -> None:
    """A 1 MB article with a 100 KB line holding no full stop costs about ten times a 100 KB one, not a hundred."""
    page = (NEWS / "en_cnn_airasia_breaking.txt").read_text(encoding="utf-8") + "\n香港房屋委员会主席王晓明表示，龙湖集团将投资。\n"
    line = "Reuters said Tony Fernandes, the chief executive of AirAsia Group Holdings Inc and 外交部发言人华春莹说 30 ships "

    def cost(size: int) -> float:
        body = (page * (size // len(page) + 1))[:size]
        long_line = (line * (size // 10 // len(line) + 1))[: size // 10].replace(".", ",")
        article = make_article(body + "\n" + long_line + "\n", source=f"{size}.txt")
        started = time.process_time()
        extract_article(article, load_schema())
        return time.process_time() - started

    cost(20_000)
    small, large = cost(100_000), cost(1_000_000)
    assert large < 25 * small


def test_a_chinese_wire_dateline_names_no_organisation() -> None:
    """日电 ends every dispatch line (新华社北京6月21日电, "dispatched on the 21st"); it is no alias of NEC."""
    assert entities("新华社北京6月21日电 国家统计局今天发布数据。") == [("国家统计局", "organisation")]
