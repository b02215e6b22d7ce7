"""How a fact's value reads to a person: ``$6.7 billion``, ``¥1 trillion``, ``29%``, ``2026-04``.

Shared by the review screen and the Markdown export, so a value looks the same
everywhere; no Textual here. Also the marks that stand beside colours (a
colour alone is not a signal: some reviewers cannot tell red from green).
"""

from __future__ import annotations

import re
from typing import Any

from curator.inflection import after_many, after_one
from curator.textsafety import BIDI_OVERRIDES, CONTROL

CURRENCY_SYMBOLS = {"USD": "$", "JPY": "¥", "EUR": "€", "GBP": "£", "CNY": "CN¥"}
MAGNITUDES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
NUMERIC_KINDS = {"money", "percent", "quantity"}

STATUS_MARKS = {"pending": "·", "accepted": "✓", "edited": "✎", "rejected": "✗", "skipped": "↷"}
CORROBORATION_MARKS = {"corroborated": "◆", "single-source": "◇", "conflict": "⚠", "mention": "○"}
DISPUTED_MARK = "≠"
LEASED_MARK = "⊘"


def _trim(number: float, places: int) -> str:
    text = f"{number:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def human_number(number: float) -> str:
    """``6.7e9`` -> ``6.7 billion``, ``1e7`` -> ``10 million``, ``1500`` -> ``1,500``."""
    size = abs(number)
    for scale, word in MAGNITUDES:
        if size >= scale:
            return f"{_trim(number / scale, 3)} {word}"
    return _trim(number, 2)


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value))
    except (TypeError, ValueError):
        return None


def format_value(kind: str, value: Any, unit: str | None = None, qualifier: str | None = None, high: Any = None) -> str:
    """A value as a person reads it, with its qualifier (``up to ¥1 trillion``); with ``high``, a range read with
    both ends, never its low end alone (``$24 to $28``, ``5% to 10%``, ``400 to 600 breaks``, ``2019-05-10 to
    2019-05-12``: the unit once, after the high end, where English and Chinese style put it)."""
    if value is None or value == "":
        return "—"
    if high is not None and high != "" and high != value:
        low = _plain(kind, value, unit) if kind in {"money", "percent", "date"} or _as_number(value) is None else human_number(
            _as_number(value) or 0.0)
        text = f"{low} to {_plain(kind, high, unit)}"
    else:
        text = _plain(kind, value, unit)
    return f"{qualifier} {text}" if qualifier else text


def range_end(value: Any, attrs: dict[str, Any] | None) -> Any:
    """The high end of the range ``attrs["range"]`` (``[low, high]``, as the extractors store it) whose low end is
    still ``value``; ``None`` when there is none, or when an edit changed the value (the range is no longer stated)."""
    ends = (attrs or {}).get("range")
    if isinstance(ends, (list, tuple)) and len(ends) == 2 and ends[0] == value:
        return ends[1]
    return None


def _plain(kind: str, value: Any, unit: str | None) -> str:
    number = _as_number(value) if kind in NUMERIC_KINDS else None
    if number is None:
        return str(value)
    if kind == "money":
        amount = human_number(number)
        symbol = CURRENCY_SYMBOLS.get(unit or "")
        return f"{symbol}{amount}" if symbol else f"{amount} {unit}".strip()
    if kind == "percent":
        return f"{_trim(number, 2)}%"
    shown = (after_one(unit) if number == 1 else after_many(unit)) if unit else unit
    return f"{human_number(number)} {shown}".strip() if shown else human_number(number)


def editable_value(kind: str, value: Any) -> str:
    """The value as a reviewer would type it in the edit form, exact when read back.

    ``6.7e9`` becomes ``6.7 billion`` (the schema parses magnitude words), but
    only when that text means exactly the stored number.
    """
    if value is None:
        return ""
    number = _as_number(value) if kind in NUMERIC_KINDS else None
    if number is None:
        return str(value)
    for scale, word in MAGNITUDES:
        if abs(number) >= scale:
            short = f"{number / scale:.6g}"
            if float(short) * scale == number:
                return f"{short} {word}"
            break
    return f"{number:.15g}" if number != int(number) else str(int(number))


_CONTROLS = re.compile(f"{CONTROL.pattern}|{BIDI_OVERRIDES.pattern}|[\u200e\u200f]")
"""What ``one_line`` drops: control characters, bidi overrides and the left-to-right/right-to-left marks."""


def one_line(text: str) -> str:
    """``text`` safe on one terminal line: whitespace runs as one space, control and bidi-override characters dropped.

    For outside text (article titles and snippets) printed by the CLI, so an
    escape sequence in an article cannot move the cursor or recolour the terminal.
    """
    return _CONTROLS.sub("", " ".join(text.split()))
