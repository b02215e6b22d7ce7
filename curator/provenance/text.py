"""Normalised text, tokens, shingles and sentence fingerprints shared by the provenance modules.

Normalisation (what "the same text" means for stories and syndication):
Unicode NFKC (full-width forms and ligatures folded), case-folded
(``str.casefold``), punctuation, symbols and underscores dropped, whitespace
collapsed. Text is then cut into *tokens*: each Han ideograph or kana is a
token of its own (Chinese and Japanese are written without spaces, so a
character is the unit a reader can move), and each run of other letters or
digits (Latin, Cyrillic, Hangul, ...) is a word token. Mixed text simply
alternates the two.

Shingles are runs of ``SHINGLE`` consecutive tokens (w-shingling, Broder 1997,
"On the resemblance and containment of documents"): four words in English,
four characters in Chinese (about two to three Chinese words), and across a
language switch both at once. A text shorter than one shingle is one shingle
of all its tokens; a text with no token at all (only punctuation or emoji) is
one shingle of its NFKC, whitespace-collapsed form, so identical texts always
share their shingles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

SHINGLE = 4
"""Tokens per shingle."""

_CJK = (
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han: extension A, unified, compatibility
    "\U00020000-\U0003134f"  # Han: extensions B-G
)
_TOKEN = re.compile(f"[{_CJK}]|(?:(?![{_CJK}])[^\\W_])+")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_SPACE = re.compile(r"\s+")
_ANCHOR_TOKEN = re.compile(f"(?:(?![{_CJK}])[^\\W\\d_])(?:(?![{_CJK}])[\\w'’-])*|\\d[\\d,.]*\\d|\\d|[.!?。！？]")
_SENTENCE_END = frozenset(".!?。！？")

MEANINGFUL_WORDS = 8.0
"""Weight a sentence needs to count as copy: 8 words, or 20 CJK characters (each weighs 0.4 of a word)."""
CJK_WEIGHT = 0.4


def written_in_cjk(name: str) -> bool:
    """Whether ``name`` holds a CJK character: a name written in Chinese or Japanese script, which a name in Latin
    script for the same organisation (``AirAsia``, ``马来西亚亚洲航空公司``) cannot be compared with as text."""
    return _CJK_CHAR.search(name) is not None


def tokens(text: str) -> list[str]:
    """The normalised tokens of ``text``: CJK characters one by one, other letter/digit runs as words."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def normalise(text: str) -> str:
    """``text`` as compared: its tokens joined by one space (``"Hello,  World!"`` -> ``"hello world"``)."""
    return " ".join(tokens(text))


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The set of ``size``-token shingles of ``text`` (each shingle's tokens joined by one space).

    Never empty: see the module docstring for short and token-less texts.
    """
    words = tokens(text)
    if not words:
        return {_SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()}
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def anchors(text: str) -> set[str]:
    """The names and numbers of ``text``, case-folded: every number (``4,500`` -> ``4500``) and every capitalised
    word of two letters or more that does not start a sentence (``Acme``, ``NYSE``, ``Denver``; not ``The`` after a
    full stop). What tells one company's or event's report from another written to the same template (the
    differing tokens of templated briefs are names and numbers); Chinese text yields only its numbers and Latin
    names. Any text; never raises."""
    found: set[str] = set()
    start = True
    for match in _ANCHOR_TOKEN.finditer(unicodedata.normalize("NFKC", text)):
        word = match.group()
        if word in _SENTENCE_END:
            start = True
            continue
        if word[0].isdigit():
            found.add(word.replace(",", ""))
        elif word[0].isupper() and not start and len(word) > 1:
            found.add(word.casefold())
        start = False
    return found


def weight(words: list[str]) -> float:
    """How long a token list reads, in words: a CJK character counts ``CJK_WEIGHT`` of a word."""
    cjk = sum(1 for word in words if _CJK_CHAR.fullmatch(word))
    return (len(words) - cjk) + cjk * CJK_WEIGHT


def sentence_fingerprint(sentence: str) -> str | None:
    """16 hex digits of BLAKE2b over the normalised sentence, or None when it is too short to mean copy.

    A sentence is long enough at ``MEANINGFUL_WORDS`` (8 words, 20 CJK characters, or a mix weighing as
    much); shorter ones ("The airline said.", "据报道。") are said independently all the time.
    """
    words = tokens(sentence)
    if weight(words) < MEANINGFUL_WORDS:
        return None
    return hashlib.blake2b(" ".join(words).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
