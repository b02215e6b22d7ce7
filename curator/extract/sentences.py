"""Sentence spans with code-point offsets.

Lines are split first (a headline or list item is its own sentence), then
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


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        _split_line(line, offset, sentences)
        offset += len(line) + 1
    return sentences


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
