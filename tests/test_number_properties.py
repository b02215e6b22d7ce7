"""Property tests for the parsers that read outside text: random text never crashes extraction, and any
"<digits>%" is a percentage of exactly that number."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curator.extract import extract_article
from curator.extract.numbers import try_number
from curator.ingest import make_article
from curator.schema import load_schema

_NEWSY = st.sampled_from(
    list("0123456789.,%-/ $¥€£年月日万亿百千十一二三四五六七八九两零点之分个名艘架倍次 ")
    + ["HK$", "US$", "RMB", "percent", " billion", " million", " people", " vessels", " yuan", " pounds", "Q3 ",
       "third quarter", " of ", "at least ", "不低于", "以下", "last Tuesday", "December 30", "autumn of ", "百分之"]
)
_TEXT = st.one_of(st.text(max_size=200), st.lists(_NEWSY, max_size=60).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, published=st.sampled_from([None, "2026-01-03", "2019-09-07"]))
def test_random_text_never_crashes_extraction(text: str, published: str | None) -> None:
    article = make_article(text or "x", source="random.txt", published=published)
    if article is None:
        return
    for c in extract_article(article, load_schema()):
        assert article.text[c.start : c.end] == c.text
        if c.kind in {"money", "percent", "quantity"}:
            assert isinstance(c.value, float)


@settings(max_examples=150, deadline=None)
@given(number=st.integers(min_value=0, max_value=10**9), before=st.sampled_from(["Growth was ", "增长", "", "up "]),
       after=st.sampled_from([".", " this year.", "。", ""]))
def test_any_digits_percent_is_that_number(number: int, before: str, after: str) -> None:
    text = f"{before}{number}%{after}"
    article = make_article(text, source="p.txt")
    assert article is not None
    percents = [c for c in extract_article(article, load_schema()) if c.kind == "percent"]
    assert [(c.text, c.value) for c in percents] == [(f"{number}%", float(number))]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_try_number_never_raises(text: str) -> None:
    value = try_number(text)
    assert value is None or isinstance(value, float)


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


@settings(max_examples=150, deadline=None)
@given(count=st.integers(min_value=2, max_value=9999), measure=st.sampled_from(["个", "种", "块", "座", "项"]),
       noun=st.text(_HAN, min_size=0, max_size=7), end=st.sampled_from(["。", "，", "的", ""]))
def test_a_chinese_count_after_a_measure_word_has_a_unit_from_its_own_words(count: int, measure: str, noun: str,
                                                                              end: str) -> None:
    """Whatever follows the measure word, the unit is a listed one or characters of the counted span itself."""
    text = f"共有{count}{measure}{noun}{end}"
    article = make_article(text, source="q.txt")
    assert article is not None
    units = set(load_schema().raw["nouns"]) | {u for u in load_schema().raw["measures"].values() if u}
    for c in extract_article(article, load_schema()):
        if c.kind == "quantity" and c.text.startswith(str(count)):
            assert c.unit in units or c.unit in c.text[len(str(count)) + 1 :]


@settings(max_examples=100, deadline=None)
@given(number=st.integers(min_value=0, max_value=10**6))
def test_full_width_digits_read_as_their_ascii_twins(number: int) -> None:
    wide = str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    for text, ascii_text in ((f"增长{wide}％。", f"增长{number}%。"), (f"收入{wide}万元。", f"收入{number}万元。")):
        got = [(c.kind, c.value, c.start, c.end) for c in extract_article(make_article(text, source="w.txt"), load_schema())]
        want = [(c.kind, c.value, c.start, c.end) for c in extract_article(make_article(ascii_text, source="w.txt"), load_schema())]
        assert got == want


_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@settings(max_examples=100, deadline=None)
@given(hundreds=st.integers(min_value=0, max_value=9), tens=st.integers(min_value=2, max_value=9),
       units=st.integers(min_value=0, max_value=9))
def test_spelled_counts_read_as_their_number(hundreds: int, tens: int, units: int) -> None:
    words = ([_UNITS[hundreds - 1], "hundred"] if hundreds else []) + [_TENS[tens - 2] + (f"-{_UNITS[units - 1]}" if units else "")]
    article = make_article(f"Officials said {' '.join(words)} people were rescued.", source="n.txt")
    assert article is not None
    counts = [c.value for c in extract_article(article, load_schema()) if c.kind == "quantity"]
    assert counts == [float(hundreds * 100 + tens * 10 + units)]
