"""A page's publication date comes from its markup (metadata, a stamp), never from a year in its sentences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.ingest.dates import url_date
from curator.ingest.mainhtml import read_html
from curator.pipeline import extract, ingest
from curator.store import open_store

BODY = (
    "<article><h1>Factory output climbs at Delta Corp</h1>"
    "<p>Delta Corp said on Tuesday that output at its plants rose 8% last year, the biggest gain since it opened "
    "its first plant in 2009, according to <a href='https://example.org/2012/11/04/delta.html'>an earlier report</a>.</p>"
    "<p>The company, which employs 1,200 people, said it would spend $50 million on a new line, chief executive "
    "Ann Lee told reporters on the plant floor in the northern city.</p></article>"
)


def page(before: str = "", after: str = "") -> str:
    return f"<html><head><title>Factory output climbs</title></head><body>{before}{BODY}{after}</body></html>"


def test_a_year_in_the_text_or_a_date_in_a_link_is_not_the_publication_date() -> None:
    assert read_html(page()).published is None


def test_without_a_publication_date_a_weekday_gives_no_date_claim(tmp_path: Path) -> None:
    (tmp_path / "delta.html").write_text(page(), encoding="utf-8")
    with open_store(tmp_path / "c.db") as store:
        ingest(store, [tmp_path / "delta.html"])
        extract(store)
        dates = [c.value for c in store.candidates() if c.kind == "date"]
    assert "2008-12-30" not in dates and all(not d.startswith("2009-01") for d in dates)


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ('<div id="ArtFrom"><a href="/">ent.QQ.com</a>\u3000 2009年11月09日11:30 \u3000<a href="/m">腾讯音乐</a></div>',
         "2009-11-09T11:30:00"),
        ('<div class="title_blow">来源：本站原创&nbsp;作者：药剂党支部<br>时间：2019年10月31日 23:00&nbsp;&nbsp;浏览：</div>',
         "2019-10-31T23:00:00"),
        ("<p>Posted 12 March 2021</p>", "2021-03-12"),
    ],
)
def test_a_stamp_with_a_time_or_a_label_in_unmarked_markup_is_the_publication_date(stamp: str, published: str) -> None:
    assert read_html(page(before=stamp)).published == published


def test_bare_dates_of_related_links_are_not_the_publication_date() -> None:
    related = "<ul><li><a href='/a'>Delta opens plant</a> 2014-05-13</li><li><a href='/b'>Output falls</a> 2014-05-12</li></ul>"
    assert read_html(page(after=related)).published is None


@pytest.mark.parametrize(
    ("url", "published"),
    [
        ("https://tech.sina.com.cn/t/2019-09-07/doc-iicezueu4127477.shtml", "2019-09-07"),
        ("https://www.example.com/news/2016/10/14/delta-output.html", "2016-10-14"),
        ("https://news.example.cn/a/20091109/000123.htm", "2009-11-09"),
        ("https://www.example.com/news/delta-output-2009", None),
        ("https://www.example.com/2019/13/45/x.html", None),
    ],
)
def test_an_articles_own_address_gives_its_date_when_the_page_states_none(url: str, published: str | None) -> None:
    stated = page().replace("<head>", f'<head><link rel="canonical" href="{url}">')
    assert read_html(stated).published == published


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_address_gives_a_valid_date_or_none(rest: str) -> None:
    found = url_date("https://example.com/" + rest)
    assert found is None or date.fromisoformat(found)
