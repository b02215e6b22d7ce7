"""Search snippets: the match whole between brackets, the text around it cut between user-perceived characters."""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.ingest import make_article
from curator.snippet import cells, snippet
from curator.store import open_store

LATE = "Officials said the harbour ferry was carrying 162 people"
"""FTS5's own snippet of ``"162 people"`` here ends its window inside the phrase: ``carrying [162 ]…``."""


def test_a_phrase_near_the_end_of_the_window_is_shown_whole(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.add_articles([make_article(LATE + ". Rescue teams worked through the night.", source="ferry.txt")])  # type: ignore[list-item]
        [hit] = store.search_articles('"162 people"')
    assert hit.snippet == "…ferry was carrying [162 people]. Rescue teams worked through the night."


def test_the_match_keeps_its_own_case_and_the_text_around_it_is_cut_by_cells() -> None:
    assert snippet(LATE, ["162 PEOPLE"]) == "…ferry was carrying [162 people]"
    assert snippet(LATE, ["harbour"], before=4, after=6) == "…the [harbour] ferry…"
    # Chinese characters take two cells each: ten cells before the match are five characters.
    assert snippet("据官员称，这艘超载的渡轮载有162名乘客和船员，其中多人获救。", ["162名乘客"], before=10, after=8) == (
        "…的渡轮载有[162名乘客]和船员，…"
    )


def test_wide_characters_emoji_sequences_and_accents_are_never_split() -> None:
    family = "👨\u200d👩\u200d👧"
    text = f"{family}{family} cafe\u0301 [162 people] 🇯🇵🇯🇵 ok"
    shown = snippet(text, ["162"], before=7, after=3)
    assert shown == "…cafe\u0301 [[162] pe…"
    assert snippet(text, ["cafe"]).startswith(f"{family}{family} [cafe\u0301]")  # the accent stays on its letter
    assert snippet(text, ["ok"], before=5, after=0) == "…🇯🇵🇯🇵 [ok]"
    assert (cells("中"), cells("a"), cells("e\u0301"), cells(family), cells("\u0301"), cells("🇯🇵"), cells("❤\ufe0f")) == (
        2, 1, 1, 2, 0, 2, 2
    )


def test_no_term_found_is_empty() -> None:
    assert snippet("nothing here", ["162"]) == "" and snippet("nothing here", [""]) == ""


TEXT = st.text(alphabet=st.sampled_from([*"ab c.", "中", "文", "🤖", "\u0301", "\u200d", "👨", "🇯", "🇵", "\ufe0f", "\n"]), max_size=300)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, data=st.data())
def test_any_match_is_whole_and_every_cut_falls_between_clusters(text: str, data: st.DataObject) -> None:
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    term = text[start : data.draw(st.integers(start + 1, min(len(text), start + 12)))]
    shown = snippet(text, [term])
    body = shown.removeprefix("…").removesuffix("…")
    before, _, rest = body.partition("[")
    matched, _, after = rest.rpartition("]")
    assert term.casefold() in matched.casefold()
    # Each piece is a run of the text's own clusters: no cut (nor bracket) falls inside a user-perceived character.
    whole = "\0" + "\0".join(regex.findall(r"\X", text)) + "\0"
    pieces = [regex.findall(r"\X", piece) for piece in (before, matched, after)]
    assert "\0" + "\0".join(c for piece in pieces for c in piece) + "\0" in whole
