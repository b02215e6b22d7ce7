"""Metadata read off page text: picture credits are no outlet, outlet-headed bylines are dates, furniture no title."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.ingest import Page, find_outlet, find_published, find_title, make_article
from curator.ingest.article import page_article
from curator.ingest.dates import byline_date, outlet_byline
from curator.ingest.furniture import is_credit, is_title
from curator.provenance.placing import article_outlet


@pytest.mark.parametrize(
    "credit",
    ["Supplied", "Getty Images", "AFP/Getty", "AFP/Getty Images", "file photo", "Handout", "Photo: Reuters/Pool",
     "Jane Doe/Reuters", "资料图", "资料图片", "受访者供图", "供图", "视觉中国"],
)
def test_a_picture_credit_is_never_the_outlet(credit: str) -> None:
    assert is_credit(credit)
    text = f"A new bill would make providers store metadata. Source:\n{credit}\nThe team met editors this week.\n"
    assert find_outlet(text, None) is None
    assert find_outlet(f"Caption of the photo.\nSource: {credit}\nBody.\n", None) is None
    assert find_outlet(f"Caption.\n来源：{credit}\n正文。\n", None) is None


@pytest.mark.parametrize("outlet", ["Reuters", "AFP", "Herald Sun", "新华社", "澎湃新闻"])
def test_a_named_source_is_still_the_outlet(outlet: str) -> None:
    assert not is_credit(outlet)
    assert find_outlet(f"Body first.\nSource: {outlet}\n", None) == outlet


def test_a_credit_as_a_page_site_name_gives_way() -> None:
    article = page_article(Page(text="Body of the story.", reader="visible-text", outlet="Supplied"), "p.html")
    assert article is not None and article.outlet is None


@pytest.mark.parametrize(
    ("line", "outlet", "published"),
    [
        ("中国网 2019-11-25 10:37:31", "中国网", "2019-11-25T10:37:31"),
        ("TNW中文站2016年10月14日07:17", "TNW中文站", "2016-10-14T07:17:00"),
        ("CNNMoney (New York) First published February 1, 2016: 3:08 PM ET", "CNNMoney", "2016-02-01"),
        ("The Daily Mail Updated: 3 March 2016", "The Daily Mail", "2016-03-03"),
        ("March 3, 2016", None, "2016-03-03"),
    ],
)
def test_a_byline_headed_by_an_outlet_is_the_publication_date(line: str, outlet: str | None, published: str) -> None:
    assert outlet_byline(line) == (outlet, published)
    text = f"{line}\nGoogle's DeepMind built a computer that learns from its own memory.\nMore text.\n"
    assert find_published(text) == published
    assert find_title(text, None) == "Google's DeepMind built a computer that learns from its own memory."


@pytest.mark.parametrize("line", ["Apple 2019-11-25", "Revenue rose 5% to 2018-06-21 levels", "北京 2019-11-25"])
def test_a_name_before_a_bare_date_is_no_byline(line: str) -> None:
    assert byline_date(line) is None


def test_a_known_outlet_in_a_closing_byline_is_the_outlet() -> None:
    text = "The U.S. ranks low on mobility.\nThe report was released Monday.\nCNNMoney (New York) First published February 1, 2016: 1:28 AM ET\n"
    article = make_article(text, source="cnn.txt")
    assert article is not None
    assert (article.published, article.outlet, article_outlet(article)) == ("2016-02-01", "CNNMoney", "CNN")


@pytest.mark.parametrize(
    "furniture",
    ["Photo", "PHOTO", "Video", "1 / 5", "(3 of 12)", "EXCLUSIVE", "Breaking:", "© Provided by Business Insider Inc",
     "Copyright 2016 The Associated Press.", "Getty Images", "转播到腾讯微博", "TNW中文站 10月14日报道",
     "A new bill would make providers keep metadata for two years. Source: Supplied",
     "Protesters gather outside parliament on Tuesday. (AFP/Getty Images)", "市民在街头排队。（资料图）",
     "The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters", "Traders at the exchange in Mumbai REUTERS/Danish Siddiqui",
     "In this photo dated Tuesday, Nov. 29, 2016 the rocket is installed on a launch pad in Baikonur.",
     "In this Nov. 3 file photo, voters queue in Ohio.", "File photo of the central bank building in Frankfurt.",
     "People walk past the Bombay Stock Exchange building in Mumbai May 13, 2014.",
     "Firefighters at the scene in Leeds on 4 March 2019.", "图为马素湘在悉尼游玩时的近影。"],
)
def test_page_furniture_is_never_the_title(furniture: str) -> None:
    assert not is_title(furniture)
    text = f"{furniture}\nUN peacekeepers at a refugee camp in South Sudan.\nThe sanctions were lifted.\n"
    assert find_title(text, None) == "UN peacekeepers at a refugee camp in South Sudan."
    article = page_article(Page(text=text, reader="visible-text", title=furniture), "p.html")
    assert article is not None and article.title == "UN peacekeepers at a refugee camp in South Sudan."


@pytest.mark.parametrize("title", [
    "Obama admits gun laws failure", "央行宣布降准", "Brexit", "T", "Trump/Russia probe widens as aides testify",
    "Markets fall on May 13 as rates rise", "In this economy, savers lose", "Sensex ends flat in 2014's last session",
])
def test_a_stated_title_is_kept(title: str) -> None:
    article = make_article("Body text.", source="r.json", title=title)
    assert article is not None and article.title == title
    if " " in title or not title.isascii():
        assert is_title(title)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_metadata_readers_take_any_line(line: str) -> None:
    found = outlet_byline(line)
    assert found is None or (found[1][:4].isdigit() and (found[0] is None or found[0].strip() == found[0] != ""))
    assert isinstance(is_title(line), bool) and isinstance(is_credit(line), bool)
    if line.strip():
        assert find_title(line, None).strip()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["Supplied", "Getty Images", "AFP/Getty", "资料图", "受访者供图"]))
def test_no_text_makes_a_credit_the_outlet(text: str, credit: str) -> None:
    for placed in (f"Source: {credit}\n{text}", f"{text}\n来源：{credit}", f"{text}\nSource:\n{credit}"):
        assert find_outlet(placed, None) != credit


@pytest.mark.parametrize(
    ("line", "outlet"),
    [("中国网 2019-11-25 10:37:31", "China.org.cn"), ("TNW中文站2016年10月14日07:17", "The Next Web"), ("光明网 2019-11-25", "Guangming Daily")],
)
def test_a_chinese_byline_names_a_listed_outlet(line: str, outlet: str) -> None:
    article = make_article(f"{line}\n寒潮来袭，多地气温下降。\n", source="zh.txt")
    assert article is not None and article_outlet(article) == outlet


@pytest.mark.parametrize(
    ("text", "url", "outlet"),
    [
        ("MUMBAI (Reuters) - Shares were flat. Larsen and Toubro (LART.NS) added 0.5 percent.", None, None),
        ("Shares rose, according to a report (nytimes.com).", None, "nytimes.com"),
        ("Headline\n" + "A sentence of the story.\n" * 30 + "SOURCE: Aviation Safety Network; ICAO; WORLD BANK.\n"
         + "More of the story.\n" * 10, None, None),
        ("来源：新浪科技 酷勤网收集 2009-11-01\n正文第一句。", None, "新浪科技"),
        ("A story served from this machine.", "http://127.0.0.1:8000/a.html", None),
        ("A story.", "https://www.example.com/news/a.html", "example.com"),
    ],
)
def test_the_outlet_of_plain_text_is_never_a_ticker_a_chart_credit_a_reposter_or_this_machine(
    text: str, url: str | None, outlet: str | None,
) -> None:
    assert find_outlet(text, url) == outlet
