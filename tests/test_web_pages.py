"""Real web pages (tests/data/news): the article is stored, the page around it is not; metadata is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.ingest import read_articles
from curator.models import Article

NEWS = Path(__file__).parent / "data" / "news"

# file: (first sentence of the article body, last sentence, furniture that must not be stored)
PAGES: dict[str, tuple[str, str, list[str]]] = {
    "en_nature_telescope.html": (
        "The world’s largest single-dish radio observatory is preparing to open to astronomers around the world",
        "“A successful review will definitely help,” he says.",
        ["Skip to main content", "Subscribe", "How the fight over a Hawaii mega-telescope could change astronomy",
         "Use of cookies", "© 2020 Springer Nature Limited", "Nature India"],
    ),
    "en_nytimes_yahoo_verizon.html": (
        "Yahoo’s $4.8 billion sale to Verizon is a complicated beast",
        "it is likely that the lawyers involved will have nightmares for years to come.",
        ["Continue reading the main story", "SUBSCRIBE NOW", "1 of 10 articles read", "Sign up with Facebook",
         "To save articles or get newsletters", "Skip to navigation"],
    ),
    "en_reuters_airasia_bodies.html": (
        "Indonesian rescuers searching for an AirAsia plane carrying 162 people pulled bodies and wreckage",
        "Editing by Nick Macfie and Mike Collett-White)",
        ["Tweet this", "Link this", "Digg this", "Reprints", "Macroscope Blog", "About Thomson Reuters",
         "Newsletters", "Investor Relations"],
    ),
    "en_reuters_parasite.html": (
        "South Korean thriller “Parasite” was the upset winner at the Screen Actors Guild (SAG) awards on Sunday",
        "It’s been the most beautiful dream,” Waller-Bridge said.",
        ["Related Coverage", "Factbox: Key winners at the 2020 Screen Actors Guild Awards", "Advertise with Us",
         "Do Not Sell My Personal Information", "All Rights Reserved", "Our Standards"],
    ),
    "en_scmp_playbook.html": (
        "Taiwanese President Tsai Ing-wen’s spectacular re-election was no easy feat.",
        "She certainly needs more than that if she and her allies are to have any political future.",
        ["+ FOLLOW", "Why you can trust SCMP", "Link Copied", "READ FULL ARTICLE",
         "Alice's daily needs include her journals"],
    ),
    "en_seattletimes_amazon.html": (
        "From the deck of his 106-year-old halibut schooner",
        "“It’s Seattle old school meets Seattle new school with Amazon.”",
        ["Skip to content", "Traffic Lab", "Project Homeless", "Place Temporary Hold", "Report Delivery Issue",
         "Copyright © 2019 The Seattle Times", "Privacy statement"],
    ),
    "zh_163_longfor.html": (
        "2019年，龙湖集团即将迎来赴港上市10周年。",
        "这需要龙湖给投资者作一个交代。",
        ["网易首页", "快速导航", "网友评论仅供其表达个人看法", "目前没有热门跟贴", "疑点无法从财务报告中得到合理的解释",
         "任正非:美国在通信产业失败不要归罪于华为的崛起", "网易公司版权所有", "返回财经首页"],
    ),
    "zh_bbc_hk_leung.html": (
        "香港行政长官梁振英在各方压力下就其大宅的违章建筑（僭建）问题到立法会接受质询，并向香港民众道歉。",
        "民主党此前计划在星期三（11日）对梁振英提出不信任动议。",
        ["直接前往内部导航", "新浪微博", "转寄朋友", "打印文稿", "BBC英伦网", "使用条款", "非本网站内容BBC概不负责"],
    ),
    "zh_bbc_hk_leung_copy2.html": (
        "香港行政长官梁振英在各方压力下就其大宅的违章建筑（僭建）问题到立法会接受质询，并向香港民众道歉。",
        "民主党此前计划在星期三（11日）对梁振英提出不信任动议。",
        ["直接前往内部导航", "Google+", "转寄朋友", "RSS服务", "与BBC联络", "非本网站内容BBC概不负责"],
    ),
    "zh_qq_deepmind.html": (
        "谷歌(微博) 在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识",
        "DeepMind已将其研究结果发表在科学刊物《自然》（Nature）上。",
        ["一键登录", "我要分享", "精彩视频推荐", "自动播放开关", "热评文章", "腾讯公司 版权所有",
         "中文相关权益归腾讯公司独家所有", "还能输入140字"],
    ),
    "zh_thepaper_lancet.html": (
        "此前，发烧、咳嗽被认为是新冠病毒感染的最主要症状。",
        "此前，症状不那么明显的人可能无意中成为新冠病毒的沉默传播者，因此加入新的症状，对疾控至关重要。",
        ["下载APP", "七环视频", "关键词 >>", "字号", "博索纳罗称“死亡是每个人的命运”", "澎湃新闻举报受理和处置办法",
         "沪公网安备"],
    ),
}

# file: publication date as the page states it (ISO 8601; time and zone only where stated)
PUBLISHED = {
    "en_nature_telescope.html": "2019-09-24",
    "en_nytimes_yahoo_verizon.html": "2016-07-29",  # the dateline; <time datetime> is marked dateModified
    "en_reuters_airasia_bodies.html": "2014-12-30T23:44:40+00:00",
    "en_reuters_parasite.html": "2020-01-19T12:25:36+00:00",
    "en_scmp_playbook.html": "2020-01-20T10:00:08+08:00",
    "en_seattletimes_amazon.html": "2019-04-28T06:01:07",
    "zh_163_longfor.html": "2019-09-07T13:43:45+08:00",
    "zh_bbc_hk_leung.html": "2012-12-10",
    "zh_bbc_hk_leung_copy2.html": "2012-12-10",
    "zh_qq_deepmind.html": "2016-10-14T07:17:00",  # the page states 2016年10月14日07:17
    "zh_thepaper_lancet.html": "2020-06-06T10:08:00",  # the page states 2020-06-06 10:08 来源：澎湃新闻
}


def read(name: str) -> Article:
    [article], skipped = read_articles(NEWS / name)
    assert not skipped
    return article


def test_every_corpus_page_is_covered() -> None:
    assert set(PAGES) == {p.name for p in NEWS.glob("*.html")}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_article_in_furniture_out(name: str) -> None:
    first, last, furniture = PAGES[name]
    article = read(name)
    assert first in article.text and last in article.text
    assert article.reader in {"trafilatura", "json-ld"}
    assert [snippet for snippet in furniture if snippet in article.text] == []
    if article.reader == "trafilatura":
        assert article.text.count("\n") >= 5 and "\n\n" not in article.text  # one paragraph or heading per line


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_publication_date(name: str) -> None:
    assert read(name).published == PUBLISHED[name]


def test_headings_kept_as_lines() -> None:
    lines = read("en_reuters_airasia_bodies.html").text.split("\n")
    assert "SEARCHING THROUGH THE NIGHT" in lines and "CLUES WHEN THINGS GO WRONG" in lines
    assert "Eye in the sky" in read("en_nature_telescope.html").text.split("\n")


def test_page_metadata() -> None:
    nature = read("en_nature_telescope.html")
    assert (nature.title, nature.outlet, nature.authors) == (
        "Gigantic Chinese telescope opens to astronomers worldwide", "Nature", ("Elizabeth Gibney",)
    )
    assert nature.url == "https://www.nature.com/articles/d41586-019-02790-3"
    reuters = read("en_reuters_airasia_bodies.html")
    assert reuters.authors == ("Gayatri Suroyo", "Adriana Nina Kusuma")
    # og:site_name "U.S." is an edition, not the outlet; a copyright line is not an outlet either.
    assert read("en_reuters_parasite.html").outlet == "Reuters"
    assert read("zh_163_longfor.html").outlet is None
    assert read("zh_163_longfor.html").authors == ()  # 往事随风x8pe signs a reader comment, not the article
    assert read("en_scmp_playbook.html").outlet == "South China Morning Post"
    assert read("en_nytimes_yahoo_verizon.html").authors == ("Steven Davidoff Solomon",)
    assert read("zh_thepaper_lancet.html").authors == ("贺梨萍",)  # the byline line 澎湃新闻记者 贺梨萍


def test_changed_furniture_same_article(tmp_path: Path) -> None:
    page = (NEWS / "en_reuters_parasite.html").read_text(encoding="utf-8")
    changed = page.replace("Advertise with Us", "Advertise With Reuters").replace("Related Coverage", "More stories")
    assert changed != page
    (tmp_path / "again.html").write_text(changed, encoding="utf-8")
    [again], _ = read_articles(tmp_path / "again.html")
    assert again.id == read("en_reuters_parasite.html").id
