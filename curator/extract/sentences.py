"""Sentence spans with code-point offsets.

Lines are split first (a headline or list item is its own sentence), except
where a single line break only wraps a paragraph (plain text hard-wrapped at
some 70 columns): the next line starts lower-case, the line ends with a comma
or a word a sentence cannot end on (``the``, ``of``, ``said``), or it is one
of the full lines of a wrapped block (see ``_wraps``); a blank line always
ends a sentence, and a wrapped line break reads as a space. Then
English sentences end at ``.!?`` followed by a space and a capital, digit or
quote, unless the word before the stop is an abbreviation or initial
(``U.S.``, ``Mr.``, ``Inc.``); a decimal point never ends a sentence because
no space follows it. Chinese sentences end at ``。！？``. Source citations
right after a stop (``... on April 13. (asahi.com) (japantoday.com) The new
firm ...``) close the sentence they cite, so two sentences are never glued
into one quote through them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "corp", "co", "ltd", "no", "vs", "etc", "e.g", "i.e",
    "u.s", "u.k", "u.n", "e.u", "approx", "est", "dept", "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "fig", "vol", "p", "pp", "rs",
}
# A source citation such as "(asahi.com)" or "(meti.go.jp 2)" after a stop belongs to the sentence it cites.
_CITATION = r"(?:\s*\((?:[\w-]+\.)+[a-z]{2,}(?:\s+\d+)?\))"
_BOUNDARY = re.compile(
    rf"[.!?]+[\"'”’)\]]*(?:{_CITATION}*(?=\s+[\"'“‘(\[]?[A-Z0-9$¥€£\u4e00-\u9fff])|{_CITATION}+(?=\s|$))|[。！？]+[”’」』)]*{_CITATION}*"
)
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*$")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "D.A. Davidson", "J.P. Morgan": initials, not the end of a sentence

_CJK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")
_LOWER_WORD = re.compile(r"[a-z]+(?![A-Za-z])")

_OPEN_END = re.compile(
    r"(?:[,;]|(?<![\w-])(?:the|a|an|of|to|in|on|at|for|with|by|from|and|or|but|nor|as|than|that|which|who|said|says|"
    r"told|is|was|were|are|be|been|has|have|had|will|would|could|should|its|their|his|her|our|this|these|those|"
    r"into|about|after|before|over|under|between|per|not|no|Mr|Mrs|Ms|Dr))\s*$"
)
_TERMINAL = re.compile(r"[.!?。！？:：\"”’)\]」』]\s*$")
WRAP_COLUMNS = (40, 100)
"""Widths a hard-wrapped block of plain text has (its longest line); source paragraphs one to a line are longer."""
_WRAP_SLACK = 15
"""A wrapped line ends within this many columns of the block's width: the next word did not fit."""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order, each with its offsets in ``text``; a line break that only wraps a
    paragraph is a space in the sentence's text (one character for one, so offsets hold)."""
    sentences: list[Sentence] = []
    lines = text.split("\n")
    wraps = _wraps(lines)
    offset, pending, pending_at = 0, "", 0
    for index, line in enumerate(lines):
        if not pending:
            pending_at = offset
        pending += line
        offset += len(line) + 1
        if index + 1 < len(lines) and _continues(line, lines[index + 1], wraps[index]):
            pending += " "
            continue
        _split_line(pending, pending_at, sentences)
        pending = ""
    return sentences


def _continues(line: str, following: str, wrapped: bool) -> bool:
    """Whether the break between ``line`` and the ``following`` one is inside a sentence."""
    if not line.strip() or not following.strip():
        return False
    if _LOWER_WORD.match(following.lstrip()):
        return True  # not "iPhone", "eBay": a brand may start a headline or a paragraph
    if _TERMINAL.search(line):
        return wrapped and line.rstrip()[-1] == "." and _is_abbreviation(line.rstrip())  # "said Mr. | Parry"
    return wrapped or _OPEN_END.search(line) is not None


def _wraps(lines: list[str]) -> list[bool]:
    """For each line, whether it is a full line of a hard-wrapped block: a run of three or more non-blank lines,
    Latin text, whose longest is ``WRAP_COLUMNS`` wide, and the line ends within ``_WRAP_SLACK`` columns of it."""
    wraps = [False] * len(lines)
    start = 0
    for end in range(len(lines) + 1):
        if end < len(lines) and lines[end].strip():
            continue
        block = lines[start:end]
        width = max((len(line.rstrip()) for line in block), default=0)
        if len(block) >= 3 and WRAP_COLUMNS[0] <= width <= WRAP_COLUMNS[1] and not any(_CJK.search(line) for line in block):
            for index in range(start, end - 1):
                wraps[index] = len(lines[index].rstrip()) >= width - _WRAP_SLACK
        start = end + 1
    return wraps


def _split_line(line: str, offset: int, out: list[Sentence]) -> None:
    start = 0
    for match in _BOUNDARY.finditer(line):
        end = match.end()
        if match.group()[0] == "." and _is_abbreviation(line[start : match.start() + 1]):
            continue
        _emit(line, offset, start, end, out)
        start = end
    _emit(line, offset, start, len(line), out)


def _is_abbreviation(chunk: str) -> bool:
    word = _WORD_BEFORE.search(chunk)
    if not word:
        return False
    token = word.group(1).rstrip(".").lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or _INITIALS.fullmatch(token) is not None


def _emit(line: str, offset: int, start: int, end: int, out: list[Sentence]) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    begin = offset + start + lead
    out.append(Sentence(begin, begin + len(stripped), stripped))
