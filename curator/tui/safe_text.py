"""The one door outside text goes through on its way to the screen.

Titles, article text, quotes, values, subjects, statements, reviewer names,
notes, outlets and error sentences that quote them are data, never Textual
markup: a title such as ``Discussion [/r/investing]: Orbis fund`` would stop
the markup parser, and ``[@click=app.quit]`` would make a click run an
action. Textual parses a plain ``str`` as markup in ``Static``, ``Label``,
``update``, ``border_title``, option prompts and ``notify``; a ``Content``
built from a plain string is never parsed. Control characters are shown as
pictures (``curator.textsafety``), so no ESC or BEL reaches the terminal.
"""

from __future__ import annotations

from textual.content import Content
from textual.dom import DOMNode
from textual.notifications import SeverityLevel

from curator.textsafety import visible, visible_line, visible_on_screen


def plain(text: str | None) -> Content:
    """``text`` shown exactly as written (controls as pictures), never read as markup."""
    return Content(visible_on_screen(text or ""))


def plain_line(text: str | None) -> Content:
    """``plain`` for a one-line place such as a border title: line breaks and tabs read as spaces."""
    return Content(visible_line(text or ""))


def styled(text: str | None, style: str) -> tuple[str, str]:
    """A ``Content.assemble`` part: outside ``text`` with our ``style``."""
    return (visible_on_screen(text or ""), style)


def notify(
    node: DOMNode, message: str, *, title: str = "", severity: SeverityLevel = "information", timeout: float | None = None
) -> None:
    """A toast whose message and title are shown as written (they often quote a name, a value or a file)."""
    node.notify(visible(message), title=visible_line(title), severity=severity, timeout=timeout, markup=False)
