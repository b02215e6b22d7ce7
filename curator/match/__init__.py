"""Claims: candidates from different articles that state the same fact, and the claims that contradict them.

Never all pairs. Candidates are blocked by kind and a normalised key, and
compared only inside a block:

- ``entity``: one claim per canonical name (aliases were resolved by the
  extractor: ``Sony``, ``Sony Group`` and ``索尼`` are one entity).
- relations (``founded-by``, ``naming``, ...): the block is (kind, subject);
  equal values (case-folded) are one claim. For single-valued kinds
  (``naming``: a venture has one name) two values in one block conflict.
- numbers (``money``, ``percent``, ``quantity``) and ``date``: the block is
  (kind, unit, value). Inside it a candidate joins the first claim whose
  context it resembles (rapidfuzz ``token_set_ratio`` of subject and nearby
  words, at least ``match.threshold``), else starts a claim: greedy leader
  clustering, so cost grows with candidates times claims in a block, not
  candidates squared. A ``distinctive`` value (two significant digits or
  more, a date with its month) that joins nothing so also joins a claim
  whose words around the figure share a content word and are alike at
  ``LOOSE_THRESHOLD`` (50): outlets word one fact their own way. A round
  figure joins by predicate only with a subject or role on both sides. Money is compared in its own currency; a conversion
  (``¥1 trillion (around $6.7 billion)``) is linked through the candidates'
  ``equivalents``, never merged.
- conflicts between numbers: two claims of one kind and unit whose values
  differ by at most ``match.tolerance`` (6.1 vs 6.7 billion) and that fill
  the same slot: one stated subject and alike contexts (``same_slot``), or
  both conversions of one claim (the same ¥1 trillion told as $6.7 and as
  $6.1 billion). Values further apart are unrelated facts, and so are two
  values whose claims one article first told (from X to Y). Candidates for
  a pair are found through an index per (kind, unit) of subject and context
  stem by value (``_SlotIndex``), so the cost follows the pairs that share
  something, not all pairs of close values.
- big blocks (a round figure such as 10% in a large corpus) hold thousands
  of unrelated facts: clustering compares a candidate only with the groups
  sharing an uncommon context stem with it (``_Block``), for the same reason.
  A stem shared by more than ``COMMON`` groups is too common to tell facts
  apart. All of it runs with the cyclic garbage collector paused
  (``gcpause``), whose full passes over a large heap made matching grow
  faster than linearly.

Corroboration counts independent articles: repeats inside one article, or
its Chinese summary and English text, count once (sources = distinct
articles). A claim in conflict is marked ``conflict`` whatever its sources.

Candidates are matched as reviewers' edits in force tell them: an edited
value, unit or subject files the candidate under the claim it now states
(``pending``), so an edit never relabels other articles' evidence.

Modules: ``clustering`` (blocks and groups), ``conflicts`` (which claims
contradict which), ``claims`` (groups to claims), all pure; ``incremental``
(reading from and writing to the store); ``pending`` (finishing what an
interrupted run or an edit left to match).
"""

from __future__ import annotations

from curator.match.claims import match_candidates
from curator.match.clustering import claim_id, context_words
from curator.match.conflicts import same_slot
from curator.match.incremental import match_new, rematch
from curator.match.pending import finish_matching, settle_moves

__all__ = [
    "claim_id", "context_words", "finish_matching", "match_candidates", "match_new", "rematch", "same_slot", "settle_moves",
]
