"""Near-duplicate articles become one story (curator.provenance.stories)."""

from __future__ import annotations

import random
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.errors import CuratorError
from curator.provenance.stories import (
    ANCHORS, MIN_ANCHORS, Fingerprint, StoryIndex, anchor_containment, fingerprint, same_story, similarity,
)
from curator.provenance.text import anchors

DATA = Path(__file__).resolve().parent / "data"
NEWS = DATA / "news"
WIRE = DATA / "provenance"


class _VisibleText(HTMLParser):
    """Every text node outside script and style: the page as a browser would show it, furniture included."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in {"script", "style"}

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in {"script", "style"} and self._hidden > 0

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(path: Path) -> str:
    parser = _VisibleText()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parser.parts)


CNN = (NEWS / "en_cnn_airasia_breaking.txt").read_text(encoding="utf-8")


def test_copies_differing_in_whitespace_and_markup_are_one_story() -> None:
    index = StoryIndex()
    stories = {
        index.add("a.txt", CNN),
        index.add("b.txt", CNN + "\n\n"),
        index.add("c.txt", CNN + " "),
        # the markup left in: a stricter case than ingest, which keeps only the visible text
        index.add("e.html", "".join(f"<p>{line}</p>" if line else "" for line in CNN.split("\n"))),
    }
    assert stories == {"a.txt"}
    assert index.stories() == {"a.txt": ("a.txt", "b.txt", "c.txt", "e.html")}


def test_two_captures_of_one_bbc_page_are_one_story() -> None:
    first = visible_text(NEWS / "zh_bbc_hk_leung.html")
    second = visible_text(NEWS / "zh_bbc_hk_leung_copy2.html")
    assert first != second  # the side boxes and headlines around the article differ
    index = StoryIndex()
    assert index.add("bbc-2013", first) == "bbc-2013"
    assert index.add("bbc-2014", second) == "bbc-2013"


def test_article_plus_correction_and_side_box_is_the_same_story() -> None:
    body = (WIRE / "wire_search_day2.txt").read_text(encoding="utf-8")
    amended = (
        body
        + "\nCorrection: an earlier version of this story misstated the distance from Pangkalan Bun.\n"
        + "Related coverage: Timeline of the search | Who was on board | Photos from Surabaya | Airline statement\n"
    )
    index = StoryIndex()
    index.add("original", body)
    assert index.add("amended", amended) == "original"


def test_one_outlets_two_stories_sharing_background_paragraphs_stay_apart() -> None:
    day2 = (WIRE / "wire_search_day2.txt").read_text(encoding="utf-8")
    day3 = (WIRE / "wire_search_day3.txt").read_text(encoding="utf-8")
    jaccard, containment = similarity(fingerprint("d2", day2), fingerprint("d3", day3))
    assert 0.1 < jaccard < 0.45 and containment < 0.6  # they do share text, just not enough
    index = StoryIndex()
    assert index.add("day2", day2) == "day2"
    assert index.add("day3", day3) == "day3"


def test_different_stories_on_one_event_and_unrelated_pages_are_not_linked() -> None:
    index = StoryIndex()
    pages = {
        "cnn": CNN,
        "reuters": visible_text(NEWS / "en_reuters_airasia_bodies.html"),
        "zh": (NEWS / "zh_airasia_caption.txt").read_text(encoding="utf-8"),
        "day2": (WIRE / "wire_search_day2.txt").read_text(encoding="utf-8"),
        "parasite": visible_text(NEWS / "en_reuters_parasite.html"),
        "qq": visible_text(NEWS / "zh_qq_deepmind.html"),
        "bbc": visible_text(NEWS / "zh_bbc_hk_leung.html"),
    }
    assert [index.add(name, text) for name, text in pages.items()] == list(pages)


def test_split_pairs_are_honoured_when_recorded_and_when_loaded() -> None:
    index = StoryIndex()
    index.add("a", CNN + "\nRelated: Timeline of the search | Who was on board | Photos from Surabaya | Statement")
    index.add("b", CNN)
    index.add("c", CNN)
    assert index.stories() == {"a": ("a", "b", "c")}
    assert index.split("b", "a") == {"b": "b", "c": "b"}  # c is closest to b (identical)
    assert index.stories() == {"a": ("a",), "b": ("b", "c")}
    assert index.split("a", "b") == {}
    assert index.splits == frozenset({("a", "b")})
    reloaded = StoryIndex.load(index.fingerprints(), index.splits)
    assert reloaded.stories() == index.stories()
    with pytest.raises(CuratorError, match="cannot be split from itself"):
        index.split("a", "a")


def test_split_recorded_before_the_articles_arrive() -> None:
    index = StoryIndex(splits=[("x", "y")])
    assert index.add("x", CNN) == "x"
    assert index.add("y", CNN) == "y"
    assert index.add("z", CNN) == "x"


def test_fingerprints_are_plain_data_and_damage_is_reported() -> None:
    fp = fingerprint("id1", CNN)
    assert isinstance(fp.signature, bytes) and fp.size > 100
    assert 512 + 4 * MIN_ANCHORS <= len(fp.signature) <= 512 + 4 * ANCHORS and len(fp.signature) % 4 == 0  # MinHash, anchors
    assert fingerprint("id1", CNN) == fp  # deterministic across calls (and processes: fixed seed)
    index = StoryIndex()
    with pytest.raises(CuratorError, match="article bad .* damaged"):
        index.add_fingerprint(Fingerprint("bad", fp.signature[:100], fp.size))
    assert index.stories() == {}


def test_adding_an_article_again_keeps_its_story() -> None:
    index = StoryIndex()
    index.add("a", CNN)
    assert index.add("a", "something else entirely") == "a"
    assert index.stories() == {"a": ("a",)}


@pytest.mark.slow
def test_ten_thousand_articles_need_few_verifications() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(5000)]
    index = StoryIndex()
    originals: list[list[str]] = []
    for number in range(10_000):
        if number % 10 == 9:  # a copy of an earlier article with one word changed
            words = list(rng.choice(originals))
            words[rng.randrange(len(words))] = "changed"
        else:
            words = [rng.choice(vocabulary) for _ in range(30)]
            originals.append(words)
        index.add(f"n{number:05d}", " ".join(words))
    assert len(index.stories()) == 9_000
    assert index.verifications < 1_500  # one per copy, and few false candidates; all pairs would be 5e7


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_identical_texts_always_share_a_story(text: str) -> None:
    index = StoryIndex()
    first = index.add("first", text)
    assert index.add("second", text) == first == "first"


# One earnings-release template filled for two companies: long shared boilerplate, so the texts pass as near
# duplicates, but what differs is every name and number of the lead.
TEMPLATE = (
    "{co} ({ex}: {tk}) said on Tuesday its third-quarter revenue rose {p}% to ${r} billion, beating analyst estimates. "
    "Shares of {co} rose {s}% in after-hours trading. The company, based in {city}, employs {n} people. "
    "This press release contains forward-looking statements within the meaning of the Private Securities Litigation "
    "Reform Act of 1995. Such statements are subject to risks and uncertainties, including those described in the "
    "company's filings with the Securities and Exchange Commission. Actual results may differ materially from those "
    "projected. The company undertakes no obligation to update any forward-looking statement. For more information, "
    "visit the Investor Relations section of the company's website or contact Investor Relations by phone."
)
ACME = TEMPLATE.format(co="Acme Corp", ex="NYSE", tk="ACM", p=12, r="1.2", s=3, city="Denver", n="4,500")
GLOBEX = TEMPLATE.format(co="Globex Inc", ex="NASDAQ", tk="GBX", p=8, r="3.4", s=5, city="Chicago", n="12,000")


def test_templated_briefs_about_different_companies_are_different_stories() -> None:
    a, b = fingerprint("acme", ACME), fingerprint("globex", GLOBEX)
    jaccard, containment = similarity(a, b)
    assert jaccard >= 0.45 and containment >= 0.6  # as text alone they would be one story
    assert not same_story(a, b)
    index = StoryIndex()
    assert [index.add("acme", ACME), index.add("globex", GLOBEX), index.add("acme-copy", ACME + "\nRelated: Markets")] \
        == ["acme", "globex", "acme"]


def test_names_and_numbers_are_the_anchors() -> None:
    found = anchors("Acme Corp (NYSE: ACM) hired 4,500 people in Denver. The firm said so. 据报道，共有3人。")
    assert found == {"corp", "nyse", "acm", "4500", "denver", "3"}  # not "Acme" or "The": they start a sentence
    assert anchor_containment(fingerprint("x", "短文。"), fingerprint("y", "短文。")) is None  # too few: not used


def test_a_fingerprint_stored_before_anchors_still_places_its_article() -> None:
    old = fingerprint("old", ACME)
    old = Fingerprint("old", old.signature[:512], old.size)
    index = StoryIndex.load([old])
    assert index.add("copy", ACME) == "old"  # no anchors on one side: the text decides, as before


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_anchors_take_any_text(text: str) -> None:
    found = anchors(text)
    assert all(a and a == a.casefold() and "," not in a for a in found)
    assert same_story(fingerprint("a", text), fingerprint("b", text))
