"""Property: any Unicode as titles, outlets, article text, reviewer names, notes and statements goes through
ingest, extraction, the review screen and every export format without a crash and without a control byte out."""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from review_data import settle
from untrusted_data import stray_controls, terminal_output

from curator.cli import cli
from curator.models import Action
from curator.pipeline import extract, ingest
from curator.store import open_store
from curator.tui.app import make_app

PIECES = [
    "\x1b[2J", "\x1b]0;pwned\x07", "\x1b]52;c;aGk=\x07", "\x9b31m", "\x7f", "\x00", "\r", "\t", "\n", "\x85",
    "[b]", "[/]", "[/r/investing]", "[@click=app.quit]", "[red]", "\\[", "]", "$", "{", "}",
    "日本", "软银", "🤖", "e\u0301", "\u200b", "\u202e", "\u2028", "ｗｉｄｅ", "'", '"', "=HYPERLINK(", "-", "@",
]
"""Terminal codes, markup, formula starts, wide, combining, invisible and bidi characters."""

hostile = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(st.characters(exclude_categories=("Cs",)), max_size=6)), max_size=8
).map("".join)
"""Surrogate-free Unicode strings, dense in the pieces that break screens and terminals."""

PROPERTY = settings(max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SCREEN = settings(PROPERTY, max_examples=10, phases=[Phase.explicit, Phase.generate])
"""About a second of pilot per example, so fewer; a failing one is reported as found (shrinking takes minutes)."""


def _build(folder: Path, title: str, outlet: str, text: str, reviewer: str, note: str) -> Path:
    article = folder / "article.json"
    body = f"Orbis raised $5 million in 2024. {text}\nThe fund lost 10% {text}."
    article.write_text(json.dumps({"text": body, "title": title, "outlet": outlet}), encoding="utf-8")
    db = folder / "hostile.db"
    with open_store(db) as store:
        report = ingest(store, [article])
        assert len(report.added) == 1, report.skipped
        extract(store)
        candidates = list(store.candidates())
        assert candidates
        store.decide(candidates[0].id, reviewer or "?", Action.EDIT, fields={"statement": note or "?", "subject": title}, note=note or None)
        store.decide(candidates[-1].id, "bob", Action.REJECT, note=text)
    return db


def _controls(data: bytes, line_end: bytes) -> list[str]:
    """Control characters in an export; newline and tab are layout and allowed (curator.textsafety keeps them)."""
    body = data.replace(line_end, b"").replace(b"\n", b"").replace(b"\t", b"")
    text = data.decode("utf-8")
    return sorted({repr(chr(b)) for b in body if b < 0x20 or b == 0x7F} | {repr(ch) for ch in text if 0x80 <= ord(ch) < 0xA0})


@PROPERTY
@given(title=hostile, outlet=hostile, text=hostile, reviewer=hostile, note=hostile)
def test_every_export_format_carries_no_control_byte(title: str, outlet: str, text: str, reviewer: str, note: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = _build(Path(folder), title, outlet, text, reviewer, note)
        for fmt, line_end in (("json", b"\n"), ("csv", b"\r\n"), ("md", b"\n")):
            result = CliRunner().invoke(cli, ["--db", str(db), "export", "--format", fmt, "--status", "all", "-o", "-"])
            assert result.exit_code == 0, result.output
            assert _controls(result.stdout_bytes, line_end) == [], fmt
        sheet = json.loads(CliRunner().invoke(cli, ["--db", str(db), "export", "--status", "all", "-o", "-"]).stdout)
        notes = {e["note"] for f in sheet["facts"] for e in f["evidence"]}
        assert (note or None) in notes, "JSON keeps the note exactly (escaped, not altered)"


@SCREEN
@given(title=hostile, outlet=hostile, text=hostile, reviewer=hostile, note=hostile)
def test_the_review_screen_shows_any_text_without_a_control_byte(
    title: str, outlet: str, text: str, reviewer: str, note: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = _build(Path(folder), title, outlet, text, reviewer, note)
        asyncio.run(_review(db))


async def _review(db: Path) -> None:
    app = make_app(db, "alice", cursor_blink=False, poll_interval=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.main_screen() is not None and app.main_screen().review.article is not None  # type: ignore[union-attr]
        assert stray_controls(terminal_output(app)) == []
        await pilot.press("j", "f")
        await settle(pilot)
        assert stray_controls(terminal_output(app)) == []
        await pilot.press("escape", "e")
        await settle(pilot)
        assert stray_controls(terminal_output(app)) == []
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running
