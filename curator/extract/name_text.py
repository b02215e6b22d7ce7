"""What in an English sentence is about the page, not the story, and the letter folding the name cues read by.

- ``credit_spans``: picture credits (``(AP Photo/Jane Doe)``, ``Photo: X/Reuters``,
  a caption's credit glued to it, ``...underground.CreditChang W. Lee/The New York Times``)
  and copyright lines (``© Provided by Business Insider Inc``): who supplied
  the page, not who is in the story.
- ``title_spans``: a work's title or a nickname in quotation marks (``“The
  Marvelous Mrs Maisel”``, ``"DisGrace"``), told from quoted speech by its
  title case (every word of four letters or more capitalised).
- ``FOLD``: a ``str.translate`` table folding Latin letters with marks to
  ASCII one character for one, so offsets stay those of the text.
"""

from __future__ import annotations

import re
import unicodedata

# A picture credit: "(AP Photo/Jane Doe)", "(Jane Doe/ Space Agency Press Service photo via AP)", "Photo: X/Reuters",
# a caption's credit glued to it ("... underground.CreditChang W. Lee/The New York Times"), a copyright line.
_PICTURE_CREDIT = re.compile(
    r"\((?=[^()]{0,160}/)(?=[^()]{0,160}\b(?i:photos?|pictures?|images|file|handout)\b)[^()]{1,160}\)"
    r"|(?m:^\s*(?i:photo|photograph|picture|image|credit|source)s?\s*:.{0,160}$)"
    r"|(?:^|(?<=[.!?”\"’)\]]))Credit(?:Credit)?(?=[A-Z]).{0,160}$"
    r"|(?:©|\(c\)\s|(?<![\w-])(?i:copyright|provided\sby)\s).{0,160}$"
)
# A work's title or a nickname in quotation marks: every word of four letters or more capitalised
# ("The Marvelous Mrs Maisel", "Mrs Maisel", "DisGrace"); the names in it are not the people or firms of the story.
_QUOTED_TITLE = re.compile(r"[“\"‘](?P<title>[^“”\"‘’]{1,80})(?:[”\"]|’(?![a-z]))")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each picture credit or copyright line in ``text``."""
    return [(m.start(), m.end()) for m in _PICTURE_CREDIT.finditer(text)]


def title_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the words inside each quoted title or nickname in ``text``."""
    return [(m.start("title"), m.end("title")) for m in _QUOTED_TITLE.finditer(text) if _title_case(m.group("title"))]


def _title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z]{4,}", text)
    return bool(words) and all(w[0].isupper() for w in words) and not text.rstrip().endswith((",", "."))


class _FoldTable(dict[int, str]):
    """``str.translate`` table: a Latin letter with marks to its ASCII base of the same case (``é`` -> ``e``,
    ``Ł`` -> ``L``), any other Latin letter to ``a``/``A``; everything else unchanged (Unicode decomposition, NFD)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch.isspace():
            folded = " " if ch not in "\n\r" else ch
        elif ch.isascii() or not (ch.isupper() or ch.islower()) or not unicodedata.name(ch, "").startswith("LATIN"):
            folded = ch
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            folded = base if base.isascii() and base.isalpha() else ("A" if ch.isupper() else "a")
            folded = folded.upper() if ch.isupper() else folded.lower()
        self[code] = folded
        return folded


FOLD = _FoldTable()
"""The one folding table, filled as letters are met."""
