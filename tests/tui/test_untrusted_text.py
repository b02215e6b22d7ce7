"""Outside text on the review screen and in every export: shown as written, never markup, never a terminal code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from review_data import pilot_test, settle
from textual.widgets import SelectionList
from untrusted_data import (
    BRACKET_REVIEWER,
    BRACKET_TITLE,
    CLICK_TITLE,
    UntrustedData,
    build_untrusted_db,
    stray_controls,
    terminal_output,
)

from curator.cli import cli
from curator.decisions import record_decisions
from curator.store import open_store
from curator.tui.app import make_app
from curator.tui.screens.filter import FilterScreen
from curator.tui.widgets.candidate_table import CandidateTable


@pytest.fixture
def untrusted(tmp_path: Path) -> UntrustedData:
    return build_untrusted_db(tmp_path / "untrusted.db")


def _app(data: UntrustedData, reviewer: str = "alice"):
    return make_app(data.path, reviewer, cursor_blink=False, poll_interval=0.05)


@pilot_test
async def test_bracketed_titles_show_literally_when_tabbing_onto_them(untrusted: UntrustedData) -> None:
    app = _app(untrusted)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        main = app.main_screen()
        assert main is not None and main.review.article is not None
        assert main.review.article.title == BRACKET_TITLE
        assert BRACKET_TITLE in terminal_output(app)
        await pilot.press("tab")
        await settle(pilot)
        assert main.review.article.title == CLICK_TITLE
        output = terminal_output(app)
        assert CLICK_TITLE in output
        assert "[red]March[/red]" in output
        assert "The fund lost 10% [@click=app.quit]" in output


@pilot_test
async def test_clicking_a_click_markup_title_runs_nothing(untrusted: UntrustedData) -> None:
    app = _app(untrusted)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        for x in range(1, 24):
            await pilot.click("#article-pane", offset=(x, 0))
        await settle(pilot)
        assert app.is_running
        assert app.main_screen() is not None and app.screen is app.main_screen()
    with open_store(untrusted.path, create=False) as store:
        assert store.state(untrusted.candidates[0].id).status.value == "pending"  # type: ignore[union-attr]


@pilot_test
async def test_a_bracketed_reviewer_name_is_listed_in_decided_by(untrusted: UntrustedData) -> None:
    app = _app(untrusted)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterScreen)
        reviewers = app.screen.query_one("#filter-reviewer", SelectionList)
        assert reviewers.option_count == 1
        option = reviewers.get_option_at_index(0)
        assert option.value == BRACKET_REVIEWER
        assert BRACKET_REVIEWER in terminal_output(app)
        await pilot.press("escape")


@pilot_test
async def test_the_bracketed_reviewer_opens_their_own_screen(untrusted: UntrustedData) -> None:
    app = _app(untrusted, BRACKET_REVIEWER)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert BRACKET_REVIEWER in terminal_output(app)


@pilot_test
async def test_a_saved_position_on_a_bracketed_title_restarts(untrusted: UntrustedData) -> None:
    click = untrusted.articles[1]
    with open_store(untrusted.path, create=False) as store:
        store.save_position("alice", click.id, untrusted.candidates[1].id, {"reviewer": [BRACKET_REVIEWER]})
    for _ in range(2):
        app = _app(untrusted)
        async with app.run_test(size=(140, 40)) as pilot:
            await settle(pilot)
            main = app.main_screen()
            assert main is not None and main.review.article is not None and main.review.article.id == click.id
            assert f"by {BRACKET_REVIEWER}" in terminal_output(app)


@pilot_test
async def test_escape_sequences_in_article_text_never_reach_the_terminal(untrusted: UntrustedData) -> None:
    app = _app(untrusted)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        output = terminal_output(app)
        assert stray_controls(output) == []
        assert "␛]0;pwned␇" in output and "␛[2J" in output
        await pilot.press("tab")
        await settle(pilot)
        output = terminal_output(app)
        assert stray_controls(output) == []
        assert "␛]52;c;" in output
        table = app.main_screen().query_one(CandidateTable)  # type: ignore[union-attr]
        assert table.row_count == 1


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_exports_to_standard_output_carry_no_control_byte(untrusted: UntrustedData, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(untrusted.path), "export", "--format", fmt, "--status", "all", "-o", "-"])
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    line_ends = b"\r\n" if fmt == "csv" else b"\n"
    body = data.replace(line_ends, b"").replace(b"\n", b"")
    assert [b for b in body if b < 0x20 or b == 0x7F] == []
    text = data.decode()
    assert [ch for ch in text if 0x80 <= ord(ch) < 0xA0] == []
    if fmt == "json":
        sheet = json.loads(text)
        assert sheet["facts"][0]["evidence"][0]["quote"].startswith("Orbis raised $5 million\x1b]0;pwned\x07")
    else:
        assert "pwned␇" in text and "␛" in text


def test_c1_and_del_in_json_are_escaped_not_lost(untrusted: UntrustedData, tmp_path: Path) -> None:
    with open_store(untrusted.path, create=False) as store:
        record_decisions(store, "accept", [untrusted.candidates[0].id], "bob", note="csi\x9b2J del\x7f")
    target = tmp_path / "sheet.json"
    result = CliRunner().invoke(cli, ["--db", str(untrusted.path), "export", "-o", str(target)])
    assert result.exit_code == 0, result.output
    raw = target.read_text(encoding="utf-8")
    assert "\\u009b2J del\\u007f" in raw and "\x9b" not in raw
    notes = [e["note"] for f in json.loads(raw)["facts"] for e in f["evidence"]]
    assert "csi\x9b2J del\x7f" in notes
