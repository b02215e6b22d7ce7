"""Outlet names and datelines (curator.provenance.outlets, schema/outlets.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curator.errors import CuratorError
from curator.ingest.pagemeta import saved_from
from curator.pipeline import ingest
from curator.provenance.outlets import canonical_outlet, find_dateline, outlet_from_dateline, outlet_table, strip_dateline
from curator.store import Store

NEWS = Path(__file__).resolve().parent / "data" / "news"


@pytest.mark.parametrize(("name", "outlet"), [
    ("Reuters", "Reuters"), ("reuters.com", "Reuters"), ("Thomson Reuters", "Reuters"), ("路透社", "Reuters"),
    ("https://www.reuters.com/article/us-indonesia-airplane", "Reuters"),
    ("CNN", "CNN"), ("cnn.com", "CNN"), ("edition.cnn.com", "CNN"), ("  C N N ", "CNN"),
    ("BBC News 中文", "BBC"), ("bbc.com/zhongwen", "BBC"), ("BBC中文网 - 两岸三地", "BBC"), ("news.bbc.co.uk", "BBC"),
    ("The Associated Press", "Associated Press"), ("AP", "Associated Press"), ("新華社", "Xinhua"),
    ("中新网", "China News Service"), ("ＲＥＵＴＥＲＳ", "Reuters"), ("Reuters | Breaking International News", "Reuters"),
    ("news.example.co.uk", "example.co.uk"), ("HTTP://Blog.Example.com/x?y=1", "example.com"),
    ("The  Jakarta   Post", "The Jakarta Post"), ("U.S.", "U.S."), ("Example Daily", "Example Daily"), ("Amazon.com", "amazon.com"), ("news.cn.", "Xinhua"),
    ("http://127.0.0.1:8765/a.html", None), ("localhost", None), ("http://[::1]:8000/x", None), ("10.0.0.7", None),
    ("", None), ("   ", None), (None, None),
])
def test_canonical_outlet(name: str | None, outlet: str | None) -> None:
    assert canonical_outlet(name) == outlet


@pytest.mark.parametrize(("text", "outlet"), [
    ("(CNN) -- An AirAsia jet with 162 people on board", "CNN"),
    ("JAKARTA (Reuters) - Indonesian rescuers", "Reuters"),
    ("SURABAYA, Indonesia/JAKARTA (Reuters) - Indonesian rescuers", "Reuters"),
    ("WASHINGTON (AP) — The Senate voted", "Associated Press"),
    ("LONDON, March 3 (Reuters) - Britain's economy", "Reuters"),
    ("新华社北京6月21日电（记者 王某）国务院", "Xinhua"),
    ("（中央社）台湾今天", "Central News Agency"),
    ("(中央社)", "Central News Agency"),
    ("中新网6月21日电 据报道", "China News Service"),
    ("据新华社北京6月21日电 国务院", "Xinhua"),
    ("Bloomberg -- Shares of SoftBank", "Bloomberg"),
    ("Headline of the story\n\nTOKYO (Kyodo) -- Japan's", "Kyodo News"),
    ("SEOUL (Local Wire) - Something", "Local Wire"),
    ("Meanwhile -- the markets", None),
    ("The minister said (Reuters) - nothing", None),
    ("本报北京6月21日电 记者", None),
    ("证券时报e公司讯，天奇股份9月26日晚间公告", "Securities Times"),
    ("新京报讯（记者 李明）昨日", "新京报"),
    ("中新网讯，近日", "China News Service"),
    ("本报讯 昨日", None),
    ("他说的资讯，不是", None),
    ("No dateline at all.", None),
    ("WINSTON-SALEM, N.C. (AP) — A", "Associated Press"),
    ("AB" + "-a" * 60 + " x", None),  # once took exponential time
    ("\n" * 40 + "x" * 2000 + "\n(CNN) -- too far down", None),
])
def test_outlet_from_dateline(text: str, outlet: str | None) -> None:
    assert outlet_from_dateline(text) == outlet


def test_the_cnn_page_has_its_dateline_below_the_headline() -> None:
    assert outlet_from_dateline((NEWS / "en_cnn_airasia_breaking.txt").read_text(encoding="utf-8")) == "CNN"


def test_strip_dateline_only_at_the_start() -> None:
    assert strip_dateline("JAKARTA (Reuters) - Rescuers found debris.") == "Rescuers found debris."
    assert strip_dateline("新华社北京6月21日电 国务院总理说") == "国务院总理说"
    assert strip_dateline("He told (Reuters) - nothing.") == "He told (Reuters) - nothing."


def test_table_names_every_outlet_once() -> None:
    table = outlet_table()
    assert table.names["reuters"] == "Reuters" and table.domains["cnn.com"] == "CNN"


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("outlets: [a]", "outlets must be a mapping"),
    ("outlets:\n  A: {names: A}", r"outlets\.A\.names must be a list of strings"),
    ("outlets:\n  A: {names: [X]}\n  B: {names: [x]}", r"outlets\.B\.names repeats 'x', already a name of A"),
    ("outlets:\n  A: {domains: [a.com]}\n  B: {domains: [A.com]}", r"outlets\.B\.domains has 'A.com'"),
    ("outlets:\n  A: {site: [a]}", r"outlets\.A\.site is not a known field"),
    ("outlets: {A: [", "is not valid YAML at line 1"),
])
def test_a_malformed_table_is_refused_naming_file_and_key(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = tmp_path / "outlets.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(CuratorError, match=f"{path}.*{message}" if "YAML" not in message else message):
        outlet_table(path)


@given(st.text(max_size=400))
def test_any_text_is_safe(text: str) -> None:
    dateline = find_dateline(text)
    assert dateline is None or 0 <= dateline.start < dateline.end <= len(text)
    assert isinstance(canonical_outlet(text), (str, type(None)))
    assert isinstance(strip_dateline(text), str)


@pytest.mark.parametrize(("head", "url"), [
    ("<!--https://www.thepaper.cn/newsDetail_forward_7732983-->\n<html>", "https://www.thepaper.cn/newsDetail_forward_7732983"),
    ("<!DOCTYPE html>\n<!-- saved from url=(0043)https://news.163.com/19/0907/x.html -->\n<html>", "https://news.163.com/19/0907/x.html"),
    ("<!-- saved from url=(0014)about:internet -->\n<html>", None),
    ("<html><head><!--https://example.com/ad--></head>", None),  # a comment inside the page is not its address
    ("<!--[if lt IE 9]><script></script><![endif]-->", None),
])
def test_a_saved_page_states_its_address_in_a_leading_comment(head: str, url: str | None) -> None:
    assert saved_from(head) == url


def test_pages_that_state_no_outlet_get_one_from_their_stated_address_and_never_a_guess(store: Store) -> None:
    ingest(store, [NEWS / "zh_thepaper_lancet.html", NEWS / "zh_163_longfor.html", NEWS / "zh_qq_deepmind.html"])
    placed = store.placements()
    outlets = {a.source: placed[a.id].outlet for a in store.articles()}
    assert outlets == {"zh_thepaper_lancet.html": "The Paper", "zh_163_longfor.html": None, "zh_qq_deepmind.html": None}
