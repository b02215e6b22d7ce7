"""Tick boxes that show their state with a mark, not only a colour.

Textual draws every toggle as ``X`` and tells ticked from unticked by colour
alone; on a monochrome terminal, or for a colour-blind reviewer, a filter
would then look all-on. These show ``✓`` when ticked and a blank when not.
"""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets._toggle_button import ToggleButton

TICKED = "✓"
UNTICKED = " "


class TickBox(Checkbox):
    """A checkbox whose button reads ✓ when ticked."""

    @property
    def _button(self) -> Content:
        button = super()._button
        mark = TICKED if self.value else UNTICKED
        left = len(self.BUTTON_LEFT)
        return Content.assemble(button[:left], (mark, button.get_style_at_offset(left)), button[left + 1 :])


class TickList(SelectionList[str]):
    """A selection list whose buttons read ✓ for the chosen options."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        index = self.scroll_offset.y + y
        if len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER or index >= self.option_count:
            return strip
        inner = segments[1]
        selected = self.get_option_at_index(index).value in self._selected
        segments[1] = inner._replace(text=TICKED if selected else UNTICKED)
        return Strip(segments, strip.cell_length)
