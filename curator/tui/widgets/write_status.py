"""The write-status line above the footer: a decision waiting for the database, or one that could not be saved.

Hidden while every write lands at once (nearly always). The texts quote
facts (outside text), so they go in as plain ``Text``, never as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from curator.textsafety import visible_line


def waiting_line(what: str, seconds: int, queued: int, refused: int, quitting: bool) -> str:
    """``Saving… waiting 3 s for another writer · 2 keys queued · quits once saved · accept of $6.7 billion (money)``.

    The fact comes last: a narrow screen cuts it (it is the row under the cursor) rather than the state.
    """
    parts = [f"Saving… waiting {seconds} s for another writer"]
    if queued:
        parts.append(f"{queued} key{'' if queued == 1 else 's'} queued")
    if refused:
        parts.append(f"{refused} refused (queue full)")
    if quitting:
        parts.append("quits once saved")
    return " · ".join([*parts, what])


def unsaved_line(what: str, others: int, dropped: int) -> str:
    """``Not saved: accept of $6.7 billion (money) · 2 queued keys dropped · decide it again to retry``."""
    parts = [f"Not saved: {what}" + (f" (and {others} more)" if others else "")]
    if dropped:
        parts.append(f"{dropped} queued key{'' if dropped == 1 else 's'} dropped")
    return " · ".join([*parts, "decide it again to retry"])


class WriteStatus(Static):
    """One line, shown only while a write waits (``waiting``) or a decision stays unsaved (``unsaved``)."""

    DEFAULT_CSS = """
    WriteStatus { height: 1; padding: 0 1; display: none; background: $warning-muted; color: $text; text-wrap: nowrap; text-overflow: ellipsis; }
    WriteStatus.-shown { display: block; }
    WriteStatus.-unsaved { background: $error-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.text = ""

    def waiting(self, what: str, seconds: int, queued: int, refused: int, quitting: bool) -> None:
        self._show(waiting_line(what, seconds, queued, refused, quitting), unsaved=False)

    def unsaved(self, what: str, others: int, dropped: int) -> None:
        self._show(unsaved_line(what, others, dropped), unsaved=True)

    def clear(self) -> None:
        self.text = ""
        self.remove_class("-shown", "-unsaved")

    def _show(self, text: str, *, unsaved: bool) -> None:
        self.text = visible_line(text)
        self.update(Text(self.text, style="bold" if unsaved else ""))
        self.add_class("-shown")
        self.set_class(unsaved, "-unsaved")
