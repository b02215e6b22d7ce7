"""Optional statistical NER: a spaCy pipeline's PERSON and ORG entities as entity candidates.

``pip install curator[ner]`` brings spaCy; ``curator extract --ner MODEL``
loads MODEL with ``spacy.load`` (an installed pipeline name such as
``en_core_web_sm``, or a path to a saved pipeline) and adds the people and
organisations it finds, extractor ``ner:MODEL``, wherever the rules found no
entity on the same words. The rules run first and stay the same with or
without a model; the model's names take part in the sentence's subject like
any other. Sentences go through ``nlp.pipe`` one article at a time, so the
cost follows the text and spaCy's own length limit is never reached.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from typing import Any

from curator.errors import CuratorError
from curator.extract.base import Context, Mention
from curator.extract.lexicon import Entity
from curator.extract.sentences import Sentence

LABELS = {"PERSON": "person", "PER": "person", "ORG": "organisation"}
"""spaCy entity labels (OntoNotes and WikiNER schemes) -> curator entity types; other labels are left out."""


@dataclass(frozen=True)
class Ner:
    """A loaded pipeline and the name it was loaded by (the extractor is ``ner:<name>``)."""

    name: str
    nlp: Any


def load_ner(name: str) -> Ner:
    """``spacy.load(name)``; CuratorError in one sentence when spaCy is missing or the pipeline cannot be loaded."""
    try:
        import spacy
    except ImportError:
        raise CuratorError("--ner needs spaCy: install curator with the ner extra (pip install 'curator[ner]').") from None
    try:
        return Ner(name, spacy.load(name))
    except (OSError, ValueError, KeyError) as error:
        raise CuratorError(f"the NER pipeline '{name}' cannot be loaded ({str(error).splitlines()[0]}).") from None


class NerRule:
    """Runs after the entity rules of each sentence; the model's entities of an article are computed once."""

    def __init__(self, ner: Ner, sentences: list[Sentence]) -> None:
        self.ner = ner
        self.docs = dict(zip((s.start for s in sentences), ner.nlp.pipe(s.text for s in sentences)))

    def run(self, ctx: Context, sentence: Sentence) -> None:
        mentions = ctx.mentions.setdefault(sentence.start, [])
        spans = sorted((m.start, m.end) for m in mentions)
        starts, reach = [s for s, _ in spans], list(itertools.accumulate((e for _, e in spans), max))
        for ent in self.docs[sentence.start].ents:
            kind = LABELS.get(ent.label_)
            text = ent.text.removesuffix("'s").removesuffix("’s").strip()
            if kind is None or len(text) < 2:
                continue
            start = sentence.start + ent.start_char + (len(ent.text) - len(ent.text.lstrip()))
            end = start + len(text)
            index = bisect.bisect_left(starts, end) - 1
            if index >= 0 and reach[index] > start:
                continue  # the rules named these words already
            entity = ctx.lex.entity(text) or Entity(text, kind)
            if ctx.add("entity", start, end, entity.name, unit=entity.type, subject=entity.name,
                       extractor=f"ner:{self.ner.name}", statement=f"{entity.name} ({entity.type})"):
                mentions.append(Mention(start, end, entity))
        mentions.sort(key=lambda m: m.start)
