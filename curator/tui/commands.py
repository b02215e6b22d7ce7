"""Command palette (ctrl+p): every review action, found by name, with its key."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

PALETTE_ONLY = [
    ("clear_filter", "Clear filter", "Show every candidate again."),
    ("filter_disputed", "Filter: disputed only", "Only candidates reviewers disagree on, to adjudicate with A or R."),
]


class ReviewCommands(Provider):
    """Built from the main screen's bindings, so the palette, the footer and the help screen never disagree."""

    def _commands(self) -> list[tuple[str, str, str]]:
        from curator.tui.screens.main import REVIEW_BINDINGS, MainScreen

        if not isinstance(self.screen, MainScreen):
            return []
        commands = [
            (b.action, f"{b.description.capitalize()}  ({b.key_display or b.key.split(',')[0]})", b.tooltip)
            for b in REVIEW_BINDINGS
        ]
        return commands + PALETTE_ONLY

    async def discover(self) -> Hits:
        for action, name, help_text in self._commands():
            yield DiscoveryHit(name, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for action, name, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.screen.run_action, action), help=help_text)
