"""Plain text hard-wrapped at some 70 columns: a line break inside a paragraph ends no sentence and splits no name;
a blank line, a headline and a line that ends a sentence still do."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from curator.extract import extract_article
from curator.extract.sentences import split_sentences
from curator.ingest import make_article
from curator.schema import load_schema

WRAPPED = """Robot maker raises seed money

The startup Acme Robotics said on Monday it raised $5 million in seed
funding from investors led by Globex Ventures. Its chief executive, Eloise
Parry, said the money would pay for a factory. "We are hiring," said Mr.
Parry's deputy.

A second paragraph wraps only once, at the end of the
line.
"""


def test_a_wrapped_paragraph_reads_as_its_sentences() -> None:
    assert [s.text for s in split_sentences(WRAPPED)] == [
        "Robot maker raises seed money",
        "The startup Acme Robotics said on Monday it raised $5 million in seed funding from investors led by Globex"
        " Ventures.",
        "Its chief executive, Eloise Parry, said the money would pay for a factory.",
        '"We are hiring," said Mr. Parry\'s deputy.',
        "A second paragraph wraps only once, at the end of the line.",
    ]


def test_a_name_wrapped_across_lines_is_whole() -> None:
    article = make_article(WRAPPED, source="t.txt")
    assert article is not None
    found = {(str(c.value), str(c.unit)) for c in extract_article(article, load_schema()) if c.kind == "entity"}
    assert ("Eloise Parry", "person") in found and ("Acme Robotics", "organisation") in found


def test_lines_of_a_list_or_a_headline_stay_apart() -> None:
    text = (
        "AirAsia jet goes missing\n(CNN) -- [Breaking news update, posted at 12:51 a.m. ET]\n"
        "Before communication was lost, the airline said in a statement.\niPhone sales fell in March\n"
    )
    assert [s.text for s in split_sentences(text)] == [
        "AirAsia jet goes missing",
        "(CNN) -- [Breaking news update, posted at 12:51 a.m. ET]",
        "Before communication was lost, the airline said in a statement.",
        "iPhone sales fell in March",
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab Ab. ,\n\n的。"), max_size=30), max_size=8).map("\n".join))
def test_sentences_keep_their_offsets(text: str) -> None:
    """A sentence is its span of the text, a wrapping line break read as a space; spans are in order, disjoint."""
    end = 0
    for s in split_sentences(text):
        assert s.text == text[s.start : s.end].replace("\n", " ") and s.text.strip() == s.text and s.start >= end
        end = s.end
