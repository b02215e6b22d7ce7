"""A ``Static`` that lays the screen out again only when its new content changes its height.

``Static.update`` asks for a layout pass of the whole screen on every call,
because the new content might be taller or shorter; on the review screen
that pass (every widget placed and drawn again) cost more than everything
else a cursor move does. Here the content is measured first, the way
Textual's layout measures it, and a layout is asked for only when the
height at the current width differs from the last one.
"""

from __future__ import annotations

from textual.visual import VisualType, visualize
from textual.widgets import Static


class SteadyStatic(Static):
    """``show(content)``: ``update`` with a layout pass only when the height changes (content is never markup)."""

    def __init__(self, content: VisualType = "", *, id: str | None = None) -> None:
        super().__init__(content, id=id, markup=False)
        self._measured: tuple[int, int] | None = None
        """(width, content height) of what is drawn, as Textual's layout measures it; None before the first show."""

    def show_content(self, content: VisualType) -> None:
        width = self.content_region.width  # the width Textual's layout measures text at (scrollbar included)
        measured = (width, visualize(self, content, markup=False).get_height(self.styles, width)) if width > 0 else None
        self.update(content, layout=measured is None or measured != self._measured)
        self._measured = measured
