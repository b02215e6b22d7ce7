"""Relations a sentence states plainly enough for rules to see.

The venture, its cue words, its funders and what "the government" means come
from the corpus profile (``seeds/curator.yaml``); without one, relations take
the sentence's own named subject, so general news never gets one story's venture.

- ``naming``: X is named (``officially named 'Sakura AI Nexus'``,
  ``developed by Noetra, a consortium``, ``“Noetra”联盟``); subject the
  profile's venture, else the organisation the sentence names.
- ``founded-by``: organisations named before *formed / set up / founded /
  joined forces / 组成*; subject the programme named after the verb (``METI
  and NEDO launched ... GENIAC``), the venture when the sentence speaks of
  it, else the organisation named after the verb (``Acme Corp and Beta Inc
  founded Gamma Labs``); ``X, founded by Y and Z`` names founders after the verb.
- ``stake``, ``member-of``: holders and members of the profile's venture
  (stake, ownership, joining words); the share is kept in ``attrs``.
- ``funded-by``: the profile's funders in a sentence about funding, and
  whoever follows *funded / financed / backed by*; subject the sentence's
  named subject (the venture for the profile's funders when none); the
  amounts it names are linked in ``attrs``.
- ``role``: ``Industry Minister Ryosei Akazawa``; subject the person, only where the entity rules found a
  person right after the role word (so a headline's ``Prime Minister Vows Tax Cuts`` gives none).
"""

from __future__ import annotations

import re

from curator.extract.base import Context, Mention
from curator.extract.lexicon import Lexicon
from curator.extract.name_shapes import NAME_WORD
from curator.extract.sentences import Sentence

_QUOTED = r"['\"‘“「『]([^'\"’”」』]{2,60})['\"’”」』]"
_FOUNDING = re.compile(
    r"(?i:\b(?:formed|form|forming|set up|established|founded|created|launched|joined forces|teamed up|banded together|unite)\b)"
    r"|组成|成立|创立|创建"
)
# Ownership words: "owned by X" names holders after it, the others before ("X, each contributing 10%").
_STAKE = re.compile(
    r"(?P<after>(?i:\bowned by\b))|(?i:\bstakes?\b|\bcontribut\w*|\bequity\b|\bowns?\b|\bholding\b)|持股|股份|出资"
)
_FUNDING = re.compile(
    r"(?i:\bfund\w*|\bbacked\b|\bbacking\b|\bsubsid\w*|\bcommitted\b|\binvest\w*|\bgrant\b)|投资|资助|补贴|拨款"
)
_GOVERNMENT = re.compile(r"(?i:\bgovernment\b)|政府")
_MEMBERSHIP = re.compile(
    r"(?P<after>(?i:\bfeaturing\b|\bjoined by\b|\balongside\b|\bdrawn in\b))"
    r"|(?i:\bmembers?\b|\bparticipat\w*|\binvolvement\b|\bjoin\b)|加入|参与|成员"
)
# "banks such as MUFG Bank" lists members only in a sentence about backers, not "firms such as OpenAI".
_EXAMPLES = re.compile(r"(?P<after>(?i:\bsuch as\b|\blike\b))")
_BACKERS = re.compile(r"(?i:\bdrawn in\b|\bbacking\b|\binvestments?\b|\bjoined\b|\bmembers?\b)")
_LIST_GAP = re.compile(r"\s*[,、，]?\s*(?:(?:and|or|&|和|与|及|以及)\s*)?(?:the\s+)?")
_FUNDED_BY = re.compile(r"(?P<after>(?i:\b(?:funded|financed|bankrolled|backed|sponsored)\s+(?:\w+\s+)?by\b))")
_FOUNDING_PROPER = frozenset({"founded", "set up", "established", "formed"})
"""Verbs that found a body; "launched" and "created" name products as often, so they found only a programme or the
profile's venture."""
_NEXT_TO_PASSIVE = re.compile(r"\s*,?\s*(?:(?:which|that|who)\s+)?(?:(?:a|an|the)\s+[\w\s-]{0,40}?)?"
                              r"(?:(?:was|were|is|are|has\sbeen|had\sbeen)\s+)?(?:\w+ly\s+)?")
"""Between a name and "founded by": a comma, a relative word, a short kind ("a group"), a form of *be*."""
_NEXT_TO_ACTIVE = re.compile(r"\s*(?:(?:have|has|had|jointly|together|also|recently|the|a|an)\s+){0,3}")
"""Between founders and the verb, or the verb and what it founded: nothing but auxiliaries and articles."""
_FOUNDED_BY = re.compile(r"(?i:\b(?:founded|co-founded|set up|established|created|started)\s+(?:\w+\s+)?by\b)")


