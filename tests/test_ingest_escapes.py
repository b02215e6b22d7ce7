"""Terminal escape sequences go whole from stored text and metadata: no ``]0;PWNED`` or ``[31m`` left behind."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from curator.ingest import make_article, strip_controls

SEQUENCES = [
    "\x1b]0;PWNED\x07",  # OSC: set the window title, BEL-terminated
    "\x1b]52;c;aGVsbG8=\x1b\\",  # OSC 52 (clipboard), ST-terminated
    "\x1b[31m",  # CSI: red
    "\x1b[2J",  # CSI: clear the screen
    "\x1b[?1049h",  # CSI with a private parameter
    "\x1bc",  # RIS: a two-byte escape sequence
    "\x1b(B",  # designate a character set: ESC, an intermediate, a final byte
    "\x9b31m",  # C1 CSI
    "\x9d0;PWNED\x9c",  # C1 OSC with the C1 string terminator
    "\x1bPq#0;2;0;0;0\x1b\\",  # DCS (sixel)
]

PLAIN = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029"), max_size=30)


def test_the_testers_title_keeps_no_residue() -> None:
    article = make_article("Body text.", source="x.txt", title="\x1b]0;PWNED\x07\x1b[31mRed title\x1b[0m")
    assert article is not None and article.title == "Red title"


def test_every_metadata_field_is_cleaned() -> None:
    article = make_article(
        "Body text.",
        source="a\x1b[2Jb.txt",
        title="T",
        url="https://example.com/\x1b]0;x\x07a",
        outlet="\x1b[1mDaily\x1b[0m News",
        published="\x1b[31m2016-03-03",
        authors=("\x9b31mAna Sato",),
    )
    assert article is not None
    assert (article.source, article.url, article.outlet, article.published, article.authors) == (
        "ab.txt", "https://example.com/a", "Daily News", "2016-03-03", ("Ana Sato",)
    )


def test_an_unterminated_osc_ends_at_the_line_and_a_lone_c1_takes_nothing_along() -> None:
    assert strip_controls("\x1b]0;title never ended\nNext line.") == ("\nNext line.", 1)
    assert strip_controls("mis\x9ddecoded ” text") == ("misdecoded ” text", 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PLAIN, st.sampled_from(SEQUENCES)), min_size=1))
def test_sequences_go_whole_and_count_once(parts: list[str]) -> None:
    cleaned, removed = strip_controls("".join(parts))
    plain = [p for p in parts if p not in SEQUENCES]
    assert cleaned == "".join(plain)
    assert removed == len(parts) - len(plain)
