"""Numbers as written in English and Chinese: ``6.7``, ``1,000``, ``1,5`` (a decimal comma), ``five``,
``一千``, ``两``, ``三亿五千万``, ``2.3万亿``, ``十二点五``.

The regex fragments here are shared by the money, percent and quantity
rules so that a number is read the same way whatever follows it. Chinese
numerals are read by cn2an (its ``smart`` mode, which also takes Arabic
digits mixed with 万/亿: ``3亿5000万``); a decimal before a magnitude that it
refuses (``2.3万亿``) is read as the decimal times the magnitude.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

_MAGNITUDE_AFTER = r"(?=\s?(?:%|％|(?i:per\s?cent|[mb]illion|trillion|thousand|bn|mn)\b))"
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
NUMBER_GLUED = (r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}" + _MAGNITUDE_AFTER + r"|\d+(?:\.\d+)?)(?![\d])"
                + r"(?:\s?[" + "".join(_VULGAR) + r"])?")
"""An Arabic number that may touch letters before it (``RMB5bn``), with a vulgar fraction after it (``6 ½``,
``2¾``: 6.5, 2.75); see ``NUMBER``."""
NUMBER = r"(?<![A-Za-z0-9_.,])" + NUMBER_GLUED
"""An Arabic number not glued to a Latin word or another number (``6.7``, ``1,000``; not ``v2``); Chinese may
touch it (``超过10%``). A comma before one or two digits is a decimal comma only right before a magnitude word
or a percent sign (``1,5 billion``, ``2,5%``); elsewhere ``10,20`` is a list."""

ZH_DIGITS = "零〇一二两三四五六七八九十百千"
ZH_NUMBER = (
    rf"(?<![A-Za-z0-9_.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|[{ZH_DIGITS}])"
    rf"(?:[\d十百千万亿]|(?<!\d)[{ZH_DIGITS}]|[.点](?=[\d{ZH_DIGITS}]))*"
)
"""A number as Chinese writes it: Chinese numerals, Arabic digits, or both with 万/亿 (``3亿5000万``, ``9.6万``,
``5千万``). A Chinese digit right after an Arabic one starts another number (``3000三个关口`` is 3000, then three
barriers)."""

ZH_NUMERALS = ZH_DIGITS
HAS_DIGIT = re.compile(r"\d")
HAS_NUMBER = re.compile(rf"[\d{ZH_DIGITS}]")
"""Cheap tests that let rules skip sentences with no number in them."""

FULL_WIDTH = str.maketrans("０１２３４５６７８９．／－", "0123456789./-")
"""Full-width digits and the point, slash and hyphen between them as ASCII, one code point for one, so offsets are kept: Chinese
copy writes ``１２月３日`` and ``２０１９年`` as well as ``12月3日``; every rule reads the folded text."""

_SCALES = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")


def parse_number(text: str) -> float:
    """The value of a number matched by ``NUMBER`` or ``ZH_NUMBER``.

    A leading 十, 百 or 千 counts one of it (``千亿`` is 1e11, ``千万`` 1e7).
    Raises ``ValueError`` for text that is no number (``万``, ``点``).
    """
    if text[-1:] in _VULGAR and len(text) > 1:
        return parse_number(text[:-1].rstrip()) + _VULGAR[text[-1]]  # "6 ½ minutes" is 6.5
    if _DECIMAL_COMMA.match(text):
        return float(text.replace(",", "."))
    plain = text.replace(",", "")
    try:
        return float(plain)
    except ValueError:
        pass
    try:
        return float(_cn2an()(plain, "smart"))
    except (ValueError, KeyError, IndexError):
        if plain[:1] in "十百千" and len(plain) > 1:
            return parse_number("一" + plain)  # 千亿 is 一千亿, which cn2an reads while it refuses 千亿
        for suffix, scale in _SCALES:
            head = plain[: -len(suffix)]
            if plain.endswith(suffix) and head:
                return parse_number(head) * scale
        raise ValueError(f"not a number: {text!r}") from None


@functools.cache
def _cn2an() -> Callable[[str, str], float]:
    """cn2an's converter, imported on the first Chinese numeral: the package builds its tables on import (about
    half a second), which an article with none should not pay."""
    import cn2an

    return cn2an.cn2an


SEVERAL = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8}
"""The magnitudes that 几/数 may stand before ("几十", "数千万"): "some tens", "several ten-millions"; the amount is
at least the magnitude (the rules give the qualifier over)."""


def several(text: str) -> float | None:
    """The magnitude after 几/数 (``千万`` -> 1e7), or the value of a number that goes on after it (``数十万`` is
    read as ``十万``)."""
    return SEVERAL.get(text, try_number(text))


def try_number(text: str) -> float | None:
    """``parse_number`` or ``None`` when the text is no number."""
    try:
        return parse_number(text)
    except ValueError:
        return None