class NamingRule:
    """Names given to the venture; runs before the number rules, which take the venture as a named sentence's subject."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        company = r"(?i:joint venture|venture|consortium|new company|company|alliance|firm)"
        self.naming = [
            re.compile(rf"(?i:\b(?:named|called|dubbed|known as|christened|branded)\s+){_QUOTED}"),
            re.compile(rf"{_QUOTED}\s*{company}\b"),
            re.compile(rf"{company}\s+{_QUOTED}"),
            re.compile(rf"(?i:\bby\s+)(?P<bare>[A-Z][\w]+(?:\s[A-Z][\w]+){{0,3}}),\s+(?:a|the)\s+{company}"),
            re.compile(r"[“\"「『]([^”\"」』]{1,30})[”\"」』]\s*(?:联盟|合资公司|公司|财团|企业)"),
        ]

    def run(self, ctx: Context, sentence: Sentence) -> None:
        for pattern in self.naming:
            for match in pattern.finditer(sentence.text):
                group = "bare" if "bare" in pattern.groupindex and match.group("bare") else 1
                written = match.group(group)
                name = written.strip().rstrip(",.;:，。").strip()
                entity = self.lex.entity(name)
                if entity and entity.type != "organisation" or name.lower() in {"the", "a"} or not name:
                    continue
                canonical = entity.name if entity else name
                start = sentence.start + match.start(group) + (len(written) - len(written.lstrip()))
                end = start + len(name)
                subject = self.lex.venture or _own_subject(ctx, sentence, canonical)
                if subject:
                    ctx.add("naming", start, end, canonical, subject=subject, extractor="relation.naming",
                            statement=f"{subject} is named {canonical}")


class RelationRule:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.role = re.compile(rf"(?P<role>{lex.role_re})\s+(?P<person>{NAME_WORD}(?:\s{NAME_WORD}){{1,2}})(?![\w-])")

    def run(self, ctx: Context, sentence: Sentence) -> None:
        mentions = ctx.mentions.get(sentence.start, [])
        venture = self.lex.venture
        organisations = [m for m in mentions if m.entity.type == "organisation"]
        self._roles(ctx, sentence)
        names = self._names(ctx)
        about_venture = venture is not None and (
            ctx.about_venture(sentence)
            or re.search(r"(?i:\bcompany\b)", sentence.text) is not None
            or any(m.entity.name in names for m in mentions)
        )
        holders = [m for m in organisations if m.entity.name not in names and m.entity.name not in self.lex.funders]
        founding = _FOUNDING.search(sentence.text)
        if founding:
            self._founded(ctx, sentence, founding, mentions, organisations, names, about_venture)
        if about_venture and venture:
            share = self._share(ctx, sentence)
            for m in _listed(ctx, sentence, _STAKE, holders):
                self._relation(ctx, "stake", m, venture, m.entity.name, "relation.stake",
                               f"{m.entity.name} holds {share or 'a stake'} of {venture}", {"share": share} if share else None)
            members = _listed(ctx, sentence, _MEMBERSHIP, holders)
            if _BACKERS.search(sentence.text):
                members += _listed(ctx, sentence, _EXAMPLES, holders)
            for m in members:
                self._relation(ctx, "member-of", m, m.entity.name, venture, "relation.member-of",
                               f"{m.entity.name} takes part in {venture}")
        if _FUNDING.search(sentence.text):
            self._funded(ctx, sentence, mentions, organisations, about_venture)

    def _founded(self, ctx: Context, sentence: Sentence, founding: re.Match[str], mentions: list[Mention],
                 organisations: list[Mention], names: set[str], about_venture: bool) -> None:
        verb_at = sentence.start + founding.start()
        after = [m for m in mentions if m.start >= verb_at and m.entity.type == "programme"]
        subject = after[0].entity.name if after else (self.lex.venture if about_venture else None)
        passive = _FOUNDED_BY.search(sentence.text)
        text = ctx.article.text
        if subject is None and passive:
            by_at = sentence.start + passive.end()
            named = [m for m in organisations if m.end <= sentence.start + passive.start()]
            if named and _NEXT_TO_PASSIVE.fullmatch(text[named[-1].end : sentence.start + passive.start()]):
                subject = named[-1].entity.name  # "Kosmos, a group co-founded by": the name right before the verb
            founders = _org_list(ctx, [m for m in mentions if m.start >= by_at], by_at, after=True)
        else:
            if subject is None and founding.group().lower() in _FOUNDING_PROPER:
                later = [m for m in organisations if m.start >= sentence.start + founding.end()]
                nearby = later and _NEXT_TO_ACTIVE.fullmatch(text[sentence.start + founding.end() : later[0].start])
                subject = later[0].entity.name if nearby else None  # "Acme founded Beta Labs", not "... launched Disney+"
            founders = _org_list(ctx, [m for m in organisations if m.entity.name not in names], verb_at, after=False)
            if founders and subject not in {self.lex.venture, *(m.entity.name for m in after)}:
                founders = founders if _NEXT_TO_ACTIVE.fullmatch(text[founders[0].end : verb_at]) else []
        for m in founders if subject else []:
            if m.entity.name != subject:
                self._relation(ctx, "founded-by", m, subject, m.entity.name, "relation.founded-by",
                               f"{subject} was founded by {m.entity.name}")

    def _funded(self, ctx: Context, sentence: Sentence, mentions: list[Mention], organisations: list[Mention],
                about_venture: bool) -> None:
        venture = self.lex.venture
        amounts = sorted(c.id for c in ctx.in_sentence(sentence, "money"))
        funders = [m for m in organisations if m.entity.name in self.lex.funders]
        funders += [m for m in _listed(ctx, sentence, _FUNDED_BY, mentions) if m not in funders]
        government = _GOVERNMENT.search(sentence.text) if self.lex.government else None
        named = {m.entity.name for m in funders}
        anchor = funders[0] if funders else None
        subject = ctx.subject_of(sentence, anchor.start, anchor.end) if anchor else None
        if subject is None or subject in named | self.lex.funders:
            others = (m.entity.name for m in mentions if m.entity.type != "person" and m.entity.name not in named | self.lex.funders)
            subject = venture or next(others, None)
        if subject is None:
            return
        attrs = {"amounts": amounts} if amounts else None
        for m in funders:
            self._relation(ctx, "funded-by", m, subject, m.entity.name, "relation.funded-by",
                           f"{subject} is funded by {m.entity.name}", attrs)
        if government and self.lex.government not in named and (amounts or about_venture):
            start, end = sentence.start + government.start(), sentence.start + government.end()
            ctx.add("funded-by", start, end, self.lex.government, subject=subject, extractor="relation.funded-by",
                    statement=f"{subject} is funded by {self.lex.government}", attrs=attrs)

    def _names(self, ctx: Context) -> set[str]:
        """Names given to the venture so far in this article (not founders or holders of it)."""
        return set(ctx.names)

    def _roles(self, ctx: Context, sentence: Sentence) -> None:
        people = {m.start: m.entity.name for m in ctx.mentions.get(sentence.start, []) if m.entity.type == "person"}
        for match in self.role.finditer(sentence.text):
            name = people.get(sentence.start + match.start("person"))
            if name is None:
                continue  # "Prime Minister Vows Tax Cuts": no person the entity rules found
            start, end = sentence.start + match.start(), sentence.start + match.end()
            role = match.group("role")
            ctx.add("role", start, end, role, subject=name, extractor="relation.role", statement=f"{name} is {role}")

    def _share(self, ctx: Context, sentence: Sentence) -> str | None:
        for c in ctx.in_sentence(sentence, "percent"):
            return f"{c.qualifier + ' ' if c.qualifier else ''}{c.value:g}%"
        return "majority" if re.search(r"(?i:majority)", sentence.text) else None

    def _relation(self, ctx: Context, kind: str, m: Mention, subject: str, value: str, rule: str, statement: str,
                  attrs: dict[str, object] | None = None) -> None:
        ctx.add(kind, m.start, m.end, value, subject=subject, extractor=rule, statement=statement, attrs=attrs)


def _own_subject(ctx: Context, sentence: Sentence, name: str) -> str | None:
    """The first organisation or programme the sentence names, other than ``name`` itself."""
    return next((m.entity.name for m in ctx.mentions.get(sentence.start, []) if m.entity.type != "person" and m.entity.name != name), None)


def _org_list(ctx: Context, organisations: list[Mention], anchor: int, after: bool) -> list[Mention]:
    """The run of organisations joined by commas and "and" nearest to ``anchor``, on one side of it."""
    side = [m for m in organisations if (m.start >= anchor if after else m.end <= anchor)]
    if not after:
        side.reverse()
    if not side:
        return []
    chain = [side[0]]
    for m in side[1:]:
        left, right = (chain[-1], m) if after else (m, chain[-1])
        if not _LIST_GAP.fullmatch(ctx.article.text[left.end : right.start]):
            break
        chain.append(m)
    return chain


def _listed(ctx: Context, sentence: Sentence, trigger: re.Pattern[str], organisations: list[Mention]) -> list[Mention]:
    """Organisations listed next to each trigger word: after it for ``(?P<after>...)`` words, else before it."""
    found: dict[int, Mention] = {}
    for match in trigger.finditer(sentence.text):
        after = bool(match.group("after"))
        anchor = sentence.start + (match.end() if after else match.start())
        for m in _org_list(ctx, organisations, anchor, after):
            found[m.start] = m
    return [found[k] for k in sorted(found)]
