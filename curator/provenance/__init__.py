"""Provenance: which articles are one story, which outlet told what, which sentences are copy.

Pure modules (no SQL, no Textual) that matching, the store and the export call:

- ``text``: normalised text, tokens, shingles, sentence fingerprints.
- ``stories``: near-duplicate articles grouped into stories (MinHash + LSH).
- ``outlets``: an article's outlet from its dateline; one canonical name per outlet.
- ``syndication``: sentences repeated across stories (wire copy).
- ``sources``: a claim's independent sources from its evidence.
- ``units``, ``predicates``, ``slots``: the slot a candidate fills, so claims join by slot.
"""
