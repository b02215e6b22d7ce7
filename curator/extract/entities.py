"""Organisations, people and programmes named in the lexicon (``entities`` in facts.yaml).

Value and subject are the canonical name (``Sony`` and ``索尼`` are ``Sony
Group``), unit the entity type. An abbreviation in brackets right after the
full name (``New Energy and Industrial Technology Development Organization
(NEDO)``) is one mention, not two.
"""

from __future__ import annotations

from curator.extract.base import Context, Mention
from curator.extract.lexicon import Lexicon
from curator.extract.sentences import Sentence


class EntityRule:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def run(self, ctx: Context, sentence: Sentence) -> None:
        mentions: list[Mention] = []
        for match in self.lex.entity_re.finditer(sentence.text):
            entity = self.lex.entity(match.group())
            if entity is None:
                continue
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
        ctx.mentions[sentence.start] = mentions
