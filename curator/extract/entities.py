"""Organisations, people and programmes: those the lexicon names, then those found by their cues.

Lexicon names (``entities`` in facts.yaml and the corpus profile) are
matched ignoring case (``Softbank``) but must start with a capital as written
(``decrypt`` the verb is not ``Decrypt`` the outlet); value and subject are
the canonical name (``Sony`` and ``索尼`` are ``Sony Group``), unit the entity
type. An abbreviation in brackets right after the full name (``New Energy
and Industrial Technology Development Organization (NEDO)``) is one mention,
not two. Names no lexicon lists come from ``open_entities`` (extractor
``entity.open.<rule>``; ``entity.open.repeat`` for a bare mention of a name
the article gives elsewhere) wherever they do not overlap a lexicon name; an
apposition ``X, the chief executive of Y`` also gives X the role. The outlet
of a dateline and the staff of a credit line (``PROVENANCE_RULES``) are no
claims and are not looked for again elsewhere in the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from curator.extract.base import Context, Mention
from curator.extract.lexicon import Entity, Lexicon, alternation
from curator.extract.name_shapes import Found, dedupe
from curator.extract.name_text import FOLD
from curator.extract.open_entities import english
from curator.extract.open_entities_kinds import coordinated, settle_agents, with_kinds
from curator.extract.open_entities_zh import chinese, joined_to_name
from curator.extract.sentences import Sentence


_HAN = re.compile(r"[\u4e00-\u9fff]")
PROVENANCE_RULES = frozenset({"dateline", "byline"})
"""Rules whose names tell who filed or wrote the story (provenance, see curator.provenance), not who is in it."""


@dataclass(frozen=True)
class ArticleNames:
    """The names an article gives by their cues, found before any sentence is extracted, so that every later
    (or earlier) bare mention of one is found too: ``Amazon`` after ``a spokesman for Amazon``, ``Forte`` after
    ``Tom Forte``. ``by_sentence`` maps a sentence's start to what its cues gave; ``written`` maps each name as
    written (and a person's surname) to its canonical name and type."""

    by_sentence: dict[int, list[Found]]
    written: dict[str, tuple[str, str]]
    pattern: re.Pattern[str] | None

    def in_sentence(self, start: int, text: str) -> list[Found]:
        """The cue-found names of the sentence at ``start`` and the bare mentions of the article's names in it."""
        found = self.by_sentence.get(start, [])
        if self.pattern is None:
            return found
        more = [Found(m.start(), m.end(), *self.written[m.group()], "repeat") for m in self.pattern.finditer(text)]
        return dedupe(found + more) if more else found


def article_names(sentences: list[tuple[int, str]], lex: Lexicon | None = None) -> ArticleNames:
    """Run the cue rules over every sentence of an article (``(start, text)`` pairs) in order; ``lex`` names
    organisations that others may be listed with (``Sony and Nintendo``)."""
    known_people: dict[str, str] = {}
    by_sentence: dict[int, list[Found]] = {}
    for start, text in sentences:
        found = with_kinds(text, english(text, known_people))
        organisations = [(f.start, f.end) for f in found if f.type == "organisation" or f.name.isupper()]
        organisations += _lexicon_organisations(lex, text)
        found = dedupe(coordinated(text, organisations) + found) if organisations else found
        for f in found:  # a person named by a possession or a degree lends the surname too
            if f.type == "person" and f.rule not in PROVENANCE_RULES and " " in f.name:
                known_people.setdefault(f.name.rsplit(" ", 1)[-1], f.name)
        if _HAN.search(text):
            found += chinese(text, known_people)
        by_sentence[start] = found
    written: dict[str, tuple[str, str]] = {}
    named = [f for found in by_sentence.values() for f in found if f.type != "agent" and f.rule != "coordination"]
    people = {f.name for f in named if f.type == "person"} | {f.name.rsplit(" ", 1)[-1] for f in named if f.type == "person"}
    known = set(known_people) | people | {f.name for f in named}
    following = [text for _, text in sentences[1:]] + [""]
    for (start, text), after in zip(sentences, following):  # "Mr. Reeves" before Eric Reeves in full is him too
        found = [f for f in by_sentence[start] if f.rule != "coordination" or f.name not in people]
        by_sentence[start] = [_full_name(f, known_people) for f in settle_agents(found, text, after, known)]
        for f in by_sentence[start]:
            if f.rule not in PROVENANCE_RULES:
                written.setdefault(text[f.start : f.end], (f.name, f.type))
    for surname, full in known_people.items():  # the surname as the full name writes it (Núñez, folded Nunez)
        if surname.isascii() and len(surname) >= 3 and surname != full:
            written.setdefault(full[-len(surname) :], (full, "person"))
    pattern = re.compile(alternation(list(written), latin_bounds=True)) if written else None
    return ArticleNames(by_sentence, written, pattern)


def _lexicon_organisations(lex: Lexicon | None, text: str) -> list[tuple[int, int]]:
    """Spans of the organisations ``lex`` names in ``text``, written with a capital."""
    if lex is None:
        return []
    return [(m.start(), m.end()) for m in lex.entity_re.finditer(text)
            if m.group()[:1].isupper() and (e := lex.entity(m.group())) is not None and e.type == "organisation"]


def _full_name(f: Found, known_people: dict[str, str]) -> Found:
    """A lone surname as the person the article names in full; a lone word read as an organisation only by where it
    stands (``a spokeswoman for Neumann``) is that person too."""
    if " " in f.name or f.type not in {"person", "organisation"}:
        return f
    full = known_people.get(f.name) or known_people.get(f.name.translate(FOLD))
    if f.type == "organisation":
        return replace(f, name=full, type="person", rule="repeat") if full and f.rule == "org-context" else f
    return replace(f, name=full) if full else f


class EntityRule:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def run(self, ctx: Context, sentence: Sentence) -> None:
        if ctx.names_found is None:
            ctx.names_found = article_names([(s.start, s.text) for s in ctx.sentences], self.lex)
        mentions = self._lexicon(ctx, sentence)
        starts, ends = [m.start for m in mentions], [m.end for m in mentions]
        for f in ctx.names_found.in_sentence(sentence.start, sentence.text):
            start, end = sentence.start + f.start, sentence.start + f.end
            index = bisect.bisect_left(starts, end) - 1  # lexicon mentions never overlap: one bisection
            if ctx.is_blocked(start, end) or (index >= 0 and ends[index] > start):
                continue
            if f.rule in PROVENANCE_RULES:
                continue
            entity = self.lex.entity(f.name) or Entity(f.name, f.type)
            mentions.append(Mention(start, end, entity))
            ctx.add("entity", start, end, entity.name, unit=entity.type, subject=entity.name,
                    extractor=f"entity.open.{f.rule}", statement=f"{entity.name} ({entity.type})")
            if f.role and f.of:
                role = f"{f.role} {f.of}"
                ctx.add("role", start, end, role, subject=entity.name, extractor="relation.role",
                        statement=f"{entity.name} is {role}", attrs={"of": f.of})
        ctx.mentions[sentence.start] = sorted(mentions, key=lambda m: m.start)

    def _lexicon(self, ctx: Context, sentence: Sentence) -> list[Mention]:
        mentions: list[Mention] = []
        for match in self.lex.entity_re.finditer(sentence.text):
            written = match.group()
            entity = self.lex.entity(written)
            if entity is None or (written[:1].islower() and not entity.name[:1].islower()):
                continue
            if _HAN.match(written) and joined_to_name(sentence.text, match.start()):
                continue  # 广汽丰田 is a joint venture, not Toyota
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if ctx.is_blocked(start, end):
                continue
            previous = mentions[-1] if mentions else None
            if previous and previous.entity == entity and ctx.article.text[previous.end : start].strip() in {"(", "（"}:
                continue
            mentions.append(Mention(start, end, entity))
            ctx.add(
                "entity", start, end, entity.name, unit=entity.type, subject=entity.name, extractor="entity.lexicon",
                statement=f"{entity.name} ({entity.type})",
            )
        return mentions

