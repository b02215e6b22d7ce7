"""Numbers as written in English and Chinese: ``6.7``, ``1,000``, ``five``, ``一千``, ``两``.

The regex fragments here are shared by the money, percent and quantity
rules so that a number is read the same way whatever follows it.
"""

from __future__ import annotations

import re

NUMBER = r"(?<![A-Za-z0-9_.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])"
"""An Arabic number not glued to a Latin word or another number (``6.7``, ``1,000``; not ``v2``); Chinese may touch it (``超过10%``)."""

ZH_NUMERALS = "零〇一二两三四五六七八九十百千"
ZH_NUMBER = rf"(?:\d+(?:\.\d+)?|[{ZH_NUMERALS}]+)"

HAS_DIGIT = re.compile(r"\d")
HAS_NUMBER = re.compile(rf"[\d{ZH_NUMERALS}]")
"""Cheap tests that let rules skip sentences with no number in them."""

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}


def parse_number(text: str) -> float:
    """An Arabic number with thousands separators, or Chinese numerals below ten thousand."""
    if text[:1].isdigit():
        return float(text.replace(",", ""))
    return float(chinese_below_wan(text))


def chinese_below_wan(text: str) -> int:
    """``三千五百`` -> 3500, ``十八`` -> 18, ``两`` -> 2 (万 and 亿 are magnitudes, read by the caller)."""
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            total += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
    return total + (digit or 0)
