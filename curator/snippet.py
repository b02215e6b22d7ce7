"""A stretch of text around a search match, for search results: the match whole, the text around it cut between characters.

SQLite's FTS5 ``snippet()`` chooses a window of index tokens and brackets
the tokens inside it; with the trigram tokenizer a window can end inside a
phrase, which then shows cut (``carrying [162 pe]…`` for ``162 people``).
Here the match is found in the text itself and always shown whole; the text
around it is measured in terminal cells (a CJK character or an emoji takes
two) and cut only between grapheme clusters (Unicode UAX #29, the user-
perceived characters, as the ``regex`` library's ``\\X`` finds them), so no
wide character, combining accent or emoji sequence is ever split.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import regex

BEFORE_CELLS = 20
"""Terminal cells of text kept before the match."""
AFTER_CELLS = 40
"""Terminal cells kept after it: more than before, since a line is read onwards."""
_CLUSTER = regex.compile(r"\X")


def cells(cluster: str) -> int:
    """Terminal cells a grapheme cluster takes: 2 when wide (East Asian Wide or Fullwidth: CJK, most emoji; a flag,
    a pair of regional indicators; a character in emoji presentation, U+FE0F), 0 when it is only combining marks or
    format characters, else 1 (the rules of ``wcwidth``, from the Unicode tables)."""
    if any(unicodedata.east_asian_width(ch) in "WF" or "\U0001f1e6" <= ch <= "\U0001f1ff" or ch == "\ufe0f" for ch in cluster):
        return 2
    if all(unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf") for ch in cluster):
        return 0
    return 1


def _find(text: str, terms: Iterable[str]) -> tuple[int, int] | None:
    """Where the earliest of ``terms`` starts and ends in ``text``, case-blind; None when none occurs."""
    found = None
    for term in terms:
        if term:
            match = regex.search(regex.escape(term), text, regex.IGNORECASE | regex.FULLCASE)
            if match and (found is None or match.start() < found[0]):
                found = match.span()
    return found


def snippet(text: str, terms: Iterable[str], before: int = BEFORE_CELLS, after: int = AFTER_CELLS) -> str:
    """``text`` around the earliest of ``terms`` (case-blind): ``…words [match] words…``, the match whole between
    ``[`` and ``]`` (widened to whole grapheme clusters), about ``before`` and ``after`` cells of text either side, cut
    between clusters, ``…`` where text was left out (with the spaces next to it). Empty when no term occurs in ``text``."""
    span = _find(text, terms)
    if span is None:
        return ""
    start, end = span
    # Clusters are read only near the match (an article can be long): far enough for the widest run of cells.
    low = max(0, start - 8 * (before + 1))
    high = min(len(text), end + 8 * (after + 1))
    clusters = [m.span() for m in _CLUSTER.finditer(text, low, high)]
    if low > 0:
        clusters = clusters[1:]  # the window's first cluster may be the tail of one cut off
    if high < len(text):
        clusters = clusters[:-1]
    inside = [i for i, (s, e) in enumerate(clusters) if s < end and e > start]
    if not inside:  # one cluster longer than the window (hundreds of stacked marks): the match alone
        return f"{'…' if start > 0 else ''}[{text[start:end]}]{'…' if end < len(text) else ''}"
    first, last = inside[0], inside[-1]
    lead, used = first, 0
    while lead > 0 and used + cells(text[slice(*clusters[lead - 1])]) <= before:
        lead -= 1
        used += cells(text[slice(*clusters[lead])])
    tail, used = last, 0
    while tail < len(clusters) - 1 and used + cells(text[slice(*clusters[tail + 1])]) <= after:
        tail += 1
        used += cells(text[slice(*clusters[tail])])
    cut_before, cut_after = clusters[lead][0] > 0, clusters[tail][1] < len(text)
    while cut_before and lead < first and text[slice(*clusters[lead])].isspace():  # no space next to "…"
        lead += 1
    while cut_after and tail > last and text[slice(*clusters[tail])].isspace():
        tail -= 1
    a, b = clusters[first][0], clusters[last][1]
    left, right = clusters[lead][0], clusters[tail][1]
    return f"{'…' if cut_before else ''}{text[left:a]}[{text[a:b]}]{text[b:right]}{'…' if cut_after else ''}"
