"""A ``.jsonl`` file read as a stream: one line at a time, each record under the size cap on its own.

A JSONL file can hold an export of thousands of articles, so the cap
(``MAX_BYTES``) applies to each line (record), not to the file, and the file
is never read whole: memory follows the longest line kept, at most the cap.
A line over the cap is named (``file:line``) and skipped unread past the cap;
the other lines are ingested. Lines split on ``\\n`` in the bytes for UTF-8 and
the ASCII-compatible codecs a user may name (no multi-byte character of
GB18030, Big5 or Shift_JIS holds the byte 0x0A); a UTF-16 or UTF-32 file (by
its byte-order mark or ``--encoding``) is read through a decoding stream.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import AnyStr, BinaryIO

from curator.ingest.article import Skipped
from curator.ingest.decoding import DecodeError, known_codec
from curator.ingest.records import from_line
from curator.models import Article

_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SKIP_CHUNK = 1 << 20
"""Bytes read at a time while passing over the rest of a line that is over the cap."""


def stream_jsonl(path: Path, max_bytes: int, encoding: str | None = None) -> Iterator[Article | Skipped]:
    """Each record of a JSONL file as an Article, or a Skipped naming ``file:line`` and the reason.

    A file that cannot be opened or has no record at all is one Skipped naming the file.
    ``max_bytes`` caps each line (in bytes as stored; characters for UTF-16/32).
    """
    name = str(path)
    found = False
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
            handle.seek(0)
            codec = known_codec(encoding) if encoding else None  # a named codec prevails over a byte-order mark
            wide = codec if _is_wide(codec) else None if codec else next((c for m, c in _WIDE_BOMS if head.startswith(m)), None)
            if codec is None and wide is None and b"\x00" in head:
                yield Skipped(name, "binary file, not text")
                return
            lines = _text_lines(handle, wide, max_bytes) if wide else _byte_lines(handle, codec, max_bytes)
            for number, line, reason in lines:
                found = True
                where = f"{name}:{number}"
                yield from_line(line, f"{path.name}:{number}", where) if line is not None else Skipped(where, reason)
    except DecodeError as error:
        yield Skipped(name, str(error))
        return
    except OSError as error:
        yield Skipped(name, f"cannot be read ({error.strerror or error})")
        return
    if not found:
        yield Skipped(name, "empty (no records)")


def _is_wide(codec: str | None) -> bool:
    return codec is not None and codec.startswith(("utf-16", "utf-32"))


def _byte_lines(handle: BinaryIO, codec: str | None, max_bytes: int) -> Iterator[tuple[int, str | None, str]]:
    """(line number, text, "") of each non-blank line, or (number, None, why it cannot be read)."""
    first, rest = ("utf-8-sig", "utf-8") if codec in (None, "utf-8") else (codec, codec)
    for number, raw in enumerate(_capped(handle.readline, max_bytes, b"\n"), start=1):
        if raw is None:
            yield number, None, _too_large(max_bytes)
            continue
        try:
            text = raw.decode(first if number == 1 else rest)
        except UnicodeDecodeError as error:
            named = "UTF-8" if codec in (None, "utf-8") else codec
            yield number, None, f"not {named} (byte 0x{raw[error.start]:02x} at offset {error.start} of the line)"
            continue
        if text.strip():
            yield number, text, ""


def _text_lines(handle: BinaryIO, codec: str, max_chars: int) -> Iterator[tuple[int, str | None, str]]:
    """The same for UTF-16/32 files, through a decoding stream (a decoding error ends the file: ``DecodeError``)."""
    reader = io.TextIOWrapper(handle, encoding=codec, newline="")
    try:
        for number, text in enumerate(_capped(reader.readline, max_chars, "\n"), start=1):
            if text is None:
                yield number, None, _too_large(max_chars)
            elif text.strip():
                yield number, text, ""
    except UnicodeDecodeError as error:
        raise DecodeError(f"not {codec.upper()} ({error.reason})") from None
    finally:
        reader.detach()


def _too_large(cap: int) -> str:
    return f"record too large (over {cap:,} bytes; the limit applies to each record)"


def _capped(readline: Callable[[int], AnyStr], cap: int, end: AnyStr) -> Iterator[AnyStr | None]:
    """Lines from ``readline`` (bytes or str), None for one longer than ``cap`` (its end not counted), read past unkept."""
    while True:
        line = readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(end):
            while line and not line.endswith(end):
                line = readline(_SKIP_CHUNK)
            yield None
        else:
            yield line
