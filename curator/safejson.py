"""JSON from outside files, refused with a reason instead of an exception that ends the run.

``json.loads`` raises on its own for bad syntax, but three more things in a
hostile or damaged file escape the usual ``JSONDecodeError``: nesting deep
enough to exhaust the recursion limit (``RecursionError``), an integer longer
than Python's 4,300-digit conversion limit (``ValueError``, CVE-2020-10735),
and ``\\ud800``-style escapes that decode to a lone surrogate, which is not
Unicode (RFC 8259 section 8.2 leaves it to the reader) and cannot be stored
in SQLite or written as UTF-8. ``loads`` turns each into ``BadJSON`` whose
message is one readable reason; the caller names the file.
"""

from __future__ import annotations

import json
import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


class BadJSON(ValueError):
    """The text is not JSON curator can use; ``str()`` is the reason, without the file name."""


def loads(text: str, *, one_line: bool = False) -> Any:
    """Parse ``text`` as JSON, or raise BadJSON with the reason (bad syntax, too deep, too long a number, lone surrogate).

    A syntax error names its line, unless ``one_line`` (a JSONL record, whose caller names the line).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        at = "" if one_line else f" at line {error.lineno}"
        raise BadJSON(f"not valid JSON ({error.msg}{at})") from None
    except RecursionError:
        raise BadJSON("not usable JSON (nested too deeply)") from None
    except ValueError as error:
        raise BadJSON(f"not usable JSON ({_number_reason(error)})") from None
    where = lone_surrogate(data)
    if where is not None:
        raise BadJSON(f"{where} holds a lone surrogate (an escape such as \\ud800), which is not valid Unicode")
    return data


def _number_reason(error: ValueError) -> str:
    text = str(error)
    if "digits" in text:
        return "a number has more digits than Python converts (4,300)"
    return text.rstrip(".")


def lone_surrogate(data: Any) -> str | None:
    """Where in parsed JSON a string (key or value) holds a lone surrogate: ``'title'``, ``'a.b[2]'``; None when clean.

    Walks with an explicit stack, so a deep document that parsed cannot overflow here.
    """
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return f"'{where}'" if where else "the document"
        elif isinstance(item, dict):
            for key, value in item.items():
                if _SURROGATE.search(key):
                    return f"a key in '{where}'" if where else "a key"
                stack.append((f"{where}.{key}" if where else key, value))
        elif isinstance(item, list):
            stack.extend((f"{where}[{i}]", value) for i, value in enumerate(item))
    return None
