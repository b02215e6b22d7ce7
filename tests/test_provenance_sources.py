"""Independent sources and syndicated copy (curator.provenance.sources, curator.provenance.syndication)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from curator.provenance.outlets import outlet_from_dateline
from curator.provenance.sources import Evidence, count_sources
from curator.provenance.stories import StoryIndex
from curator.provenance.syndication import Placement, SyndicationIndex, copy_fingerprint

DATA = Path(__file__).resolve().parent / "data"
CNN = (DATA / "news" / "en_cnn_airasia_breaking.txt").read_text(encoding="utf-8")
DAY2 = (DATA / "provenance" / "wire_search_day2.txt").read_text(encoding="utf-8")
DAY3 = (DATA / "provenance" / "wire_search_day3.txt").read_text(encoding="utf-8")
ZH = (DATA / "news" / "zh_airasia_caption.txt").read_text(encoding="utf-8")
CARRYING = "The aircraft was carrying 162 people, most of them Indonesians, including 16 children and one infant"


def _line(text: str, start: str) -> str:
    return next(line for line in text.split("\n") if line.startswith(start))


def test_four_copies_of_one_text_are_one_source() -> None:
    stories = StoryIndex()
    names = ["a.txt", "b.txt", "c.txt", "e.html"]
    texts = [CNN, CNN + "\n\n", CNN + " ", "".join(f"<p>{line}</p>" for line in CNN.split("\n"))]
    evidence = [Evidence(name, stories.add(name, text), None, copy_fingerprint(_line(CNN, "Missing")))
                for name, text in zip(names, texts)]
    count = count_sources(evidence)
    assert (count.sources, count.article_count, count.outlets) == (1, 4, ())
    assert count.syndicated == (False,) * 4  # copies within one story are not syndication
    assert not count.corroborated


def test_one_outlet_reusing_background_in_two_stories_is_one_source() -> None:
    stories, copy = StoryIndex(), SyndicationIndex()
    for name, text in (("day2", DAY2), ("day3", DAY3)):
        outlet = outlet_from_dateline(text)
        assert outlet == "Reuters"
        copy.add_article(name, text.split("\n"), Placement(stories.add(name, text), outlet))
    fingerprint = copy_fingerprint(_line(DAY2, CARRYING))
    assert copy.is_syndicated(fingerprint) and copy.copies(fingerprint) == ("day2", "day3")
    assert copy.outlets(fingerprint) == ("Reuters",)
    assert not copy.is_syndicated(copy_fingerprint(_line(DAY2, "Navy ships")))  # day two's own news
    assert len(copy.syndicated_in("day3")) == 3  # the three background paragraphs

    evidence = [Evidence("day2", "day2", "Reuters", fingerprint), Evidence("day3", "day3", "Reuters", fingerprint)]
    count = count_sources(evidence, copy.syndicated_in("day2"))
    assert (count.sources, count.article_count, count.outlets, count.syndicated) == (1, 2, ("Reuters",), (True, True))

    reloaded = SyndicationIndex.load(copy.rows(), {"day2": Placement("day2", "Reuters"), "day3": Placement("day3", "Reuters")})
    assert reloaded.rows() == copy.rows() and reloaded.is_syndicated(fingerprint)
    reloaded.place("day3", Placement("day2", "Reuters"))  # were they one story, the repeat would not be copy
    assert not reloaded.is_syndicated(fingerprint) and copy.is_syndicated(fingerprint)


def test_the_airliner_cluster_counts_outlets_not_articles() -> None:
    """162 people on board: Reuters twice (reused copy), CNN once, the Chinese wire report not (it says 155)."""
    evidence = [
        Evidence("day2", "day2", "Reuters", copy_fingerprint(_line(DAY2, CARRYING))),
        Evidence("day3", "day3", "Reuters", copy_fingerprint(_line(DAY3, CARRYING))),
        Evidence("cnn", "cnn", outlet_from_dateline(CNN), copy_fingerprint(_line(CNN, "Missing AirAsia"))),
    ]
    count = count_sources(evidence)
    assert (count.sources, count.article_count, count.outlets) == (2, 3, ("CNN", "Reuters"))
    assert count.syndicated == (True, True, False) and count.source_of == (0, 0, 1)
    assert count.corroborated


def test_wire_copy_run_by_two_outlets_counts_once() -> None:
    sentence = "JAKARTA (Reuters) - Indonesian rescuers pulled bodies and wreckage from the sea off Borneo on Tuesday."
    rerun = "Indonesian rescuers pulled bodies and wreckage from the sea off Borneo on Tuesday."  # credit dropped
    assert copy_fingerprint(sentence) == copy_fingerprint(rerun)
    evidence = [
        Evidence("r", "r", "Reuters", copy_fingerprint(sentence)),
        Evidence("y", "y", "Yahoo News", copy_fingerprint(rerun)),
        Evidence("x", "x", "Xinhua", copy_fingerprint("印尼搜救人员周二从婆罗洲附近海域打捞出遗体和飞机残骸，搜救工作仍在继续进行中。")),
    ]
    count = count_sources(evidence)
    assert (count.sources, count.outlets, count.syndicated) == (2, ("Reuters", "Xinhua", "Yahoo News"), (True, True, False))


def test_articles_without_outlet_count_by_story() -> None:
    evidence = [Evidence("a", "s1"), Evidence("b", "s1"), Evidence("c", "s2"), Evidence("d")]
    count = count_sources(evidence)
    assert (count.sources, count.article_count, count.outlets) == (3, 4, ())
    assert count.source_of == (0, 0, 1, 2)


def test_one_story_run_by_two_outlets_counts_once_and_nothing_counts_zero() -> None:
    count = count_sources([Evidence("a", "s", "AFP"), Evidence("b", "s", "Le Monde")])
    assert (count.sources, count.outlets) == (1, ("AFP", "Le Monde"))
    empty = count_sources([])
    assert (empty.sources, empty.article_count, empty.outlets, empty.corroborated) == (0, 0, (), False)


def test_syndication_known_from_the_whole_corpus_is_marked() -> None:
    count = count_sources([Evidence("a", "a", "CNN", "f1"), Evidence("b", "b", "BBC", "f2")], syndicated={"f2"})
    assert (count.sources, count.syndicated) == (2, (False, True))


_EVIDENCE = st.lists(st.builds(
    Evidence,
    st.sampled_from("abcdef"),
    st.none() | st.sampled_from(["s1", "s2", "s3"]),
    st.none() | st.sampled_from(["Reuters", "CNN", "AP"]),
    st.none() | st.sampled_from(["f1", "f2"]),
), max_size=8)


@given(_EVIDENCE, st.randoms())
def test_counts_do_not_depend_on_order_and_never_exceed_articles(evidence: list[Evidence], rng) -> None:  # type: ignore[no-untyped-def]
    count = count_sources(evidence)
    shuffled = list(evidence)
    rng.shuffle(shuffled)
    again = count_sources(shuffled)
    assert (again.sources, again.article_count, again.outlets) == (count.sources, count.article_count, count.outlets)
    assert count.sources <= count.article_count and count.sources <= len({e.outlet for e in evidence if e.outlet}) + len(
        {e.story_id or e.article_id for e in evidence if not e.outlet})


def test_copy_is_credited_to_its_original_teller_and_its_carriers_are_named_apart() -> None:
    """Yahoo runs Reuters' sentence a day later; CNN tells the figure in its own words."""
    wire = copy_fingerprint(CARRYING)
    evidence = [
        Evidence("yahoo", "yahoo", "Yahoo News", wire, "2014-12-31"),
        Evidence("reuters", "reuters", "Reuters", wire, "2014-12-30T08:00:00Z"),
        Evidence("cnn", "cnn", "CNN", copy_fingerprint("CNN says the plane had 162 people on board when it vanished."),
                 "2014-12-30"),
    ]
    count = count_sources(evidence)
    assert (count.sources, count.outlets) == (2, ("CNN", "Reuters", "Yahoo News"))
    assert (count.tellers, count.carriers) == (("CNN", "Reuters"), ("Yahoo News",))
    undated = count_sources([Evidence("a", "a", "Daily Ledger", wire), Evidence("b", "b", "Morning Wire", wire)])
    assert (undated.tellers, undated.carriers) == (("Daily Ledger",), ("Morning Wire",))  # no dates: the first given


def test_one_outlet_spelled_two_ways_is_one_source_shown_in_its_own_spelling() -> None:
    evidence = [Evidence("a", "a", "EXAMPLE DAILY"), Evidence("b", "b", "Example Daily"), Evidence("c", "c", "example daily")]
    count = count_sources(evidence)
    assert (count.sources, count.outlets, count.tellers, count.carriers) == (1, ("Example Daily",), ("Example Daily",), ())
