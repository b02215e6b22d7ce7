"""Bytes -> text: the BOM, then the declared charset, then detection (HTML only).

The order follows the HTML standard's encoding sniffing (WHATWG "determining
the character encoding": BOM, transport-layer charset, ``<meta charset>`` /
``http-equiv`` prescan), with its label replacements (GB2312 and GBK read as
GB18030, ASCII and Latin-1 as windows-1252, ...), and charset-normalizer
detection where nothing is declared. Text files state no charset, so they
must be UTF-8 unless the user names their codec.
"""

from __future__ import annotations

import codecs
import re

PRESCAN_BYTES = 4096
"""How far into a page a charset declaration is looked for (the standard's prescan reads 1024; pages overshoot)."""

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "euc-cn": "gb18030",
    "big5": "big5hkscs", "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "ascii": "cp1252", "us-ascii": "cp1252",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "iso8859-1": "cp1252",
}
"""WHATWG Encoding Standard label mapping: each label read by the superset browsers use for it."""


class DecodeError(ValueError):
    """Bytes that could not be read as text; the message says why and what to do."""


def known_codec(name: str) -> str:
    """The codec Python knows ``name`` by; raises DecodeError naming it when there is none."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise DecodeError(f"'{name}' is not a text encoding Python knows (try utf-8, gb18030, big5, cp1252)") from None


def decode_text(data: bytes, encoding: str | None = None) -> str:
    """A text file: the named ``encoding``, else a BOM's, else strict UTF-8."""
    if encoding:
        return _decode_as(data, encoding)
    bom = _bom(data)
    if bom:
        return _decode_bom(data, bom)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DecodeError(
            f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); if you know its encoding,"
            " name it with --encoding CODEC (e.g. gb18030, big5, shift_jis, cp1252)"
        ) from None


def decode_html(data: bytes, declared: str | None = None, encoding: str | None = None) -> str:
    """A web page: the named ``encoding``, else BOM, else ``declared`` (HTTP header), else the page's
    own declaration, else UTF-8, else charset-normalizer's best guess."""
    if encoding:
        return _decode_as(data, encoding)
    bom = _bom(data)
    if bom:
        return _decode_bom(data, bom)
    for label in (declared, page_charset(data), "utf-8"):
        if label:
            try:
                return data.decode(_SUPERSETS.get(label.lower(), label))
            except (LookupError, UnicodeDecodeError):
                continue
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only for undeclared, non-UTF-8 pages

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("its encoding could not be told (no charset declared, not UTF-8); name it with --encoding CODEC")
    return str(best)


def page_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>``, ``http-equiv``, XML declaration)."""
    head = data[:PRESCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_DECLARATION.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _bom(data: bytes) -> str | None:
    return next((codec for mark, codec in _BOMS if data.startswith(mark)), None)


def _decode_bom(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        name = codec.removesuffix("-sig").upper()
        raise DecodeError(f"starts with a {name} byte-order mark but is not {name} (offset {error.start})") from None


def _decode_as(data: bytes, encoding: str) -> str:
    codec = known_codec(encoding)
    try:
        return data.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as error:
        raise DecodeError(f"not {encoding} (byte 0x{data[error.start]:02x} at offset {error.start})") from None
