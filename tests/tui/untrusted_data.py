"""A database of hostile outside text: markup-like titles, a bracketed reviewer name, ESC sequences in the text.

Also a reader of what the review screen would write to the terminal, so tests
can look for control bytes in the real output rather than in widget state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from review_data import _article, _candidate
from textual.app import App

from curator.decisions import record_decisions
from curator.models import Article, Candidate, Claim, Corroboration
from curator.store import open_store

OSC_TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
OSC52 = "\x1b]52;c;ZWNobyBoaQ==\x07"

BRACKET_TITLE = "Discussion [/r/investing]: Orbis fund"
CLICK_TITLE = "[@click=app.quit]x[/]"
BRACKET_REVIEWER = "[b]eve[/b]"

TEXTS = [
    f"{BRACKET_TITLE}\nOrbis raised $5 million{OSC_TITLE} in 2024, the fund{CLEAR} manager said.",
    f"{CLICK_TITLE}\nThe fund lost 10% of its value{OSC52} in [red]March[/red].",
]


@dataclass
class UntrustedData:
    path: Path
    articles: list[Article]
    candidates: list[Candidate]


def build_untrusted_db(path: Path) -> UntrustedData:
    bracket = _article("bracket.txt", TEXTS[0], "en", outlet="[i]outlet[/i]")
    click = _article("click.txt", TEXTS[1], "en")
    money = _candidate(bracket, "money", "$5 million", 5e6, "USD", statement=f"Orbis raised $5 million{OSC_TITLE}")
    percent = _candidate(click, "percent", "10%", 10, "%", subject="[b]the fund[/b]", statement="The fund lost 10% [@click=app.quit]")
    with open_store(path) as store:
        store.add_articles([bracket, click])
        store.save_extraction(bracket.id, [money])
        store.save_extraction(click.id, [percent])
        store.replace_claims([
            Claim("cl-pct", "percent", percent.subject, percent.statement, 10, "%", None, Corroboration.SINGLE_SOURCE, 1,
                  (percent.id,), ()),
        ])
        record_decisions(store, "accept", [percent.id], BRACKET_REVIEWER, note=f"checked{CLEAR} [/note]")
    return UntrustedData(path, [bracket, click], [money, percent])


_OUR_SEQUENCES = re.compile(r"\x1b\[[0-9;:?]*[A-Za-z]")
"""Cursor moves and colours (CSI ... letter) that Textual writes itself."""


def terminal_output(app: App[None]) -> str:
    """Everything a full redraw of the current screen writes to the terminal."""
    return app.screen._compositor.render_update(full=True).render_segments(app.console)


def stray_controls(output: str) -> list[str]:
    """Control characters left once Textual's own CSI sequences are taken out (newlines are layout)."""
    rest = _OUR_SEQUENCES.sub("", output)
    return sorted({repr(ch) for ch in rest if (ord(ch) < 0x20 and ch not in "\n\r") or 0x7F <= ord(ch) < 0xA0})
