"""The claim panel: every article stating the current candidate's claim, and the claims it conflicts with.

A Line API view: a new claim swaps the lines and the virtual height without
a screen layout pass, so moving the cursor stays cheap. Conflicts are drawn
in the warning colour and carry ⚠, so colour is never the only signal.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from curator.display import CORROBORATION_MARKS, STATUS_MARKS, format_value
from curator.store.review_records import ClaimMember, ClaimView
from curator.textsafety import visible_line

Piece = tuple[str, str]
"""Text and the component class (without the ``claim-panel--`` prefix; empty for plain)."""


def clip(pieces: list[Piece], width: int) -> list[Piece]:
    """Cut a line to ``width`` cells, ending in … when anything was dropped."""
    out: list[Piece] = []
    used = 0
    for text, style in pieces:
        size = cell_len(text)
        if used + size <= width:
            out.append((text, style))
            used += size
            continue
        kept = []
        for ch in text:
            if used + cell_len(ch) > width - 1:
                break
            kept.append(ch)
            used += cell_len(ch)
        out.append(("".join(kept) + "…", style))
        break
    return out


class ClaimPanel(ScrollView, can_focus=False):
    """Drawn from a ClaimView for the panel's current width."""

    COMPONENT_CLASSES = {
        "claim-panel--muted",
        "claim-panel--strong",
        "claim-panel--italic",
        "claim-panel--success",
        "claim-panel--warning",
        "claim-panel--warning-strong",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._view: ClaimView | None = None
        self._current: str | None = None
        self._note = "No candidate selected."
        self._lines: list[list[Piece]] = []
        self._built_width = -1
        self._styles: dict[str, Style] = {}

    def show(self, view: ClaimView | None, current: str | None, note: str = "") -> None:
        if (view, current, note) == (self._view, self._current, self._note):
            return
        self._view, self._current, self._note = view, current, note
        self._built_width = -1
        self.scroll_to(y=0, animate=False, immediate=True)
        self._build()
        self.refresh()

    def text(self) -> str:
        """What the panel says, as plain text (for tests and screen readers of the log)."""
        self._build()
        return "\n".join("".join(t for t, _ in line) for line in self._lines)

    # -- building lines ---------------------------------------------------

    def _member(self, member: ClaimMember, warn: bool) -> list[list[Piece]]:
        current = member.candidate_id == self._current
        head = "warning" if warn else ("strong" if current else "")
        value = format_value(member.kind, member.value, member.unit, member.qualifier, member.high)
        return [
            [(("▸" if current else " ") + STATUS_MARKS.get(member.status, "?") + " ", head), (" ".join(member.title.split()), head)],
            [("   ", ""), (value, "warning-strong" if warn else "strong"), ("  ", ""), (f"“{member.text}”", "muted")],
        ]

    def _build(self) -> None:
        region = self.scrollable_content_region
        width = region.width
        if width <= 0:
            return
        if width == self._built_width:
            self._fit(region.height)
            return
        self._built_width = width
        view = self._view
        lines: list[list[Piece]] = []
        if view is None:
            lines.append([(self._note, "muted")])
        else:
            claim = view.claim
            standing = claim.corroboration.value
            sources = (f"{claim.sources} independent source{'s' if claim.sources != 1 else ''},"
                       f" {claim.article_count} article{'s' if claim.article_count != 1 else ''}")
            style = {"conflict": "warning-strong", "corroborated": "success"}.get(standing, "strong")
            lines.append([(f"{CORROBORATION_MARKS.get(standing, '?')} {standing}", style), (f" · {sources} · {claim.kind}", "muted")])
            tellers = claim.outlets if claim.tellers is None else claim.tellers
            told = "told by " + ", ".join(" ".join(name.split()) for name in tellers) if tellers else ""
            if claim.carriers:
                told += ("; " if told else "") + "also carried by " + ", ".join(" ".join(n.split()) for n in claim.carriers)
            if told:
                lines.append([(told, "muted")])
            lines.append([(" ".join(claim.statement.split()), "italic")])
            for member in view.members:
                lines.extend(self._member(member, warn=False))
            if view.total > len(view.members):
                lines.append([(f"   … and {view.total - len(view.members):,} more", "muted")])
            for other, members in view.conflicts:
                value = format_value(other.kind, other.value, other.unit, other.qualifier)
                lines.append([])
                lines.append([(f"⚠ conflicts with {value}: {other.statement}", "warning-strong")])
                for member in members:
                    lines.extend(self._member(member, warn=True))
        self._lines = [clip([(visible_line(text), style) for text, style in line], width) for line in lines]
        self._fit(region.height)

    def _fit(self, height: int) -> None:
        """The scrollable size: the lines' height when they overflow the panel, else one cell.

        Lines are cut to the panel's width, so the width is never scrolled. A
        claim that fits always has the same size, so showing it costs no screen
        layout pass, and the size never equals the panel's own: Textual then
        re-checks the scrollbars on every layout (a size left at the panel's
        old height kept a needless scrollbar after the panel shrank).
        """
        size = Size(1, len(self._lines)) if len(self._lines) > height else Size(1, 1)
        if self.virtual_size != size:
            self.virtual_size = size

    # -- rendering --------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            base = self._styles.get("") or self._styles.setdefault("", self.rich_style)
            style = base if not name else base + self.get_component_rich_style(f"claim-panel--{name}", partial=True)
            self._styles[name] = style
        return style

    def on_resize(self) -> None:
        self._build()

    def render_line(self, y: int) -> Strip:
        self._build()
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y
        base = self._style("")
        if index >= len(self._lines):
            return Strip.blank(width, base)
        return Strip([Segment(text, self._style(style)) for text, style in self._lines[index]]).adjust_cell_length(width, base)
