"""Near-duplicate articles grouped into stories: MinHash signatures, LSH buckets, a verification step.

A **story** is a set of articles whose texts are the same piece of writing: two
captures of one page, the same wire copy saved as ``.txt`` and ``.html``, a
version with a correction line, a changed side box or page furniture. Articles
of one story count once as a source (see ``curator.provenance.sources``).

Method (Broder 1997, "On the resemblance and containment of documents";
Leskovec, Rajaraman, Ullman, *Mining of Massive Datasets*, ch. 3), with the
``datasketch`` library's MinHash (scheme ``affine32``, seed 1, 128
permutations) and MinHashLSH:

1. The text's shingles (``curator.provenance.text.shingles``: 4 words, or 4
   CJK characters) are summarised by a 128-value MinHash signature.
2. LSH with 42 bands of 3 rows puts the signature in buckets; only articles
   sharing a bucket are compared (a pair with Jaccard similarity 0.45 shares a
   bucket with probability 0.98; an unrelated pair at 0.01, about 1 in 24,000).
   Cost grows with the articles and their near neighbours, never with all pairs.
3. Verification: a candidate is the same story when the estimated Jaccard
   similarity is at least ``jaccard`` (0.45), or when the estimated
   *containment* of the smaller shingle set in the larger is at least
   ``containment`` (0.6): an article plus a side box, furniture or a
   correction line still matches itself. Containment is derived from the
   Jaccard estimate and the two set sizes:
   ``|A∩B| = J(|A|+|B|)/(1+J)``, containment ``= |A∩B| / min(|A|,|B|)``.
   Two different stories that share a few background paragraphs stay apart.
4. Names and numbers (``curator.provenance.text.anchors``) must agree about
   as much as the text does: templated briefs about different companies
   (one earnings-release or filing template, long shared boilerplate) pass
   step 3, but what differs between them is their names and numbers, while
   two copies of one story differ by whole passages (furniture, a correction)
   that hold names and numbers in the same proportion as the rest. So the
   containment of one text's anchors in the other's must be at least the
   text containment less ``ANCHOR_MARGIN`` (0.15, room for the estimates'
   error). Anchors are kept as a bottom-k sketch (the ``ANCHORS`` smallest of
   their 32-bit BLAKE2b hashes; Cohen 1997, "Size-estimation framework with
   applications to transitive closure and reachability"); a text with fewer
   than ``MIN_ANCHORS`` (Chinese text, whose names are not capitalised) or a
   fingerprint stored before this step skips it.

Assignment is incremental and deterministic: the earlier articles sharing a
bucket with the new one are grouped by story; in each story they are verified
in the order they were added, stopping at the first that passes (at most
``PER_STORY`` tries, so a story of many copies costs a bounded number of
comparisons). The article joins the story whose passing member is most
similar (highest Jaccard; ties to the earlier story), else starts its own
story, whose id is the article's own id. Stories are never merged afterwards,
so a story id is always the id of its earliest-added member.

A reviewer can **split** a wrong link: a pair of article ids that are not the
same story. An article never joins a story holding an article it is split
from; recording a split replays the assignments in the order articles were
added and reports the articles whose story changed.

Persistence as plain data: per article, its ``Fingerprint`` (article id,
signature as 512 bytes of little-endian uint32 followed by the anchor
sketch, up to ``ANCHORS`` sorted little-endian uint32, number of distinct
shingles), in the order added; the split pairs. ``StoryIndex.load`` rebuilds
the same stories from them without re-reading any text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import hashlib

import numpy as np
from datasketch import MinHash, MinHashLSH

from curator.errors import CuratorError
from curator.provenance.text import anchors, shingles

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
BANDS, ROWS = 42, 3
JACCARD = 0.45
CONTAINMENT = 0.6
PER_STORY = 16
ANCHORS = 64
MIN_ANCHORS = 4
ANCHOR_MARGIN = 0.15
_SIGNATURE_BYTES = NUM_PERM * 4
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


@dataclass(frozen=True)
class Fingerprint:
    """What the store keeps per article to rebuild its story without the text."""

    article_id: str
    signature: bytes
    """The MinHash values as ``NUM_PERM`` little-endian uint32 (512 bytes), then the anchor sketch: up to ``ANCHORS``
    sorted little-endian uint32 (none in a fingerprint stored before anchors were kept)."""
    size: int
    """Number of distinct shingles of the text (at least 1)."""


def fingerprint(article_id: str, text: str) -> Fingerprint:
    """The MinHash fingerprint of one article's text with its anchor sketch (any text; never raises)."""
    found = shingles(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_PERMUTATIONS)
    minhash.update_batch(s.encode("utf-8", "surrogatepass") for s in found)
    sketch = sorted({_anchor_hash(a) for a in anchors(text)})[:ANCHORS]
    signature = minhash.hashvalues.astype("<u4").tobytes() + np.array(sketch, dtype="<u4").tobytes()
    return Fingerprint(article_id, signature, len(found))


