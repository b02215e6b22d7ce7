"""Control characters made visible, so outside text never drives a terminal.

Article text, titles, names and notes come from anyone. A terminal acts on
control characters: ``ESC ]0;…BEL`` retitles the window, ``ESC [2J`` clears
it, OSC 52 writes the clipboard, and the C1 range (U+0080-U+009F) holds the
8-bit forms of the same introducers. Every such character is swapped for a
visible stand-in of the same length, one code point for one, so offsets into
the stored text (``start``/``end`` of a candidate, a quote's position) still
point at the same characters: C0 controls become the Unicode Control
Pictures (U+2400-U+241F, ``ESC`` reads ``␛``), DEL reads ``␡`` and a C1
control reads ``␦`` (U+2426). Newline and tab are kept: they are layout,
and every writer handles them. The rule follows ECMA-48 (ISO 6429), which
defines C0, C1 and DEL as the control functions.

Pure Python, no Textual: the review screen, the exports and the CLI share it.
"""

from __future__ import annotations

import re

KEPT = "\n\t"
C1_PICTURE = "\u2426"
DEL_PICTURE = "\u2421"

PICTURES: dict[int, str] = {
    **{code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in KEPT},
    0x7F: DEL_PICTURE,
    **{code: C1_PICTURE for code in range(0x80, 0xA0)},
}
"""Code point -> its visible stand-in (a ``str.translate`` table)."""

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Any character ``visible`` replaces."""

BIDI_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidirectional embeddings, overrides and isolates (Unicode UAX #9): they reorder how text reads on screen, never
what it says, so a quote can be made to read backwards ("Trojan Source", CVE-2021-42574)."""


def visible(text: str) -> str:
    """``text`` with every control character but newline and tab shown as a picture; same length.

    >>> visible("a\\x1b[2Jb\\x07")
    'a␛[2Jb␇'
    """
    return text.translate(PICTURES) if CONTROL.search(text) else text


def visible_on_screen(text: str) -> str:
    """``visible`` for a screen drawn cell by cell: a tab reads as one space too (still one for one), since a raw
    tab would move the terminal's cursor past the cells the screen thinks it drew."""
    return visible(text).replace("\t", " ")


def visible_line(text: str) -> str:
    """``visible`` for a one-line place (a title, a toast head): newlines and tabs read as spaces too."""
    return " ".join(visible(text).split("\n")).replace("\t", " ")


def has_control(text: str) -> bool:
    """True when ``text`` holds a character ``visible`` would replace."""
    return CONTROL.search(text) is not None


_JSON_UNESCAPED = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}


def json_safe(text: str) -> str:
    """JSON text with DEL and C1 written as ``\\u`` escapes too (the same value: ``json`` escapes only C0), so a
    document read in a terminal drives nothing."""
    return text.translate(_JSON_UNESCAPED) if CONTROL.search(text) else text
