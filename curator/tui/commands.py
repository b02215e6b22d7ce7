"""Command palette (ctrl+p): every review action, found by name, with its key."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from curator.tui.keys import PALETTE_ONLY, REVIEW_BINDINGS


class ReviewCommands(Provider):
    """Built from the review keys, so the palette, the footer and the help screen never disagree."""

    def _commands(self) -> list[tuple[str, str, str]]:
        if type(self.screen).BINDINGS is not REVIEW_BINDINGS:  # only the screen that binds the review keys runs them
            return []
        commands = [
            (b.action, f"{b.description.capitalize()}  ({b.key_display or b.key.split(',')[0].replace('slash', '/')})", b.tooltip)
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
