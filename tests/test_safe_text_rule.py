"""Every toast and border title of the review screen goes through curator.tui.safe_text (markup never parsed)."""

from __future__ import annotations

import ast
from pathlib import Path

from curator.textsafety import has_control, visible, visible_line

TUI = Path(__file__).resolve().parent.parent / "curator" / "tui"


def _calls_and_titles() -> list[str]:
    found = []
    for path in sorted(TUI.rglob("*.py")):
        if path.name == "safe_text.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "notify":
                found.append(f"{path.name}:{node.lineno}: .notify() outside safe_text")
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Attribute) and target.attr in ("border_title", "border_subtitle"):
                        value = node.value
                        literal = isinstance(value, ast.Constant) or (
                            isinstance(value, ast.JoinedStr)
                            and all(isinstance(v, ast.Constant) or _is_number_text(v) for v in value.values)
                        )
                        safe = isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("plain", "plain_line")
                        if not (literal or safe):
                            found.append(f"{path.name}:{node.lineno}: {target.attr} from outside text")
    return found


def _is_number_text(node: ast.AST) -> bool:
    """``{where}`` in "Candidates {where}" is built from counts only."""
    return isinstance(node, ast.FormattedValue) and isinstance(node.value, ast.Name) and node.value.id == "where"


def test_toasts_and_border_titles_go_through_safe_text() -> None:
    assert _calls_and_titles() == []


def test_visible_keeps_length_newlines_and_tabs() -> None:
    raw = "a\x1b]0;t\x07b\tc\nd\x7fe\x9bf\x00"
    shown = visible(raw)
    assert shown == "a␛]0;t␇b\tc\nd␡e␦f␀"
    assert len(shown) == len(raw) and not has_control(shown)
    assert visible_line("one\ntwo\tthree\r") == "one two three␍"
    assert visible("plain [b]text[/b]") == "plain [b]text[/b]"
