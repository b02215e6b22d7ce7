"""Normalised text, shingles and sentence fingerprints (curator.provenance.text)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from curator.provenance.text import normalise, sentence_fingerprint, shingles, tokens


def test_normalise_folds_case_width_punctuation_and_whitespace() -> None:
    assert normalise("  Hello,\n\tWORLD!! ") == "hello world"
    assert normalise("ＡｉｒＡｓｉａ’s  QZ8501") == "airasia s qz8501"
    assert normalise("搭载155名乘客，") == "搭 载 155 名 乘 客"


def test_mixed_text_shingles_words_and_characters() -> None:
    assert tokens("AirAsia航班QZ8501失联") == ["airasia", "航", "班", "qz8501", "失", "联"]
    assert shingles("one two three four five") == {"one two three four", "two three four five"}
    assert shingles("失联客机") == {"失 联 客 机"}
    assert shingles("Hi there") == {"hi there"}
    assert shingles(" !!! ") == {"!!!"} and shingles("???") != shingles("!!!")


def test_sentence_fingerprint_needs_a_meaningful_sentence() -> None:
    long_en = "The aircraft was carrying 162 people, most of them Indonesians."
    assert sentence_fingerprint(long_en) == sentence_fingerprint("the AIRCRAFT was carrying 162 people most of them indonesians")
    assert sentence_fingerprint("The airline said on Sunday.") is None  # five words
    assert sentence_fingerprint("马来西亚亚洲航空公司一架搭载155名乘客的客机") is not None  # 20 characters and a number
    assert sentence_fingerprint("亚航客机失联搜救尚无线索") is None  # 12 characters
    assert sentence_fingerprint(long_en) != sentence_fingerprint(long_en.replace("162", "155"))


@given(st.text())
def test_any_text_normalises_and_shingles(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)
    assert shingles(text)
    fingerprint = sentence_fingerprint(text)
    assert fingerprint is None or len(fingerprint) == 16