def _anchor_hash(anchor: str) -> int:
    return int.from_bytes(hashlib.blake2b(anchor.encode("utf-8", "surrogatepass"), digest_size=4).digest(), "little")


def similarity(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """(estimated Jaccard similarity, estimated containment of the smaller set in the larger), both 0..1."""
    ours, theirs = _values(a), _values(b)
    jaccard = float(np.count_nonzero(ours == theirs)) / NUM_PERM
    common = jaccard * (a.size + b.size) / (1 + jaccard)
    return jaccard, min(1.0, common / min(a.size, b.size))


def anchor_containment(a: Fingerprint, b: Fingerprint) -> float | None:
    """The estimated containment of the smaller anchor set in the larger (0..1), None when either side has fewer
    than ``MIN_ANCHORS``. Both sketches are cut at the smaller of their largest hashes (below it each sketch holds
    every anchor of its text), then compared exactly."""
    ours, theirs = _anchor_sketch(a), _anchor_sketch(b)
    if len(ours) < MIN_ANCHORS or len(theirs) < MIN_ANCHORS:
        return None
    cut = min(ours[-1] if len(ours) == ANCHORS else np.inf, theirs[-1] if len(theirs) == ANCHORS else np.inf)
    ours, theirs = ours[ours <= cut], theirs[theirs <= cut]
    return len(np.intersect1d(ours, theirs, assume_unique=True)) / min(len(ours), len(theirs))


def same_story(a: Fingerprint, b: Fingerprint, jaccard: float = JACCARD, containment: float = CONTAINMENT) -> bool:
    """Whether two texts are one story (module docstring, steps 3 and 4): alike enough as text, and with names and
    numbers agreeing about as much as the text does."""
    text_jaccard, text_containment = similarity(a, b)
    if text_jaccard < jaccard and text_containment < containment:
        return False
    names = anchor_containment(a, b)
    return names is None or names >= max(text_containment, text_jaccard) - ANCHOR_MARGIN


def _values(fp: Fingerprint) -> np.ndarray:
    extra = len(fp.signature) - _SIGNATURE_BYTES
    if extra < 0 or extra % 4 or extra > 4 * ANCHORS or fp.size < 1:
        raise CuratorError(
            f"the story fingerprint of article {fp.article_id} is damaged "
            f"({len(fp.signature)} bytes, {fp.size} shingles; expected {_SIGNATURE_BYTES} bytes and an anchor sketch)."
        )
    return np.frombuffer(fp.signature[:_SIGNATURE_BYTES], dtype="<u4")


def _anchor_sketch(fp: Fingerprint) -> np.ndarray:
    return np.frombuffer(fp.signature[_SIGNATURE_BYTES:], dtype="<u4")


class StoryIndex:
    """Articles grouped into stories, built one article at a time (see the module docstring).

    ``verifications`` counts the similarity checks made, so tests can show the
    cost stays far below all pairs.
    """

    def __init__(self, *, jaccard: float = JACCARD, containment: float = CONTAINMENT,
                 splits: Iterable[tuple[str, str]] = ()) -> None:
        self.jaccard = jaccard
        self.containment = containment
        self.verifications = 0
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
        self._prints: dict[str, Fingerprint] = {}
        self._order: dict[str, int] = {}
        self._story: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._split: dict[str, set[str]] = {}
        for a, b in splits:
            self._record_split(a, b)

    @classmethod
    def load(cls, fingerprints: Iterable[Fingerprint], splits: Iterable[tuple[str, str]] = (),
             **thresholds: float) -> StoryIndex:
        """Rebuild an index from stored fingerprints (in the order they were added) and split pairs."""
        index = cls(splits=splits, **thresholds)
        for fp in fingerprints:
            index.add_fingerprint(fp)
        return index

    def add(self, article_id: str, text: str) -> str:
        """Add one article by its text; returns the id of the story it joins (its own id if new)."""
        if article_id in self._story:
            return self._story[article_id]
        return self.add_fingerprint(fingerprint(article_id, text))

    def add_fingerprint(self, fp: Fingerprint) -> str:
        """Add one article by a stored fingerprint; returns its story id. Adding an id again is a no-op."""
        if fp.article_id in self._story:
            return self._story[fp.article_id]
        minhash = _minhash(_values(fp))
        self._order[fp.article_id] = len(self._order)
        self._prints[fp.article_id] = fp
        story = self._assign(fp, minhash)
        self._lsh.insert(fp.article_id, minhash, check_duplication=False)
        self._story[fp.article_id] = story
        self._members.setdefault(story, []).append(fp.article_id)
        return story

    def split(self, a: str, b: str) -> dict[str, str]:
        """Record that articles ``a`` and ``b`` are not one story; returns {article id: new story id} for
        every article whose story changed (empty when they were apart already)."""
        if a == b:
            raise CuratorError(f"article {a} cannot be split from itself.")
        self._record_split(a, b)
        before = dict(self._story)
        self._story.clear()
        self._members.clear()
        for article_id in sorted(self._order, key=self._order.__getitem__):
            fp = self._prints[article_id]
            story = self._assign(fp, _minhash(_values(fp)))
            self._story[article_id] = story
            self._members.setdefault(story, []).append(article_id)
        return {article: story for article, story in self._story.items() if before.get(article) != story}

    def story_of(self, article_id: str) -> str:
        """The story id of an added article (KeyError for an id never added)."""
        return self._story[article_id]

    def stories(self) -> dict[str, tuple[str, ...]]:
        """{story id: member article ids in the order added}."""
        return {story: tuple(members) for story, members in self._members.items()}

    def fingerprints(self) -> list[Fingerprint]:
        """Every fingerprint in the order added: what to store to ``load`` the index again."""
        return [self._prints[a] for a in sorted(self._order, key=self._order.__getitem__)]

    @property
    def splits(self) -> frozenset[tuple[str, str]]:
        """The recorded split pairs, each as (smaller id, larger id)."""
        return frozenset((a, b) for a, partners in self._split.items() for b in partners if a < b)

    def _record_split(self, a: str, b: str) -> None:
        self._split.setdefault(a, set()).add(b)
        self._split.setdefault(b, set()).add(a)

    def _assign(self, fp: Fingerprint, minhash: MinHash) -> str:
        mine = self._order[fp.article_id]
        earlier = sorted((self._order[k], k) for k in self._lsh.query(minhash) if self._order[k] < mine)
        by_story: dict[str, list[str]] = {}
        for _, key in earlier:
            if key in self._story:
                by_story.setdefault(self._story[key], []).append(key)
        apart = self._split.get(fp.article_id, set())
        best: tuple[float, int, str] | None = None
        for story, keys in by_story.items():
            if apart & set(self._members[story]):
                continue
            score = self._verified(fp, keys[:PER_STORY])
            if score is not None and (best is None or (-score, self._order[story]) < (-best[0], best[1])):
                best = (score, self._order[story], story)
        return best[2] if best else fp.article_id

    def _verified(self, fp: Fingerprint, keys: list[str]) -> float | None:
        for key in keys:
            self.verifications += 1
            if same_story(fp, self._prints[key], self.jaccard, self.containment):
                return similarity(fp, self._prints[key])[0]
        return None


def _minhash(values: np.ndarray) -> MinHash:
    return MinHash(seed=SEED, scheme=SCHEME, hashvalues=values, permutations=_PERMUTATIONS)
