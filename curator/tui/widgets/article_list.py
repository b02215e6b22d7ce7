"""The article list: two lines per article (title and progress; outlet, date, language), loaded page by page.

A Line API view over a count and a page cache, so 100,000 articles cost no
more to open than five: only the pages on screen are ever queried, in a
thread worker, and rows not yet loaded draw as a placeholder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from curator.display import STATUS_MARKS
from curator.store.records import ArticleProgress
from curator.textsafety import visible_line

PAGE = 100
LINES = 2
"""Lines per article: the title with its progress, then outlet · date · language (four titles may start "Japan")."""

PageLoader = Callable[[int, int], list[ArticleProgress]]
"""(offset, limit) -> a page of articles; runs in a worker thread."""


def _truncate(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


class ArticleList(ScrollView, can_focus=False):
    """Articles in ingest order (or those the filter keeps), the current one highlighted."""

    COMPONENT_CLASSES = {"article-list--cursor", "article-list--done", "article-list--count", "article-list--loading"}

    class Chosen(Message):
        """An article was picked in the list (by click or by moving to it)."""

        def __init__(self, index: int, article: ArticleProgress) -> None:
            super().__init__()
            self.index = index
            self.article = article

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.count = 0
        self.cursor = -1
        self._pages: dict[int, list[ArticleProgress]] = {}
        self._loading: set[int] = set()
        self._loader: PageLoader | None = None
        self._generation = 0
        self._pending_choice: int | None = None
        self._styles: dict[tuple[str, bool], Style] = {}

    # -- attributes down --------------------------------------------------

    def reset(self, loader: PageLoader, count: int, keep_rows: bool = False) -> None:
        """A new source (another filter, or the data changed); ``keep_rows`` draws old rows until new ones arrive."""
        self._loader = loader
        self._generation += 1
        self._loading.clear()
        self.count = count
        self.cursor = min(self.cursor, count - 1)
        self.virtual_size = Size(self.scrollable_content_region.width, count * LINES)
        visible = self._visible_pages()
        self._pages = {p: rows for p, rows in self._pages.items() if keep_rows and p in visible}
        self._pages_needed(force=visible)
        self.refresh()

    def show_cursor(self, index: int) -> None:
        """Mark ``index`` as the current article and scroll it into view (no Chosen message).

        Only the two articles' lines are repainted, unless the list scrolled.
        """
        old, self.cursor = self.cursor, index
        top = self.scroll_y
        if index >= 0:
            self.scroll_to_region(Region(0, index * LINES, 1, LINES), animate=False, immediate=True, force=True)
        if self.scroll_y != top:
            self.refresh()
            return
        for row in {old, index}:
            if row >= 0:
                self.refresh_lines(row * LINES, LINES)

    def go(self, index: int) -> None:
        """Move to ``index`` and post Chosen once its row is loaded."""
        if not 0 <= index < self.count:
            return
        self.show_cursor(index)
        row = self.row(index)
        if row is not None:
            self._pending_choice = None
            self.post_message(self.Chosen(index, row))
        else:
            self._pending_choice = index
            self._pages_needed(force={index // PAGE})

    def row(self, index: int) -> ArticleProgress | None:
        page = self._pages.get(index // PAGE)
        offset = index % PAGE
        return page[offset] if page is not None and offset < len(page) else None

    def update_progress(self, article_id: str, decided: int, candidates: int) -> None:
        """Change one article's counts in place after a decision, without a query."""
        for number, page in self._pages.items():
            for offset, article in enumerate(page):
                if article.id == article_id:
                    page[offset] = replace(article, decided=decided, candidates=candidates)
                    self.refresh_line((number * PAGE + offset) * LINES)
                    return

    # -- loading ----------------------------------------------------------

    def _pages_needed(self, force: set[int] | None = None) -> None:
        if self._loader is None or self.count == 0:
            return
        wanted = self._visible_pages() | (force or set())
        for page in sorted(wanted):
            if (page not in self._pages or page in (force or set())) and page not in self._loading:
                self._loading.add(page)
                self._load(page, self._generation, self._loader)

    def _visible_pages(self) -> set[int]:
        top = round(self.scroll_y) // LINES
        bottom = min(top + max(self.scrollable_content_region.height // LINES + 1, 1), max(self.count - 1, 0))
        return set(range(top // PAGE, bottom // PAGE + 1))

    @work(thread=True, group="article-pages", exit_on_error=False)
    def _load(self, page: int, generation: int, loader: PageLoader) -> None:
        rows = loader(page * PAGE, PAGE)
        self.app.call_from_thread(self._loaded, page, generation, rows)

    def _loaded(self, page: int, generation: int, rows: list[ArticleProgress]) -> None:
        if generation != self._generation:
            return
        self._loading.discard(page)
        self._pages[page] = rows
        self.refresh()
        choice = self._pending_choice
        if choice is not None and choice // PAGE == page:
            self._pending_choice = None
            row = self.row(choice)
            if row is not None:
                self.post_message(self.Chosen(choice, row))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._pages_needed()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.count * LINES)
        self._pages_needed()

    # -- rendering --------------------------------------------------------

    def notify_style_update(self) -> None:
        """Styles are looked up once per theme or CSS change, not once per line."""
        super().notify_style_update()
        self._styles.clear()

    def _style(self, name: str, partial: bool = True) -> Style:
        style = self._styles.get((name, partial))
        if style is None:
            style = self._styles[(name, partial)] = self.rich_style if not name else self.get_component_rich_style(name, partial=partial)
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style("")
        index, line = divmod(round(self.scroll_y) + y, LINES)
        if index >= self.count:
            return Strip.blank(width, base)
        article = self.row(index)
        style = base + self._style("article-list--cursor", partial=False) if index == self.cursor else base
        if article is None:
            return Strip([Segment(" …" if line == 0 else "", style + self._style("article-list--loading"))]).adjust_cell_length(
                width, style
            )
        count_style = style + self._style("article-list--count")
        if line:
            about = " · ".join(x for x in (article.outlet, (article.published or "")[:10], article.language) if x)
            return Strip([Segment("  " + _truncate(visible_line(about), max(width - 2, 1)), count_style)]).adjust_cell_length(
                width, style
            )
        done = article.candidates > 0 and article.decided >= article.candidates
        mark = STATUS_MARKS["accepted"] if done else ("–" if article.candidates == 0 else " ")
        count = f" {article.decided}/{article.candidates}"
        title = _truncate(visible_line(article.title), max(width - 2 - len(count), 1))
        gap = max(width - 2 - cell_len(title) - len(count), 0)
        mark_style = style + self._style("article-list--done") if done else style
        segments = [Segment(mark + " ", mark_style), Segment(title + " " * gap, style), Segment(count, count_style)]
        return Strip(segments).adjust_cell_length(width, style)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self.go((round(self.scroll_y) + offset.y) // LINES)
