"""The article text with candidate spans marked: a Line API view, so long articles scroll smoothly.

The text is wrapped once per width into (start, end) code-point ranges, so a
candidate's offsets map straight to a screen line and only visible lines are
ever styled. Wide characters (Chinese, most emoji) count as two cells.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from curator.textsafety import visible_on_screen


@dataclass(frozen=True)
class Mark:
    """A candidate's span in the text and the component class that styles it."""

    start: int
    end: int
    candidate_id: str
    style: str


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] == " ":
        i += 1
    return i


def _wrap_ascii(para: str, width: int) -> list[tuple[int, int]]:
    lines, start, n = [], 0, len(para)
    while n - start > width:
        cut = para.rfind(" ", start, start + width + 1)
        end = cut if cut > start else start + width
        lines.append((start, end))
        start = _skip_spaces(para, end)
    lines.append((start, n))
    return lines


def _wrap_cells(para: str, width: int) -> list[tuple[int, int]]:
    """Greedy wrap by cell width; a line may break after a space or either side of a wide character."""
    lines: list[tuple[int, int]] = []
    start, cells, brk, i, n = 0, 0, -1, 0, len(para)
    while i < n:
        w = get_character_cell_size(para[i])
        if cells + w > width and i > start:
            end = brk if brk > start else i
            lines.append((start, end))
            start = _skip_spaces(para, end)
            cells = sum(get_character_cell_size(ch) for ch in para[start:i]) if start < i else 0
            i = max(i, start)
            brk = -1
            continue
        cells += w
        i += 1
        if para[i - 1] == " " or w == 2 or (i < n and get_character_cell_size(para[i]) == 2):
            brk = i
    lines.append((start, n))
    return lines


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) code-point offsets of each screen line of ``text`` wrapped to ``width`` cells."""
    width = max(width, 2)
    result: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        wrap = _wrap_ascii if para.isascii() else _wrap_cells
        result.extend((pos + s, pos + e) for s, e in wrap(para, width))
        pos += len(para) + 1
    return result


class ArticleView(ScrollView, can_focus=False):
    """Scrollable article text; the current candidate is highlighted, the others underlined by status."""

    COMPONENT_CLASSES = {
        "article-view--current",
        "article-view--pending",
        "article-view--accepted",
        "article-view--edited",
        "article-view--rejected",
        "article-view--skipped",
    }

    class Clicked(Message):
        """The reader clicked inside a candidate's span."""

        def __init__(self, candidate_id: str) -> None:
            super().__init__()
            self.candidate_id = candidate_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self._marks: list[Mark] = []
        self._mark_starts: list[int] = []
        self._current: str | None = None
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._wrapped_width = -1
        self._styles: dict[str, Style] = {}

    # -- attributes down --------------------------------------------------

    def show(self, text: str, marks: list[Mark], current: str | None) -> None:
        """A new article: wrap it, mark its candidates, scroll to ``current``.

        Control characters are drawn as pictures and tabs as spaces, one for one, so the candidates' offsets still hold.
        """
        self._text = visible_on_screen(text)
        self._wrapped_width = -1
        self.set_marks(marks, current)
        self.scroll_to(y=0, animate=False, immediate=True)
        self._rewrap()
        self.scroll_to_current()

    def set_marks(self, marks: list[Mark], current: str | None) -> None:
        """New states for the spans; only the lines of spans whose look changed are repainted (all for a new text)."""
        before = {m.candidate_id: m for m in self._marks}
        self._marks = sorted(marks, key=lambda m: (m.start, m.end))
        self._mark_starts = [m.start for m in self._marks]
        old_current, self._current = self._current, current
        if self._wrapped_width < 0 or len(before) != len(self._marks) or not self._lines:
            self.refresh()
            return
        changed = {m.candidate_id for m in self._marks if before.get(m.candidate_id) != m} | {old_current, current}
        self._refresh_spans(changed)

    def set_current(self, current: str | None) -> None:
        """Move the highlight: the old and new spans' lines are repainted, or the view scrolls to the new one."""
        if current != self._current:
            old, self._current = self._current, current
            top = self.scroll_y
            self.scroll_to_current()
            if self.scroll_y == top:
                self._refresh_spans({old, current})

    def _refresh_spans(self, candidate_ids: set[str | None]) -> None:
        for mark in self._marks:
            if mark.candidate_id in candidate_ids:
                first = max(bisect_right(self._line_starts, mark.start) - 1, 0)
                last = max(bisect_right(self._line_starts, max(mark.end - 1, mark.start)) - 1, first)
                self.refresh_lines(first, last - first + 1)

    def scroll_to_current(self) -> None:
        """Bring the current span into view, a third of the way down, when it is not already visible."""
        mark = next((m for m in self._marks if m.candidate_id == self._current), None)
        if mark is None or not self._lines:
            return
        line = max(bisect_right(self._line_starts, mark.start) - 1, 0)
        top, height = round(self.scroll_y), max(self.scrollable_content_region.height, 1)
        if not top <= line < top + height - 1:
            self.scroll_to(y=max(line - height // 3, 0), animate=False, immediate=True)

    # -- layout and rendering ---------------------------------------------

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wrapped_width:
            return
        self._wrapped_width = width
        self._lines = wrap_offsets(self._text, width) if self._text else []
        self._line_starts = [s for s, _ in self._lines]
        self.virtual_size = Size(width, len(self._lines))

    def on_resize(self) -> None:
        self._rewrap()
        self.scroll_to_current()

    def _style_for(self, mark: Mark) -> Style:
        name = "article-view--current" if mark.candidate_id == self._current else f"article-view--{mark.style}"
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def notify_style_update(self) -> None:
        """Styles are looked up once per theme or CSS change, not once per line."""
        super().notify_style_update()
        self._styles.clear()

    def render_line(self, y: int) -> Strip:
        self._rewrap()
        width = self.scrollable_content_region.width
        base = self._styles.get("") or self._styles.setdefault("", self.rich_style)
        index = round(self.scroll_y) + y
        if index >= len(self._lines):
            return Strip.blank(width, base)
        start, end = self._lines[index]
        segments = self._styled(start, end, base)
        return Strip(segments).adjust_cell_length(width, base)

    def _styled(self, start: int, end: int, base: Style) -> list[Segment]:
        """The line's text cut at span edges, each piece with the style of the span over it."""
        first = max(bisect_right(self._mark_starts, start) - 1, 0)
        cuts: dict[int, Style] = {}
        for mark in self._marks[first:]:
            if mark.start >= end:
                break
            if mark.end <= start:
                continue
            style = self._style_for(mark)
            for offset in range(max(mark.start, start), min(mark.end, end)):
                # The current candidate wins over any span it overlaps.
                if offset not in cuts or mark.candidate_id == self._current:
                    cuts[offset] = style
        if not cuts:
            return [Segment(self._text[start:end], base)]
        segments: list[Segment] = []
        run_start, run_style = start, cuts.get(start)
        for offset in range(start + 1, end + 1):
            style = cuts.get(offset) if offset < end else object()
            if style is not run_style:
                text = self._text[run_start:offset]
                segments.append(Segment(text, base + run_style if isinstance(run_style, Style) else base))
                run_start, run_style = offset, style
        return segments

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = round(self.scroll_y) + offset.y
        if index >= len(self._lines):
            return
        start, end = self._lines[index]
        column, position = 0, start
        while position < end:
            column += get_character_cell_size(self._text[position])
            if column > offset.x:
                break
            position += 1
        for mark in self._marks:
            if mark.start <= position < mark.end:
                self.post_message(self.Clicked(mark.candidate_id))
                return
