"""Bounds that keep extraction linear in the length of an article.

Every rule looks at one sentence at a time, and every candidate stores its
sentence as the quote. A "sentence" of 100 KB (a page whose text has no full
stop) would make each rule's per-candidate look-ups scan 100 KB and each
candidate store 100 KB of quote: quadratic time and a database of hundreds of
megabytes. Real sentences in news are far shorter (a few hundred
characters), so a longer one is cut into pieces of at most
``MAX_SENTENCE`` code points, at the last break (``;``, ``,``, ``，``, ``；``,
``、`` or whitespace) before the bound, else hard at the bound.
"""

from __future__ import annotations

import re

from curator.extract.sentences import Sentence

MAX_SENTENCE = 1000
"""Code points; the longest sentences in the sample news are under 700."""

_BREAK = re.compile(r"[;,，；、]\s*|\s+")


def bound_sentences(sentences: list[Sentence], max_chars: int = MAX_SENTENCE) -> list[Sentence]:
    """The same sentences, with any longer than ``max_chars`` cut into consecutive pieces (offsets kept)."""
    out: list[Sentence] = []
    for sentence in sentences:
        if len(sentence.text) <= max_chars:
            out.append(sentence)
            continue
        out.extend(_cut(sentence, max_chars))
    return out


def _cut(sentence: Sentence, max_chars: int) -> list[Sentence]:
    pieces: list[Sentence] = []
    text, begin = sentence.text, 0
    while begin < len(text):
        end = min(begin + max_chars, len(text))
        if end < len(text):
            breaks = [m.end() for m in _BREAK.finditer(text, begin + max_chars // 2, end)]
            if breaks:
                end = breaks[-1]
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            start = sentence.start + begin + lead
            pieces.append(Sentence(start, start + len(stripped), stripped))
        begin = end
    return pieces
